#!/usr/bin/env node
// lke check against lke score, same folder, same run: `npm run build && node bench/check.mjs [--files 300]
// [--runs 5] [--dir DIR]` (also `npm run bench -- --check …`). Writes N distinct 300-row worksheets (or reuses
// DIR), then times, interleaved round by round, the whole process of `lke score DIR --format json` (the baseline),
// `lke check DIR` (text) and `lke check DIR --format json`, with the peak RSS of each. Target: check ≤ 1.3× score
// (issue 11). See bench/README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median, table } from './lib.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--check'),
  options: { files: { type: 'string', default: '300' }, runs: { type: 'string', default: '5' }, dir: { type: 'string' }, jobs: { type: 'string' } },
});
const N = Math.max(2, Number(args.files) || 300);
const RUNS = Math.max(1, Number(args.runs) || 5);
if (!existsSync(CLI)) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}

const dir = args.dir ? resolve(args.dir) : mkdtempSync(join(tmpdir(), 'lke-bench-check-'));
mkdirSync(dir, { recursive: true });
const have = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length;
if (have < N) {
  const { makeWorksheet } = await import('./make-worksheet.mjs');
  process.stderr.write(`bench: writing ${N - have} worksheets in ${dir} …\n`);
  for (let i = have; i < N; i++) await makeWorksheet(join(dir, `opd-${String(i + 1).padStart(4, '0')}.xlsx`), { seed: 1000 + i * 7919, opd: `OPD ${i + 1}` });
}
const inputs = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, N);
const corpus = inputs.length === readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length ? dir : undefined;
if (!corpus) throw new Error(`${dir} holds more than ${N} worksheets; give an empty --dir or --files to match`);

const jobs = args.jobs ? ['--jobs', args.jobs] : [];
const CASES = {
  'lke score DIR --format json': ['score', dir, '--format', 'json', ...jobs],
  'lke check DIR': ['check', dir, '--no-config', ...jobs],
  'lke check DIR --format json': ['check', dir, '--no-config', '--format', 'json', ...jobs],
};
const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
const memFile = join(dir, '.maxrss');

function run(argv) {
  const cmd = TIME ? [TIME, ['-f', '%M', '-o', memFile, process.execPath, CLI, ...argv]] : [process.execPath, [CLI, ...argv]];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd[1], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`lke ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kib = TIME ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { s, mib: kib / 1024 };
}

const times = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
const rss = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
for (const argv of Object.values(CASES)) run(argv); // warm-up: file cache, compiled rubrics
for (let r = 0; r < RUNS; r++) {
  for (const [name, argv] of Object.entries(CASES)) {
    const m = run(argv);
    times[name].push(m.s);
    rss[name].push(m.mib);
  }
}
const base = median(times['lke score DIR --format json']);
const rows = Object.keys(CASES).map((name) => {
  const t = times[name];
  const ratio = median(t) / base;
  const gated = name === 'lke check DIR';
  return {
    figure: name,
    value: `${median(t).toFixed(2)} s (${Math.min(...t).toFixed(2)}–${Math.max(...t).toFixed(2)}), peak RSS ${median(rss[name]).toFixed(0)} MiB`,
    baseline: `${base.toFixed(2)} s`,
    ratio: `${ratio.toFixed(2)}×`,
    target: gated ? '≤ 1.30×' : '',
    pass: gated ? ratio <= 1.3 : undefined,
  };
});
process.stdout.write(`${N} worksheets, ${RUNS} interleaved rounds${args.jobs ? `, --jobs ${args.jobs}` : ''} (baseline: lke score DIR --format json, same run)\n${table(rows)}\n`);
if (!args.dir) rmSync(dir, { recursive: true, force: true });
