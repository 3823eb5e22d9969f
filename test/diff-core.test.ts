// lke diff's core on real workbooks: the real samples against an assessor's review of them (a copy with answers
// changed, written by test/helpers/review.ts), the RB sample's two blocks, and generated worksheets for the cases
// the samples do not hold (a question on one side only, two rubric versions).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreFile } from '../src/engine/score-file.js';
import { toDiffSide } from '../src/engine/diff-side.js';
import { compareSides } from '../src/diff/compare.js';
import type { Diff, Pos } from '../src/document/diff-report.js';
import { a1 } from '../src/findings/position.js';
import { normaliseName, type DiffSide } from '../src/diff/side.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { parseRubricText } from '../src/rubric/load.js';
import type { Question, Rubric } from '../src/rubric/model.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { writeReviewed, type Edit } from './helpers/review.js';
import { mini, MINI_YAML } from './helpers/mini-rubric.js';
import { tempDir, writeLke } from './helpers/write-lke.js';

const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const dir = tempDir('lke-diff-');
const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
const cellOf = (p: Pos | null) => (p ? a1(p.row, p.col) : null);

async function side(file: string, opts: { rubric?: Rubric; block?: number } = {}): Promise<DiffSide> {
  const r = await scoreFile(file, { candidates, blankPolicy: 'skip', ...opts });
  expect(r.error).toBeUndefined();
  return toDiffSide(r, opts.block);
}

/** The index as `lke score --format json` prints it: computed apart from the diff (lke exits 1 on error findings). */
async function scoredIndex(file: string): Promise<number> {
  const r = await promisify(execFile)(process.execPath, [CLI, 'score', file, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 26 }).catch((e: { stdout: string }) => e);
  return (JSON.parse(r.stdout) as { files: { index: number }[] }).files[0]!.index;
}

/** Another answer of the question's scale: the next option, another number in range, another percentage. */
function otherAnswer(q: Question, current: string | number): string | number {
  const s = q.scale;
  if (s.type === 'choice') {
    const codes = s.options.map((o) => o.code);
    return codes[(codes.indexOf(String(current)) + 1) % codes.length]!;
  }
  if (s.type === 'number') {
    const [lo, hi] = s.range;
    return current === lo ? hi : lo;
  }
  return current === 0.5 ? 0.25 : 0.5;
}

interface Review {
  edits: Edit[];
  /** The questions whose answer the review changed, in rubric order, with the answer expected on each side. */
  changed: { question: string; cell: string; from: string | number | null; to: string | number | null }[];
  cosmetic: string[];
}

/**
 * An assessor's review of a scored worksheet: every ninth answered question gets another answer, one answer is
 * cleared, one is replaced by text that is no answer, and one is retyped in another spelling of the same answer
 * (which must not count as a change). The first change gets a note in the Catatan column.
 */
function review(a: DiffSide, rubric: Rubric, noteColumn: string): Review {
  const edits: Edit[] = [];
  const changed: Review['changed'] = [];
  const cosmetic: string[] = [];
  const usable = a.answers.filter((x) => x.status === 'scored' && x.present && x.at && rubric.questions.get(x.question)!.inputs.length === 0);
  usable.forEach((x, i) => {
    const q = rubric.questions.get(x.question)!;
    const cell = cellOf(x.at)!;
    if (i % 9 === 0) {
      const to = otherAnswer(q, x.answer!);
      edits.push({ cell: cell, value: to });
      changed.push({ question: x.question, cell: cell, from: x.answer, to });
    } else if (i === 4) {
      edits.push({ cell: cell, value: null });
      changed.push({ question: x.question, cell: cell, from: x.answer, to: null });
    } else if (i === 5) {
      edits.push({ cell: cell, value: 'Belum dapat diverifikasi' });
      changed.push({ question: x.question, cell: cell, from: x.answer, to: 'Belum dapat diverifikasi' });
    } else if (cosmetic.length === 0 && typeof x.answer === 'string' && /^[A-E]$/.test(x.answer)) {
      edits.push({ cell: cell, value: `(${x.answer.toLowerCase()})` });
      cosmetic.push(x.question);
    }
  });
  const first = edits[0]!;
  first.note = { cell: `${noteColumn}${/\d+/.exec(first.cell)![0]}`, text: 'Dokumen tidak dapat ditunjukkan saat reviu' };
  const order = [...rubric.questions.keys()];
  changed.sort((p, q) => order.indexOf(p.question) - order.indexOf(q.question));
  return { edits, changed, cosmetic };
}

