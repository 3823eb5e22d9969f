// `lke check` as CI runs it: the built CLI against the fixture folders of fixtures/check (written by
// scripts/make-check-fixtures.mjs). Each case records stdout, stderr and the exit code together in one snapshot
// file under test/snapshots/check/; the planted faults must come out at exactly their cells in every format.
import { spawnSync } from 'node:child_process';
import { run, type Run } from './helpers/run.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const FIX = join(ROOT, 'fixtures/check');
const RUBRIC = 'fixtures/check/rubric/lke-mini.yaml';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const PLANTED = JSON.parse(readFileSync(join(FIX, 'planted.json'), 'utf8')) as Record<string, { findings: { code: string; cell: string; question: string | null }[] }>;

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lke-check-'));
  temps.push(d);
  return d;
};

/** Awaited, not spawnSync: a file of CLI runs must not block vitest's worker (its RPC times out after 60 s). */
function lke(args: string[], opts: { cwd?: string; lang?: string } = {}): Promise<Run> {
  const env = { ...process.env, NO_COLOR: '1', LANG: opts.lang ?? 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  return run(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env, timeout: 30000 });
}

/** The version comes from package.json; the snapshots do not change when it does. */
const normalise = (s: string) => s.replaceAll(`"version": "${VERSION}"`, '"version": "<package.json version>"').replaceAll(`"semanticVersion": "${VERSION}"`, '"semanticVersion": "<package.json version>"');

function record(args: string[], r: Run, cwd?: string): string {
  const where = cwd ? `(in ${relative(ROOT, cwd)}) ` : '';
  return `${where}$ lke ${args.join(' ')}\nexit code: ${r.code}\n--- stdout\n${normalise(r.stdout)}--- stderr\n${r.stderr}`;
}

// name → [args, working directory, LANG]
const CASES: Record<string, [string[], string?, string?]> = {
  'faults-text': [['check', 'fixtures/check/faults', '--rubric', RUBRIC]],
  'faults-json': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'json']],
  'faults-sarif': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'sarif']],
  'faults-junit': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'junit']],
  'faults-github': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'github']],
  'faults-markdown': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'markdown']],
  'faults-text-id': [['check', 'fixtures/check/faults', '--rubric', RUBRIC], undefined, 'id_ID.UTF-8'],
  'faults-fail-on-never': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--fail-on', 'never']],
  // every format follows the gate's one verdict: under --fail-on never the worksheet passes, its errors are shown
  'faults-fail-on-never-markdown': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--fail-on', 'never', '--format', 'markdown']],
  'faults-fail-on-never-junit': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--fail-on', 'never', '--format', 'junit']],
  'faults-fail-under-A': [['check', 'fixtures/check/faults/dinas-kesehatan-2024.xlsx', '--rubric', RUBRIC, '--fail-on', 'never', '--fail-under', 'A']],
  'faults-fail-under-90': [['check', 'fixtures/check/faults/*.xlsx', '--rubric', RUBRIC, '--fail-on', 'never', '--fail-under', '90', '--format', 'github']],
  'clean-text': [['check', 'fixtures/check/clean', '--rubric', RUBRIC]],
  'clean-junit': [['check', 'fixtures/check/clean', '--rubric', RUBRIC, '--format', 'junit', '--fail-on', 'warning', '--max-warnings', '0']],
  'submission-text': [['check', 'fixtures/check/submission', '--rubric', RUBRIC]],
  'submission-sarif': [['check', 'fixtures/check/submission', '--rubric', RUBRIC, '--format', 'sarif']],
  'submission-fail-on-warning': [['check', 'fixtures/check/submission', '--rubric', RUBRIC, '--fail-on', 'warning', '--lang', 'id', '--format', 'markdown']],
  'batch-text': [['check', 'submissions'], join(FIX, 'batch')],
  'batch-text-jobs-1': [['check', 'submissions', '--jobs', '1'], join(FIX, 'batch')],
  'batch-text-jobs-2-limits': [['check', 'submissions', '--jobs', '2', '--max-rows', '5'], join(FIX, 'batch')],
  'batch-json': [['check', 'submissions', '--format', 'json'], join(FIX, 'batch')],
  'batch-sarif': [['check', 'submissions', '--format', 'sarif'], join(FIX, 'batch')],
  'batch-junit': [['check', 'submissions', '--format', 'junit'], join(FIX, 'batch')],
  'batch-github': [['check', 'submissions', '--format', 'github'], join(FIX, 'batch')],
  'batch-markdown': [['check', 'submissions', '--format', 'markdown'], join(FIX, 'batch')],
  'batch-no-config': [['check', 'submissions', '--no-config', '--rubric', '../rubric/lke-mini.yaml'], join(FIX, 'batch')],
  'batch-flags-override-config': [['check', 'submissions/dinas-b-2024.xlsx', '--fail-under', '30', '--max-warnings', '0'], join(FIX, 'batch')],
  'batch-explicit-config': [['check', 'fixtures/check/batch/submissions/dinas-a-2024.xlsx', '--config', 'fixtures/check/batch/lke.config.yaml']],
  'error-unknown-flag': [['check', 'fixtures/check/faults', '--bogus']],
  'error-missing-file': [['check', 'fixtures/check/faults/nope.xlsx', '--rubric', RUBRIC]],
  'error-glob-without-match': [['check', 'fixtures/check/**/*.xlsm', '--rubric', RUBRIC]],
  'error-bad-config': [['check', 'x.xlsx'], join(FIX, 'bad-config')],
  'error-missing-config': [['check', 'fixtures/check/faults', '--config', 'no-such.yaml']],
  'error-unknown-rubric': [['check', 'fixtures/check/faults', '--rubric', 'rb-1999']],
  'error-unreadable-workbook': [['check', 'fixtures/check/batch/submissions/dinas-c-2024.xlsx', '--rubric', RUBRIC]],
  'error-unknown-predikat': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--fail-under', 'WBK']],
  'error-two-formats-on-stdout': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'json', '--format', 'sarif']],
  'error-out-before-format': [['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--out', 'x.json', '--format', 'json']],
  'error-bad-format': [['check', 'fixtures/check/faults', '--format', 'pdf']],
  'error-bad-max-warnings': [['check', 'fixtures/check/faults', '--max-warnings', 'many']],
};

