#!/usr/bin/env node
// lke performance bench: `npm run build && npm run bench [-- --runs 15 --strict --profile --keep]`.
// Every figure is printed as an absolute value and as a ratio against a baseline measured in the same run
// (exceljs alone for in-process work, a bare `node -e ""` for whole processes), never against hard-coded times.
// See bench/README.md for what each figure means and where the targets come from.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const CLI = join(ROOT, 'dist/cli/main.js');
const PROBE = pathToFileURL(join(HERE, 'hooks/probe.mjs')).href;
const NODE = process.execPath;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    strict: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  process.stdout.write('usage: node bench/score.mjs [--runs N] [--strict] [--profile] [--keep]\n' +
    '  --runs N    samples per figure (median reported; default 15; a warm-up precedes them)\n' +
    '  --strict    exit 1 when a target fails (default: informational, exit 0)\n' +
    '  --profile   also CPU-profile lke read+score and list the functions that take the time\n' +
    '  --keep      keep the generated worksheet and profiles in the temp folder\n');
  process.exit(0);
}
const RUNS = Math.max(1, Number.parseInt(args.runs, 10) || 15);
const WARMUP = Math.max(2, Math.ceil(RUNS / 5));

if (!existsSync(CLI)) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

const ExcelJS = (await import('exceljs')).default;
const { loadRubric } = await import('../dist/rubric/load.js');
const { scoreFile, scoreWorkbook } = await import('../dist/pipeline/score-file.js');
const { readWorkbook } = await import('../dist/workbook/read.js');
const { findHeader } = await import('../dist/layout/header.js');
const { readEntries } = await import('../dist/layout/entries.js');
const { matchEntries } = await import('../dist/match/match.js');
const { collectAnswers } = await import('../dist/match/collect.js');
const { score } = await import('../dist/score/score.js');
const { checkSheet } = await import('../dist/findings/checks.js');
const { makeWorksheet } = await import('./make-worksheet.mjs');