function expectReviewListed(d: Diff, rev: Review) {
  expect(d.level).toBe('question');
  expect(d.changes.map((c) => c.question)).toEqual(rev.changed.map((c) => c.question));
  expect(d.changes.map((c) => [cellOf(c.at), c.from, c.to])).toEqual(rev.changed.map((c) => [c.cell, c.from, c.to]));
  for (const q of rev.cosmetic) expect(d.changes.map((c) => c.question)).not.toContain(q);
  expect(d.oneSided).toEqual([]);
  const noted = d.changes.find((c) => cellOf(c.at) === rev.edits[0]!.cell)!;
  expect(noted.note).toBe('Dokumen tidak dapat ditunjukkan saat reviu');
}

describe.skipIf(!HAVE_SAMPLES)(`a real worksheet against an assessor's review of it${SKIP_NOTE}`, () => {
  for (const [name, file, rubricId, noteColumn] of [
    ['RB 14/2014 (BPS 2015)', RB_SAMPLE, 'rb-2014', 'M'],
    ['ZI 90/2021 (Tangerang Selatan)', ZI_SAMPLE, 'zi-2021', 'O'],
  ] as const) {
    it(`${name}: every changed answer is listed by its code; the index delta is the difference of the two scores`, async () => {
      const a = await side(file);
      const rubric = await loadRubric(rubricId);
      const rev = review(a, rubric, noteColumn);
      expect(rev.changed.length).toBeGreaterThan(10);
      const reviewed = join(dir, `reviewed-${rubricId}.xlsx`);
      await writeReviewed(file, reviewed, a.answers.find((x) => x.at)!.at!.sheet!, rev.edits);
      const b = await side(reviewed);
      const d = compareSides(a, b);
      expectReviewListed(d, rev);
      expect(d.index.delta).toBeCloseTo((await scoredIndex(reviewed)) - (await scoredIndex(file)), 9);
      expect(d.index.delta).toBeLessThan(0);
      // the nodes add up: the components' deltas make the index delta, each indicator's its questions' nilai moved
      expect(d.nodes.filter((n) => n.depth === 0).reduce((s, n) => s + n.delta, 0)).toBeCloseTo(d.index.delta, 9);
      const sumNilai = (s: DiffSide, ind: string) => s.answers.filter((x) => x.indicator === ind).reduce((t, x) => t + (x.nilai ?? 0), 0);
      for (const n of d.nodes.filter((n) => n.level === 'indicator')) expect(n.delta).toBeCloseTo(sumNilai(b, n.code) - sumNilai(a, n.code), 9);
    });
  }
});

describe.skipIf(!HAVE_SAMPLES)(`the RB sample's two blocks: 2014 against 2015${SKIP_NOTE}`, () => {
  it('lists the answers that differ between the blocks, and the delta of the two totals the sheet shows', async () => {
    const y2015 = await side(RB_SAMPLE, { block: 0 });
    const y2014 = await side(RB_SAMPLE, { block: 1 });
    expect([y2014.year, y2015.year]).toEqual([2014, 2015]);
    const d = compareSides(y2014, y2015);
    // read apart from lke, with exceljs: the rows whose Jawaban differs between the 2015 (J) and 2014 (V) blocks
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(RB_SAMPLE);
    const ws = wb.worksheets.find((w) => w.name.startsWith('LKE'))!;
    const text = (v: ExcelJS.CellValue) => String(v ?? '').trim();
    const rows = new Set<number>();
    ws.eachRow((row, r) => {
      if (text(row.getCell('J').value) !== text(row.getCell('V').value)) rows.add(r);
    });
    const differing = y2015.answers.filter((x) => x.at && rows.has(x.at.row)).map((x) => x.question);
    expect(differing.length).toBeGreaterThan(30);
    expect(d.changes.map((c) => c.question)).toEqual(differing);
    expect(d.changes[0]).toMatchObject({ question: 'A.I.1.c', from: 'C', to: 'B' });
    expect([cellOf(d.changes[0]!.atFrom), cellOf(d.changes[0]!.at)]).toEqual(['V12', 'J12']);
    expect(d.index.delta).toBeCloseTo(71.40628571428572 - 60.86020238095238, 9);
    // the sheet works out some deltas itself (column Y: K − W per area and total, Z: the index): lke agrees with each
    const result = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number' ? v.result : undefined);
    const checked: string[] = [];
    ws.eachRow((row) => {
      const y = result(row.getCell('Y').value);
      if (y === undefined) return;
      const label = text(row.getCell('B').value);
      const code = /^TOTAL PENGUNGKIT/.test(label) ? 'A' : /^TOTAL HASIL/.test(label) ? 'B' : d.nodes.find((n) => normaliseName(n.name) === normaliseName(text(row.getCell('D').value)))?.code;
      expect(code, `row ${row.number}`).toBeDefined();
      expect(d.nodes.find((n) => n.code === code)!.delta, code).toBeCloseTo(y, 9);
      checked.push(code!);
    });
    expect(checked).toEqual(['A.I', 'A.II', 'A.IV', 'A.V', 'A.VI', 'A.VII', 'A.VIII', 'A', 'B']); // A.III's is not cached
    expect(d.index.delta).toBeCloseTo(result(ws.getCell('Z212').value)!, 9);
    expect(d.predikat).toEqual({ from: 'B', to: 'BB', changed: true });
  });
});

