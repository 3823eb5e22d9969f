// The edges a new user meets (issue 15), as the built CLI shows them: stdout, stderr and the exit code of each case
// recorded in test/snapshots/edges/, in Indonesian (the default) and English where there are words. Folders and
// workbooks are built here in a temp folder, and each case runs in it with relative paths, so what is recorded is
// the same on every machine. Cases that need a folder lke may not read run as an unprivileged user when the tests
// run as root (chmod does not stop root); where that cannot be done they are skipped and say so.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mini, MINI_YAML } from './helpers/mini-rubric.js';
import { run as spawnRun, type Run } from './helpers/run.js';
import { tempDir, writeLke } from './helpers/write-lke.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const ID = 'id_ID.UTF-8';
const EN = 'en_US.UTF-8';

/** nobody: when the tests run as root, a chmod 000 folder is unreadable only to another user. */
const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;

function lke(args: string[], opts: { cwd: string; lang?: string; unprivileged?: boolean }): Promise<Run> {
  const env = { ...process.env, NO_COLOR: '1', LANG: opts.lang ?? ID, LC_ALL: '', LC_MESSAGES: '', LKE_NO_RESPAWN: '1' };
  const user = opts.unprivileged && AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {};
  return spawnRun(process.execPath, [CLI, ...args], { cwd: opts.cwd, env, timeout: 30000, ...user });
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const normalise = (s: string) => s.replaceAll(`"version": "${VERSION}"`, '"version": "<package.json version>"').replaceAll(`"semanticVersion": "${VERSION}"`, '"semanticVersion": "<package.json version>"');
const record = (where: string, args: string[], r: Run, lang: string) =>
  `(in ${where}, LANG=${lang}) $ lke ${args.join(' ')}\nexit code: ${r.code}\n--- stdout\n${normalise(r.stdout)}--- stderr\n${r.stderr}`;

let tmp = '';
const at = (...p: string[]) => join(tmp, ...p);
/** Whether an unprivileged user can be run (root without the right to change user: skip those cases). */
let canDropRoot = true;

/** An Excel owner file, as Excel writes one beside an open workbook: the user name twice (ANSI, then UTF-16). */
function ownerFile(user: string): Buffer {
  const b = Buffer.alloc(165, 0x20);
  b[0] = user.length;
  b.write(user, 1, 'latin1');
  b.writeUInt16LE(user.length, 54);
  b.write(user, 56, 'utf16le');
  return b;
}

beforeAll(async () => {
  tmp = tempDir('lke-edges-');
  chmodSync(tmp, 0o755);
  const copy = (from: string, to: string) => {
    mkdirSync(join(to, '..'), { recursive: true });
    copyFileSync(join(ROOT, from), to);
  };
  // item 2: a folder with a link back up (a loop), a second path to the same folder, a folder lke may not read,
  // and Excel's owner file of an open workbook
  copy('fixtures/check/batch/submissions/dinas-a-2024.xlsx', at('walk/subs/a/dinas-a-2024.xlsx'));
  copy('fixtures/check/batch/submissions/dinas-b-2024.xlsx', at('walk/subs/locked/dinas-b-2024.xlsx'));
  copy('fixtures/check/rubric/lke-mini.yaml', at('walk/lke-mini.yaml'));
  symlinkSync('..', at('walk/subs/a/up'));
  symlinkSync('a', at('walk/subs/a-again'));
  writeFileSync(at('walk/subs/~$dinas-a-2024.xlsx'), ownerFile('Operator OPD'));
  chmodSync(at('walk/subs/locked'), 0o000);
  // item 3: outputs in the way of a report
  copy('fixtures/check/batch/submissions/dinas-a-2024.xlsx', at('out/dinas-a-2024.xlsx'));
  copy('fixtures/check/rubric/lke-mini.yaml', at('out/lke-mini.yaml'));
  writeFileSync(at('out/notes.txt'), 'catatan\n');
  symlinkSync('no-such-folder', at('out/gone'));
  mkdirSync(at('out/sealed'));
  chmodSync(at('out/sealed'), 0o555);
  mkdirSync(at('out/reports'));
  chmodSync(at('out'), 0o777);
  // items 4 and 5: worksheet text that would make markup, two failing findings at one question and two for the
  // worksheet as a whole, on a sheet whose name needs quotes
  mkdirSync(at('text'), { recursive: true });
  writeFileSync(at('text/mini.yaml'), MINI_YAML);
  await writeLke(at('text/dinas <img src=x> @admin.xlsx'), mini(), {
    sheetName: 'LKE ZI',
    answers: {
      'A.I.1.a': '[klik](http://evil.example)',
      'A.I.1.b': '<img src=x onerror=alert(1)> @everyone #1 **tebal** ~~coret~~ $x$ `kode` | pipa',
      'A.II.1.a(a)': 2,
      'A.II.1.a(b)': 1,
      'A.II.1.a(c)': 1,
      'A.II.1.a(d)': 2,
    },
    bukti: { 'A.I.2.a': 'www.evil.example/![gambar](x)' },
    tweak: (ws, rows) => {
      // the sheet's own Nilai, wrong on a question with a bad answer and on two indicators
      ws.getCell(`L${rows.get('A.I.1.b')!}`).value = 1;
      ws.getCell(`L${rows.get('A.I.1')!}`).value = 99;
      ws.getCell(`L${rows.get('A.I.2')!}`).value = 98;
    },
  });
  // can this machine run lke as another user? (not where the clone sits in a folder only root may enter)
  if (AS_ROOT) canDropRoot = spawnSync(process.execPath, [CLI, '--version'], { uid: NOBODY, gid: NOBODY, cwd: tmp }).status === 0;
});

afterAll(() => {
  for (const d of ['walk/subs/locked', 'out/sealed']) chmodSync(at(d), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

const snap = (name: string) => `snapshots/edges/${name}.txt`;

/** `shown`: what of stdout the snapshot records (all of it by default). */
async function run(name: string, where: string, args: string[], lang: string, unprivileged = false, shown = (stdout: string) => stdout): Promise<Run> {
  const r = await lke(args, { cwd: where === 'fixtures' ? ROOT : at(where), lang, unprivileged });
  await expect(record(where, args, { ...r, stdout: shown(r.stdout) }, lang)).toMatchFileSnapshot(snap(name));
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|galat internal/);
  return r;
}

describe('1. every message in the user language: file-level errors', () => {
  it.each([
    ['id', ID],
    ['en', EN],
  ])('the corpus of bad files as a batch: "Berkas gagal" and stderr (%s)', async (l, lang) => {
    const r = await run(`corpus-batch-${l}`, 'fixtures', ['score', 'fixtures/corpus/workbook', 'fixtures/password', '--jobs', '1'], lang);
    expect(r.code).toBe(1);
    // menu paths (File > Info > Protect Workbook) are the applications' own words
    if (l === 'id') expect(r.stdout + r.stderr).not.toMatch(/save it as|the file is|is not a|password-protected;|refused:|no LKE sheet/);
  });
  it.each([
    ['max-rows', ['--max-rows', '10']],
    ['max-columns', ['--max-columns', '3']],
    ['max-cells', ['--max-cells', '100']],
    ['max-file-size', ['--max-file-size', '0.005']],
    ['max-unpacked', ['--max-unpacked', '0.05']],
  ])('each limit: %s, in both languages', async (name, flags) => {
    for (const [l, lang] of [['id', ID], ['en', EN]] as const) {
      const r = await run(`limit-${name}-${l}`, 'fixtures', ['score', 'fixtures/lke-rb-2014-kalteng-2021.xlsx', ...flags], lang);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
  it.each(['text', 'sarif', 'junit', 'github', 'markdown'])('lke check --format %s says it in Indonesian (and English with --lang en)', async (format) => {
    const args = ['check', 'fixtures/password/password-protected.ods', 'fixtures/corpus/workbook/old-excel-97.xls', '--format', format, '--jobs', '1'];
    // SARIF: the tool execution notifications, where a file that cannot be read goes (not every rule's help)
    const shown = format === 'sarif' ? (out: string) => `${JSON.stringify((JSON.parse(out) as { runs: { invocations: unknown }[] }).runs[0]!.invocations, null, 2)}\n` : undefined;
    const id = await run(`check-unreadable-${format}-id`, 'fixtures', args, ID, false, shown);
    const en = await run(`check-unreadable-${format}-en`, 'fixtures', [...args, '--lang', 'en'], ID, false, shown);
    expect(id.code).toBe(1);
    expect(en.code).toBe(1);
    expect(id.stdout + id.stderr).toMatch(/dilindungi kata sandi/);
    expect(id.stdout + id.stderr).not.toMatch(/password-protected;|save it as/);
    expect(en.stdout + en.stderr).toMatch(/is password-protected/);
  });
});

describe('1. usage errors: one line, lke: first, in the user language', () => {
  const CASES: Record<string, string[]> = {
    'unknown-option': ['score', 'x.xlsx', '--bogs'],
    'bad-year': ['score', 'x.xlsx', '--year', 'duaribu'],
    'bad-format': ['check', 'x.xlsx', '--format', 'pdf'],
    'bad-size': ['score', 'x.xlsx', '--max-file-size', 'besar'],
    'missing-argument': ['score'],
    'unknown-command': ['nilai', 'x.xlsx'],
    'option-without-value': ['score', 'x.xlsx', '--rubric'],
    'no-match': ['score', 'fixtures/**/*.xlsb'],
    'unknown-rubric': ['score', 'fixtures/lke-rb-2014-kalteng-2021.xlsx', '--rubric', 'rb-1999'],
    'missing-config': ['check', 'fixtures/check/faults', '--config', 'no-such.yaml'],
  };
  it.each(Object.keys(CASES))('%s', async (name) => {
    for (const [l, lang] of [['id', ID], ['en', EN]] as const) {
      const r = await run(`usage-${name}-${l}`, 'fixtures', CASES[name]!, lang);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^lke: [^\n]+\n$/);
    }
  });
  it('--lang given after the bad flag still chooses the language', async () => {
    const r = await lke(['score', 'x.xlsx', '--year', '24', '--lang', 'en'], { cwd: ROOT, lang: ID });
    expect(r.stderr).toMatch(/^lke: option --year: "24" is not valid: a four-digit year/);
  });
});

describe('2. folder walking without holes', () => {
  const skip = () => AS_ROOT && !canDropRoot;
  const note = AS_ROOT ? ' (run as nobody: chmod does not stop root)' : '';
  for (const command of ['score', 'check'] as const) {
    it.each([
      ['id', ID],
      ['en', EN],
    ])(`lke ${command}: a link loop is a warning, each real folder is read once, a folder lke may not read is a failed input (%s)${note}`, async (l, lang) => {
      if (skip()) {
        console.warn(`SKIPPED: cannot run as another user here, so a chmod 000 folder is readable (edges-cli ${command} ${l})`);
        return;
      }
      const r = await run(`walk-${command}-${l}`, 'walk', [command, 'subs', '--rubric', 'lke-mini.yaml', '--jobs', '1'], lang, true);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/subs\/a\/up/);
      expect(r.stderr).toMatch(/subs\/locked/);
      // dinas-a is reached by three paths (subs/a, subs/a-again, subs/a/up/a): scored once
      const json = JSON.parse((await lke([command, 'subs', '--rubric', 'lke-mini.yaml', '--jobs', '1', '--format', 'json'], { cwd: at('walk'), lang, unprivileged: true })).stdout) as { files: { file: string; status: string }[] };
      expect(json.files.map((f) => `${f.file} ${f.status}`)).toEqual(['subs/a/dinas-a-2024.xlsx scored', 'subs/locked error']);
    });
  }
  it('a glob does not skip a folder it cannot look into', async () => {
    if (skip()) return;
    const r = await run('walk-glob', 'walk', ['check', 'subs/**/*.xlsx', '--rubric', 'lke-mini.yaml', '--jobs', '1'], EN, true);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/subs\/locked: the folder cannot be opened/);
  });
  it.each([
    ['id', ID],
    ['en', EN],
  ])('an Office lock file given by name is named as one (%s)', async (l, lang) => {
    const r = await run(`lock-file-${l}`, 'walk', ['score', 'subs/~$dinas-a-2024.xlsx', '--rubric', 'lke-mini.yaml'], lang);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(l === 'id' ? /berkas kunci Office/ : /Office lock file/);
  });
});

describe('3. outputs that fail cleanly: one line naming the path, exit 2, before any worksheet is read', () => {
  const CASES: Record<string, string> = {
    'under-a-file': 'notes.txt/lke.sarif',
    'dangling-link': 'gone/lke.sarif',
    'refusing-folder': 'sealed/new/lke.sarif',
    proc: '/proc/nope/x.sarif',
    'a-folder': 'reports',
  };
  it.each(Object.keys(CASES))('%s', async (name) => {
    if (name === 'refusing-folder' && AS_ROOT && !canDropRoot) return console.warn('SKIPPED: cannot run as another user here (edges-cli refusing-folder)');
    for (const [l, lang] of [['id', ID], ['en', EN]] as const) {
      const args = ['check', 'dinas-a-2024.xlsx', '--rubric', 'lke-mini.yaml', '--format', 'sarif', '--out', CASES[name]!];
      const started = Date.now();
      const r = await run(`out-${name}-${l}`, 'out', args, lang, name === 'refusing-folder');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.stderr).toContain(CASES[name]!);
      expect(Date.now() - started).toBeLessThan(20000);
    }
  });
});

/** Markdown that shows worksheet text as text: every mark that could make markup is escaped or broken. */
function expectInert(md: string): void {
  // code spans (file names, cells, codes) show their text as it is; what is left must be inert text
  const text = md.replace(/`[^`]*`/g, '').replace(/<code>[^<]*<\/code>/g, '').replace(/<\/?(details|summary)>/g, '');
  expect(text).not.toMatch(/</);
  expect(text).not.toMatch(/(?<!\\)\[|(?<!\\)\]/);
  expect(text).not.toMatch(/(?<!\\):\/\//);
  expect(text).not.toMatch(/(?<!\\)\bwww\./i);
  expect(text).not.toMatch(/@(?!\u2060)|#(?!\u2060|##)/);
  expect(text).not.toMatch(/(?<!\\)\*\*|(?<!\\)~~|(?<!\\)\$x/);
}

describe('4. markdown: worksheet text never makes links or markup', () => {
  it.each([
    ['id', ID],
    ['en', EN],
  ])('%s', async (l, lang) => {
    const r = await run(`markdown-${l}`, 'text', ['check', '.', '--rubric', 'mini.yaml', '--format', 'markdown'], lang);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('\\[klik\\](http\\://evil.example)');
    expectInert(r.stdout.replace(/^### .*$/m, ''));
  });
});

describe('5. JUnit: one failure per testcase, counts that match, cells written as everywhere', () => {
  it.each([
    ['id', ID],
    ['en', EN],
  ])('%s', async (l, lang) => {
    const r = await run(`junit-${l}`, 'text', ['check', '.', '--rubric', 'mini.yaml', '--format', 'junit'], lang);
    expect(r.code).toBe(1);
    const xml = r.stdout.replaceAll('&apos;', "'");
    const cases = [...r.stdout.matchAll(/<testcase [^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => m[2] ?? '');
    for (const c of cases) expect(c.match(/<failure /g)?.length ?? 0).toBeLessThanOrEqual(1);
    const failures = r.stdout.match(/<failure /g)?.length ?? 0;
    expect(failures).toBeGreaterThanOrEqual(4);
    for (const tag of ['testsuites', 'testsuite']) expect(r.stdout).toMatch(new RegExp(`<${tag} [^>]*failures="${failures}"`));
    expect(Number(/<testsuite [^>]*tests="(\d+)"/.exec(r.stdout)![1])).toBe(cases.length);
    expect(xml).toMatch(/'LKE ZI'!K\d+/);
    expect(xml).not.toMatch(/[^']LKE ZI!|LKE ZI !/);
  });
});

describe('6. baselines: stale or malformed entries are warnings at their line', () => {
  it.each([
    ['id', ID],
    ['en', EN],
  ])('%s', async (l, lang) => {
    writeFileSync(
      at('text/lke.config.yaml'),
      [
        'rubric: mini.yaml',
        'accepted:',
        '  - code: answer-invalid          # matches: accepted',
        "    file: 'dinas <img src=x> @admin.xlsx'",
        '    question: A.I.1.a',
        '  - code: answer-invalid          # a question the rubric does not have',
        '    file: "*.xlsx"',
        '    question: A.I.9.z',
        '  - code: nilai-mismatch          # the sheet name written without the quotes it needs',
        '    file: "*.xlsx"',
        '    cell: LKE ZI!L5',
        '  - code: nilai-mismatch          # another sheet',
        '    file: "*.xlsx"',
        '    cell: Rekap!L5',
        '  - code: bukti-missing           # a file that is gone',
        '    file: dinas-lama.xlsx',
        '  - code: bukti-missing           # nothing like it any more',
        '    file: "*.xlsx"',
        '',
      ].join('\n'),
    );
    const r = await run(`baseline-${l}`, 'text', ['check', '.'], lang);
    expect(r.code).toBe(1);
    const warnings = r.stderr.split('\n').filter((s) => / warning: /.test(s));
    expect(warnings.map((s) => /lke\.config\.yaml:(\d+):/.exec(s)?.[1])).toEqual(['6', '9', '12', '15', '17']);
    rmSync(at('text/lke.config.yaml'));
  });
});

describe('7. password-protected .ods and .xls (saved by LibreOffice) are told as such', () => {
  it.each([
    ['id', ID],
    ['en', EN],
  ])('%s', async (l, lang) => {
    for (const f of ['password-protected.ods', 'password-protected.xls']) {
      const r = await run(`password-${f.split('.')[1]}-${l}`, 'fixtures', ['score', `fixtures/password/${f}`], lang);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(l === 'id' ? /dilindungi kata sandi/ : /is password-protected/);
    }
  });
});

describe('8. small things', () => {
  it.each([
    ['id', ID],
    ['en', EN],
  ])('--fail-under that is neither a number 0-100 nor a predikat; sizes with their precision (%s)', async (l, lang) => {
    for (const v of ['-5', '150']) {
      const r = await run(`fail-under-${v}-${l}`, 'fixtures', ['check', 'fixtures/check/faults', '--rubric', 'fixtures/check/rubric/lke-mini.yaml', `--fail-under=${v}`], lang);
      expect(r.code).toBe(2);
    }
    const r = await lke(['score', 'fixtures/lke-rb-2014-kalteng-2021.xlsx', '--max-file-size', '0.005'], { cwd: ROOT, lang });
    expect(r.stderr).toMatch(/0\.03 MiB .* 0\.005 MiB/);
  });
  it.each([
    ['id', ID],
    ['en', EN],
  ])('the score table says the severity in the user language; lke check keeps error:/warning: for CI matchers (%s)', async (l, lang) => {
    const score = await lke(['score', 'fixtures/check/faults/dinas-kesehatan-2024.xlsx', '--rubric', 'fixtures/check/rubric/lke-mini.yaml'], { cwd: ROOT, lang });
    expect(score.stdout).toMatch(l === 'id' ? /^ {2}galat +LKE!K10 /m : /^ {2}error +LKE!K10 /m);
    const check = await lke(['check', 'fixtures/check/faults', '--rubric', 'fixtures/check/rubric/lke-mini.yaml'], { cwd: ROOT, lang });
    expect(check.stdout).toMatch(/:LKE!K10: error: /);
    expect(check.stdout).toMatch(/:LKE!M16: warning: /); // bukti-missing, at the evidence cell
  });
  it('system error codes are said in words', async () => {
    // a link that loops on itself, named as a worksheet
    symlinkSync('loop.xlsx', at('walk/loop.xlsx'));
    const r = await run('errno-eloop-id', 'walk', ['score', 'loop.xlsx'], ID);
    expect(r.stderr).toMatch(/tidak dapat dibaca: tautan simbolik yang berputar \(ELOOP\)/);
    rmSync(at('walk/loop.xlsx'));
  });
});