const die = (msg) => {
  process.stderr.write(`bench: FAILED: ${msg}\n`);
  process.exit(1);
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------------------------
// 1. The worksheet
const dir = mkdtempSync(join(tmpdir(), 'lke-bench-'));
process.on('exit', () => {
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
});
const file = join(dir, 'LKE-ZI-2024-Diskominfo.xlsx');
const made = await makeWorksheet(file);
log(`bench: worksheet ${args.keep ? file : 'LKE-ZI-2024-Diskominfo.xlsx'}: ${made.rows} rows on "LKE ZI" + ${made.evaluatorRows} on "Catatan evaluator", ` +
  `${(statSync(file).size / 1024).toFixed(0)} KiB, dropdown on K1:K1048576; ${RUNS} runs per figure after ${WARMUP} warm-up`);

const zi = loadRubric('zi-2021');
const rb = loadRubric('rb-2014');
const forced = { rubric: zi, candidates: [zi], blankPolicy: 'skip' };
const detect = { candidates: [zi, rb], blankPolicy: 'skip' };

// Sanity first, in a child with a time limit: a whole-column dropdown must not hang lke.
{
  const t0 = performance.now();
  const r = spawnSync(NODE, [CLI, 'score', file, '--rubric', 'zi-2021', '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error || r.signal) die(`lke score did not finish within 60 s on the worksheet (${r.error?.message ?? r.signal}); does the dropdown on K1:K1048576 hang it?`);
  let rep;
  try {
    rep = JSON.parse(r.stdout);
  } catch {
    die(`lke score printed no JSON (exit ${r.status}): ${r.stderr.trim().slice(0, 300)}`);
  }
  const f = rep.files?.[0];
  if (f?.status !== 'scored' || !(f.index > 0 && f.index <= 100)) die(`lke score: status ${f?.status}, index ${f?.index} (${f?.error?.message ?? ''})`);
  log(`bench: sanity: lke score (child) → scored, index ${f.index.toFixed(2)} ${f.predikat?.code ?? ''} in ${(performance.now() - t0).toFixed(0)} ms`);
}
const checkResult = (res, how) => {
  if (res.status !== 'scored') die(`scoreFile (${how}): status ${res.status}: ${res.error?.message}`);
  if (res.rubric?.id !== 'zi-2021') die(`scoreFile (${how}): rubric ${res.rubric?.id}, expected zi-2021`);
  const idx = res.scored.index;
  if (!(idx > 40 && idx <= 100)) die(`scoreFile (${how}): implausible index ${idx}`);
  const structural = res.findings.filter((f) => ['question-absent', 'row-unmatched', 'row-duplicate', 'nilai-mismatch'].includes(f.code));
  if (structural.length > 0) die(`scoreFile (${how}): the generated sheet is not read as written: ${structural.slice(0, 3).map((f) => `${f.code} ${f.cell ?? ''} ${f.question ?? ''}`).join('; ')}`);
  const scored = [...res.scored.questions.values()].filter((q) => q.status === 'scored').length;
  if (scored !== zi.questions.size) die(`scoreFile (${how}): ${scored} of ${zi.questions.size} questions scored`);
  return idx;
};
const index = checkResult(await scoreFile(file, forced), 'zi-2021 forced');
checkResult(await scoreFile(file, detect), 'detected');

// ---------------------------------------------------------------------------------------------------------------
// 2. In-process figures, interleaved so that drift (turbo, other load) hits baseline and subject alike.
const exceljsRead = async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file, { ignoreNodes: ['dataValidations'] });
  return wb;
};
const inproc = { exceljs: [], lkeRead: [], forced: [], detect: [] };
const timeIt = async (fn) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
for (let i = 0; i < WARMUP + RUNS; i++) {
  const a = await timeIt(exceljsRead);
  const r = await timeIt(() => readWorkbook(file));
  const f = await timeIt(() => scoreFile(file, forced));
  const d = await timeIt(() => scoreFile(file, detect));
  if (i >= WARMUP) {
    inproc.exceljs.push(a);
    inproc.lkeRead.push(r);
    inproc.forced.push(f);
    inproc.detect.push(d);
  }
}
const baseA = median(inproc.exceljs);

// Scoring alone on an already-read workbook: each sample repeats the work until it lasts ≥ 20 ms.
const wb = await readWorkbook(file);
const header = findHeader(wb.sheets);
const match = matchEntries(zi, readEntries(header));
const { answers } = collectAnswers(zi, header, match);
const perCall = (fn) => {
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let k = 0; k < reps; k++) fn();
    const el = performance.now() - t;
    if (el >= 20) break;
    reps *= 2;
  }
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    for (let k = 0; k < reps; k++) fn();
    xs.push((performance.now() - t) / reps);
  }
  return median(xs);
};
const pureScore = perCall(() => {
  const s = score(zi, answers, { blankPolicy: 'skip' });
  checkSheet(zi, answers, s);
});
const wbForced = perCall(() => scoreWorkbook(wb, forced));
const wbDetect = perCall(() => scoreWorkbook(wb, detect));
// The stages of scoreWorkbook, to tell where in-process time goes past reading.
const entries = readEntries(header);
const stages = {
  findHeader: perCall(() => findHeader(wb.sheets)),
  readEntries: perCall(() => readEntries(header)),
  'matchEntries zi-2021': perCall(() => matchEntries(zi, entries)),
  'matchEntries rb-2014': perCall(() => matchEntries(rb, entries)),
  collectAnswers: perCall(() => collectAnswers(zi, header, match)),
};

// ---------------------------------------------------------------------------------------------------------------
// 3. Whole processes, interleaved too.
const run = (argv, env) => {
  const t = performance.now();
  const r = spawnSync(NODE, argv, { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: env ? { ...process.env, ...env } : process.env });
  const ms = performance.now() - t;
  if (r.error || r.signal) die(`node ${argv.join(' ')}: ${r.error?.message ?? r.signal}`);
  return { ms, r };
};
const proc = { bare: [], score: [], help: [] };
for (let i = 0; i < WARMUP + RUNS; i++) {
  const b = run(['-e', '']).ms;
  const s = run([CLI, 'score', file, '--rubric', 'zi-2021', '--format', 'json']).ms;
  const h = run([CLI, '--help']).ms;
  if (i >= WARMUP) {
    proc.bare.push(b);
    proc.score.push(s);
    proc.help.push(h);
  }
}
const baseB = median(proc.bare);

// Where a cold `lke score` process spends its time: the same steps as the CLI, timed in a fresh child each.
const coldPhases = { 'import exceljs': [], 'import rubric loader (yaml, zod)': [], 'loadRubric zi-2021 (parse + validate)': [], 'first scoreFile (cold JIT)': [] };
{
  const url = (p) => JSON.stringify(pathToFileURL(join(ROOT, p)).href);
  const code = `const lap = (() => { let t = performance.now(); return () => { const n = performance.now(); const d = n - t; t = n; return d; }; })();
await import('exceljs'); const a = lap();
const { loadRubric } = await import(${url('dist/rubric/load.js')}); const b = lap();
const zi = loadRubric('zi-2021'); const c = lap();
const { scoreFile } = await import(${url('dist/pipeline/score-file.js')});
lap(); await scoreFile(${JSON.stringify(file)}, { rubric: zi, candidates: [zi], blankPolicy: 'skip' }); const d = lap();
process.stdout.write(JSON.stringify([a, b, c, d]));`;
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 3)); i++) {
    const { r } = run(['--input-type=module', '-e', code]);
    const xs = JSON.parse(r.stdout);
    Object.values(coldPhases).forEach((arr, k) => arr.push(xs[k]));
  }
}

