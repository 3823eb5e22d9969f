// Matched rows → the AnswerSheet scoring reads (cells become plain values with a position), plus the findings
// about the sheet's structure: questions absent, rows that match nothing, repeated rows.
import type { Entry } from '../layout/entries.js';
import type { Header } from '../layout/header.js';
import type { Rubric } from '../rubric/model.js';
import { finding, type Finding } from '../findings/codes.js';
import { colLetters, textOf, type Cell } from '../workbook/grid.js';
import type { AnswerSheet, QuestionAnswer, RawValue, Where } from '../score/types.js';
import type { MatchResult } from './match.js';

export function toRaw(cell: Cell | undefined, sheet: string): RawValue | undefined {
  if (!cell) return undefined;
  return { value: cell.value, error: cell.error, noCache: cell.noCache, formula: cell.formula, where: { sheet, cell: cell.address } };
}

export function collectAnswers(rubric: Rubric, header: Header, m: MatchResult): { answers: AnswerSheet; findings: Finding[] } {
  const sheet = header.sheet.name;
  const jawabanCol = colLetters(header.columns.jawaban);
  const rowWhere = (e: Entry): Where => ({ sheet, cell: `${jawabanCol}${e.row}` });
  const findings: Finding[] = [];
  const answers: AnswerSheet = { questions: new Map(), nodes: new Map(), hasBukti: header.columns.bukti.length > 0 };

  for (const [code, e] of m.nodes) {
    answers.nodes.set(code, { where: { sheet, cell: e.nilai?.address ?? e.bobot?.address ?? e.textCell?.address }, bobot: toRaw(e.bobot, sheet), nilai: toRaw(e.nilai, sheet) });
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
      answer: e ? toRaw(e.jawaban, sheet) : undefined,
      inputs,
      nilai: e ? toRaw(e.nilai, sheet) : undefined,
      pilihan: e ? toRaw(e.pilihan, sheet) : undefined,
      bukti: answers.hasBukti && e ? e.bukti.length > 0 : undefined,
      buktiRefs: e?.bukti.map((c) => ({ text: textOf(c), link: c.hyperlink, where: { sheet, cell: c.address } })),
    };
    answers.questions.set(q.code, qa);
  }
  for (const e of m.unmatched) {
    const text = e.text.length > 60 ? `${e.text.slice(0, 57)}…` : e.text || (e.token ?? '');
    findings.push(finding('row-unmatched', { sheet, cell: (e.textCell ?? e.jawaban ?? e.bobot)?.address ?? `${jawabanCol}${e.row}` }, { row: e.row, text }));
  }
  for (const d of m.duplicates) {
    findings.push(finding('row-duplicate', { sheet, cell: `${jawabanCol}${d.entry.row}`, question: d.code }, { row: d.entry.row, first: `${jawabanCol}${d.first.row}` }));
  }
  if (header.ignoredBlock) {
    findings.push(finding('block-ignored', { sheet, cell: `${colLetters(header.ignoredBlock.from)}${header.row}` }, { column: colLetters(header.ignoredBlock.from), title: header.ignoredBlock.title }));
  }
  if (!answers.hasBukti && rubric.questions.size > 0 && [...rubric.questions.values()].some((q) => q.bukti)) {
    findings.push(finding('bukti-column-absent', { sheet, cell: `${colLetters(header.columns.jawaban)}${header.row}` }));
  }
  return { answers, findings };
}
