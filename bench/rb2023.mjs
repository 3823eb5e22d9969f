#!/usr/bin/env node
// What the Indeks RB 2023 rubrics of lines cost, as ratios against baselines measured in the same run, interleaved:
//   - compiling the three rb-2023 rubrics from their built JSON (what every run and every batch worker now does
//     besides zi-2021 and rb-2014) against compiling those two;
//   - scoring a table of values (the Kemenko Polhukam worked example as .xlsx and as .csv) against scoring the
//     quick-start LKE worksheet (fixtures/lke-rb-2014-kalteng-2021.xlsx), both in-process with every built-in as a
//     candidate (the table's group detected, the worksheet's rubric detected).
// Reads dist/ (build first) and ../shared/domain/rb-2023 (the worked example). Usage: node bench/rb2023.mjs [--runs N]
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';
import { writeRb2023Tables } from '../scripts/make-rb2023-tables.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 40;
const domain = join(root, '../shared/domain/');
if (!existsSync(join(domain, 'rb-2023'))) {
  console.error('bench/rb2023: ../shared/domain/rb-2023 is absent; nothing to measure');
  process.exit(0);
}
const { scoreFile } = await import(join(root, 'dist/engine/score-file.js'));
const { builtinRubricIds, loadRubric, COMPILED_DIR } = await import(join(root, 'dist/engine/rubrics.js'));
const { compileRubric } = await import(join(root, 'dist/rubric/model.js'));

const dir = mkdtempSync(join(tmpdir(), 'lke-bench-rb2023-'));
const tables = await writeRb2023Tables(dir, domain);
const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
const opts = { candidates, blankPolicy: 'skip' };
const lkeFile = join(root, 'fixtures/lke-rb-2014-kalteng-2021.xlsx');

// correctness first: the figures mean nothing if the table is not scored as the README says
const check = await scoreFile(tables.polhukam.xlsx, opts);
const index = check.scored?.index ?? NaN;
if (check.rubric?.id !== 'rb-2023-kl' || Math.abs(index - 74.2993) > 0.0001) {
  console.error(`bench/rb2023: the Polhukam table scored ${check.rubric?.id} ${index}, not rb-2023-kl 74.30; stopping`);
  process.exit(1);
}

const json = (id) => JSON.parse(readFileSync(join(COMPILED_DIR, `${id}.json`), 'utf8')).rubric;
const inputs = Object.fromEntries(builtinRubricIds().map((id) => [id, json(id)]));
const old = ['rb-2014', 'zi-2021'];
const lines = ['rb-2023-kabkota', 'rb-2023-kl', 'rb-2023-provinsi'];
const t = { compileOld: [], compileLines: [], lke: [], tableXlsx: [], tableCsv: [] };
const time = async (k, fn) => {
  const s = performance.now();
  await fn();
  t[k].push(performance.now() - s);
};
for (let i = 0; i < runs + 5; i++) {
  await time('compileOld', () => old.forEach((id) => compileRubric(inputs[id], id)));
  await time('compileLines', () => lines.forEach((id) => compileRubric(inputs[id], id)));
  await time('lke', () => scoreFile(lkeFile, opts));
  await time('tableXlsx', () => scoreFile(tables.polhukam.xlsx, opts));
  await time('tableCsv', () => scoreFile(tables.polhukam.csv, opts));
}
rmSync(dir, { recursive: true, force: true });
const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v.slice(5))]));
const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`rb-2023 (median of ${runs}, after 5 warm-up rounds; in-process)`);
console.log(`  compile the 3 rb-2023 rubrics  ${ms(m.compileLines).padStart(10)}   ${(m.compileLines / m.compileOld).toFixed(2)} × compiling zi-2021 + rb-2014 (${ms(m.compileOld)})`);
console.log(`  score the Polhukam table .xlsx ${ms(m.tableXlsx).padStart(10)}   ${(m.tableXlsx / m.lke).toFixed(2)} × the quick-start LKE worksheet (${ms(m.lke)})`);
console.log(`  score the Polhukam table .csv  ${ms(m.tableCsv).padStart(10)}   ${(m.tableCsv / m.lke).toFixed(2)} × the quick-start LKE worksheet`);
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`  load average ${load} (2 cores: above ~1 the ratios are still fair, the absolute times are not)`);
