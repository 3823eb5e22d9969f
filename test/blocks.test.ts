// Assessment blocks side by side: the self-assessment and the reviewer's answers, or this year's evaluation beside
// last year's. The reader reads every block; lke score scores the first and reports the others as left out.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreFile } from '../src/engine/score-file.js';
import { readWorkbook, DEFAULT_LIMITS } from '../src/workbook/read.js';
import { findHeader } from '../src/layout/header.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { cellAt } from '../src/workbook/grid.js';
import { a1Of } from '../src/findings/position.js';
import { mini } from './helpers/mini-rubric.js';
import { tempDir, writeLke } from './helpers/write-lke.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE } from './helpers/shared.js';

const dir = tempDir();
const rubric = mini();
const BASE = { 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 };

describe("a reviewer's answer columns beside the self-assessment", () => {
  const file = join(dir, 'reviewed.xlsx');
  let rows: Map<string, number>;
  const setup = (async () => {
    rows = await writeLke(file, rubric, {
      answers: BASE,
      tweak: (ws, r) => {
        ws.getCell('N2').value = 'Jawaban Evaluator';
        ws.getCell('O2').value = 'Nilai';
        ws.getCell('P2').value = 'Catatan';
        // the reviewer agrees everywhere but on two questions, and notes why
        for (const [code, row] of r) if (ws.getCell(row, 11).value !== null) ws.getCell(row, 14).value = ws.getCell(row, 11).value;
        ws.getCell(r.get('A.I.1.b')!, 14).value = 'C';
        ws.getCell(r.get('A.I.1.b')!, 16).value = 'Bukti rapat tidak ada';
        ws.getCell(r.get('B.I')!, 14).value = 2;
      },
    });
  })();

  it('is read as a second block sharing the rows\' texts, with its own answers and notes', async () => {
    await setup;
    const h = findHeader((await readWorkbook(file, DEFAULT_LIMITS)).sheets)!;
    expect(h.blocks).toHaveLength(2);
    expect(h.columns.jawaban).toBe(11);
    expect(h.blocks[1]!.columns).toMatchObject({ jawaban: 14, nilai: 15, catatan: 16, label: h.columns.label, pilihan: h.columns.pilihan, bobot: h.columns.bobot });
    expect(h.blocks[1]!.columns.bukti).toEqual([]);
  });
  it('lke score still scores the first block only and says the second was left out', async () => {
    await setup;
    const r = await scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip' });
    expect(r.scored!.index).toBeCloseTo(100, 12);
    // (the file has no title block: its OPD from the file name is said too)
    expect(r.findings.map((f) => `${f.code} ${a1Of(f)}`)).toEqual(['block-ignored N2', 'metadata-from-file-name null']);
  });
  it('the second block scores the reviewer\'s answers and carries the notes', async () => {
    await setup;
    const r = await scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip', block: 1 });
    expect(r.findings.map((f) => f.code)).not.toContain('block-ignored');
    expect(a1Of(r.answers!.questions.get('A.I.1.b')!.answer!.where)).toBe(`N${rows.get('A.I.1.b')}`);
    expect(r.scored!.questions.get('A.I.1.b')!.score).toBe(0);
    expect(r.scored!.questions.get('B.I')!.score).toBe(0.5);
    expect(r.answers!.questions.get('A.I.1.b')!.remark?.value).toBe('Bukti rapat tidak ada');
    expect(r.scored!.index).toBeLessThan(100);
  });
  it('asking for a block that is not there is a mistake of the caller', async () => {
    await setup;
    await expect(scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip', block: 2 })).rejects.toThrow(/no assessment block 3 \(the sheet has 2\)/);
  });
});

describe('a whole block copied to the right, each titled with its year', () => {
  it('reads both blocks, their titles and years; a sheet title over both names neither', async () => {
    const file = join(dir, 'two-years.xlsx');
    await writeLke(file, rubric, {
      title: [['LEMBAR KERJA EVALUASI'], ['UNIT KERJA :', '', '', 'Dinas Kesehatan'], ['TAHUN :', '', '', 2024]],
      answers: { ...BASE, 'A.I.1.a': 'Ya' },
      tweak: (ws) => {
        const header = 5;
        ws.mergeCells(1, 2, 1, 26); // a sheet title over every block
        ws.getCell(header - 1, 2).value = 'PENILAIAN TAHUN 2024';
        for (let r = header; r <= ws.rowCount; r++) {
          for (let c = 1; c <= 13; c++) {
            const v = ws.getCell(r, c).value;
            if (v !== null && !(r === header && c > 2 && c < 8)) ws.getCell(r, c + 13).value = v;
          }
        }
        ws.mergeCells(header, 15, header, 20);
        ws.mergeCells(header - 1, 22, header - 1, 24);
        ws.getCell(header - 1, 22).value = 'PENILAIAN TAHUN 2023';
      },
    });
    const h = findHeader((await readWorkbook(file, DEFAULT_LIMITS)).sheets)!;
    expect(h.blocks.map((b) => [b.from, b.to, b.title?.text, b.columns.jawaban, b.columns.label.from])).toEqual([
      [1, 14, 'PENILAIAN TAHUN 2024', 11, 2],
      [15, 26, 'PENILAIAN TAHUN 2023', 24, 15],
    ]);
    const first = await scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip' });
    expect(first.meta!.year).toBe(2024);
    const second = await scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip', block: 1 });
    expect(second.meta).toMatchObject({ year: 2023, opd: 'Dinas Kesehatan' });
    expect(second.scored!.index).toBeCloseTo(first.scored!.index, 12);
    expect(a1Of(second.answers!.questions.get('A.I.1.a')!.answer!.where)).toBe(`X${h.row + 1 + [...rubric.items].findIndex((i) => i.code === 'A.I.1.a')}`);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`real sample: the RB sheet's 2014 block beside 2015${SKIP_NOTE}`, () => {
  it('reads both blocks; the 2014 block scores exactly what its own formulas total', async () => {
    const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
    const wb = await readWorkbook(RB_SAMPLE, DEFAULT_LIMITS);
    const h = findHeader(wb.sheets)!;
    expect(h.blocks.map((b) => [b.title?.text, b.columns.jawaban, b.columns.nilai, b.columns.catatan])).toEqual([
      ['PENILAIAN TAHUN 2015', 10, 11, 13], // the notes in M stand without a label
      ['PENILAIAN TAHUN 2014', 22, 23, undefined],
    ]);
    const r = await scoreFile(RB_SAMPLE, { candidates, blankPolicy: 'skip', block: 1 });
    expect(r.rubric!.id).toBe('rb-2014');
    expect(r.meta).toMatchObject({ year: 2014, opd: 'Badan Pusat Statistik' });
    // the sheet's own grand total of the 2014 block: the row whose label is NILAI EVALUASI, in the block's Nilai column
    const totalRow = [...h.sheet.rows.keys()].find((row) => /^NILAI EVALUASI/.test(String(cellAt(h.sheet, row, 14)?.value ?? '')))!;
    const sheetTotal = cellAt(h.sheet, totalRow, 23)!.value as number;
    expect(r.scored!.index).toBeCloseTo(sheetTotal, 9);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${a1Of(f)}`)).toEqual([]);
    expect(r.answers!.questions.size).toBe(151);
  });
});
