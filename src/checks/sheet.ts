// Checks of a worksheet against the rubric and against lke's own computation: the sheet's Nilai (catches broken
// Excel formulas), its Bobot and Pilihan Jawaban, and evidence on questions that require it. Pure.
import { soleQuestion, type Rubric } from '../rubric/model.js';
import { parseNumberText } from '../score/answer.js';
import type { AnswerSheet, RawValue, Scored } from '../score/types.js';
import { finding, type Finding } from '../findings/codes.js';

export const NILAI_TOLERANCE = 0.005;

const fmt = (n: number) => String(+n.toFixed(4));

function numeric(rv: RawValue | undefined): number | undefined {
  if (!rv || rv.error || rv.noCache) return undefined;
  if (typeof rv.value === 'number') return rv.value;
  if (typeof rv.value === 'string') return parseNumberText(rv.value)?.value;
  return undefined;
}

const squashLabel = (s: string) => s.toLowerCase().replace(/\s+/g, '').replace(/[\u2013\u2014]/g, '-');

export function checkSheet(rubric: Rubric, sheet: AnswerSheet, scored: Scored): Finding[] {
  const out: Finding[] = [];
  const uncached: RawValue[] = [];
  for (const n of scored.nodes) {
    const facts = sheet.nodes.get(n.code);
    if (!facts) continue;
    const b = numeric(facts.bobot);
    if (b !== undefined && Math.abs(b - n.bobot) > 0.0051) {
      out.push(finding('bobot-mismatch', facts.bobot!.where, { code: n.code, sheetValue: fmt(b), expected: fmt(n.bobot) }));
    }
    // Under --blank zero the sheet (which skips blanks) is expected to differ wherever something is blank.
    if (scored.blankPolicy === 'zero' && n.blanks > 0) continue;
    checkNilai(facts.nilai, n.nilai, n.code, undefined, out, uncached);
  }
  for (const q of rubric.questions.values()) {
    const qa = sheet.questions.get(q.code);
    const r = scored.questions.get(q.code);
    if (!qa || !r) continue;
    if (!(soleQuestion(q.parent) === q)) checkNilai(qa.nilai, r.score, q.code, q.code, out, uncached);
    if (qa.pilihan && typeof qa.pilihan.value === 'string') {
      const shown = qa.pilihan.value.trim();
      if (shown && !scaleNames(q.scale, squashLabel(shown))) {
        out.push(finding('pilihan-mismatch', { ...qa.pilihan.where, question: q.code }, { sheetValue: shown.replace(/\s+/g, ' '), expected: q.scale.label }));
      }
    }
    if (q.bukti && qa.bukti === false && r.status !== 'blank') {
      // at the empty evidence cells, not the answer
      const cells = qa.buktiAt ?? [];
      const cols = cells.length > 1 ? cells.map((c) => c.col!) : undefined;
      out.push(finding('bukti-missing', { ...(cells[0] ?? qa.where), question: q.code }, { cols }));
    }
  }
  // a sheet saved without calculating (openpyxl) has hundreds of such cells: one finding, not one per cell
  if (uncached.length > 0) out.push(finding('sheet-not-calculated', uncached[0]!.where, { count: uncached.length }));
  return out;
}

function checkNilai(rv: RawValue | undefined, computed: number | undefined, code: string, question: string | undefined, out: Finding[], uncached: RawValue[]): void {
  if (!rv) return;
  if (rv.error) {
    out.push(finding('excel-error', { ...rv.where, question }, { error: rv.error }));
    return;
  }
  if (rv.noCache) {
    uncached.push(rv);
    return;
  }
  const shown = numeric(rv);
  if (shown === undefined) {
    // Text such as "Blm Diisi" or "-": fine when lke could not score it either.
    if (computed === undefined || (typeof rv.value === 'string' && rv.value.trim() === '')) return;
    out.push(finding('nilai-mismatch', { ...rv.where, question }, { code, sheetValue: `"${String(rv.value).trim()}"`, computed: fmt(computed) }));
    return;
  }
  if (computed === undefined) {
    out.push(finding('nilai-mismatch', { ...rv.where, question }, { code, sheetValue: fmt(shown), computed: '—' }));
    return;
  }
  if (Math.abs(shown - computed) > NILAI_TOLERANCE) {
    out.push(finding('nilai-mismatch', { ...rv.where, question }, { code, sheetValue: fmt(shown), computed: fmt(computed) }));
  }
}

/** Whether the scale goes by this (squashed) name: its label or one of its other labels. */
function scaleNames(scale: { label: string; labels?: string[] | undefined }, squashed: string): boolean {
  if (squashLabel(scale.label) === squashed) return true;
  for (const l of scale.labels ?? []) if (squashLabel(l) === squashed) return true;
  return false;
}
