// The gap analysis of one scored worksheet: where the points were lost per area, and the path to a target — the
// fewest answer changes that lift the index above a band's lower bound (or every node above a target's minimum),
// each with the points it gains. Pure: answers, rubric and scores in, plain data out.
import type { Rubric } from '../rubric/model.js';
import { score } from '../score/score.js';
import type { AnswerSheet, BlankPolicy, QuestionAnswer, Scored } from '../score/types.js';
import { WEAKEST, areaGaps, weakestIndicators } from './areas.js';
import { movesOf, type Move } from './moves.js';
import { allMet, ceilingOf, greedyPath, type PathStep } from './path.js';
import { Rescorer } from './rescore.js';
import { resolveGoal, type Constraint } from './target.js';
import type { GapAnalysis, GapStep, MinimumCheck, TargetSpec } from './types.js';

export interface GapOptions {
  blankPolicy: BlankPolicy;
  /** What to aim at; by default the next band up (or the next target of minima). */
  target?: TargetSpec | undefined;
}

export function analyzeGap(rubric: Rubric, sheet: AnswerSheet, scored: Scored, opts: GapOptions): GapAnalysis {
  const now = new Rescorer(rubric, scored, opts.blankPolicy);
  const moves = [...rubric.questions.values()].map((q) => movesOf(q, scored.questions.get(q.code)!, sheet.questions.get(q.code)));
  const top = ceilingOf(now, moves);
  const indicators = [...rubric.nodes.values()].filter((n) => n.children.length === 0);
  const base = {
    bands: rubric.predikat.bands.map((b) => ({ code: b.code, name: b.label ?? null, lowerBound: b.above ?? b.atLeast ?? null, inclusive: b.above === undefined })),
    index: scored.index,
    ceiling: top.index,
    areas: areaGaps(rubric, scored, sheet),
    weakest: weakestIndicators(indicators, scored, WEAKEST),
  };
  const goal = resolveGoal(rubric, scored.index, (code) => scored.byCode.get(code)!.nilai, opts.target);
  if (typeof goal === 'string') {
    return { ...base, target: null, noTarget: goal, reached: goal === 'top', reachable: goal === 'top', indexAfter: scored.index, path: [], minima: [], confirm: [] };
  }
  const valueOf = (r: Rescorer, c: Constraint) => (c.node ? r.nilaiOf(c.node.code) : r.index);
  const reached = allMet(now, goal.constraints);
  // what answers alone can meet; the rest (a hasil input, an index beyond the ceiling) stays as it is
  const within = goal.constraints.filter((c) => c.met(valueOf(top, c)));
  const after = now.clone();
  const steps = reached ? [] : greedyPath(after, moves, within);
  const indexAfter = rescoredIndex(rubric, sheet, steps, opts.blankPolicy, after.index);
  const minima: MinimumCheck[] = goal.constraints
    .filter((c) => c.minimum)
    .map((c) => {
      const n = c.node!;
      const nilai = now.nilaiOf(n.code);
      return {
        node: n.code,
        name: n.name,
        bobot: n.bobot,
        required: c.minimum!.nilai,
        percent: c.minimum!.percent ?? null,
        nilai,
        met: c.met(nilai),
        after: after.nilaiOf(n.code),
        outcome: n.outcome,
        ceiling: top.nilaiOf(n.code),
        note: c.minimum!.note ?? null,
      };
    });
  return {
    ...base,
    target: goal.target,
    noTarget: null,
    reached,
    reachable: within.length === goal.constraints.length,
    indexAfter,
    path: steps.map(toStep),
    minima,
    confirm: goal.confirm,
  };
}

function toStep(s: PathStep): GapStep {
  const m = s.move;
  return { question: m.question.code, text: m.question.text, input: m.input?.key ?? null, at: m.where, from: m.from, to: m.to, gain: s.gain, index: s.index };
}

/**
 * The index of the worksheet with the path's answers written in, by a full score() — the check that the search's
 * re-scoring of parts agrees with scoring the whole.
 */
function rescoredIndex(rubric: Rubric, sheet: AnswerSheet, steps: PathStep[], policy: BlankPolicy, expected: number): number {
  if (steps.length === 0) return expected;
  const index = score(rubric, withMoves(sheet, steps.map((s) => s.move)), { blankPolicy: policy }).index;
  if (Math.abs(index - expected) > 1e-6) throw new Error(`gap: the path re-scores to ${index}, the search expected ${expected}`);
  return index;
}

/** The answer sheet with moves written in, as they would be typed into their cells. */
export function withMoves(sheet: AnswerSheet, moves: Move[]): AnswerSheet {
  const questions = new Map(sheet.questions);
  for (const m of moves) {
    const qa = questions.get(m.question.code)!;
    const written = { value: m.to, where: m.where };
    const next: QuestionAnswer = m.input ? { ...qa, inputs: new Map(qa.inputs).set(m.input.key, written) } : { ...qa, answer: written };
    questions.set(m.question.code, next);
  }
  return { ...sheet, questions };
}