// Does `lke --help` load exceljs? The probe records both ESM resolutions (resolve hook) and CommonJS loads
// (require cache); the same probe on `lke score` must say yes, or the method is broken.
const probeLoads = (argv) => {
  const trace = join(dir, `trace-${Math.random().toString(36).slice(2)}.txt`);
  const probe = `${trace}.probe`;
  writeFileSync(trace, '');
  const { r } = run(['--import', PROBE, ...argv], { LKE_BENCH_TRACE: trace, LKE_BENCH_PROBE: probe });
  const esm = readFileSync(trace, 'utf8').trim();
  const p = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8').trim().split('\n').pop()) : undefined;
  if (!p) die(`probe wrote nothing for node ${argv.join(' ')} (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
  return esm.length > 0 || p.cjsExceljs;
};
const helpLoadsExceljs = probeLoads([CLI, '--help']);
const scoreLoadsExceljs = probeLoads([CLI, 'score', file, '--rubric', 'zi-2021', '--format', 'json']);
if (!scoreLoadsExceljs) die('the exceljs probe did not see exceljs load for `lke score` either; the probe is broken');

// Peak memory: maxRSS of a child at exit (probe without the loader thread), CLI score vs bare node.
const rss = (argv) => {
  const xs = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 3)); i++) {
    const out = join(dir, `rss-${i}-${Math.random().toString(36).slice(2)}.txt`);
    run(['--import', PROBE, ...argv], { LKE_BENCH_PROBE: out });
    xs.push(JSON.parse(readFileSync(out, 'utf8').trim()).maxRSS / 1024);
  }
  return median(xs);
};
const rssBare = rss(['-e', '']);
const rssScore = rss([CLI, 'score', file, '--rubric', 'zi-2021', '--format', 'json']);

// Once, for context: exceljs without ignoreNodes expands the K1:K1048576 dropdown cell by cell.
let noIgnoreMs;
{
  const code = `import ExcelJS from 'exceljs'; const t = performance.now(); await new ExcelJS.Workbook().xlsx.readFile(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const r = spawnSync(NODE, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  noIgnoreMs = r.error || r.signal ? Infinity : Number(r.stdout);
}

// ---------------------------------------------------------------------------------------------------------------
// 4. The table
const ms = (x) => (x === Infinity ? '> 60 s' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const us = (x) => `${(x * 1000).toFixed(0)} µs`;
const mib = (x) => `${x.toFixed(1)} MiB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const rows = [];
const add = (figure, value, baseline, r, target, pass) => rows.push({ figure, value, baseline, ratio: r, target, pass });

add('A  exceljs alone: read (ignoreNodes dataValidations)', ms(baseA), '—', '1.00×', 'baseline A', undefined);
add('   lke readWorkbook (exceljs + grid)', ms(median(inproc.lkeRead)), 'A', ratio(median(inproc.lkeRead), baseA), 'info', undefined);
add('   lke scoreFile, --rubric zi-2021', ms(median(inproc.forced)), 'A', ratio(median(inproc.forced), baseA), '≤ 1.30× A (25/19 ms)', median(inproc.forced) / baseA <= 1.3);
add('   lke scoreFile, detect among 2 built-ins', ms(median(inproc.detect)), 'A', ratio(median(inproc.detect), baseA), '≤ 1.30× A', median(inproc.detect) / baseA <= 1.3);
add('   score() + checkSheet() alone', us(pureScore), 'A', ratio(pureScore, baseA), '< 1 ms', pureScore < 1);
add('   scoreWorkbook, forced (layout+match+score)', us(wbForced), 'A', ratio(wbForced, baseA), 'info', undefined);
add('   scoreWorkbook, detect (2 rubrics matched)', us(wbDetect), 'A', ratio(wbDetect, baseA), 'info', undefined);
add('B  node -e "" (process start)', ms(baseB), '—', '1.00×', 'baseline B', undefined);
add('   lke score FILE --rubric zi-2021 --format json', ms(median(proc.score)), 'B', ratio(median(proc.score), baseB), '≤ 0.5 s', median(proc.score) <= 500);
for (const [k, xs] of Object.entries(coldPhases)) add(`     cold: ${k}`, ms(median(xs)), 'B', ratio(median(xs), baseB), 'info', undefined);
add('   lke --help', ms(median(proc.help)), 'B', ratio(median(proc.help), baseB), '≤ 0.15 s', median(proc.help) <= 150);
add('   lke --help loads exceljs', helpLoadsExceljs ? 'yes' : 'no', '—', '—', 'no (score: yes)', !helpLoadsExceljs);
add('   peak RSS, node -e ""', mib(rssBare), '—', '1.00×', 'baseline', undefined);
add('   peak RSS, lke score (1 worksheet)', mib(rssScore), 'bare', ratio(rssScore, rssBare), '≤ 150 MiB', rssScore <= 150);
add('   exceljs WITHOUT ignoreNodes (1 run)', ms(noIgnoreMs), 'A', noIgnoreMs === Infinity ? '—' : ratio(noIgnoreMs, baseA), 'info: why lke skips them', undefined);

const cols = ['figure', 'value', 'baseline', 'ratio', 'target', 'pass'];
const cell = (r, c) => (c === 'pass' ? (r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL') : r[c]);
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r, c)).length)));
const line = (vals) => vals.map((v, i) => String(v).padEnd(width[i])).join('  ').trimEnd();
const out = [
  `lke bench — ${NODE.includes('node') ? `node ${process.version}` : process.version}, ${RUNS} runs (median), index ${index.toFixed(2)}`,
  line(cols),
  line(width.map((w) => '-'.repeat(w))),
  ...rows.map((r) => line(cols.map((c) => cell(r, c)))),
];
out.push(`scoreWorkbook stages (forced; detection runs matchEntries once per rubric): ${Object.entries(stages).map(([k, v]) => `${k} ${us(v)}`).join(', ')}`);
out.push(`process targets are absolute, as in the issue; a bare node starts in ${ms(baseB)} here, so compare the ratios across machines`);
process.stdout.write(`${out.join('\n')}\n`);

// ---------------------------------------------------------------------------------------------------------------
// 5. Optional: where the in-process time goes (V8 CPU profile of a child doing lke read+score repeatedly).
if (args.profile) {
  const profDir = join(dir, 'prof');
  const code = `const { loadRubric } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/rubric/load.js')).href)});
const { scoreFile } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/pipeline/score-file.js')).href)});
const zi = loadRubric('zi-2021');
for (let i = 0; i < 60; i++) await scoreFile(${JSON.stringify(file)}, { rubric: zi, candidates: [zi], blankPolicy: 'skip' });`;
  const r = spawnSync(NODE, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '200', '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) die(`profile run failed: ${r.stderr.slice(0, 300)}`);
  const prof = JSON.parse(readFileSync(join(profDir, readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))), 'utf8'));
  const dt = new Map(); // node id → ms of self time
  for (let i = 0; i < prof.samples.length; i++) dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
  const byFn = new Map();
  const byArea = new Map();
  let total = 0;
  for (const n of prof.nodes) {
    const self = dt.get(n.id) ?? 0;
    if (!self) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += self;
    const where = url.includes('/node_modules/') ? url.replace(/.*\/node_modules\//, '') : url.includes('/dist/') ? url.replace(/.*\/dist\//, 'dist/') : url.replace(/^node:/, 'node:') || functionName;
    const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + self);
    const area = url.includes('/node_modules/') ? url.replace(/.*\/node_modules\/([^/]+).*/, '$1') : url.includes('/dist/') ? `lke ${url.replace(/.*\/dist\/([^/]+).*/, '$1')}/` : functionName === '(garbage collector)' ? 'GC' : 'node/V8';
    byArea.set(area, (byArea.get(area) ?? 0) + self);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  process.stdout.write(`\nCPU profile of 60 × scoreFile (forced), self time by area:\n${top(byArea, 8).join('\n')}\ntop functions:\n${top(byFn, 15).join('\n')}\n`);
}

const failed = rows.filter((r) => r.pass === false).map((r) => r.figure.trim());
if (failed.length > 0) process.stdout.write(`\n${failed.length} target(s) missed: ${failed.join('; ')}${args.strict ? '' : ' (informational; --strict makes this exit 1)'}\n`);
process.exitCode = args.strict && failed.length > 0 ? 1 : 0;
