// The rubric tools and lke template as a user runs them: stdout, stderr and the exit code.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MINI_YAML } from './helpers/mini-rubric.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE } from './helpers/shared.js';
import { run } from './helpers/run.js';
import { tempDir } from './helpers/write-lke.js';

const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const dir = tempDir('lke-rubric-cli-');

const lke = (args: string[], lang = 'en_US.UTF-8') => run(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', LANG: lang }, timeout: 60000 });

/** MINI_YAML broken five ways at once; the line of each break. */
function broken(): { file: string; lines: Record<string, number> } {
  const edits: [string, string, string][] = [
    ['schema-type', '            bobot: 20\n            questions:', '            bobot: dua puluh\n            questions:'],
    ['scale-unknown', 'scale: abcde}', 'scale: abcdef}'],
    ['formula-unknown-input', 'formula: d / a', 'formula: d / x'],
    ['bobot-sum', '    bobot: 40\n    children:\n      - code: B.I', '    bobot: 45\n    children:\n      - code: B.I'],
  ];
  let text = MINI_YAML;
  for (const [, from, to] of edits) {
    expect(text.includes(from), from).toBe(true);
    text = text.replace(from, to);
  }
  const lines: Record<string, number> = {};
  for (const [code, , to] of edits) lines[code] = text.slice(0, text.indexOf(to)).split('\n').length;
  const file = join(dir, 'broken.yaml');
  writeFileSync(file, text);
  return { file, lines };
}

describe('lke rubric check', () => {
  it('a usable rubric: exit 0, one summary line', async () => {
    const file = join(dir, 'mini.yaml');
    writeFileSync(file, MINI_YAML);
    const r = await lke(['rubric', 'check', file]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`${file}: rubric mini can be used\n`);
  });

  it('a broken rubric: exit 2, one line per problem with its code and file:line:col', async () => {
    const { file, lines } = broken();
    const r = await lke(['rubric', 'check', file]);
    expect(r.code).toBe(2);
    const out = r.stdout.trim().split('\n');
    // in file order, each at the line of its YAML node (the column is the node's too)
    const expected = Object.entries(lines).sort((x, y) => x[1] - y[1]);
    expect(out.slice(0, -1).map((l) => /^(.+):(\d+):(\d+): error ([a-z-]+): /.exec(l)?.slice(1, 5))).toEqual(expected.map(([code, line]) => [file, String(line), expect.stringMatching(/^\d+$/), code]));
    expect(out[out.length - 1]).toMatch(/4 error\(s\).*cannot be used/);
  });

  it('bad YAML: exit 2 with the line of the error; Indonesian by default', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: x\ntitle: [tidak ditutup\nregulation: y\n');
    const r = await lke(['rubric', 'check', file], 'id_ID.UTF-8');
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error yaml-syntax: YAML tidak sah`));
  });

  it('the github and sarif formats carry the same problems; a missing file is a problem too', async () => {
    const { file } = broken();
    const gh = await lke(['rubric', 'check', file, '--format', 'github']);
    expect(gh.code).toBe(2);
    expect(gh.stdout.split('\n').filter((l) => l.startsWith('::error file='))).toHaveLength(4);
    const out = join(dir, 'rubric.sarif');
    expect((await lke(['rubric', 'check', file, '--format', 'sarif', '--out', out])).code).toBe(2);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId).sort()).toEqual(['bobot-sum', 'formula-unknown-input', 'scale-unknown', 'schema-type']);
    expect(sarif.runs[0]!.results.every((x) => x.locations[0]!.physicalLocation.region!.startLine > 0)).toBe(true);
    const missing = await lke(['rubric', 'check', join(dir, 'nope.yaml'), '--format', 'json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ usable: false, problems: [{ code: 'file-not-found' }] });
  });
});

describe('lke rubric show, diff', () => {
  it('show: the tree with bobot and scales, as text, markdown or json', async () => {
    const text = await lke(['rubric', 'show', 'zi-2021']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^A\s+PENGUNGKIT\s+\[60\]$/m);
    expect(text.stdout).toMatch(/A\/B\/C\/D\s+A = 1 · B = 0\.67 · C = 0\.33 · D = 0/);
    expect((await lke(['rubric', 'show', 'zi-2021', '--format', 'markdown'])).stdout).toMatch(/^\| A \| \*\*PENGUNGKIT\*\* \| 60 \| \|$/m);
    const json = JSON.parse((await lke(['rubric', 'show', 'rb-2014', '--format', 'json'])).stdout) as { id: string; tree: unknown[]; counts: { questions: number } };
    expect(json).toMatchObject({ id: 'rb-2014', counts: { questions: 151 } });
    expect((await lke(['rubric', 'show', 'nope'])).code).toBe(2);
  });

  it('diff: nothing between a rubric and itself (exit 0); the changes otherwise (exit 1)', async () => {
    expect((await lke(['rubric', 'diff', 'zi-2021', 'zi-2021'])).code).toBe(0);
    const file = join(dir, 'mini-b.yaml');
    const a = join(dir, 'mini-a.yaml');
    writeFileSync(a, MINI_YAML);
    writeFileSync(file, MINI_YAML.replace('{code: B, score: 0.5}', '{code: B, score: 0.6}'));
    const r = await lke(['rubric', 'diff', a, file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^~ scale changed: A\.I\.1\.b A\/B\/C: A 1, B 0\.5, C 0 → A\/B\/C: A 1, B 0\.6, C 0$/m);
  });
});

describe('lke template', () => {
  it('writes a workbook that lke score reads by its stamp; -o is required; the workbook is never the output of import', async () => {
    const out = join(dir, 'blank.xlsx');
    const r = await lke(['template', '--rubric', 'rb-2014', '-o', out, '--opd', 'Biro Organisasi', '--year', '2019']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const s = await lke(['score', out, '--format', 'json']);
    const f = (JSON.parse(s.stdout) as { files: { rubric: { id: string }; opd: string; year: number; findings: { code: string }[] }[] }).files[0]!;
    expect(f).toMatchObject({ rubric: { id: 'rb-2014' }, opd: 'Biro Organisasi', year: 2019 });
    expect(f.findings.map((x) => x.code)).not.toContain('rubric-stamp-mismatch');
    // scored with another rubric than the one it was made from: said so
    const other = join(dir, 'mini.yaml');
    writeFileSync(other, MINI_YAML);
    const m = await lke(['score', out, '--rubric', other, '--format', 'json']);
    expect(m.stdout).toContain('"rubric-stamp-mismatch"');
    expect((await lke(['template', '--rubric', 'rb-2014'])).code).toBe(2);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`lke rubric import${SKIP_NOTE}`, () => {
  it('writes the YAML, lists the TODOs on stderr, and refuses to write over the workbook', async () => {
    const out = join(dir, 'rb-bps.yaml');
    const r = await lke(['rubric', 'import', RB_SAMPLE, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').every((l) => l.startsWith('lke: TODO: '))).toBe(true);
    expect(r.stderr).toMatch(/A\.I\.2\.a: the Nilai formula in K14 reads the answer of row 10/);
    expect(readFileSync(out, 'utf8')).toMatch(/^id: rb-bps$/m);
    expect((await lke(['rubric', 'check', out])).code).toBe(0);
    const self = await lke(['rubric', 'import', RB_SAMPLE, '-o', RB_SAMPLE]);
    expect(self.code).toBe(2);
    expect(existsSync(RB_SAMPLE)).toBe(true);
  });
});
