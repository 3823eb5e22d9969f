// Scoring a folder of OPD worksheets: ranked, in parallel, past bad files, in a deterministic order.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../src/engine/inputs.js';
import { globToRegExp } from '../src/config/glob.js';
import { tempDir } from './helpers/write-lke.js';
import { scoreFiles } from '../src/engine/pool.js';
import { score } from '../src/app/score.js';
import { jsonFileText, JsonReportWriter } from '../src/document/json.js';
import { renderJson } from '../src/present/report/json.js';
import { renderTable } from '../src/present/report/table.js';
import { assembleReport, reportHead, reportTail, type ReportFile } from '../src/document/score-report.js';
import { version } from '../src/cli/version.js';
import { DEFAULT_LIMITS } from '../src/workbook/read.js';

const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const FIX = (n: string) => fileURLToPath(new URL(`../fixtures/${n}`, import.meta.url));

function lke(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env }, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder as a Biro Organisasi collects it: worksheets in subfolders, a lock file, a hidden file, a broken one. */
function collect(): string {
  const dir = tempDir('lke-batch-');
  mkdirSync(join(dir, 'dinas'), { recursive: true });
  copyFileSync(FIX('lke-rb-2014-kalteng-2021.xlsx'), join(dir, 'dinas', 'dinkes-2021.xlsx'));
  copyFileSync(FIX('lke-rb-2014-reordered.xlsx'), join(dir, 'dinas', 'dispora-2021.xlsx'));
  copyFileSync(FIX('lke-zi-2021-sample-opd.xlsx'), join(dir, 'dpmptsp-2021.xlsx'));
  copyFileSync(FIX('lke-rb-2014-flat.xlsx'), join(dir, 'bappeda-2021.xlsx'));
  writeFileSync(join(dir, 'rsud-2021.xlsx'), 'this is not a workbook');
  writeFileSync(join(dir, '~$dinkes-2021.xlsx'), 'office lock file');
  writeFileSync(join(dir, '.hidden.xlsx'), 'hidden');
  writeFileSync(join(dir, 'notes.txt'), 'not a worksheet');
  return dir;
}

describe('inputs', () => {
  it('walks folders, skips lock and hidden files, expands globs', () => {
    const dir = collect();
    const all = expandInputs([dir]).files.map((f) => f.slice(dir.length + 1));
    expect(all).toEqual(['bappeda-2021.xlsx', 'dinas/dinkes-2021.xlsx', 'dinas/dispora-2021.xlsx', 'dpmptsp-2021.xlsx', 'rsud-2021.xlsx']);
    expect(expandInputs([`${dir}/**/d*.xlsx`]).files.map((f) => f.slice(dir.length + 1))).toEqual(['dinas/dinkes-2021.xlsx', 'dinas/dispora-2021.xlsx', 'dpmptsp-2021.xlsx']);
    expect(expandInputs([`${dir}/*.xlsx`]).files).toHaveLength(3);
    expect(expandInputs([`${dir}/*.ods`]).missing).toEqual([`${dir}/*.ods`]);
  });
  it('globs: *, **, ? and {a,b}', () => {
    expect(globToRegExp('**/*.xlsx').test('a/b/c.xlsx')).toBe(true);
    expect(globToRegExp('**/*.xlsx').test('c.xlsx')).toBe(true);
    expect(globToRegExp('*.xlsx').test('a/c.xlsx')).toBe(false);
    expect(globToRegExp('lke-{rb,zi}-?.xlsx').test('lke-zi-1.xlsx')).toBe(true);
    expect(globToRegExp('lke-{rb,zi}-?.xlsx').test('lke-xx-1.xlsx')).toBe(false);
  });
});

