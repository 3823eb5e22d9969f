// `lke diff` as people run it: the built CLI on the bundled fixtures, the real RB sample's two blocks, and two
// folders written here. Each snapshot case records stdout, stderr and the exit code together under
// test/snapshots/diff/, so a change of what users see shows up in review.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HAVE_SAMPLES, SKIP_NOTE } from './helpers/shared.js';
import { mini } from './helpers/mini-rubric.js';
import { tempDir, writeLke } from './helpers/write-lke.js';
import { run, type Run } from './helpers/run.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const RB = '../shared/domain/samples/lke-rb-2014-bps-2015.xlsx';
const QUICK = 'fixtures/lke-rb-2014-kalteng-2021.xlsx';

function lke(args: string[], lang = 'en_US.UTF-8', cwd = ROOT): Promise<Run> {
  return run(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', LANG: lang, LC_ALL: '', LC_MESSAGES: '' }, timeout: 60000 });
}

const normalise = (s: string) => s.replaceAll(`"version": "${VERSION}"`, '"version": "<package.json version>"');
const record = (args: string[], r: Run) => `$ lke ${args.join(' ')}\nexit code: ${r.code}\n--- stdout\n${normalise(r.stdout)}--- stderr\n${r.stderr}`;

// name → [args, LANG]
const CASES: Record<string, [string[], string?]> = {
  // the same answers in another layout (flat codes) and as LibreOffice saved them: nothing changed
  'files-same-answers': [['diff', QUICK, 'fixtures/lke-rb-2014-flat.xlsx']],
  'files-same-answers-id': [['diff', QUICK, 'fixtures/lke-rb-2014-libreoffice.xlsx'], 'id_ID.UTF-8'],
  // a ZI worksheet against an RB one: two rubrics, compared by the components and areas whose names match
  'files-two-rubrics': [['diff', 'fixtures/lke-zi-2021-sample-opd.xlsx', QUICK]],
  'files-two-rubrics-json': [['diff', 'fixtures/lke-zi-2021-sample-opd.xlsx', QUICK, '--format', 'json']],
  'error-one-block': [['diff', QUICK]],
  'error-one-block-id': [['diff', QUICK], 'id_ID.UTF-8'],
  'error-file-and-folder': [['diff', QUICK, 'fixtures/check']],
  'error-three-inputs': [['diff', QUICK, QUICK, QUICK]],
  'error-missing-file': [['diff', QUICK, 'fixtures/nope.xlsx']],
  'error-not-a-workbook': [['diff', QUICK, 'fixtures/check/batch/submissions/dinas-c-2024.xlsx']],
  'error-bad-format': [['diff', QUICK, QUICK, '--format', 'sarif']],
  'error-unknown-rubric': [['diff', QUICK, QUICK, '--rubric', 'rb-1999']],
};

const SAMPLE_CASES: Record<string, [string[], string?]> = {
  'blocks-table': [['diff', RB]],
  'blocks-table-id': [['diff', RB], 'id_ID.UTF-8'],
  'blocks-json': [['diff', RB, '--format', 'json']],
  'blocks-markdown': [['diff', RB, '--format', 'markdown', '--lang', 'id']],
};

function check(name: string, args: string[], r: Run) {
  if (name.startsWith('error-')) {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').length, r.stderr).toBe(1); // usage errors too: one line
    expect(r.stderr).not.toMatch(/\n\s+at /);
  } else expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
}

describe('lke diff: stdout, stderr and exit code per case (test/snapshots/diff/)', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const [args, lang] = CASES[name]!;
    const r = await lke(args, lang);
    await expect(record(args, r)).toMatchFileSnapshot(`snapshots/diff/${name}.txt`);
    check(name, args, r);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`lke diff FILE on the real RB sample's two blocks${SKIP_NOTE}`, () => {
  it.each(Object.keys(SAMPLE_CASES))('%s', async (name) => {
    const [args, lang] = SAMPLE_CASES[name]!;
    const r = await lke(args, lang);
    await expect(record(args, r)).toMatchFileSnapshot(`snapshots/diff/${name}.txt`);
    check(name, args, r);
  });
  it('html and xlsx go to --out, written whole; the xlsx holds every change', async () => {
    const dir = tempDir('lke-diff-cli-');
    const html = join(dir, 'out', 'diff.html');
    const xlsx = join(dir, 'diff.xlsx');
    expect((await lke(['diff', RB, '--format', 'html', '--out', html])).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[\s\S]*<\/html>\n$/);
    const r = await lke(['diff', RB, '--format', 'xlsx', '--out', xlsx, '--lang', 'en']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('Changes')!.rowCount).toBe(1 + 42);
  });
});

describe('two folders, as a province keeps them (lalu/ and kini/)', () => {
  it('pairs, sorts and lists; a worksheet that cannot be read is exit 1, the others compared', async () => {
    const dir = tempDir('lke-diff-dirs-');
    const rubric = mini();
    const yaml = join(dir, 'lke-mini.yaml');
    const { MINI_YAML } = await import('./helpers/mini-rubric.js');
    writeFileSync(yaml, MINI_YAML);
    const BASE = { 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 };
    const title = (opd: string, year: number) => [['LEMBAR KERJA EVALUASI'], ['UNIT KERJA :', '', '', opd], ['TAHUN :', '', '', year]];
    for (const d of ['lalu', 'kini']) mkdirSync(join(dir, d));
    await writeLke(join(dir, 'lalu', 'dinkes-2023.xlsx'), rubric, { title: title('Dinas Kesehatan', 2023), answers: { ...BASE, 'A.I.1.b': 'C' } });
    await writeLke(join(dir, 'kini', 'dinas-kesehatan.xlsx'), rubric, { title: title('Dinas Kesehatan', 2024), answers: { ...BASE, 'A.I.1.b': 'A' } });
    await writeLke(join(dir, 'lalu', 'bappeda-2023.xlsx'), rubric, { answers: BASE });
    await writeLke(join(dir, 'kini', 'bappeda-2024.xlsx'), rubric, { answers: { ...BASE, 'B.I': 1 } });
    await writeLke(join(dir, 'kini', 'inspektorat-2024.xlsx'), rubric, { answers: BASE });
    writeFileSync(join(dir, 'kini', 'rusak-2024.xlsx'), 'not a workbook\n');
    const args = ['diff', 'lalu', 'kini', '--rubric', 'lke-mini.yaml'];
    const r = await lke(args, 'en_US.UTF-8', dir);
    await expect(record(args, r)).toMatchFileSnapshot('snapshots/diff/folders-table.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('lke: kini/rusak-2024.xlsx: not an .xlsx workbook (it does not start like one); save it as .xlsx in Excel or LibreOffice\n');
    const json = await lke([...args, '--format', 'json'], 'en_US.UTF-8', dir);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { opds: { opd: string; delta: number }[]; unpaired: unknown; failed: { file: string }[] };
    expect(doc.opds.map((o) => o.opd)).toEqual(['Dinas Kesehatan', 'bappeda']);
    expect(doc.unpaired).toEqual({ from: [], to: ['kini/inspektorat-2024.xlsx'] });
    expect(doc.failed.map((f) => f.file)).toEqual(['kini/rusak-2024.xlsx']);
  });
});
