#!/usr/bin/env node
// What the rubric tools cost, as ratios against `lke score` of one worksheet in the same run (bench/README.md):
// lke template (exceljs writes the workbook), lke rubric import (exceljs reads it with its formulas, each Nilai
// formula evaluated per answer), lke rubric check and show. Each command runs --runs times, interleaved; the
// figures are medians of wall time per process (start-up included, as a user waits for it).
//
//   npm run build && node bench/rubric-tools.mjs [--runs 7]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const SHEET = join(ROOT, 'fixtures/lke-zi-2021-sample-opd.xlsx');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const tmp = mkdtempSync(join(tmpdir(), 'lke-bench-rubric-'));

const CASES = {
  'lke score (baseline)': ['score', SHEET, '--format', 'json'],
  'lke template -r zi-2021': ['template', '-r', 'zi-2021', '-o', join(tmp, 't.xlsx')],
  'lke template -r rb-2023-kl': ['template', '-r', 'rb-2023-kl', '-o', join(tmp, 'l.xlsx')],
  'lke rubric import': ['rubric', 'import', SHEET, '-o', join(tmp, 'r.yaml')],
  'lke rubric check': ['rubric', 'check', join(ROOT, 'rubrics/zi-2021.yaml')],
  'lke rubric show': ['rubric', 'show', 'zi-2021'],
};

const times = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
for (let i = 0; i <= runs; i++) {
  for (const [name, args] of Object.entries(CASES)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // 1 is findings (score) or TODOs that need editing (import): the work was done
    if (r.status !== 0 && r.status !== 1) throw new Error(`${name}: exit ${r.status}: ${r.stderr}`);
    if (i > 0) times[name].push(ms); // the first round warms the file cache
  }
}
rmSync(tmp, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['lke score (baseline)']);
console.log(`${runs} runs each, median wall time per process (node ${process.version})`);
for (const [name, xs] of Object.entries(times)) console.log(`  ${name.padEnd(26)} ${median(xs).toFixed(0).padStart(6)} ms  ${(median(xs) / base).toFixed(2)}×`);
