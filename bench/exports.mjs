#!/usr/bin/env node
// lke exports bench: `npm run build && node bench/exports.mjs [--files 300] [--runs 5] [--dir DIR] [--strict]`.
// On a folder of N distinct worksheets, in the same run and interleaved: `lke score DIR --format json` (the
// baseline: every file scored, its gap analysed, the JSON streamed) against `lke score DIR --out batch.html
// --out batch.xlsx` (the same scoring, then the html page and the xlsx workbook of N OPDs). Also the size of both
// outputs, what Chromium takes to load the page, and the gap analysis per file in-process. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const NODE = process.execPath;
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '300' },
    runs: { type: 'string', default: '5' },
    dir: { type: 'string' },
    strict: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const N = Math.max(2, Number.parseInt(args.files, 10) || 300);
const RUNS = Math.max(1, Number.parseInt(args.runs, 10) || 5);
const log = (s) => process.stderr.write(`${s}\n`);
const die = (msg) => {
  process.stderr.write(`bench: FAILED: ${msg}\n`);
  process.exit(1);
};
if (!existsSync(CLI)) die('dist/ is missing; run `npm run build` first');
const { median, table, cpuMeter, loadLine } = await import('./lib.mjs');
const { ensureCorpus } = await import('./corpus.mjs');

const tmp = mkdtempSync(join(tmpdir(), 'lke-exports-'));
process.on('exit', () => {
  if (!args.keep) rmSync(tmp, { recursive: true, force: true });
});
const { dir, files } = await ensureCorpus(args.dir ?? join(tmp, 'corpus'), N, { log, die, kept: !!args.dir });
log(`bench: corpus of ${N} distinct worksheets; ${RUNS} timed rounds after 1 warm-up`);

