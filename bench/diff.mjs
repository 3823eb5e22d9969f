#!/usr/bin/env node
// What `lke diff` costs, as ratios against `lke score` on the same worksheets in the same run (bench/README.md):
// two worksheets in-process (the use-case against scoreFile of both), the whole process of `lke diff A B` against
// `lke score A`, and two folders (`lke diff DIR_A DIR_B`, scored in one thread) against `lke score` of both
// folders with --jobs 1. `node bench/diff.mjs [--runs N] [--files N]`; reads dist/, so build first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '9' }, files: { type: 'string', default: '20' } } });
const RUNS = Math.max(1, Number.parseInt(args.runs, 10) || 9);
const FILES = Math.max(2, Number.parseInt(args.files, 10) || 20);
if (!existsSync(CLI)) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const { median, table, cpuMeter, loadLine } = await import('./lib.mjs');
const { makeWorksheet } = await import('./make-worksheet.mjs');
const { scoreFile } = await import('../dist/engine/score-file.js');
const { loadRubric } = await import('../dist/engine/rubrics.js');
const { diff } = await import('../dist/app/diff.js');
const { toDiffSide } = await import('../dist/engine/diff-side.js');
const { compareSides } = await import('../dist/diff/compare.js');

const dir = mkdtempSync(join(tmpdir(), 'lke-bench-diff-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const [a, b] = [join(dir, 'a.xlsx'), join(dir, 'b.xlsx')];
await makeWorksheet(a, { seed: 1 });
await makeWorksheet(b, { seed: 2 });
const [dirA, dirB] = [join(dir, 'lalu'), join(dir, 'kini')];
for (const d of [dirA, dirB]) mkdirSync(d);
for (let i = 0; i < FILES; i++) {
  await makeWorksheet(join(dirA, `opd-${i}-2023.xlsx`), { seed: 100 + i, opd: `OPD ${i}` });
  await makeWorksheet(join(dirB, `opd-${i}-2024.xlsx`), { seed: 200 + i, opd: `OPD ${i}` });
}
const zi = await loadRubric('zi-2021');
const forced = { rubric: zi, candidates: [zi], blankPolicy: 'skip' };

// sanity: the diff compares what it should
const check = await diff([a, b], { rubric: 'zi-2021', version: 'bench' });
if (check.report.changes.length === 0) throw new Error('bench: the two worksheets do not differ');
const folders = await diff([dirA, dirB], { rubric: 'zi-2021', version: 'bench' });
if (folders.report.opds.length !== FILES) throw new Error(`bench: ${folders.report.opds.length} of ${FILES} OPDs paired`);

const time = async (fn) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
const proc = (argv) => time(() => {
  const r = spawnSync(process.execPath, [CLI, ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`lke ${argv.join(' ')}: exit ${r.status}: ${r.stderr}`);
});
const xs = { scoreTwo: [], diffTwo: [], scoreProc: [], diffProc: [], scoreDirs: [], diffDirs: [] };
const meter = cpuMeter();
// in-process first, interleaved with its baseline (no child process between them to disturb the JIT and caches)
for (let i = 0; i < RUNS + 2; i++) {
  const s = await time(async () => {
    for (let k = 0; k < 10; k++) {
      await scoreFile(a, forced);
      await scoreFile(b, forced);
    }
  });
  const d = await time(async () => {
    for (let k = 0; k < 10; k++) await diff([a, b], { rubric: 'zi-2021', version: 'bench' });
  });
  if (i < 2) continue; // warm-up
  xs.scoreTwo.push(s / 10);
  xs.diffTwo.push(d / 10);
}
// then whole processes, interleaved
for (let i = 0; i < RUNS + 1; i++) {
  const sp = await proc(['score', a, '--rubric', 'zi-2021', '--format', 'json']);
  const dp = await proc(['diff', a, b, '--rubric', 'zi-2021', '--format', 'json']);
  const sd = await proc(['score', dirA, dirB, '--rubric', 'zi-2021', '--format', 'json', '--jobs', '1']);
  const dd = await proc(['diff', dirA, dirB, '--rubric', 'zi-2021', '--format', 'json']);
  if (i < 1) continue; // warm-up
  for (const [k, v] of Object.entries({ scoreProc: sp, diffProc: dp, scoreDirs: sd, diffDirs: dd })) xs[k].push(v);
}
// the diff's own work on two scored worksheets, without reading or scoring them (many calls: it is small)
const [ra, rb] = [await scoreFile(a, forced), await scoreFile(b, forced)];
const own = [];
for (let i = 0; i < RUNS + 2; i++) {
  const t = performance.now();
  for (let k = 0; k < 50; k++) compareSides(toDiffSide(ra), toDiffSide(rb));
  if (i >= 2) own.push((performance.now() - t) / 50);
}
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const m = Object.fromEntries(Object.entries(xs).map(([k, v]) => [k, median(v)]));
const row = (figure, v, baseline, base, target) => ({ figure, value: ms(v), baseline, ratio: base ? `${(v / base).toFixed(2)}×` : '1.00×', target });
process.stdout.write(
  `${[
    `lke diff bench — node ${process.version}, ${RUNS} runs (median), ${FILES} + ${FILES} worksheets in the folders`,
    table([
      row('S  scoreFile of both worksheets, in-process', m.scoreTwo, '—', undefined, 'baseline S'),
      row('   diff(A, B) use-case, in-process', m.diffTwo, 'S', m.scoreTwo, 'info: ≈ 1× (the comparison is small)'),
      row("   the diff's own work: toDiffSide ×2 + compareSides", median(own), 'S', m.scoreTwo, 'info: a small share of S'),
      row('P  lke score A --format json (process)', m.scoreProc, '—', undefined, 'baseline P'),
      row('   lke diff A B --format json (process)', m.diffProc, 'P', m.scoreProc, 'info: one more worksheet'),
      row('D  lke score DIR_A DIR_B --jobs 1 --format json', m.scoreDirs, '—', undefined, 'baseline D'),
      row('   lke diff DIR_A DIR_B --format json (one thread)', m.diffDirs, 'D', m.scoreDirs, 'info: ≈ 1× (no pool)'),
    ]),
    loadLine(meter()),
  ].join('\n')}\n`,
);
