// Matched rows → the AnswerSheet scoring reads (cells become plain values with a position), plus the findings
// about the sheet's structure: questions absent, rows that match nothing, repeated rows.
import type { Entry } from '../layout/entries.js';
import type { Header } from '../layout/header.js';
import type { Question, Rubric } from '../rubric/model.js';
import { finding, type Finding } from '../findings/codes.js';
import { textOf, type Cell, type NumberFormats } from '../workbook/grid.js';
import type { AnswerSheet, QuestionAnswer, RawValue, Where } from '../score/types.js';
import type { MatchResult } from './match.js';

export function toRaw(cell: Cell | undefined, sheet: string): RawValue | undefined {
  if (!cell) return undefined;
  return { value: cell.value, error: cell.error, noCache: cell.noCache, formula: cell.formula, formulaText: cell.formulaText, evaluated: cell.evaluated, where: { sheet, row: cell.row, col: cell.col } };
}

const at = (sheet: string, c: Cell | undefined): Where | undefined => (c ? { sheet, row: c.row, col: c.col } : undefined);

/**
 * The answer of a question on a number scale (0-100, 0-5) that could be a percentage typed in Excel (70,05% is
 * stored as 0.7005 with a percent format): only then is the workbook's number format looked up.
 */
function answerOf(cell: Cell | undefined, q: Question, sheet: string, formats: NumberFormats | undefined): RawValue | undefined {
  const rv = toRaw(cell, sheet);
  return q.scale.type === 'number' ? withPercentFormat(rv, cell, formats) : rv;
}

/** A number in (0, 1] marked when its cell shows it as a percentage (the only numbers worth the lookup). */
export function withPercentFormat(rv: RawValue | undefined, cell: Cell | undefined, formats: NumberFormats | undefined): RawValue | undefined {
  if (rv && cell && typeof rv.value === 'number' && rv.value > 0 && rv.value <= 1 && cell.style !== undefined) rv.percentFormat = formats?.isPercent(cell.style) ?? false;
  return rv;
}

export function collectAnswers(rubric: Rubric, header: Header, m: MatchResult, formats?: NumberFormats): { answers: AnswerSheet; findings: Finding[] } {
  const sheet = header.sheet.name;
  const jawabanCol = header.columns.jawaban;
  const rowWhere = (e: Entry): Where => ({ sheet, row: e.row, col: jawabanCol });
  const findings: Finding[] = [];
  const answers: AnswerSheet = { questions: new Map(), nodes: new Map(), hasBukti: header.columns.bukti.length > 0 };

  for (const [code, e] of m.nodes) {
    answers.nodes.set(code, { where: at(sheet, e.nilai ?? e.bobot ?? e.textCell) ?? { sheet }, bobot: toRaw(e.bobot, sheet), nilai: toRaw(e.nilai, sheet) });
  }
  for (const q of rubric.questions.values()) {
    const e = m.questions.get(q.code);
    const inputs = new Map<string, RawValue>();
    for (const sub of q.inputs) {
      const ie = m.inputs.get(sub.code);
      if (!ie) continue;
      inputs.set(sub.key, toRaw(ie.jawaban, sheet) ?? { value: null, where: rowWhere(ie) });
    }
    if (!e) {
      if (inputs.size === 0) {
        findings.push(finding('question-absent', { sheet, question: q.code }, { text: q.text.length > 80 ? `${q.text.slice(0, 77)}…` : q.text }));
        continue;
      }
    }
    const qa: QuestionAnswer = {
      where: e ? rowWhere(e) : [...inputs.values()][0]!.where,
      answer: e ? answerOf(e.jawaban, q, sheet, formats) : undefined,
      inputs,
      nilai: e ? toRaw(e.nilai, sheet) : undefined,
      pilihan: e ? toRaw(e.pilihan, sheet) : undefined,
      catatan: e ? toRaw(e.catatan, sheet) : undefined,
      bukti: answers.hasBukti && e ? e.bukti.length > 0 : undefined,
      buktiRefs: e?.bukti.map((c) => ({ text: textOf(c), link: c.hyperlink, where: { sheet, row: c.row, col: c.col } })),
      remark: e?.catatan ? toRaw(e.catatan, sheet) : undefined,
      buktiAt: e && answers.hasBukti ? header.columns.bukti.map((col) => ({ sheet, row: e.row, col })) : undefined,
    };
    answers.questions.set(q.code, qa);
  }
  for (const e of m.unmatched) {
    const text = e.text.length > 60 ? `${e.text.slice(0, 57)}…` : e.text || (e.token ?? '');
    findings.push(finding('row-unmatched', at(sheet, e.textCell ?? e.jawaban ?? e.bobot) ?? { sheet, row: e.row, col: jawabanCol }, { row: e.row, text }));
  }
  for (const d of m.duplicates) {
    findings.push(finding('row-duplicate', { sheet, row: d.entry.row, col: jawabanCol, question: d.code }, { row: d.entry.row, firstRow: d.first.row, col: jawabanCol }));
  }
  for (const other of header.otherSheets) {
    findings.push(finding('sheet-other-lke', { sheet, row: header.row, col: jawabanCol }, { other: other.name, answered: other.answered, scored: sheet }));
  }
  if (header.ignoredBlock) {
    findings.push(finding('block-ignored', { sheet, row: header.row, col: header.ignoredBlock.from }, { column: header.ignoredBlock.from, title: header.ignoredBlock.title }));
  }
  if (!answers.hasBukti && rubric.questions.size > 0 && [...rubric.questions.values()].some((q) => q.bukti)) {
    findings.push(finding('bukti-column-absent', { sheet, row: header.row, col: header.columns.jawaban }));
  }
  return { answers, findings };
}
