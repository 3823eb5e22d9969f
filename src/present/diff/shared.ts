// What the diff presenters share: how an answer, a signed delta, a side and the predikat move are shown, and which
// nodes are listed. Numbers are rounded here, at presentation only (2 decimals, half-up).
import { fixed, roundHalfUp } from '../../words/round.js';
import type { Diff, NodeDelta, Pos, SideSummary } from '../../document/diff-report.js';
import { a1 } from '../../findings/position.js';
import type { DiffWords } from '../../words/diff.js';

/** An answer as shown: an option code, a number without trailing zeros, or "(kosong)" for no answer. */
export function answerText(v: string | number | null, w: DiffWords): string {
  if (v === null) return w.blank;
  if (typeof v === 'number') return String(roundHalfUp(v, 4));
  return v.replace(/\s+/g, ' ').trim();
}

/** A delta with its sign: +1.25, −0.50, 0.00. */
export function signed(n: number): string {
  const r = roundHalfUp(n, 2);
  if (r === 0) return fixed(0);
  return `${r > 0 ? '+' : '−'}${fixed(Math.abs(r))}`;
}

export const nilaiText = (n: number | null) => (n === null ? '—' : fixed(n));

/** The file, and the block when the side is one block of a workbook. */
export function sideLabel(s: SideSummary, w: DiffWords): string {
  if (!s.block) return s.file;
  return `${s.file} [${w.block(s.block.number)}${s.block.title ? `: ${s.block.title}` : ''}, ${w.column} ${s.block.column}]`;
}

/** Who and when: OPD and year, when known. */
export const sideWho = (s: SideSummary) => [s.opd, s.year].filter((x) => x !== null && x !== '').join(', ');

export function predikatText(d: Pick<Diff, 'predikat' | 'index'>, w: DiffWords): string {
  const { from, to, changed } = d.predikat;
  if (!changed) return `${w.predikatSame} (${from ?? '-'})`;
  return `${d.index.delta >= 0 ? w.predikatUp : w.predikatDown}: ${from ?? '-'} → ${to ?? '-'}`;
}

/** Components, categories and areas always; indicators only when their nilai moved (at the 2 decimals shown). */
export function shownNodes(d: Diff): NodeDelta[] {
  return d.nodes.filter((n) => n.level !== 'indicator' || roundHalfUp(n.delta, 2) !== 0);
}

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A cell as people read it: K12 (the sheet is named once, on the sides). */
export const cellText = (p: Pos | null) => (p ? a1(p.row, p.col) : '');