/** One `lke score` process: wall time; stdout to a file. */
function lke(extra) {
  const out = join(tmp, 'stdout.txt');
  const fd = openSync(out, 'w');
  const t = performance.now();
  const r = spawnSync(NODE, [CLI, 'score', dir, '--quiet', ...extra], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 900_000 });
  const ms = performance.now() - t;
  closeSync(fd);
  if (r.error || r.signal) die(`lke score ${extra.join(' ')}: ${r.error?.message ?? r.signal}`);
  if (r.status !== 0 && r.status !== 1) die(`lke score ${extra.join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { ms, out };
}

const html = join(tmp, 'batch.html');
const xlsx = join(tmp, 'batch.xlsx');
// sanity: every file scored with a gap; the exports written and naming every OPD
{
  const j = JSON.parse(readFileSync(lke(['--format', 'json']).out, 'utf8'));
  if (j.files.length !== N || j.files.some((f) => f.status !== 'scored' || !f.gap)) die('the json run does not hold every file scored with its gap');
  lke(['--out', html, '--out', xlsx]);
  const page = readFileSync(html, 'utf8');
  const pages = (page.match(/<section class="opd"/g) ?? []).length;
  if (pages !== N) die(`batch.html has ${pages} OPD pages, expected ${N}`);
  if (readFileSync(xlsx).subarray(0, 2).toString('latin1') !== 'PK') die('batch.xlsx is not a zip');
}

const S = { json: [], exports: [], html: [], xlsx: [] };
const meter = cpuMeter();
for (let round = 0; round <= RUNS; round++) {
  const keep = round > 0;
  const a = lke(['--format', 'json']);
  const b = lke(['--out', html, '--out', xlsx]);
  const h = lke(['--out', html]);
  const x = lke(['--out', xlsx]);
  if (keep) {
    S.json.push(a.ms);
    S.exports.push(b.ms);
    S.html.push(h.ms);
    S.xlsx.push(x.ms);
  }
  log(`bench: round ${keep ? `${round}/${RUNS}` : 'warm-up'}: json ${(a.ms / 1000).toFixed(2)} s, html + xlsx ${(b.ms / 1000).toFixed(2)} s`);
}
const load = meter();

// Chromium loading the page of N OPDs (DOM dumped after load): info, when it is installed
let chromiumMs;
if (CHROMIUM) {
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const profile = mkdtempSync(join(tmp, 'chromium-'));
    const t = performance.now();
    const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--dump-dom', pathToFileURL(html).href], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300_000 });
    runs.push(performance.now() - t);
    if (r.status !== 0 || !r.stdout.includes('id="opd-1"')) die(`chromium did not load batch.html: ${r.stderr.slice(0, 200)}`);
  }
  chromiumMs = median(runs);
}

// the gap analysis alone, per file, in-process (warm): what `files[].gap` costs every run of lke score
const { scoreFile } = await import('../dist/engine/score-file.js');
const { builtinRubricIds, loadRubric } = await import('../dist/engine/rubrics.js');
const { analyzeGap } = await import('../dist/gap/gap.js');
const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
const scored = [];
for (const f of files.slice(0, Math.min(100, N))) scored.push(await scoreFile(f, { candidates, blankPolicy: 'skip' }));
const gapRun = () => {
  const t = performance.now();
  for (const r of scored) analyzeGap(r.rubric, r.answers, r.scored, { blankPolicy: 'skip' });
  return (performance.now() - t) / scored.length;
};
for (let k = 0; k < 3; k++) gapRun();
const gapMs = median(Array.from({ length: 5 }, gapRun));
const scoreRun = () => {
  const t = performance.now();
  for (const r of scored) analyzeGap(r.rubric, r.answers, r.scored, { blankPolicy: 'skip', target: { kind: 'code', code: 'WBBM' } });
  return (performance.now() - t) / scored.length;
};
const gapWbbmMs = median(Array.from({ length: 5 }, scoreRun));

const J = median(S.json);
const E = median(S.exports);
const kib = (p) => `${(statSync(p).size / 1024).toFixed(0)} KiB`;
const rows = [];
const add = (figure, value, baseline, ratio, target, pass) => rows.push({ figure, value, baseline, ratio, target, pass });
add(`J  lke score DIR --format json (${N} files)`, `${(J / 1000).toFixed(2)} s`, '—', '1.00×', 'baseline J');
add('   lke score DIR --out batch.html --out batch.xlsx', `${(E / 1000).toFixed(2)} s`, 'J', `${(E / J).toFixed(2)}×`, '≤ 1.5× J', E / J <= 1.5);
add('   … --out batch.html alone', `${(median(S.html) / 1000).toFixed(2)} s`, 'J', `${(median(S.html) / J).toFixed(2)}×`, 'info');
add('   … --out batch.xlsx alone', `${(median(S.xlsx) / 1000).toFixed(2)} s`, 'J', `${(median(S.xlsx) / J).toFixed(2)}×`, 'info');
add(`   batch.html, ${N} OPDs`, kib(html), '—', '—', 'info: one self-contained page');
add(`   … per OPD page`, `${(statSync(html).size / N / 1024).toFixed(1)} KiB`, '—', '—', 'info');
add(`   batch.xlsx, ${N} OPDs`, kib(xlsx), '—', '—', 'info');
if (chromiumMs !== undefined) add('   Chromium loads batch.html (--dump-dom, whole process)', `${(chromiumMs / 1000).toFixed(2)} s`, '—', '—', 'info');
add('   gap analysis per file, default target (in-process, warm)', `${gapMs.toFixed(2)} ms`, '—', '—', 'info: in every run of lke score');
add('   gap analysis per file, --target WBBM', `${gapWbbmMs.toFixed(2)} ms`, '—', '—', 'info');
process.stdout.write(`lke exports bench — node ${process.version}, ${cpus().length} cores, ${N} distinct worksheets, median of ${RUNS} rounds\n`);
process.stdout.write(`${table(rows)}\n${loadLine(load)}\n`);
const failed = rows.filter((r) => r.pass === false).map((r) => r.figure.trim());
if (failed.length > 0) process.stdout.write(`\n${failed.length} target(s) missed: ${failed.join('; ')}${args.strict ? '' : ' (informational; --strict makes this exit 1)'}\n`);
process.exitCode = args.strict && failed.length > 0 ? 1 : 0;