describe('lke check: stdout, stderr and exit code per case (test/snapshots/check/)', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const [args, cwd, lang] = CASES[name]!;
    const r = await lke(args, { cwd, lang });
    await expect(record(args, r, cwd)).toMatchFileSnapshot(`snapshots/check/${name}.txt`);
    // the contract the snapshots must keep, whatever their text
    if (name.startsWith('error-')) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } else expect(r.code).not.toBe(2);
  });
});

/** (code cell question) triples from each format's own syntax. */
const EXTRACT: Record<string, (out: string) => string[]> = {
  text: (out) => [...out.matchAll(/^\S+?:(?:(\w+)!([A-Z]+\d+))?: (?:error|warning|info): (?:([A-Z][\w.()]*): )?.*\[([a-z-]+)\]$/gm)].map((m) => `${m[4]} ${m[2] ?? ''} ${m[3] ?? ''}`.trim()),
  json: (out) => (JSON.parse(out) as { files: { findings: { code: string; cell: string | null; question: string | null }[] }[] }).files.flatMap((f) => f.findings.map((x) => `${x.code} ${x.cell ?? ''} ${x.question ?? ''}`.trim())),
  sarif: (out) =>
    (JSON.parse(out) as { runs: { results: { ruleId: string; properties: { cell: string | null; question: string | null }; locations: { physicalLocation: { region?: { startLine: number; startColumn: number } } }[]; message: { text: string } }[] }[] }).runs[0]!.results.map((r) => {
      const region = r.locations[0]!.physicalLocation.region;
      const cell = region ? `${String.fromCharCode(64 + region.startColumn)}${region.startLine}` : '';
      expect(r.message.text).toContain(cell ? `LKE!${cell}` : 'LKE');
      expect(r.properties.cell ?? '').toBe(cell);
      return `${r.ruleId} ${cell} ${r.properties.question ?? ''}`.trim();
    }),
  junit: (out) => [
    ...[...out.matchAll(/<testcase name="([^"]+)"[^>]*>\s*<failure type="([a-z-]+)" message="[^"]*?LKE!([A-Z]+\d+)?/g)].map((m) => `${m[2]} ${m[3] ?? ''} ${m[1]!.startsWith('(') ? '' : m[1]}`.trim()),
    ...[...out.matchAll(/^(?:\s*<testcase name="([^"]+)"[^>]*>\s*<system-out>)?(?:warning|info): \S+ LKE(?:!([A-Z]+\d+))?: .*\[([a-z-]+)\]/gm)].map((m) => `${m[3]} ${m[2] ?? ''} ${m[1] && !m[1].startsWith('(') ? m[1] : ''}`.trim()),
  ],
  github: (out) => [...out.matchAll(/^::(?:error|warning|notice) file=[^,]+(?:,line=(\d+),col=(\d+))?,title=LKE(?:!([A-Z]+\d+))?::\S+ \S+: (?:([A-Z][\w.()]*): )?.*\[([a-z-]+)\]$/gm)].map((m) => `${m[5]} ${m[3] ?? ''} ${m[4] ?? ''}`.trim()),
  // worksheet text in markdown is backslash-escaped (docs/security.md): the question as rendered
  markdown: (out) => [...out.matchAll(/^\| \S+ \| `LKE(?:!([A-Z]+\d+))?` \| ([^|]*) \| `([a-z-]+)` \|/gm)].map((m) => `${m[3]} ${m[1] ?? ''} ${m[2]!.trim().replace(/\\(.)/g, '$1')}`.trim()),
};

describe('planted faults: exactly those findings, at exactly those cells, in every format', () => {
  for (const scenario of ['faults', 'submission']) {
    const expected = PLANTED[scenario]!.findings.map((f) => `${f.code} ${f.cell} ${f.question ?? ''}`.trim()).sort();
    it.each(Object.keys(EXTRACT))(`${scenario}: %s`, async (format) => {
      const r = await lke(['check', `fixtures/check/${scenario}`, '--rubric', RUBRIC, '--format', format]);
      expect(r.code).toBe(1);
      expect(EXTRACT[format]!(r.stdout).sort()).toEqual(expected);
    });
  }
  it('clean: none, exit 0, in every format', async () => {
    for (const format of Object.keys(EXTRACT)) {
      const r = await lke(['check', 'fixtures/check/clean', '--rubric', RUBRIC, '--format', format]);
      expect(r.code, format).toBe(0);
      expect(EXTRACT[format]!(r.stdout), format).toEqual([]);
    }
  });
});

const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const p = join(e.parentPath, e.name);
        return [relative(dir, p), `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`];
      }),
  );

