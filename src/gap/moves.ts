// The answer changes a worksheet allows: each question moved up its scale (a Tidak to Ya, a C to B or A, a blank
// answered), a typed percentage to 100 %, a ratio's count to what makes it whole. Hasil inputs (outcome nodes:
// surveys, the audit opinion) and questions absent from the sheet are not answers anyone can change here.
import { DivisionByZero } from '../rubric/expression.js';
import type { Question, SubInput } from '../rubric/model.js';
import { parseCount } from '../score/answer.js';
import { ratioValue } from '../score/score.js';
import type { QuestionAnswer, QuestionResult, RawValue, Where } from '../score/types.js';
import type { Change } from './rescore.js';

export interface Move extends Change {
  /** The sub-input written, for a ratio question. */
  input: SubInput | null;
  where: Where;
  from: string | number | null;
  to: string | number;
}

const EPS = 1e-12;

/** The moves of one question, best option last; none when it cannot be changed in this worksheet. */
export function movesOf(q: Question, now: QuestionResult, qa: QuestionAnswer | undefined): Move[] {
  if (q.parent.outcome || !qa) return [];
  if (q.formula && q.inputs.length > 0) return ratioMove(q, now, qa);
  const where = qa.answer?.where ?? qa.where;
  const from = now.status === 'scored' ? now.answer! : shown(qa.answer);
  const current = now.status === 'scored' ? now.base! : -1;
  const scale = q.scale;
  const move = (to: string | number, base: number): Move => ({ question: q, answer: to, base, input: null, where, from, to });
  if (scale.type === 'choice') {
    // an option whose score the rubric does not know is never proposed
    return scale.options
      .flatMap((o) => (o.score === undefined ? [] : [{ o, base: o.score / scale.max }]))
      .filter((x) => x.base > current + EPS)
      .sort((a, b) => a.base - b.base)
      .map((x) => move(x.o.code, x.base));
  }
  if (scale.type === 'percent') return current < 1 - EPS ? [move(1, 1)] : [];
  if (scale.type === 'number') return current < 1 - EPS ? [move(scale.range[1], 1)] : [];
  return [];
}

function shown(rv: RawValue | undefined): string | number | null {
  if (!rv || rv.value === null || rv.value === undefined || rv.error) return rv?.error ?? null;
  return typeof rv.value === 'number' ? rv.value : String(rv.value);
}

/**
 * A ratio computed from counts: the one count to change that makes it best — set to another count or to 0 —
 * raising a count (b reported of a due) before lowering one (the violations of the disiplin question), never the
 * other way when both give the same score.
 */
function ratioMove(q: Question, now: QuestionResult, qa: QuestionAnswer): Move[] {
  if (now.status !== 'scored') return []; // blank or broken counts: listed as unanswered
  const vars: Record<string, number> = {};
  for (const sub of q.inputs) {
    const p = parseCount(qa.inputs.get(sub.key)?.value ?? null);
    if (p.kind !== 'number') return [];
    vars[sub.key] = p.value;
  }
  let best: { sub: SubInput; value: number; base: number; raises: boolean } | undefined;
  for (const sub of q.inputs) {
    const cur = vars[sub.key]!;
    const values = new Set([0, ...q.inputs.filter((o) => o !== sub).map((o) => vars[o.key]!)]);
    for (const v of values) {
      if (v === cur) continue;
      let base: number;
      try {
        base = ratioValue(q, { ...vars, [sub.key]: v });
      } catch (e) {
        if (e instanceof DivisionByZero) continue;
        throw e;
      }
      if (base <= now.base! + EPS) continue;
      const raises = v > cur;
      if (!best || base > best.base + EPS || (Math.abs(base - best.base) <= EPS && raises && !best.raises)) best = { sub, value: v, base, raises };
    }
  }
  if (!best) return [];
  const rv = qa.inputs.get(best.sub.key)!;
  return [{ question: q, answer: best.base, base: best.base, input: best.sub, where: rv.where, from: vars[best.sub.key]!, to: best.value }];
}