describe('generated worksheets', () => {
  const rubric = mini();
  const BASE = { 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 };

  it('a question found in one worksheet only is listed apart, not as a change', async () => {
    const a = join(dir, 'one-a.xlsx');
    const b = join(dir, 'one-b.xlsx');
    await writeLke(a, rubric, { answers: { ...BASE, 'A.I.1.b': 'B' } });
    await writeLke(b, rubric, { answers: { ...BASE, 'A.I.1.b': 'C' }, skip: ['A.I.1.c'] });
    const d = compareSides(await side(a, { rubric }), await side(b, { rubric }));
    expect(d.changes.map((c) => [c.question, c.from, c.to])).toEqual([['A.I.1.b', 'B', 'C']]);
    expect(d.oneSided.map((x) => [x.question, x.side, x.answer])).toEqual([['A.I.1.c', 'from', 'A']]);
  });

  it('two rubric versions are compared by the components and areas they share, matched by name', async () => {
    // a later version: new codes, one area renamed, its weights moved
    const v2 = parseRubricText(
      MINI_YAML.replace('id: mini', 'id: mini-2').replace(/code: A\.II\b/g, 'code: A.III').replace('name: Area dua', 'name: Area baru').replace('name: Area satu', 'name: AREA  SATU (40)'),
      'mini-2.yaml',
    );
    const a = join(dir, 'v1.xlsx');
    const b = join(dir, 'v2.xlsx');
    await writeLke(a, rubric, { answers: { ...BASE, 'A.I.1.a': 'Tidak' } });
    await writeLke(b, v2, { answers: BASE });
    const sa = await side(a, { rubric });
    const sb = await side(b, { rubric: v2 });
    const d = compareSides(sa, sb);
    expect(d.level).toBe('area');
    expect(d.changes).toEqual([]);
    expect(d.nodes.map((n) => [n.codeFrom, n.code, n.level])).toEqual([['A', 'A', 'component'], ['A.I', 'A.I', 'area'], ['B', 'B', 'component']]);
    expect(d.unmatched.map((u) => [u.side, u.code])).toEqual([['to', 'A.III'], ['from', 'A.II']]);
    expect(d.nodes[1]!.delta).toBeCloseTo(sb.nodes.find((n) => n.code === 'A.I')!.nilai - sa.nodes.find((n) => n.code === 'A.I')!.nilai, 12);
    expect(d.nodes[1]!.delta).toBeGreaterThan(0);
    expect(d.index.delta).toBeCloseTo(sb.index - sa.index, 12);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`a table of values (Indeks RB 2023, a rubric of lines) against a reviewed copy${SKIP_NOTE}`, () => {
  it("lists the line whose skor the review lowered, its points and the review's Keterangan; the delta is the two scores'", async () => {
    const { EXAMPLES, readExample, writeXlsx } = await import('../scripts/make-rb2023-tables.mjs');
    const ex = EXAMPLES[0]!;
    const rows = readExample(ex.file);
    const reviewed = rows.map((r) => ({ ...r }));
    const k = reviewed.findIndex((r) => /^\d+([.,]\d+)?$/.test(r.skor.trim()) && Number(r.skor.replace(',', '.')) > 0);
    reviewed[k] = { ...reviewed[k]!, skor: '0', keterangan: 'Dokumen tidak dapat ditunjukkan' };
    const [a, b] = [join(dir, 'table-a.xlsx'), join(dir, 'table-b.xlsx')];
    await writeXlsx(a, rows, { instansi: ex.instansi, year: ex.year });
    await writeXlsx(b, reviewed, { instansi: ex.instansi, year: ex.year });
    const d = compareSides(await side(a), await side(b));
    expect(d.changes.map((c) => [c.question, c.to, c.nilaiTo, c.note])).toEqual([[rows[k]!.code, 0, 0, 'Dokumen tidak dapat ditunjukkan']]);
    expect(d.changes[0]!.nilaiFrom).toBeGreaterThan(0);
    expect(d.index.delta).toBeCloseTo((await scoredIndex(b)) - (await scoredIndex(a)), 9);
  });
});