describe('lke score FOLDER', () => {
  it('ranks the instansi, reports the bad file and exits 1', () => {
    const dir = collect();
    const r = lke(['score', dir, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rsud-2021\.xlsx: not an \.xlsx workbook/);
    expect(r.stdout).toMatch(/Ranking: rb-2014/);
    expect(r.stdout).toMatch(/Ranking: zi-2021/);
    expect(r.stdout).toMatch(/Files\s+5 \(4 scored, 1 failed\)/);
    expect(r.stdout).toMatch(/Weakest areas/);
    expect(r.stdout).toMatch(/Failed files\n\s+.*rsud-2021\.xlsx/);
  });
  it('gives the same JSON whatever the number of workers, in input order', () => {
    const dir = collect();
    const one = JSON.parse(lke(['score', dir, '--format', 'json', '--jobs', '1']).stdout);
    const two = JSON.parse(lke(['score', dir, '--format', 'json', '--jobs', '2']).stdout);
    expect(two).toEqual(one);
    expect(one.files.map((f: { file: string }) => f.file.slice(dir.length + 1))).toEqual(['bappeda-2021.xlsx', 'dinas/dinkes-2021.xlsx', 'dinas/dispora-2021.xlsx', 'dpmptsp-2021.xlsx', 'rsud-2021.xlsx']);
    expect(one.files.map((f: { status: string }) => f.status)).toEqual(['scored', 'scored', 'scored', 'scored', 'error']);
    // an Indeks RB and a ZI total (which has no predikat) are never summarised together: one summary per rubric
    expect(one.summary).toMatchObject({ files: 5, scored: 4, failed: 1, index: null, predikat: {} });
    const per = one.summary.rubrics as { rubric: { id: string }; scored: number; index: { mean: number; max: number }; predikat: Record<string, number> }[];
    expect(per.map((r) => [r.rubric.id, r.scored, r.predikat])).toEqual([['rb-2014', 3, { CC: 3 }], ['zi-2021', 1, {}]]);
    expect(per[0]!.index.mean).toBeCloseTo(59.73015, 5);
    expect(per[1]!.index.max).toBeCloseTo(73.2178, 4);
    // two OPDs that left the template's Instansi as it was
    expect(one.summary.duplicateOpds).toEqual([{ rubric: 'rb-2014', opd: 'Pemerintah Provinsi Kalimantan Tengah', year: 2021, files: [join(dir, 'dinas', 'dinkes-2021.xlsx'), join(dir, 'dinas', 'dispora-2021.xlsx')] }]);
    expect(one.summary.areas[0]).toMatchObject({ rubric: 'rb-2014', code: 'A.VII', files: 3 });
    expect(one.rubric).toBeNull(); // two rubrics in the folder
  });
  it('writes the JSON report file by file with the very bytes of the whole report printed at once', async () => {
    const dir = collect();
    const streamed = lke(['score', dir, '--format', 'json', '--jobs', '2', '--lang', 'en']).stdout;
    const { files } = expandInputs([dir]);
    const whole = renderJson((await score(files, { lang: 'en', version: version(), keep: 'all', jobs: 1 })).report);
    expect(streamed).toBe(whole);
    expect(Object.keys(JSON.parse(streamed))).toEqual(['schemaVersion', 'tool', 'blankPolicy', 'lang', 'files', 'rubric', 'summary']);
  });
  it('restarts itself with the single-threaded GC for a big batch, with the same report and exit code', () => {
    const dir = collect();
    // 2 files count as "big" here; the real threshold is RESPAWN_MIN_FILES
    const big = lke(['--debug', 'score', dir, '--format', 'json', '--jobs', '2'], { LKE_RESPAWN_MIN_FILES: '2' });
    const plain = lke(['--debug', 'score', dir, '--format', 'json', '--jobs', '2'], { LKE_NO_RESPAWN: '1' });
    expect(big.stderr).toMatch(/^lke: scoring 5 files with --single-threaded-gc \(restarted for a big batch\)$/m);
    expect(plain.stderr).not.toMatch(/single-threaded/);
    expect(big.stdout).toBe(plain.stdout);
    expect(big.code).toBe(1);
    expect(plain.code).toBe(1);
    // below the threshold, or with one job, no restart
    expect(lke(['--debug', 'score', dir, '--jobs', '1'], { LKE_RESPAWN_MIN_FILES: '2' }).stderr).not.toMatch(/single-threaded/);
  });
});

describe('the worker pool', () => {
  const rogue = new URL('./helpers/rogue-worker.mjs', import.meta.url);
  const setup = { blankPolicy: 'skip' as const, limits: DEFAULT_LIMITS, lang: 'en' as const, keep: 'summary' as const, json: true, timeoutMs: 4000, workerUrl: rogue };

  it('goes on past a file that hangs, one that kills its worker and one that throws; files held behind them are scored', async () => {
    const files = ['a', 'b-hang', 'c', 'd', 'e-crash', 'f', 'g-throw', 'h', 'i', 'j'];
    const order: number[] = [];
    const json: string[] = [];
    const out = await scoreFiles(files, { ...setup, jobs: 2, onResult: (i, r) => (order.push(i), json.push(r.json!)) });
    expect(order).toEqual(files.map((_, i) => i));
    expect(out.map((f) => f.file)).toEqual(files);
    expect(out.map((f) => f.error?.code ?? f.status)).toEqual(['scored', 'timeout', 'scored', 'scored', 'internal', 'scored', 'internal', 'scored', 'scored', 'scored']);
    expect(out[1]!.error!.message).toMatch(/b-hang: not scored within 4 s/);
    expect(out[4]!.error!.message).toMatch(/e-crash: the worker scoring it exited unexpectedly/);
    expect(out[6]!.error!.message).toMatch(/g-throw: the worker scoring it stopped \(rogue failure\)/);
    // the failed files are still in the JSON stream, in their place
    expect(json[0]).toBe('"a"');
    expect(JSON.parse(json[1]!)).toMatchObject({ file: 'b-hang', status: 'error', error: { code: 'timeout' } });
    // every good file was scored by some worker (the pool replaced the ones it lost)
    expect(out.filter((f) => f.status === 'scored').every((f) => /^thread \d+$/.test(f.opd!))).toBe(true);
  }, 20000);

  it('a worker that fails just after answering: its answer counts, and the file behind it goes to another worker', async () => {
    for (let round = 0; round < 10; round++) {
      const files = ['a', 'b-answer-then-throw', 'c', 'd'];
      const out = await scoreFiles(files, { ...setup, jobs: 2 });
      expect(out.map((f) => f.error?.code ?? f.status), `round ${round}`).toEqual(['scored', 'scored', 'scored', 'scored']);
    }
  });

  it('hands results on in input order and scores each file once, with more files than the reorder window', async () => {
    const files = Array.from({ length: 700 }, (_, i) => `f${i}`);
    const order: number[] = [];
    const out = await scoreFiles(files, { ...setup, jobs: 2, onResult: (i) => order.push(i) });
    expect(order).toEqual(files.map((_, i) => i));
    expect(out.map((f) => f.index)).toEqual(files.map((_, i) => i));
  });
});

describe('the batch ranking table', () => {
  it('stays one box over hundreds of OPDs (drawn in chunks), aligned, ranked by index', () => {
    const files: ReportFile[] = Array.from({ length: 450 }, (_, i) => ({
      file: `opd-${i}.xlsx`,
      status: 'scored',
      opd: i === 7 ? 'Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten' : `OPD ${i}`,
      year: 2024,
      rubric: { id: 'zi-2021', title: 'LKE ZI' },
      sheet: 'LKE',
      index: (i * 37) % 100,
      predikat: null,
      nodes: [{ code: 'A.I', level: 'area', depth: 1, parent: 'A', name: 'Manajemen Perubahan', bobot: 10, nilai: (i % 10) + 0.5, percent: ((i % 10) + 0.5) / 10, gap: 0 }],
      answers: [],
      findings: [],
      counts: { error: i % 3 === 0 ? 1 : 0, warning: 0, info: 0 },
      gap: null,
    }));
    const out = renderTable(assembleReport(files, new Map(), { blankPolicy: 'skip', lang: 'en', version: '0' }), { color: false });
    const box = out.split('\n').filter((l) => /^[┌├│└]/.test(l));
    expect(box.filter((l) => l.startsWith('┌'))).toHaveLength(1);
    expect(box.filter((l) => l.startsWith('├'))).toHaveLength(1);
    expect(box.filter((l) => l.startsWith('└'))).toHaveLength(1);
    const rows = box.filter((l) => /^│\s+\d+ │/.test(l));
    expect(rows).toHaveLength(450);
    expect(new Set(box.map((l) => [...l].length)).size).toBe(1);
    // rank 1 has the highest index; the long name is cut to 40 characters
    expect(rows[0]).toMatch(/│\s+1 │ OPD (\d+)\s+│ opd-\1\.xlsx\s+│\s+99\.00 │/);
    expect(out).toContain('Dinas Komunikasi, Informatika, Statisti…');
  });
  it('breaks ties in index by file path in code-unit order, as the files are listed, whatever the locale', () => {
    const file = (name: string, opd: string): ReportFile => ({
      file: name, status: 'scored', opd, year: 2024, rubric: { id: 'zi-2021', title: 'LKE ZI' }, sheet: 'LKE', index: 75, predikat: { code: 'BB', label: null, uncertain: null },
      nodes: [], answers: [], findings: [], counts: { error: 0, warning: 0, info: 0 }, gap: null,
    });
    const files = [file('b.xlsx', 'OPD b'), file('a.xlsx', 'OPD a'), file('B.xlsx', 'OPD B')];
    const out = renderTable(assembleReport(files, new Map(), { blankPolicy: 'skip', lang: 'en', version: '0' }), { color: false });
    const order = out.split('\n').flatMap((l) => /│\s+\d+ │ (OPD \w)/.exec(l)?.[1] ?? []);
    // localeCompare would give a, b, B; the listing of a folder (and so the input order) is B, a, b
    expect(order).toEqual(['OPD B', 'OPD a', 'OPD b']);
  });
  // on a case-insensitive file system B.xlsx and b.xlsx are one file
  it.skipIf(process.platform === 'darwin' || process.platform === 'win32')('lists a folder in that same order', () => {
    const dir = tempDir('lke-order-');
    for (const n of ['b.xlsx', 'a.xlsx', 'B.xlsx']) writeFileSync(join(dir, n), '');
    expect(expandInputs([dir]).files.map((f) => f.slice(dir.length + 1))).toEqual(['B.xlsx', 'a.xlsx', 'b.xlsx']);
  });
});

describe('the JSON report written in pieces', () => {
  const file = (i: number): ReportFile => ({
    file: `dir/opd "${i}".xlsx`,
    status: i === 1 ? 'error' : 'scored',
    opd: `Dinas\n${i}`,
    year: 2024,
    rubric: i === 1 ? null : { id: 'zi-2021', title: 'LKE ZI' },
    sheet: 'LKE',
    index: i === 1 ? null : 70 + i / 3,
    predikat: null,
    nodes: i === 1 ? [] : [{ code: 'A.I', level: 'area', depth: 1, parent: 'A', name: 'Manajemen Perubahan', bobot: 10, nilai: 7, percent: 0.7, gap: 3 }],
    answers: [],
    findings: [],
    counts: { error: 0, warning: i, info: 0 },
    gap: null,
    ...(i === 1 ? { error: { code: 'corrupt', message: 'broken' } } : {}),
  });
  it.each([0, 1, 3])('has the bytes of the whole report with %i file(s)', (n) => {
    const files = Array.from({ length: n }, (_, i) => file(i));
    const opts = { blankPolicy: 'skip' as const, lang: 'en' as const, version: '9.9.9' };
    const whole = renderJson(assembleReport(files, new Map(), opts));
    let pieces = '';
    const w = new JsonReportWriter((s) => (pieces += s));
    w.begin(reportHead(opts));
    for (const f of files) w.file(jsonFileText(f));
    w.end(reportTail(files, new Map()));
    expect(pieces).toBe(whole);
  });
});