describe('outputs and inputs', () => {
  it('several formats at once, each to its own --out (folders created), one to stdout; the same text as alone; inputs untouched', async () => {
    const before = hashes(FIX);
    const out = temp();
    const args = ['check', 'fixtures/check/submission', '--rubric', RUBRIC];
    const r = await lke([...args, '--format', 'sarif', '--out', join(out, 'lke.sarif'), '--format', 'github', '--format', 'junit', '--out', join(out, 'reports/junit/lke.xml'), '-f', 'markdown', '-o', join(out, 'comment.md')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe((await lke([...args, '--format', 'github'])).stdout);
    expect(readFileSync(join(out, 'lke.sarif'), 'utf8')).toBe((await lke([...args, '--format', 'sarif'])).stdout);
    expect(readFileSync(join(out, 'reports/junit/lke.xml'), 'utf8')).toBe((await lke([...args, '--format', 'junit'])).stdout);
    expect(readFileSync(join(out, 'comment.md'), 'utf8')).toBe((await lke([...args, '--format', 'markdown'])).stdout);
    // written atomically: no temporary file left beside them
    expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    expect(hashes(FIX)).toEqual(before);
  });

  it('when every format goes to a file, stdout shows the text report', async () => {
    const out = temp();
    const r = await lke(['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'json', '--out', join(out, 'r.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe((await lke(['check', 'fixtures/check/faults', '--rubric', RUBRIC])).stdout);
    expect(JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')).check).toMatchObject({ passed: false, exitCode: 1, reasons: ['errors'] });
  });

  it('refuses to write over a worksheet', async () => {
    const r = await lke(['check', 'fixtures/check/faults', '--rubric', RUBRIC, '--format', 'json', '--out', 'fixtures/check/faults/dinas-kesehatan-2024.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/never overwrites/);
  });

  // on tsc's module tree, where each module is a file the loader sees; the bundle keeps the import()s as lazy inits
  it('lke --help lists check and loads neither the command nor the presenters (lazy import)', () => {
    const hooks = temp();
    writeFileSync(join(hooks, 'hooks.mjs'), "export async function load(url, context, next) {\n  if (!url.startsWith('node:')) process.stderr.write(`LOAD ${url}\\n`);\n  return next(url, context);\n}\n");
    writeFileSync(join(hooks, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(hooks, 'register.mjs')).href, join(ROOT, 'dist/cli/main.js'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/check \[options\] <files\.\.\.>/);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOAD '));
    expect(loaded.some((l) => l.includes('dist/cli/commands/check.js'))).toBe(true);
    expect(loaded.filter((l) => /dist\/engine\/|dist\/app\/(score|check|rubric|template)|dist\/present\/(report|ci|rubric|workbook)\/|dist\/(import|template)\/|exceljs|yaml|zod/.test(l))).toEqual([]);
  });
});

describe('fixtures/check', () => {
  it('is what scripts/make-check-fixtures.mjs writes, byte for byte', () => {
    const out = temp();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/make-check-fixtures.mjs')], { encoding: 'utf8', env: { ...process.env, LKE_CHECK_FIXTURES: out } });
    expect(r.status, r.stderr).toBe(0);
    const list = (d: string) => Object.keys(hashes(d)).sort();
    expect(list(out)).toEqual(list(FIX));
    for (const f of list(FIX)) expect(readFileSync(join(out, f)).equals(readFileSync(join(FIX, f))), f).toBe(true);
  });
});
