#!/usr/bin/env node
// lke batch bench: `npm run build && node bench/batch.mjs [--files 300] [--runs 5] [--big] [--profile] [--strict]`
// (also `npm run bench -- --batch …`). Writes N distinct 300-row worksheets saved as Excel, LibreOffice and openpyxl
// save them (bench/corpus-kinds.mjs), then measures `lke score DIR --jobs 1|2` (whole process) against the indexOf-scan
// floor as a whole process with as many workers (bench/floor.mjs), and scoreBatch in-process, against baselines
// measured in the same run over the same files: the first batch issue's unzip+SAX floor and exceljs (1 thread).
// Peak RSS of the whole `lke score DIR` process at N files and, with --big, at 3,000. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { KINDS, makeCorpus } from './corpus-kinds.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const NODE = process.execPath;
const PROBE = pathToFileURL(join(HERE, 'hooks/probe.mjs')).href;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

await main();

async function main() {
  const { values: args } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--batch'),
    options: {
      files: { type: 'string', default: '300' },
      kinds: { type: 'string', default: KINDS.join(',') },
      runs: { type: 'string', default: '5' },
      big: { type: 'boolean', default: false },
      'big-files': { type: 'string', default: '3000' },
      'big-runs': { type: 'string', default: '2' },
      dir: { type: 'string' },
      profile: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (args.help) {
    process.stdout.write('usage: node bench/batch.mjs [--files N] [--kinds K,…] [--runs R] [--big [--big-files 3000] [--big-runs 2]] [--dir DIR] [--profile] [--strict] [--keep]\n' +
      '  --files N     distinct worksheets in the corpus (default 300)\n' +
      '  --kinds K,…   how they are saved, in turn: excel, libreoffice, openpyxl (default all three; bench/corpus-kinds.mjs)\n' +
      '  --runs R      timed rounds (median reported; default 5) after one warm-up round\n' +
      '  --big         also 3,000 files (copies of the N under other names): lke and the floor, RSS at scale\n' +
      '  --big-runs R  rounds of lke --jobs 2 between floor runs at that size (default 2)\n' +
      '  --dir DIR     keep the corpus in DIR and reuse it on the next run (generated when it holds fewer than N)\n' +
      '  --profile     CPU-profile `lke score DIR --jobs 1` and `--jobs 2` and list where the time goes\n' +
      '  --strict      exit 1 when a target fails (default: informational, exit 0)\n' +
      '  --keep        keep the temp folder (corpus, reports, profiles)\n');
    return;
  }
  const N = Math.max(2, Number.parseInt(args.files, 10) || 300);
  const RUNS = Math.max(1, Number.parseInt(args.runs, 10) || 5);
  const BIG = Math.max(N, Number.parseInt(args['big-files'], 10) || 3000);
  const BIG_RUNS = Math.max(1, Number.parseInt(args['big-runs'], 10) || 2);
  const kinds = args.kinds.split(',');
  if (!existsSync(CLI)) {
    process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
    process.exit(2);
  }
  const log = (s) => process.stderr.write(`${s}\n`);
  const die = (msg) => {
    process.stderr.write(`bench: FAILED: ${msg}\n`);
    process.exit(1);
  };
  const { median, floorFflate, summarizeProfiles, table, cpuMeter, loadLine } = await import('./lib.mjs');

  // In this process lke's pools keep V8's defaults (src/engine/pool.ts tunes V8 before its first worker, for
  // the whole process): the floor's baselines measured here stay untouched. The `lke score` children run as shipped.
  process.env.LKE_V8_DEFAULTS = '1';
  const tmp = mkdtempSync(join(tmpdir(), 'lke-batch-'));
  process.on('exit', () => {
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
  });
  if (args.keep) log(`bench: temp folder ${tmp}`);

  // -------------------------------------------------------------------------------------------------------------
  // 1. The corpus: N distinct worksheets (other answers, counts, notes and Unit Kerja per file), saved in turn as
  //    Excel, LibreOffice and openpyxl save them (bench/corpus-kinds.mjs). With --dir they are kept and reused.
  const dir = resolve(args.dir ?? join(tmp, 'corpus'));
  let corpus;
  try {
    corpus = await makeCorpus(dir, N, { kinds, log });
  } catch (e) {
    die(e.message);
  }
  const files = corpus.map((c) => c.file);
  const sizes = files.map((f) => statSync(f).size);
  const distinctBytes = new Set(files.map((f) => readFileSync(f).toString('base64'))).size;
  if (distinctBytes !== N) die(`${N - distinctBytes} of the ${N} worksheets are byte-identical to another`);
  // lke reads every *.xlsx in DIR: the corpus folder must hold exactly these files
  const extra = readdirSync(dir).filter((f) => f.endsWith('.xlsx') && !files.includes(join(dir, f)));
  if (extra.length > 0) die(`${dir} holds ${extra.length} other .xlsx files (${extra[0]} …); use an empty --dir`);
  log(`bench: corpus of ${N} distinct worksheets (${kinds.map((k) => `${corpus.filter((c) => c.kind === k).length} ${k}`).join(', ')}), ${(median(sizes) / 1024).toFixed(0)} KiB each (median), ${RUNS} timed rounds after 1 warm-up`);

  // -------------------------------------------------------------------------------------------------------------
  // 2. Sanity: the CLI scores every file (answers differ, so do the indices); the score path does not load exceljs.
  const lke = (target, jobs, extraArgs = [], opts = {}) => {
    const out = join(tmp, `report-${jobs}.json`);
    const rssFile = join(tmp, 'rss.txt');
    const fd = openSync(out, 'w');
    const argv = [...(opts.nodeArgs ?? []), CLI, 'score', target, '--format', opts.format ?? 'json', '--quiet', '--jobs', String(jobs), ...extraArgs];
    const env = { ...process.env, ...opts.env };
    if (!opts.env?.LKE_V8_DEFAULTS) delete env.LKE_V8_DEFAULTS;
    const t = performance.now();
    const r = TIME && !opts.noTime
      ? spawnSync(TIME, ['-f', '%M %U %S', '-o', rssFile, NODE, ...argv], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 900_000, env })
      : spawnSync(NODE, ['--import', PROBE, ...argv], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 900_000, env: { ...env, LKE_BENCH_PROBE: rssFile } });
    const ms = performance.now() - t;
    closeSync(fd);
    if (r.error || r.signal) die(`lke score ${target} --jobs ${jobs}: ${r.error?.message ?? r.signal}`);
    if (r.status !== 0 && r.status !== 1) die(`lke score ${target} --jobs ${jobs}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
    // peak RSS and CPU time (user + system, every thread of the process)
    let rssMiB;
    let cpuMs;
    if (existsSync(rssFile)) {
      const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop();
      if (TIME && !opts.noTime) {
        const [kib, user, sys] = last.split(' ').map(Number);
        rssMiB = kib / 1024;
        cpuMs = (user + sys) * 1000;
      } else {
        const p = JSON.parse(last);
        rssMiB = p.maxRSS / 1024;
        cpuMs = p.cpuMs;
      }
      rmSync(rssFile);
    }
    return { ms, rssMiB, cpuMs, out, status: r.status };
  };
  // The indexOf-scan floor as a whole process (bench/floor.mjs), with as many worker threads as lke gets
  const FLOOR = join(HERE, 'floor.mjs');
  const floorProc = (target, jobs) => {
    const cpuFile = join(tmp, 'floor-cpu.txt');
    const argv = [FLOOR, '--jobs', String(jobs), target];
    const t = performance.now();
    const r = TIME
      ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, NODE, ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 900_000 })
      : spawnSync(NODE, argv, { cwd: ROOT, encoding: 'utf8', timeout: 900_000 });
    const ms = performance.now() - t;
    if (r.status !== 0) die(`bench/floor.mjs --jobs ${jobs}: exit ${r.status}: ${(r.stderr || r.error?.message || '').slice(0, 300)}`);
    // CPU time (user + system, every thread) when /usr/bin/time is there
    let cpuMs;
    if (TIME && existsSync(cpuFile)) {
      const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      cpuMs = (user + sys) * 1000;
      rmSync(cpuFile);
    }
    return { ms, cpuMs, line: r.stdout.trim() };
  };
  const checkReport = (out, n, how) => {
    const rep = JSON.parse(readFileSync(out, 'utf8'));
    const fs = rep.files ?? [];
    if (fs.length !== n) die(`${how}: ${fs.length} files in the report, expected ${n}`);
    const bad = fs.filter((f) => f.status !== 'scored' || !(f.index > 0 && f.index <= 100));
    if (bad.length > 0) die(`${how}: ${bad.length} files not scored, e.g. ${bad[0].file}: ${bad[0].status} ${bad[0].error?.message ?? bad[0].index}`);
    const errs = fs.filter((f) => f.counts?.error > 0);
    if (errs.length > 0) die(`${how}: ${errs.length} files with error findings, e.g. ${errs[0].file}`);
    return fs.map((f) => f.index);
  };
  {
    const a = lke(dir, 2);
    const idx = checkReport(a.out, N, 'lke score DIR --jobs 2');
    const b = lke(dir, 1);
    const idx1 = checkReport(b.out, N, 'lke score DIR --jobs 1');
    if (idx.some((x, i) => x !== idx1[i])) die('--jobs 1 and --jobs 2 give different indices');
    const distinct = new Set(idx.map((x) => x.toFixed(4))).size;
    log(`bench: sanity: ${N} files scored with --jobs 1 and 2 (same indices), ${distinct} distinct indices in ${Math.min(...idx).toFixed(2)}–${Math.max(...idx).toFixed(2)}`);
  }
  const probeLoads = (argv) => {
    const trace = join(tmp, `trace-${Math.random().toString(36).slice(2)}.txt`);
    const probe = `${trace}.probe`;
    const r = spawnSync(NODE, ['--import', PROBE, ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 30, env: { ...process.env, LKE_BENCH_TRACE: trace, LKE_BENCH_PROBE: probe } });
    const esm = existsSync(trace) ? readFileSync(trace, 'utf8').trim() : '';
    const p = existsSync(probe) ? JSON.parse(readFileSync(probe, 'utf8').trim().split('\n').pop()) : undefined;
    if (!p) die(`probe wrote nothing for node ${argv.join(' ')} (exit ${r.status}): ${r.stderr.slice(0, 300)}`);
    return esm.length > 0 || p.cjsExceljs;
  };
  if (!probeLoads(['--input-type=module', '-e', "await import('exceljs')"])) die('the exceljs probe does not see an explicit import of exceljs; the probe is broken');
  // --jobs 1 scores in-process through the same scoreOneForBatch the workers run
  const batchLoadsExceljs = probeLoads([CLI, 'score', dir, '--format', 'json', '--quiet', '--jobs', '1']);

  // -------------------------------------------------------------------------------------------------------------
  // 3. Timed rounds, interleaved so that drift hits baselines and subjects alike.
  const { scoreFiles: scoreBatch } = await import('../dist/engine/pool.js');
  const { readWorkbook, DEFAULT_LIMITS } = await import('../dist/workbook/read.js');
  const ExcelJS = (await import('exceljs')).default;
  const batchOpts = (jobs) => ({ blankPolicy: 'skip', limits: DEFAULT_LIMITS, lang: 'id', keep: 'summary', jobs, timeoutMs: 120_000 });
  const timed = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  /** Wall time, and this process's CPU time (all its threads) into S[cpuKey] of a kept round. */
  const timedCpu = async (keep, cpuKey, fn) => {
    const c = process.cpuUsage();
    const ms = await timed(fn);
    const d = process.cpuUsage(c);
    if (keep) S[cpuKey].push((d.user + d.system) / 1000);
    return ms;
  };
  // A fresh pool per round, as scoreBatch starts its workers per call; each worker pulls the next file.
  // `floor-worker.mjs` runs the floor; lke's own dist/engine/worker.js (what scoreBatch spawns) runs lke, so a
  // pool of 1 lke worker gives the 1→2 speed-up of the pool itself, both sides starting cold.
  const LKE_WORKER = new URL('../dist/engine/worker.js', import.meta.url);
  const floorPool = (threads, url = new URL('./floor-worker.mjs', import.meta.url), data = undefined) => new Promise((res, rej) => {
    let next = 0;
    let running = threads;
    let elements = 0;
    for (let k = 0; k < threads; k++) {
      const w = new Worker(url, { workerData: data });
      const feed = () => {
        if (next >= files.length) {
          void w.terminate();
          if (--running === 0) res(elements);
          return;
        }
        const i = next++;
        w.postMessage({ i, file: files[i] });
      };
      w.on('message', (m) => {
        elements += m.n ?? (m.result?.file?.status === 'scored' ? 1 : 0);
        feed();
      });
      w.once('error', rej);
      feed();
    }
  });
  const S = { fs1: [], fs2: [], bare: [], p1: [], p2: [], p2d: [], rss1: [], rss2: [], cpu1: [], cpu2: [], b1: [], b2: [], w1: [], f1: [], f1w: [], f2: [], f1cpu: [], f1wcpu: [], f2cpu: [], lean: [], exceljs: [] };
  let floorElements = 0;
  const meter = cpuMeter();
  for (let round = 0; round < RUNS + 1; round++) {
    const keep = round > 0;
    const push = (k, v) => keep && S[k].push(v);
    {
      const t = performance.now();
      spawnSync(NODE, ['-e', ''], { stdio: 'ignore' });
      push('bare', performance.now() - t);
    }
    const p1 = lke(dir, 1);
    push('p1', p1.ms);
    push('rss1', p1.rssMiB);
    push('cpu1', p1.cpuMs);
    const p2 = lke(dir, 2);
    push('p2', p2.ms);
    push('rss2', p2.rssMiB);
    push('cpu2', p2.cpuMs);
    push('p2d', lke(dir, 2, [], { env: { LKE_V8_DEFAULTS: '1' } }).ms);
    const s1 = floorProc(dir, 1);
    const s2 = floorProc(dir, 2);
    if (s1.line !== s2.line || !s1.line.startsWith(`${N} files`)) die(`bench/floor.mjs: --jobs 1 saw "${s1.line}", --jobs 2 "${s2.line}"`);
    push('fs1', s1.ms);
    push('fs2', s2.ms);
    push('b1', await timed(() => scoreBatch(files, batchOpts(1))));
    push('b2', await timed(() => scoreBatch(files, batchOpts(2))));
    push('w1', await timed(async () => {
      const { jobs, timeoutMs, ...setup } = batchOpts(1);
      const n = await floorPool(1, LKE_WORKER, setup);
      if (n !== N) die(`lke worker pool of 1: ${n} of ${N} files scored`);
    }));
    push('f1', await timedCpu(keep, 'f1cpu', async () => {
      let n = 0;
      for (const f of files) n += floorFflate(await readFile(f));
      floorElements = n;
    }));
    push('f1w', await timedCpu(keep, 'f1wcpu', async () => {
      const n = await floorPool(1);
      if (n !== floorElements) die(`floor: 1 worker saw ${n} elements, the main thread ${floorElements}`);
    }));
    push('f2', await timedCpu(keep, 'f2cpu', async () => {
      const n = await floorPool(2);
      if (n !== floorElements) die(`floor: 2 threads saw ${n} elements, 1 thread ${floorElements}`);
    }));
    push('lean', await timed(async () => {
      for (const f of files) await readWorkbook(f);
    }));
    push('exceljs', await timed(async () => {
      for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f, { ignoreNodes: ['dataValidations'] });
    }));
    log(`bench: round ${round === 0 ? 'warm-up' : `${round}/${RUNS}`}: lke --jobs 1 ${(N / (p1.ms / 1000)).toFixed(0)} files/s, --jobs 2 ${(N / (p2.ms / 1000)).toFixed(0)} files/s; scan floor ${(N / (s1.ms / 1000)).toFixed(0)} / ${(N / (s2.ms / 1000)).toFixed(0)} files/s`);
  }
  // Warm workers: what two cores give lke once start-up and JIT warm-up are behind it. Two lke workers score the
  // corpus twice each (warm-up), then each scores all of it alone and both at once, --runs times.
  const warmWorkers = async () => {
    const { jobs, timeoutMs, ...setup } = batchOpts(1);
    const ws = [0, 1].map(() => new Worker(LKE_WORKER, { workerData: setup }));
    const pass = (w) => new Promise((res) => {
      let done = 0;
      const t = performance.now();
      const on = (m) => {
        if (m.result?.file?.status !== 'scored') die(`warm lke worker: ${m.result?.file?.error?.message ?? 'a file was not scored'}`);
        if (++done === files.length) {
          w.off('message', on);
          res(performance.now() - t);
        }
      };
      w.on('message', on);
      files.forEach((file, i) => w.postMessage({ i, file }));
    });
    for (let k = 0; k < 2; k++) for (const w of ws) await pass(w);
    const alone = [];
    const both = [];
    for (let k = 0; k < RUNS; k++) {
      for (const w of ws) alone.push(await pass(w));
      const t = performance.now();
      await Promise.all(ws.map(pass));
      both.push(performance.now() - t);
    }
    for (const w of ws) void w.terminate();
    // throughput of both at once (2 × N files) over one alone (N files)
    return (2 * median(alone)) / median(both);
  };
  const warmSpeedup = await warmWorkers();
  const load = meter();
  const rate = (xs) => N / (median(xs) / 1000);

  // -------------------------------------------------------------------------------------------------------------
  // 4. At scale: BIG files (copies of the N distinct ones under other names), lke against the floor (the floor
  //    before and after lke, averaged), and peak RSS with the default pool.
  let big;
  if (args.big) {
    const bigDir = join(tmp, 'big');
    mkdirSync(bigDir);
    for (let i = 0; i < BIG; i++) copyFileSync(files[i % N], join(bigDir, `copy-${String(i + 1).padStart(5, '0')}-${basename(files[i % N])}`));
    log(`bench: --big: ${BIG} files (copies of the ${N}); the floor and lke with --jobs 2, lke --jobs 1, and --jobs 2 --format table …`);
    // the floor before and after each lke run: each ratio is over the mean of the two floors around it
    const floors = [floorProc(bigDir, 2)];
    const runs = [];
    for (let k = 0; k < BIG_RUNS; k++) {
      const r = lke(bigDir, 2);
      checkReport(r.out, BIG, `lke score BIG --jobs 2`);
      rmSync(r.out);
      floors.push(floorProc(bigDir, 2));
      const [fa, fb] = floors.slice(-2);
      runs.push({ ...r, ratio: r.ms / ((fa.ms + fb.ms) / 2), cpuRatio: r.cpuMs && fa.cpuMs && fb.cpuMs ? r.cpuMs / ((fa.cpuMs + fb.cpuMs) / 2) : undefined });
    }
    const r1 = lke(bigDir, 1);
    checkReport(r1.out, BIG, `lke score BIG --jobs 1`);
    rmSync(r1.out);
    // the same with the table report: tells the retained per-file reports apart from the one JSON string
    const t = lke(bigDir, 2, [], { format: 'table' });
    const span = (xs) => (xs.length > 1 ? ` (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` : '');
    const ratios = runs.map((r) => r.ratio);
    const cpuRatios = runs.flatMap((r) => (r.cpuRatio === undefined ? [] : [r.cpuRatio]));
    big = {
      ms: median(runs.map((r) => r.ms)),
      rssMiB: Math.max(...runs.map((r) => r.rssMiB ?? 0)),
      ms1: r1.ms,
      rss1MiB: r1.rssMiB,
      tableRssMiB: t.rssMiB,
      floorMs: median(floors.map((f) => f.ms)),
      ratio: median(ratios),
      ratioText: `${median(ratios).toFixed(2)}× its time${span(ratios)}`,
      cpuText: cpuRatios.length > 0 ? `${median(cpuRatios).toFixed(2)}× its CPU${span(cpuRatios)}` : undefined,
      cpuMs: median(runs.map((r) => r.cpuMs ?? 0)),
      floorCpuMs: median(floors.map((f) => f.cpuMs ?? 0)),
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // 5. The table. Throughput ratios are lke's files/s over the baseline's (so < 1 means slower than it).
  const fps = (x) => `${x.toFixed(0)} files/s`;
  const mib = (x) => `${x.toFixed(1)} MiB`;
  const x = (a) => `${a.toFixed(2)}×`;
  const rows = [];
  const add = (figure, value, baseline, ratio, target, pass) => rows.push({ figure, value, baseline, ratio, target, pass });
  const F1 = rate(S.f1), F1w = rate(S.f1w), F2 = rate(S.f2), E1 = rate(S.exceljs), L1 = rate(S.lean);
  const P1 = rate(S.p1), P2 = rate(S.p2), B1 = rate(S.b1), B2 = rate(S.b2), W1 = rate(S.w1);
  // The indexOf-scan floor and lke, both whole processes with the same number of worker threads: time over time
  const S1 = median(S.fs1), S2 = median(S.fs2);
  const times = (a, b) => `${(a / b).toFixed(2)}× its time`;
  add('S1 scan floor, whole process, 1 thread (bench/floor.mjs)', fps(N / (S1 / 1000)), '—', '1.00×', 'baseline S1');
  add('S2 scan floor, whole process, 2 worker threads', fps(N / (S2 / 1000)), 'S1', x(S1 / S2), 'baseline S2');
  add(`   lke score DIR --jobs 1 against S1 (${N} files)`, `${(median(S.p1) / 1000).toFixed(2)} s`, 'S1', times(median(S.p1), S1), 'info');
  add(`   lke score DIR --jobs 2 against S2 (${N} files)`, `${(median(S.p2) / 1000).toFixed(2)} s`, 'S2', times(median(S.p2), S2), '≤ 2.5× at 300 files', N < 300 ? undefined : median(S.p2) / S2 <= 2.5);
  if (big) {
    add(`   lke score DIR --jobs 2 against S2 (${BIG} files, ${BIG_RUNS} runs)`, `${(big.ms / 1000).toFixed(2)} s`, `S2 ${(big.floorMs / 1000).toFixed(2)} s`, big.ratioText, '≤ 2× at 3,000 files', BIG < 3000 ? undefined : big.ratio <= 2);
    if (big.cpuText) add(`   … CPU time (user + system, every thread) over S2's`, `${(big.cpuMs / 1000).toFixed(2)} s`, `S2 ${(big.floorCpuMs / 1000).toFixed(2)} s`, big.cpuText, 'info: what the neighbours\' load cannot hide');
  }
  add('F1 floor: fflate unzip + saxes count, main thread', fps(F1), '—', '1.00×', 'baseline F1');
  add('   floor, 1 worker thread (fresh, cold JIT)', fps(F1w), 'F1', x(F1w / F1), 'info');
  add('F2 floor, 2 worker threads (fresh pool per run)', fps(F2), 'F1', x(F2 / F1), 'baseline F2');
  add('   floor speed-up 1→2 workers', x(F2 / F1w), '—', '—', 'info: the most 2 cores give');
  add('   exceljs readFile, 1 thread', fps(E1), 'F1', x(E1 / F1), 'info');
  add('   lke readWorkbook (lean), 1 thread', fps(L1), 'F1', x(L1 / F1), 'info', undefined);
  add('   lean vs exceljs (readWorkbook / exceljs)', x(L1 / E1), 'exceljs', x(L1 / E1), 'info');
  add('   scoreBatch in-process, jobs 1', fps(B1), 'F1', x(B1 / F1), 'info');
  add('   scoreBatch in-process, jobs 2', fps(B2), 'F2', x(B2 / F2), '≥ 150 files/s', B2 >= 150);
  add('   speed-up 1→2, scoreBatch in-process', x(B2 / B1), 'F2/F1', x(B2 / B1 / (F2 / F1)), '≥ 1.6×', B2 / B1 >= 1.6);
  add('   lke pool of 1 worker (dist/engine/worker.js)', fps(W1), 'F1w', x(W1 / F1w), 'info');
  add('   speed-up 1→2 workers (pool of 1 → scoreBatch jobs 2)', x(B2 / W1), 'F2/F1w', x(B2 / W1 / (F2 / F1w)), 'info');
  add('B  node -e "" (process start)', `${median(S.bare).toFixed(0)} ms`, '—', '1.00×', 'baseline B');
  add(`   lke score DIR --jobs 1 (whole process, ${N} files)`, fps(P1), 'F1', x(P1 / F1), 'info');
  add(`   lke score DIR --jobs 2 (whole process, ${N} files)`, fps(P2), 'F2', x(P2 / F2), '≥ 150 files/s', P2 >= 150);
  add('   speed-up 1→2, whole process', x(P2 / P1), 'F2/F1', x(P2 / P1 / (F2 / F1)), '≥ 1.6×', P2 / P1 >= 1.6);
  add('   lke score DIR --jobs 2 with V8\'s defaults (LKE_V8_DEFAULTS=1)', fps(rate(S.p2d)), 'jobs 2', x(rate(S.p2d) / P2), 'info: what the worker tuning gives');
  // The issue's absolute targets came with its machine's floor (172 files/s with one worker, 285 with two): as
  // ratios to the floor measured here in the same run they carry over to any machine.
  add('   … the 150 files/s as a ratio: jobs 2 over F2', x(P2 / F2), 'F2', x(P2 / F2), '≥ 0.53× (150 of 285)', P2 / F2 >= 150 / 285);
  add('   … the 1.6× as a ratio: speed-up over the floor\'s', x(P2 / P1 / (F2 / F1w)), 'F2/F1w', x(P2 / P1 / (F2 / F1w)), '≥ 0.96× (1.6 of 285/172)', P2 / P1 / (F2 / F1w) >= 1.6 / (285 / 172));
  // Where the 1→2 speed-up is bounded on this machine: one thread already keeps more than one core busy (V8
  // compiles and collects garbage on other threads), and a second worker adds work of its own (its start, its own
  // JIT warm-up). Both read off the same runs: CPU time (user + system, every thread) over wall time.
  const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const cores1 = median(S.cpu1) / median(S.p1);
  const coresF1 = median(S.f1cpu) / median(S.f1);
  add('   CPU time, --jobs 1 / --jobs 2 (user + system, every thread)', `${sec(median(S.cpu1))} / ${sec(median(S.cpu2))}`, 'jobs 1', x(median(S.cpu2) / median(S.cpu1)), 'info: the work a 2nd worker adds');
  add('   cores kept busy by --jobs 1 (CPU time / wall time)', cores1.toFixed(2), '—', '—', 'info: V8\'s compiler and GC beside it');
  add('   … so the most 2 cores can give over --jobs 1', x(2 / cores1), '—', '—', 'info: 1.6× needs ≤ 1.25 cores busy');
  add('   … and with the CPU time --jobs 2 needs', x((2 * median(S.p1)) / median(S.cpu2)), '—', '—', 'info: both cores busy all along');
  add('   warm lke workers: 2 at once over 1 (after their warm-up)', x(warmSpeedup), '—', '—', 'info: what 2 cores give warm code');
  add('   cores kept busy by the floor\'s one thread (F1)', coresF1.toFixed(2), '—', '—', `info: its most: ${x(2 / coresF1)}`);
  add('   CPU time, floor 2 workers over 1 worker (same files)', x(median(S.f2cpu) / median(S.f1wcpu)), 'F1w', '—', 'info: > 1 = each thread slower with 2');
  add('   of which start-up + report (process − in-process)', `${(median(S.p2) - median(S.b2)).toFixed(0)} ms`, 'B', x((median(S.p2) - median(S.b2)) / median(S.bare)), 'info (jobs 2)');
  const rssHow = TIME ? '/usr/bin/time %M' : 'resourceUsage().maxRSS';
  add(`   peak RSS, lke score DIR --jobs 1, ${N} files`, mib(median(S.rss1)), '—', '—', '≤ 250 MiB', median(S.rss1) <= 250);
  add(`   peak RSS, lke score DIR --jobs 2, ${N} files`, mib(median(S.rss2)), '—', '—', '≤ 250 MiB', median(S.rss2) <= 250);
  if (big) {
    add(`   peak RSS, lke score DIR --jobs 2, ${BIG} files (most of ${BIG_RUNS})`, mib(big.rssMiB), `${N} files`, x(big.rssMiB / median(S.rss2)), '≤ 250 MiB, flat', big.rssMiB <= 250);
    add(`   peak RSS, same with --format table`, mib(big.tableRssMiB), `${BIG} json`, x(big.tableRssMiB / big.rssMiB), 'info: report share');
    add(`   peak RSS, lke score DIR --jobs 1, ${BIG} files`, mib(big.rss1MiB), `${N} files`, x(big.rss1MiB / median(S.rss1)), '≤ 250 MiB, flat', big.rss1MiB <= 250);
    add(`   lke score DIR --jobs 1, ${BIG} files (1 run)`, fps(BIG / (big.ms1 / 1000)), `${N} files`, x(BIG / (big.ms1 / 1000) / P1), 'info');
    add(`   lke score DIR --jobs 2, ${BIG} files (median of ${BIG_RUNS})`, fps(BIG / (big.ms / 1000)), `${N} files`, x(BIG / (big.ms / 1000) / P2), 'info');
    add(`   speed-up 1→2, whole process, ${BIG} files`, x(big.ms1 / big.ms), '—', '—', 'info: start-up amortised');
  }
  add('   lke score DIR loads exceljs (--jobs 1 path)', batchLoadsExceljs ? 'yes' : 'no', '—', '—', 'no', !batchLoadsExceljs);
  process.stdout.write(`lke batch bench — node ${process.version}, ${cpus().length} cores, ${N} distinct 300-row worksheets (${kinds.join(', ')}), median of ${RUNS} rounds\n`);
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write(`ratios: throughput over the baseline's (< 1 = slower); floor saw ${floorElements} elements in ${N} files; RSS by ${rssHow}\n${loadLine(load)}\n`);

  // -------------------------------------------------------------------------------------------------------------
  // 6. Optional: where the time of `lke score DIR` goes (every thread's profile: main + workers).
  if (args.profile) {
    for (const jobs of [1, 2]) {
      const profDir = join(tmp, `prof-${jobs}`);
      lke(dir, jobs, [], { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '250'], noTime: false });
      const s = summarizeProfiles(profDir, { areas: 12, functions: 15 });
      process.stdout.write(`\nCPU profile of lke score DIR --jobs ${jobs} (${s.profiles} thread profile(s), ${s.total.toFixed(0)} ms of samples), ${s.text}\n`);
    }
  }

  const failed = rows.filter((r) => r.pass === false).map((r) => r.figure.trim());
  if (failed.length > 0) process.stdout.write(`\n${failed.length} target(s) missed: ${failed.join('; ')}${args.strict ? '' : ' (informational; --strict makes this exit 1)'}\n`);
  process.exitCode = args.strict && failed.length > 0 ? 1 : 0;
}
