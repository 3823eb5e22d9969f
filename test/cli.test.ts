// The built CLI as a user runs it: stdout, stderr and the exit code together.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { mini, MINI_YAML } from './helpers/mini-rubric.js';
import { tempDir, writeLke } from './helpers/write-lke.js';

const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const dir = tempDir('lke-cli-');

function lke(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env }, timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const oneLine = (s: string) => s.trim().split('\n').length === 1 && !/\n\s+at /.test(s);

describe('usage', () => {
  it('--help lists the commands and exits 0', () => {
    const r = lke(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/score \[options\] <files\.\.\.>/);
  });
  it('an unknown flag is exit 2 with one message on stderr', () => {
    const r = lke(['score', 'x.xlsx', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lke: unknown option --bogus .*\n$/);
  });
  it('a bad --format, --blank or --year is exit 2', () => {
    expect(lke(['score', 'x.xlsx', '--format', 'pdf']).code).toBe(2);
    expect(lke(['score', 'x.xlsx', '--blank', 'maybe']).code).toBe(2);
    expect(lke(['score', 'x.xlsx', '--year', '24']).code).toBe(2);
  });
  it('the bin runs the bundle with the code cache the build wrote, and V8 takes it', () => {
    const r = lke(['score', join(fileURLToPath(new URL('../fixtures/', import.meta.url)), 'lke-rb-2014-kalteng-2021.xlsx'), '--format', 'json'], { LKE_CODE_CACHE_CHECK: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('lke code cache: used cli.v8cache\n');
    expect(JSON.parse(r.stdout).files[0].index).toBeCloseTo(59.73, 2);
  });
  it('help and --version load the smaller cache of a help run, and V8 takes it', () => {
    for (const args of [['--help'], ['score', '-h'], ['--version']]) {
      const r = lke(args, { LKE_CODE_CACHE_CHECK: '1' });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('lke code cache: used cli.help.v8cache\n');
    }
  });
  it('a code cache V8 refuses (another Node, a damaged file) only costs the compiling: the same report', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const copy = join(dir, 'install');
    for (const p of ['dist/cli/bin.cjs', 'dist/cli/cached-script.cjs', 'dist/bundle', 'dist/rubrics', 'rubrics', 'package.json']) cpSync(join(root, p), join(copy, p), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    writeFileSync(join(copy, 'dist/bundle/cli.v8cache'), Buffer.alloc(4096, 7));
    const file = join(root, 'fixtures/lke-rb-2014-kalteng-2021.xlsx');
    const run = (cli: string) => spawnSync(process.execPath, [cli, 'score', file, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LKE_CODE_CACHE_CHECK: '1' } });
    const refused = run(join(copy, 'dist/cli/bin.cjs'));
    expect(refused.stderr).toBe('lke code cache: refused cli.v8cache\n');
    expect(refused.status).toBe(0);
    expect(refused.stdout).toBe(run(CLI).stdout);
  });
  it('the batch workers run their bundle with the code cache the build wrote, and V8 takes it', () => {
    const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
    const r = lke(['score', join(fixtures, 'lke-rb-2014-kalteng-2021.xlsx'), join(fixtures, 'lke-rb-2014-flat.xlsx'), '--jobs', '2', '--format', 'json'], { LKE_CODE_CACHE_CHECK: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('lke worker code cache:'))).toEqual(['lke worker code cache: used worker.v8cache', 'lke worker code cache: used worker.v8cache']);
  });
  it('lists the built-in rubrics; lke rubrics is lke rubric list', () => {
    const r = lke(['rubrics']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/rb-2014[\s\S]*rb-2023-kabkota[\s\S]*41 lines[\s\S]*rb-2023-kl[\s\S]*rb-2023-provinsi[\s\S]*zi-2021/);
    expect(lke(['rubric', 'list'])).toEqual(r);
  });
});

describe('bad input: one clear line naming the file, exit 2', () => {
  it('a missing file', () => {
    const r = lke(['score', join(dir, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/nope\.xlsx: no such file/);
  });
  it('text renamed to .xlsx, an old .xls, an empty file', () => {
    const text = join(dir, 'notes.xlsx');
    writeFileSync(text, 'just some notes\n');
    const xls = join(dir, 'old.xlsx');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    for (const [f, msg] of [[text, /not an \.xlsx workbook/], [xls, /save it as \.xlsx/], [empty, /empty/]] as const) {
      const r = lke(['score', f]);
      expect(r.code, f).toBe(2);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).toContain(f);
    }
  });
  it('a truncated workbook', () => {
    const good = join(dir, 'good.xlsx');
    return writeLke(good, mini()).then(() => {
      const cut = join(dir, 'cut.xlsx');
      const buf = readFileSync(good);
      writeFileSync(cut, buf.subarray(0, Math.floor(buf.length / 2)));
      const r = lke(['score', cut, '--rubric', writeMini()]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
      expect(r.stderr).toMatch(/cut\.xlsx: .*(damaged|truncated)/);
    });
  });
  it('a workbook over --max-file-size', async () => {
    const f = join(dir, 'big.xlsx');
    await writeLke(f, mini());
    const r = lke(['score', f, '--rubric', writeMini(), '--max-file-size', '0.001']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/big\.xlsx: .* over the .* limit \(raise it with --max-file-size\)/);
  });
  it('an invalid rubric names file:line:col', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, MINI_YAML.replace('bobot: 40', 'bobot: empat puluh'));
    const r = lke(['score', 'whatever.xlsx', '--rubric', bad]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: .*bobot/);
  });
  it('an unknown rubric id', () => {
    const r = lke(['score', 'whatever.xlsx', '--rubric', 'rb-1999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rubric "rb-1999" not found .*rb-2014, rb-2023-kabkota, rb-2023-kl, rb-2023-provinsi, zi-2021/);
  });
  it('a workbook that matches no rubric asks for --rubric', async () => {
    const f = join(dir, 'other.xlsx');
    await writeLke(f, mini());
    const r = lke(['score', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give --rubric/);
  });
});

function writeMini(): string {
  const p = join(dir, 'mini.yaml');
  writeFileSync(p, MINI_YAML);
  return p;
}

describe('scoring', () => {
  it('exit 1 when error findings, 0 when clean; findings name the cell', async () => {
    const rubric = writeMini();
    const clean = join(dir, 'clean.xlsx');
    await writeLke(clean, mini(), { answers: { 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 } });
    const ok = lke(['score', clean, '--rubric', rubric]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const faulty = join(dir, 'faulty.xlsx');
    const rows = await writeLke(faulty, mini(), { answers: { 'A.I.1.b': 'D', 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 } });
    const bad = lke(['score', faulty, '--rubric', rubric, '--format', 'json']);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.files[0].findings).toEqual([
      expect.objectContaining({ code: 'answer-invalid', severity: 'error', sheet: 'LKE', cell: `K${rows.get('A.I.1.b')}`, question: 'A.I.1.b' }),
      // no title block in this file: its OPD ("faulty") comes from the file name, said as information
      expect.objectContaining({ code: 'metadata-from-file-name', severity: 'info' }),
    ]);
  });
  it('never modifies the input (bytes and mtime)', async () => {
    const f = join(dir, 'keep.xlsx');
    await writeLke(f, mini());
    const before = { hash: createHash('sha256').update(readFileSync(f)).digest('hex'), mtime: statSync(f).mtimeMs };
    lke(['score', f, '--rubric', writeMini(), '--format', 'json']);
    lke(['score', f, '--rubric', writeMini()]);
    expect({ hash: createHash('sha256').update(readFileSync(f)).digest('hex'), mtime: statSync(f).mtimeMs }).toEqual(before);
  });
  it.skipIf(!HAVE_SAMPLES)(`json report of the RB sample: 71.41 BB at full precision${SKIP_NOTE}`, () => {
    const r = lke(['score', RB_SAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.rubric.id).toBe('rb-2014');
    expect(report.blankPolicy).toBe('skip');
    const file = report.files[0];
    expect(file).toMatchObject({ status: 'scored', opd: 'Badan Pusat Statistik', year: 2015, predikat: { code: 'BB' } });
    expect(file.index).toBeCloseTo(71.406286, 6);
    expect(file.nodes.find((n: { code: string }) => n.code === 'A.I')).toMatchObject({ level: 'area', bobot: 5 });
    // the rubric's doubts travel with the report
    expect(report.rubric.uncertain.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['scale:survey-0-5', 'A.V.4.c']));
  });
  it.skipIf(!HAVE_SAMPLES)(`table report without colour when NO_COLOR is set${SKIP_NOTE}`, () => {
    const r = lke(['score', ZI_SAMPLE]);
    expect(r.code).toBe(1); // the sheet's broken LHKPN formula is an error finding
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toMatch(/Index\s+95\.71\s+Target WBK: 15 of 16 minima met/);
    expect(r.stdout).toMatch(/'LKE ZI'!L175 .*A\.II\.5\.iii/);
    expect(r.stdout).toMatch(/A\.II\.5\.iii/);
  });
  it.skipIf(!HAVE_SAMPLES)(`--opd, --year and --blank are honoured and reported${SKIP_NOTE}`, () => {
    const r = lke(['score', RB_SAMPLE, '--format', 'json', '--opd', 'BPS RI', '--year', '2016', '--blank', 'zero']);
    const report = JSON.parse(r.stdout);
    expect(report.blankPolicy).toBe('zero');
    expect(report.files[0]).toMatchObject({ opd: 'BPS RI', year: 2016 });
  });
  it('messages follow --lang and LANG', async () => {
    const f = join(dir, 'lang.xlsx');
    await writeLke(f, mini(), { answers: { 'A.I.1.b': null, 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 } });
    const id = JSON.parse(lke(['score', f, '--rubric', writeMini(), '--format', 'json'], { LANG: 'id_ID.UTF-8' }).stdout);
    expect(id.files[0].findings[0].message).toMatch(/jawaban belum diisi/);
    const en = JSON.parse(lke(['score', f, '--rubric', writeMini(), '--format', 'json', '--lang', 'en'], { LANG: 'id_ID.UTF-8' }).stdout);
    expect(en.files[0].findings[0].message).toMatch(/no answer/);
  });
});
