// The lean reader (unzip + streaming XML) and exceljs must see the same grid: cells, values, errors, formula
// flags, merges and hyperlinks, on every fixture and both real samples.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWorkbookLean } from '../src/workbook/lean-reader.js';
import { readWorkbookExcelJs } from '../src/workbook/exceljs-reader.js';
import type { Workbook } from '../src/workbook/grid.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { mini } from './helpers/mini-rubric.js';
import { tempDir, writeLke } from './helpers/write-lke.js';
// @ts-expect-error: a plain .mjs script without types
import { writeVariants } from '../scripts/make-variants.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A comparable view: one line per cell. A formula whose cached result is "" reads as no cache in exceljs. */
function view(wb: Workbook): { sheets: string[]; cells: string[]; merges: string[]; links: string[] } {
  const cells: string[] = [];
  const links: string[] = [];
  const merges: string[] = [];
  for (const s of wb.sheets) {
    for (const m of s.merges) merges.push(`${s.name}!${m.top},${m.left}:${m.bottom},${m.right}`);
    for (const [, row] of [...s.rows].sort((a, b) => a[0] - b[0])) {
      for (const [, c] of [...row].sort((a, b) => a[0] - b[0])) {
        const emptyCached = c.formula && (c.noCache || c.value === '');
        if (emptyCached) {
          cells.push(`${s.name}!${c.address} f=""`);
          continue;
        }
        cells.push(`${s.name}!${c.address} ${c.formula ? 'f' : ''}${c.error ? `#${c.error}` : ''}=${JSON.stringify(c.value)}`);
        if (c.hyperlink) links.push(`${s.name}!${c.address} ${c.hyperlink}`);
      }
    }
  }
  merges.sort();
  return { sheets: wb.sheets.map((s) => s.name), cells, merges, links };
}

async function compare(file: string) {
  const buf = readFileSync(file);
  const lean = view(await readWorkbookLean(buf, file));
  const excel = view(await readWorkbookExcelJs(buf, file));
  expect(lean.sheets).toEqual(excel.sheets);
  expect(lean.merges).toEqual(excel.merges);
  expect(lean.cells).toEqual(excel.cells);
  expect(lean.links).toEqual(excel.links);
  expect(lean.cells.length).toBeGreaterThan(50);
}

describe('lean reader = exceljs', () => {
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
    it(`fixtures/${f}`, () => compare(join(FIXTURES, f)));
  }
  it.skipIf(!HAVE_SAMPLES)(`real sample RB BPS 2015${SKIP_NOTE}`, () => compare(RB_SAMPLE));
  it.skipIf(!HAVE_SAMPLES)(`real sample ZI Tangerang Selatan${SKIP_NOTE}`, () => compare(ZI_SAMPLE));
  // the samples as openpyxl saves them (scripts/make-variants.mjs): formulas with <v></v> or no <v>, inline strings
  it.skipIf(!HAVE_SAMPLES).each(['rb-openpyxl.xlsx', 'rb-openpyxl-no-v.xlsx', 'rb-formulas-openpyxl.xlsx', 'zi-openpyxl.xlsx'])(`the samples saved by openpyxl: %s${SKIP_NOTE}`, async (name) => {
    const [file] = writeVariants(tempDir(), [name]) as string[];
    await compare(file!);
  });
  it('a generated sheet with errors, formulas without cache, rich text, hyperlinks and merges', async () => {
    const file = join(tempDir(), 'cells.xlsx');
    await writeLke(file, mini(), {
      answers: { 'A.I.1.c': { error: '#DIV/0!' } as never, 'B.I': { formula: 'Z1*2' } as never, 'A.I.1.b': { richText: [{ text: 'B' }, { text: '.' }] } as never },
      bukti: { 'A.I.1.a': { text: 'SK Tim', hyperlink: 'https://bukti.example.go.id/sk' } as never },
      tweak: (ws, rows) => ws.mergeCells(rows.get('A.I')!, 4, rows.get('A.I')!, 7),
    });
    await compare(file);
  });
});
