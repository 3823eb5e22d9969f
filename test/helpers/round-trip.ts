// The template round trip: write lke's template for a rubric, fill its answers by a script (seeded random
// answers of every kind: options, blanks, answers outside the scale, percentages typed as 75, counts with zero
// denominators), let LibreOffice open and save it (which computes every formula), then score the saved file with
// lke (no --rubric: the stamp names it) and compare the sheet's own Nilai cells with lke's numbers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { scoreFile, type FileResult } from '../../src/engine/score-file.js';
import type { Rubric } from '../../src/rubric/model.js';
import { soleQuestion } from '../../src/rubric/model.js';
import type { RawValue } from '../../src/score/types.js';
import { templatePlan, type TemplateLayout } from '../../src/template/plan.js';
import { readWorkbook } from '../../src/workbook/read.js';
import { address, cellAt } from '../../src/workbook/grid.js';
import { renderXlsx } from '../../src/present/workbook/xlsx.js';
import { fillXlsx, type Typed } from './fill-xlsx.js';
import { sofficeConvert } from './soffice.js';
// @ts-expect-error: a plain .mjs module of the bench, without types
import { mulberry32 } from '../../bench/rng.mjs';

export async function writeTemplate(rubric: Rubric, file: string, opts: { opd?: string; year?: number } = {}): Promise<TemplateLayout> {
  const { plan, layout } = templatePlan(rubric, opts);
  writeFileSync(file, await renderXlsx(plan));
  return layout;
}

/** Answers as a script (or a hurried OPD) types them, by cell address. */
export function randomAnswers(rubric: Rubric, layout: TemplateLayout, seed: number): Map<string, Typed> {
  const rnd = mulberry32(seed) as () => number;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out = new Map<string, Typed>();
  const at = (code: string) => address(layout.rows.get(code)!, layout.columns.jawaban);
  for (const q of rubric.questions.values()) {
    const cell = soleQuestion(q.parent) === q ? address(layout.rows.get(q.parent.code)!, layout.columns.jawaban) : at(q.code);
    if (q.formula && q.inputs.length > 0) {
      for (const sub of q.inputs) {
        const x = rnd();
        if (x < 0.06) continue; // left blank
        out.set(at(sub.code), x < 0.15 ? 0 : Math.floor(rnd() * 12));
      }
      continue;
    }
    const x = rnd();
    if (x < 0.08) continue; // blank
    const s = q.scale;
    if (x < 0.11) {
      out.set(cell, 'X'); // not an answer of any scale
      continue;
    }
    if (s.type === 'choice') out.set(cell, pick(s.options).code);
    else if (s.type === 'percent') out.set(cell, pick([Math.round(rnd() * 100) / 100, 75, 1, 0, 150]));
    else if (s.type === 'number') {
      const [lo, hi] = s.range;
      out.set(cell, Math.round((lo - (hi - lo) * 0.1 + rnd() * (hi - lo) * 1.2) * 100) / 100);
    } else out.set(cell, Math.round(rnd() * 100) / 100);
  }
  return out;
}

function numeric(rv: RawValue | undefined): number | '' {
  if (!rv || rv.value === null || rv.value === '') return '';
  if (typeof rv.value === 'number') return rv.value;
  throw new Error(`row ${rv.where.row} col ${rv.where.col}: not a number: ${JSON.stringify(rv.value)} ${rv.error ?? ''}`);
}

export interface Trip {
  rubric: Rubric;
  layout: TemplateLayout;
  seed: number;
  filled: string;
}

/** Writes and fills one template per (rubric, seed); converts them all in one LibreOffice run. */
export async function roundTrip(dir: string, cases: { rubric: Rubric; seed: number; name?: string }[]): Promise<{ trip: Trip; saved: string }[]> {
  const trips: Trip[] = [];
  for (const c of cases) {
    const name = c.name ?? `${c.rubric.id}-${c.seed}`;
    const blank = join(dir, `${name}-blank.xlsx`);
    const layout = await writeTemplate(c.rubric, blank, { opd: 'Dinas Uji Coba', year: 2024 });
    const filled = join(dir, `${name}.xlsx`);
    writeFileSync(filled, fillXlsx(readFileSync(blank), layout.sheet, randomAnswers(c.rubric, layout, c.seed)));
    trips.push({ rubric: c.rubric, layout, seed: c.seed, filled });
  }
  const saved = await sofficeConvert(
    trips.map((t) => t.filled),
    join(dir, 'saved'),
  );
  return trips.map((trip, i) => ({ trip, saved: saved[i]! }));
}

/** The saved sheet's own numbers equal lke's, node by node and question by question. */
export async function expectSheetEqualsLke(trip: Trip, saved: string, candidates: Rubric[], rubric?: Rubric): Promise<FileResult> {
  const r = await scoreFile(saved, { rubric, candidates, blankPolicy: 'skip' });
  expect(r.error).toBeUndefined();
  if (!rubric) expect(r.rubricChoice?.how).toBe('stamp');
  expect(r.rubric!.id).toBe(trip.rubric.id);
  const bad = r.findings.filter((f) => ['nilai-mismatch', 'excel-error', 'formula-no-cache', 'row-unmatched', 'question-absent', 'row-duplicate'].includes(f.code));
  expect(bad.map((f) => `${f.code} ${f.row}:${f.col} ${f.question ?? ''}`)).toEqual([]);
  const scored = r.scored!;
  let compared = 0;
  for (const n of scored.nodes) {
    const sheet = numeric(r.answers!.nodes.get(n.code)?.nilai);
    expect(sheet, `${n.code} nilai`).not.toBe('');
    expect(Math.abs((sheet as number) - n.nilai), `${n.code}: sheet ${sheet}, lke ${n.nilai}`).toBeLessThan(1e-9);
    compared++;
  }
  for (const q of trip.rubric.questions.values()) {
    if (soleQuestion(q.parent) === q) continue;
    const sheet = numeric(r.answers!.questions.get(q.code)?.nilai);
    const lke = scored.questions.get(q.code)!.score;
    if (lke === undefined) expect(sheet, `${q.code}: lke has no score`).toBe('');
    else expect(Math.abs((sheet as number) - lke), `${q.code}: sheet ${sheet}, lke ${lke}`).toBeLessThan(1e-9);
    compared++;
  }
  // the index and the predikat rows (below the grand total, where lke stops reading)
  const wb = await readWorkbook(saved);
  const sheet = wb.sheets.find((s) => s.name === trip.layout.sheet)!;
  const total = cellAt(sheet, trip.layout.totalRow, trip.layout.columns.nilai)!.value as number;
  expect(Math.abs(total - scored.index)).toBeLessThan(1e-9);
  expect(cellAt(sheet, trip.layout.predikatRow, trip.layout.columns.nilai)?.value ?? '').toBe(scored.predikat?.code ?? '');
  expect(compared).toBe(scored.nodes.length + [...trip.rubric.questions.values()].filter((q) => soleQuestion(q.parent) !== q).length);
  return r;
}
