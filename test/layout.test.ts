// Reading worksheets as offices send them: generated real .xlsx files in the official layout and its variants.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreFile, type FileResult } from '../src/engine/score-file.js';
import type { Rubric } from '../src/rubric/model.js';
import { mini } from './helpers/mini-rubric.js';
import { tempDir, writeLke, type LkeOptions } from './helpers/write-lke.js';
import { a1Of } from '../src/findings/position.js';

const dir = tempDir();
let n = 0;

async function scoreSheet(opts: LkeOptions, rubric: Rubric = mini(), blankPolicy: 'skip' | 'zero' = 'skip'): Promise<FileResult & { rows: Map<string, number> }> {
  const file = join(dir, `t${++n}.xlsx`);
  const rows = await writeLke(file, rubric, { ...opts, answers: { ...BASE, ...(opts.answers ?? {}) } });
  const r = await scoreFile(file, { rubric, candidates: [], blankPolicy });
  expect(r.error).toBeUndefined();
  return { ...r, rows };
}

/** Sub-inputs that add up (a = b + c) and a full ratio. */
const BASE = { 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 };

/** The findings as code, cell and question. The files written here have no title block: the OPD-from-file-name
 * finding (tested in issue-variants.test.ts) is left out so that each test lists what it is about. */
const list = (r: FileResult) => r.findings.filter((f) => f.code !== 'metadata-from-file-name').map((f) => `${f.code} ${a1Of(f) ?? ''} ${f.question ?? ''}`.trim());
describe('the official cascading layout', () => {
  it('reads a fully filled sheet: every question matched, best answers score 100, no findings', async () => {
    const r = await scoreSheet({});
    expect(r.answers!.questions.size).toBe(9);
    expect(r.scored!.index).toBeCloseTo(100, 12);
    expect(list(r)).toEqual([]);
  });
  it('finds exactly the planted faults, at exactly their cells', async () => {
    const r = await scoreSheet({
      answers: { 'A.I.1.b': 'D', 'A.I.2.a': null, 'A.I.1.c': { error: '#N/A' } as never, 'B.I': { formula: 'Z99*2' } as never },
      bukti: { 'A.I.1.a': null },
    });
    const row = (c: string) => r.rows.get(c)!;
    expect(list(r)).toEqual([
      `bukti-missing M${row('A.I.1.a')} A.I.1.a`,
      `answer-invalid K${row('A.I.1.b')} A.I.1.b`,
      `excel-error K${row('A.I.1.c')} A.I.1.c`,
      `answer-missing K${row('A.I.2.a')} A.I.2.a`,
      `rule-dependency-blank K${row('A.I.2.b')} A.I.2.b`,
      `indicator-unscored H${row('B.I')}`,
      `formula-no-cache K${row('B.I')} B.I`,
      `index-incomplete K${row('B.I')}`,
    ]);
  });
  it('reads answers as typed: decimal comma, "a.", "(B)", "tdk", cached formula results', async () => {
    const r = await scoreSheet({
      answers: { 'A.I.1.a': 'tdk', 'A.I.1.b': '(B)', 'A.I.1.c': 'a.', 'A.I.2.a': { formula: '"B"', result: 'B' } as never, 'B.I': '3,5', 'B.II': 'Wajar Dengan Pengecualian', 'A.II.1.b': '80 %' },
    });
    const q = r.scored!.questions;
    expect(q.get('A.I.1.a')!.answer).toBe('Tidak');
    expect(q.get('A.I.1.b')!.answer).toBe('B');
    expect(q.get('A.I.1.c')).toMatchObject({ answer: 'A', base: 1, score: 0 }); // zeroed: A.I.1.a is Tidak
    expect(q.get('A.I.2.a')!.answer).toBe('B');
    expect(q.get('B.I')!.score).toBeCloseTo(3.5 / 4, 12);
    expect(q.get('B.II')!.answer).toBe('WDP');
    expect(q.get('A.II.1.b')!.score).toBeCloseTo(0.8, 12);
    expect(list(r)).toEqual([]);
  });
  it('reads metadata from the title block', async () => {
    const r = await scoreSheet({ title: [['LEMBAR KERJA EVALUASI'], ['UNIT KERJA :', '', '', 'Dinas Kesehatan'], ['TAHUN :', '', '', 2024]] });
    expect(r.meta).toMatchObject({ opd: 'Dinas Kesehatan', year: 2024 });
  });
  it('takes the OPD and year from the file name when the sheet has no title block', async () => {
    const rubric = mini();
    const file = join(dir, 'dinkes-2024.xlsx');
    await writeLke(file, rubric);
    const r = await scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip' });
    expect(r.meta).toMatchObject({ opd: 'dinkes', year: 2024 });
    const o = await scoreFile(file, { rubric, candidates: [], blankPolicy: 'skip', opd: 'Dinas Kesehatan', year: 2025 });
    expect(o.meta).toMatchObject({ opd: 'Dinas Kesehatan', year: 2025 });
  });
});

