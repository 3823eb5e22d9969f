// The path's promise checked by the worksheet itself: write each step's `to` into its `cell` of the official
// worksheet, let LibreOffice recalculate the sheet's own formulas, and read the sheet's own totals back — they
// reach the target (the predikat band for RB, every minimum for ZI).
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { areaNodes } from '../src/gap/areas.js';
import { analyzeGap } from '../src/gap/gap.js';
import { parseTarget } from '../src/gap/target.js';
import type { GapAnalysis } from '../src/gap/types.js';
import { scoreFile, type FileResult } from '../src/engine/score-file.js';
import { gapDocument } from '../src/document/gap.js';
import { a1Of } from '../src/findings/position.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { roundHalfUp } from '../src/words/round.js';
import { SOFFICE, SOFFICE_NOTE, sofficeConvert } from './helpers/libreoffice.js';
import { HAVE_SAMPLES, RB_SAMPLE, ZI_SAMPLE } from './helpers/shared.js';
import { tempDir } from './helpers/write-lke.js';

const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
const KALTENG = fileURLToPath(new URL('../fixtures/lke-rb-2014-kalteng-2021.xlsx', import.meta.url));

/** The sheet's own Nilai of a node, as its formulas compute it (the cached result LibreOffice wrote). */
function sheetNilai(r: FileResult, code: string): number {
  const v = r.answers!.nodes.get(code)?.nilai?.value;
  expect(typeof v, `the sheet has a computed Nilai for ${code}`).toBe('number');
  return v as number;
}

async function writePath(src: string, dest: string, g: GapAnalysis): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  // as the JSON report gives them: files[].gap.path[] { sheet, cell, to }
  for (const s of gapDocument(g, 'id').path) wb.getWorksheet(s.sheet!)!.getCell(a1Of(s)!).value = s.to;
  await wb.xlsx.writeFile(dest);
}

const cases: { name: string; file: string; target: string | undefined; have: boolean }[] = [
  { name: 'quick-start worksheet (CC) to BB', file: KALTENG, target: 'BB', have: true },
  { name: 'BPS 2015 (BB) to A, the next band', file: RB_SAMPLE, target: undefined, have: HAVE_SAMPLES },
  { name: 'Tangerang Selatan ZI to WBK', file: ZI_SAMPLE, target: 'WBK', have: HAVE_SAMPLES },
];

describe.skipIf(!SOFFICE)(`LibreOffice recalculates the official worksheets with the path written in${SOFFICE_NOTE}`, () => {
  it('reaches the target by the sheet’s own formulas', async () => {
    const dir = tempDir('lke-gap-lo-');
    const todo: { c: (typeof cases)[number]; before: FileResult; g: GapAnalysis; written: string }[] = [];
    for (const c of cases.filter((x) => x.have)) {
      const before = await scoreFile(c.file, { candidates, blankPolicy: 'skip' });
      const g = analyzeGap(before.rubric!, before.answers!, before.scored!, { blankPolicy: 'skip', target: c.target ? parseTarget(c.target) : undefined });
      expect(g.reachable, c.name).toBe(true);
      expect(g.path.length, c.name).toBeGreaterThan(0);
      const written = join(dir, `in-${todo.length}-${basename(c.file)}`);
      await writePath(c.file, written, g);
      todo.push({ c, before, g, written });
    }
    const out = join(dir, 'out');
    sofficeConvert(
      todo.map((t) => t.written),
      'xlsx',
      out,
    );
    for (const { c, before, g, written } of todo) {
      const copy = join(dir, `recalculated-${basename(written)}`);
      copyFileSync(join(out, basename(written)), copy);
      const after = await scoreFile(copy, { candidates, blankPolicy: 'skip' });
      expect(after.status, c.name).toBe('scored');
      // lke reads the changed answers as the path said
      for (const s of g.path) expect(after.answers!.questions.get(s.question), c.name).toBeDefined();
      expect(after.scored!.index, c.name).toBeCloseTo(g.indexAfter, 9);
      if (g.target!.lowerBound !== null) {
        // the sheet's own index: its areas' Nilai as LibreOffice computed them (component rows may have none)
        const areas = areaNodes(before.rubric!);
        const own = areas.reduce((sum, n) => sum + sheetNilai(after, n.code), 0);
        const rounded = roundHalfUp(own, 2);
        if (g.target!.inclusive) expect(rounded, c.name).toBeGreaterThanOrEqual(g.target!.lowerBound);
        else expect(rounded, c.name).toBeGreaterThan(g.target!.lowerBound);
        expect(roundHalfUp(areas.reduce((sum, n) => sum + sheetNilai(before, n.code), 0), 2), `${c.name}: below before`).toBeLessThanOrEqual(g.target!.lowerBound);
      } else {
        for (const m of g.minima) expect(sheetNilai(after, m.node), `${c.name}: ${m.node}`).toBeGreaterThanOrEqual(m.required - 1e-9);
        expect(g.minima.some((m) => sheetNilai(before, m.node) < m.required - 1e-9), `${c.name}: a minimum was short before`).toBe(true);
      }
    }
  }, 300000);
});
