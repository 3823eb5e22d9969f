// lke's scorer on the checked-in fixtures: the quick-start sample in every layout variant reproduces the numbers
// worked out by hand (fixtures/README.md); the ZI fixture's answers typed the ways people type them are read.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { scoreFile } from '../src/engine/score-file.js';
import { roundHalfUp } from '../src/words/round.js';
import { AREAS, HASIL, HASIL_ITEMS, INDEX, PROSES } from './helpers/kalteng.js';
import { tempDir } from './helpers/write-lke.js';
import { a1Of } from '../src/findings/position.js';
import { SOFFICE, SOFFICE_NOTE, sofficeConvert } from './helpers/libreoffice.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const candidates = await Promise.all(builtinRubricIds().map(loadRubric));

describe.each([
  ['lke-rb-2014-kalteng-2021.xlsx', 'the official layout (the README quick start)'],
  ['lke-rb-2014-libreoffice.xlsx', 'saved by LibreOffice'],
  ['lke-rb-2014-reordered.xlsx', 'columns in another order, a summary sheet first'],
  ['lke-rb-2014-merged.xlsx', 'merged cells'],
  ['lke-rb-2014-flat.xlsx', "lke's flat layout of full codes"],
])('%s: %s', (name) => {
  it('scores 59.73, CC, with every area as worked out by hand and no findings', async () => {
    const r = await scoreFile(fixture(name), { candidates, blankPolicy: 'skip' });
    expect(r.status).toBe('scored');
    expect(r.rubric!.id).toBe('rb-2014');
    const s = r.scored!;
    expect(s.index).toBeCloseTo(INDEX, 9);
    expect(roundHalfUp(s.index, 2)).toBe(59.73);
    expect(s.predikat!.code).toBe('CC');
    expect(s.byCode.get('A')!.nilai).toBeCloseTo(PROSES, 9);
    expect(s.byCode.get('B')!.nilai).toBeCloseTo(HASIL, 9);
    for (const [code, [bobot, , nilai]] of Object.entries({ ...AREAS, ...HASIL_ITEMS })) {
      expect(s.byCode.get(code)!.bobot, code).toBe(bobot);
      expect(s.byCode.get(code)!.nilai, code).toBeCloseTo(nilai, 9);
    }
    // the only finding: a 14/2014 worksheet (used 2014–2019) dated 2021, where the title block gives a year; a
    // sheet without a title block (the flat layout) has its OPD from the file name, and says so
    const codes = r.findings.map((f) => f.code);
    expect(codes).toEqual(r.meta?.year === 2021 ? ['rubric-year-mismatch'] : ['metadata-from-file-name']);
    expect(r.findings.every((f) => f.severity !== 'error')).toBe(true);
  });
});

describe('lke-zi-2021-sample-opd.xlsx: LKE ZI with answers typed as people type them', () => {
  it('reads every answer form and scores 73.2178', async () => {
    const r = await scoreFile(fixture('lke-zi-2021-sample-opd.xlsx'), { candidates, blankPolicy: 'skip' });
    expect(r.rubric!.id).toBe('zi-2021');
    expect(r.scored!.index).toBeCloseTo(73.2178, 4);
    expect(r.scored!.byCode.get('A')!.nilai).toBeCloseTo(41.5803, 4);
    expect(r.scored!.byCode.get('B')!.nilai).toBeCloseTo(31.6375, 4);
    const errors = r.findings.filter((f) => f.code !== 'nilai-mismatch' && f.code !== 'row-unmatched');
    expect(errors.map((f) => `${f.code} ${a1Of(f)}`)).toEqual([]);
    // the sheet's own IF formulas only know "Ya", "A"…: its Nilai differs wherever "Y", "TDK", "b." were typed
    expect(r.findings.some((f) => f.code === 'nilai-mismatch')).toBe(true);
  });
});

describe.skipIf(!SOFFICE)(`LibreOffice recalculates the quick-start sample's own formulas${SOFFICE_NOTE}`, () => {
  it('to 59.73 after its cached results were wiped', async () => {
    const dir = tempDir('lke-lo-');
    // wipe every cached result so only a real recalculation can produce the total
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixture('lke-rb-2014-kalteng-2021.xlsx'));
    const ws = wb.getWorksheet('LKE')!;
    let wiped = 0;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { formula?: string };
        if (v && typeof v === 'object' && 'formula' in v && v.formula) {
          c.value = { formula: v.formula, result: 999 } as ExcelJS.CellFormulaValue;
          wiped++;
        }
      }),
    );
    expect(wiped).toBeGreaterThan(100);
    const src = join(dir, 'wiped.xlsx');
    await wb.xlsx.writeFile(src);
    sofficeConvert([src], 'csv', dir);
    const csv = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.csv'))!), 'utf8');
    const total = csv.split('\n').find((l) => /NILAI EVALUASI REFORMASI BIROKRASI/.test(l))!;
    const numbers = total.split(',').map(Number).filter((n) => Number.isFinite(n) && n > 0 && n !== 999);
    expect(numbers.length).toBeGreaterThan(0);
    expect(roundHalfUp(numbers[0]!, 2)).toBe(59.73);
  }, 150000);
});