describe('layout variants', () => {
  it('columns in another order, header labels in any case and spacing, an extra sheet first', async () => {
    const r = await scoreSheet({
      columns: { jawaban: 'H', bukti: 'I', nilai: 'J', pilihan: 'K', bobot: 'L', penjelasan: 'M' },
      headerLabels: { jawaban: '  JAWABAN ', pilihan: 'pilihan   jawaban', bobot: 'BOBOT', bukti: 'Link Eviden' },
      extraSheets: ['Rekapitulasi'],
      answers: { 'A.I.1.b': 'C' },
    });
    expect(r.header!.sheet.name).toBe('LKE');
    expect(r.answers!.questions.get('A.I.1.b')!.answer!.where).toMatchObject({ row: r.rows.get('A.I.1.b'), col: 8 });
    expect(r.scored!.questions.get('A.I.1.b')!.score).toBe(0);
    expect(list(r)).toEqual([]);
  });
  it('a row-counter "No" column and two label headers ("Komponen", "Uraian") in one block', async () => {
    const r = await scoreSheet({
      answers: { 'A.I.1.b': 'B' },
      tweak: (ws, rows) => {
        ws.unMergeCells('B2:G2');
        ws.getCell('A2').value = 'No';
        ws.getCell('B2').value = 'Komponen';
        ws.getCell('F2').value = 'Uraian';
        let n = 0;
        for (const row of [...rows.values()].sort((a, b) => a - b)) ws.getCell(row, 1).value = ++n;
      },
    });
    expect(r.header!.columns.label).toEqual({ from: 2, to: 7 });
    expect(r.answers!.questions.size).toBe(9);
    expect(r.scored!.questions.get('A.I.1.b')!.score).toBe(0.5);
    expect(list(r)).toEqual([]);
  });
  it("lke's flat layout: a column of full codes", async () => {
    const r = await scoreSheet({ flat: true, answers: { 'A.I.1.b': 'B' } });
    expect(r.answers!.questions.size).toBe(9);
    expect(r.scored!.questions.get('A.I.1.b')!.score).toBe(0.5);
    expect(list(r)).toEqual([]);
  });
  it('merged cells are read once: merged names, a vertically merged answer', async () => {
    const r = await scoreSheet({
      extraAfter: { 'B.I': [[null, null, null, null, null, 'catatan survei eksternal']] },
      answers: { 'B.I': 2 },
      tweak: (ws, rows) => {
        for (const code of ['A.I', 'A.II']) ws.mergeCells(rows.get(code)!, 4, rows.get(code)!, 7); // area names over D:G
        const b = rows.get('B.I')!;
        ws.mergeCells(b, 11, b + 1, 11); // K over two rows
        ws.mergeCells(rows.get('A.I.1.a')!, 9, rows.get('A.I.1.b')!, 9); // Penjelasan over two questions
      },
    });
    expect(r.scored!.questions.get('B.I')!.score).toBe(0.5);
    expect(list(r)).toEqual([]); // a repeated value would be an extra answered row
  });
  it('letters out of order, "d" without its dot and "-" for a lone question', async () => {
    const r = await scoreSheet({
      answers: { 'A.I.1.a': 'Ya', 'A.I.1.b': 'C', 'A.I.2.a': 'D' },
      tweak: (ws, rows) => {
        // swap the numbering letters of A.I.1.a and A.I.1.b, keep their texts and answers in place
        const a = rows.get('A.I.1.a')!;
        const b = rows.get('A.I.1.b')!;
        ws.getCell(a, 5).value = 'b.';
        ws.getCell(b, 5).value = 'a';
        ws.getCell(rows.get('A.I.1.c')!, 5).value = 'c';
        ws.getCell(rows.get('A.I.2.a')!, 5).value = '-';
      },
    });
    const q = r.scored!.questions;
    expect(q.get('A.I.1.a')!.answer).toBe('Ya');
    expect(q.get('A.I.1.b')!.answer).toBe('C');
    expect(q.get('A.I.2.a')!.answer).toBe('D');
    expect(list(r)).toEqual([]);
  });
  it('a question left out of the sheet, an unknown numbered row and a repeated row', async () => {
    const r = await scoreSheet({
      skip: ['A.I.1.c'],
      extraAfter: { 'A.I.2.b': [[null, null, null, null, 'c.', 'Pertanyaan tambahan yang tidak ada di rubrik'], [null, null, null, null, 'b.', 'Pertanyaan lanjutan', null, null, 'Ya/Tidak', 'Ya']] },
    });
    const codes = list(r).map((s) => s.split(' ')[0]);
    expect(codes).toEqual(['row-unmatched', 'row-duplicate', 'question-absent']);
    expect(r.findings.find((f) => f.code === 'question-absent')!.question).toBe('A.I.1.c');
  });
  it("the sheet's own Nilai, Bobot and Pilihan Jawaban are checked against the rubric", async () => {
    const r = await scoreSheet({
      tweak: (ws, rows) => {
        ws.getCell(rows.get('A.I.1')!, 12).value = { formula: 'AVERAGE(L1:L2)*H1', result: 29 } as never; // computed 30
        ws.getCell(rows.get('A.I.2')!, 12).value = { formula: 'AVERAGE(L1:L2)*H1', result: 10.004 } as never; // within 0.005
        ws.getCell(rows.get('A.II')!, 8).value = 25; // rubric 20
        ws.getCell(rows.get('A.I.1.a')!, 10).value = 'Ya'; // rubric Ya/Tidak (or Y/T)
        ws.getCell(rows.get('A.I.1.b')!, 10).value = 'a/b/c'; // same scale in another case: fine
      },
    });
    const row = (c: string) => r.rows.get(c)!;
    expect(list(r)).toEqual([`pilihan-mismatch J${row('A.I.1.a')} A.I.1.a`, `nilai-mismatch L${row('A.I.1')}`, `bobot-mismatch H${row('A.II')}`].sort((a, b) => {
      const ra = Number(/\d+/.exec(a.split(' ')[1]!)![0]);
      const rb = Number(/\d+/.exec(b.split(' ')[1]!)![0]);
      return ra - rb;
    }));
  });
});

describe('rubric detection', () => {
  it('follows a stamp in the document keywords', async () => {
    const rubric = mini();
    const file = join(dir, 'stamped.xlsx');
    await writeLke(file, rubric, { keywords: 'PMPRB; lke-rubric=mini', answers: BASE });
    const { loadRubric } = await import('../src/engine/rubrics.js');
    const r = await scoreFile(file, { candidates: [await loadRubric('zi-2021'), rubric], blankPolicy: 'skip' });
    expect(r.rubricChoice).toMatchObject({ how: 'stamp' });
    expect(r.rubric!.id).toBe('mini');
  });
  it('picks the best structural match, and refuses to guess between look-alikes', async () => {
    const rubric = mini();
    const file = join(dir, 'unstamped.xlsx');
    await writeLke(file, rubric, { answers: BASE });
    const { loadRubric } = await import('../src/engine/rubrics.js');
    const r = await scoreFile(file, { candidates: [await loadRubric('rb-2014'), rubric], blankPolicy: 'skip' });
    expect(r.rubricChoice).toMatchObject({ how: 'structure' });
    expect(r.rubric!.id).toBe('mini');
    const twin = { ...rubric, id: 'mini-copy' };
    const amb = await scoreFile(file, { candidates: [rubric, twin], blankPolicy: 'skip' });
    expect(amb.status).toBe('error');
    expect(amb.error!.code).toBe('rubric-ambiguous');
    expect(amb.error).toMatchObject({ code: 'rubric-ambiguous', found: expect.stringMatching(/mini \d+%/) });
  });
});

describe('rubric detection matches only the rubric the title names', () => {
  const MINISTRY = 'PERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI';
  const cases: [string, string, string[]][] = [
    // [the title, the rubrics matched against the sheet]
    ['the ZI regulation, citing the ministry (whose name says "Reformasi Birokrasi")', `${MINISTRY} NOMOR 90 TAHUN 2021 TENTANG PEMBANGUNAN ZONA INTEGRITAS`, ['zi-2021']],
    ['the ministry alone: no rubric named, every candidate matched', MINISTRY, ['rb-2014', 'zi-2021']],
  ];
  for (const [what, title, tried] of cases) {
    it(what, async () => {
      const { loadRubric } = await import('../src/engine/rubrics.js');
      const zi = await loadRubric('zi-2021');
      const file = join(dir, `zi-title-${tried.length}.xlsx`);
      await writeLke(file, zi, { title: [[title]] });
      const r = await scoreFile(file, { candidates: [await loadRubric('rb-2014'), zi], blankPolicy: 'skip' });
      expect(r.rubric!.id).toBe('zi-2021');
      expect(Object.keys(r.rubricChoice!.coverage).sort()).toEqual(tried);
    });
  }
});

describe('unreadable input is one clear error, never a crash', () => {
  it('no LKE sheet in the workbook', async () => {
    const file = join(dir, 'empty-sheet.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').getCell('A1').value = 'hello';
    await wb.xlsx.writeFile(file);
    const r = await scoreFile(file, { rubric: mini(), candidates: [], blankPolicy: 'skip' });
    expect(r.error?.code).toBe('no-lke-sheet');
  });
});
