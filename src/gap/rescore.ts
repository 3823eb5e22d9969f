// Re-scoring a worksheet with some answers changed, without scoring it all again: a change reaches only its own
// indicator and the questions whose rules name it (transitively), so only those are re-scored — with the very
// functions score() uses (ruleScore, indicatorMean). Gains are therefore exact, not added up: a dependent-question
// rule or the mean of an indicator shows in them as it would in a full score().
import type { Node, Question, Rubric } from '../rubric/model.js';
import { indicatorMean, ruleScore } from '../score/score.js';
import type { BlankPolicy, QuestionResult, Scored } from '../score/types.js';

/** A question given a new answer: its score before rules, and the answer as the rules read it. */
export interface Change {
  question: Question;
  answer: string | number;
  base: number;
}

/** What a change would do: the re-scored questions, each touched node's change of nilai, the index's. */
export interface Trial {
  results: Map<string, QuestionResult>;
  /** Indicators re-scored → their new nilai. */
  indicators: Map<string, number>;
  gain: number;
}

export class Rescorer {
  private readonly results: Map<string, QuestionResult>;
  private readonly nilai: Map<string, number>;
  private readonly touchMemo = new Map<string, Set<string>>();
  private readonly underMemo = new Map<Node, Set<string>>();
  index: number;

  constructor(
    private readonly rubric: Rubric,
    scored: Scored,
    private readonly policy: BlankPolicy,
    private readonly dependents: Map<string, Question[]> = dependentsOf(rubric),
  ) {
    this.results = new Map([...scored.questions].map(([k, v]) => [k, { ...v }]));
    this.nilai = new Map(scored.nodes.map((n) => [n.code, n.nilai]));
    this.index = scored.index;
  }

  /** An independent copy (the ceiling is worked out on one). */
  clone(): Rescorer {
    const c = Object.create(Rescorer.prototype) as Rescorer;
    Object.assign(c, this, { results: new Map([...this.results].map(([k, v]) => [k, { ...v }])), nilai: new Map(this.nilai) });
    return c;
  }

  nilaiOf(code: string): number {
    return this.nilai.get(code)!;
  }

  result(code: string): QuestionResult {
    return this.results.get(code)!;
  }

  try(change: Change): Trial {
    const over = new Map<string, QuestionResult>();
    const get = (code: string) => over.get(code) ?? this.results.get(code)!;
    const q = change.question;
    const own: QuestionResult = { code: q.code, status: 'scored', answer: change.answer, base: change.base, score: change.base };
    over.set(q.code, own);
    own.score = ruleScore(q, change.base, get);
    for (const d of this.dependents.get(q.code) ?? []) {
      const cur = get(d.code);
      if (cur.base === undefined) continue;
      over.set(d.code, { ...cur, score: ruleScore(d, cur.base, get) });
    }
    const indicators = new Map<string, number>();
    let gain = 0;
    for (const code of over.keys()) {
      const ind = this.rubric.questions.get(code)!.parent;
      if (indicators.has(ind.code)) continue;
      const after = indicatorMean(ind, { get }, this.policy).nilai;
      indicators.set(ind.code, after);
      gain += after - this.nilai.get(ind.code)!;
    }
    return { results: over, indicators, gain };
  }

  /**
   * The indicators whose answers a change of `q` reads: its own, and those of the questions its rules and its
   * dependents' rules touch. A trial of `q` stays valid while none of them changes.
   */
  touches(q: Question): Set<string> {
    let t = this.touchMemo.get(q.code);
    if (!t) {
      t = new Set<string>();
      for (const x of [q, ...(this.dependents.get(q.code) ?? [])]) {
        t.add(x.parent.code);
        for (const rule of x.rules) t.add(this.rubric.questions.get(rule.question)!.parent.code);
      }
      this.touchMemo.set(q.code, t);
    }
    return t;
  }

  /** The change of nilai a trial brings to a node (an indicator or any ancestor of one). */
  deltaOf(trial: Trial, node: Node): number {
    let under = this.underMemo.get(node);
    if (!under) this.underMemo.set(node, (under = new Set(indicatorsUnder(node))));
    let d = 0;
    for (const [code, after] of trial.indicators) if (under.has(code)) d += after - this.nilai.get(code)!;
    return d;
  }

  /**
   * Every change at once (the ceiling: each question at its best), re-scored in one pass as score() does: the
   * changed answers, then every rule in rubric order, then each indicator touched.
   */
  applyAll(changes: Change[]): void {
    const get = (code: string) => this.results.get(code)!;
    const touched = new Set<Node>();
    for (const c of changes) {
      this.results.set(c.question.code, { code: c.question.code, status: 'scored', answer: c.answer, base: c.base, score: c.base });
      touched.add(c.question.parent);
    }
    for (const q of this.rubric.questions.values()) {
      if (q.rules.length === 0) continue;
      const r = get(q.code);
      if (r.base === undefined) continue;
      r.score = ruleScore(q, r.base, get);
      touched.add(q.parent);
    }
    for (const ind of touched) {
      const d = indicatorMean(ind, this.results, this.policy).nilai - this.nilai.get(ind.code)!;
      for (let n: Node | undefined = ind; n; n = n.parent) this.nilai.set(n.code, this.nilai.get(n.code)! + d);
      this.index += d;
    }
  }

  commit(trial: Trial): void {
    for (const [code, r] of trial.results) this.results.set(code, r);
    for (const [code, after] of trial.indicators) {
      const d = after - this.nilai.get(code)!;
      for (let n: Node | undefined = this.rubric.nodes.get(code); n; n = n.parent) this.nilai.set(n.code, this.nilai.get(n.code)! + d);
    }
    this.index += trial.gain;
  }
}

/** The codes of the indicators at or under a node. */
function indicatorsUnder(n: Node): string[] {
  return n.children.length === 0 ? [n.code] : n.children.flatMap(indicatorsUnder);
}

/** For each question, the questions whose rules name it directly or through others, in rubric order. */
export function dependentsOf(rubric: Rubric): Map<string, Question[]> {
  const direct = new Map<string, Question[]>();
  for (const q of rubric.questions.values()) {
    for (const rule of q.rules) {
      const list = direct.get(rule.question) ?? [];
      if (!list.includes(q)) list.push(q);
      direct.set(rule.question, list);
    }
  }
  const out = new Map<string, Question[]>();
  for (const code of direct.keys()) {
    const seen = new Set<Question>();
    const stack = [...direct.get(code)!];
    while (stack.length > 0) {
      const q = stack.pop()!;
      if (seen.has(q)) continue;
      seen.add(q);
      stack.push(...(direct.get(q.code) ?? []));
    }
    out.set(code, [...seen].sort((a, b) => a.order - b.order));
  }
  return out;
}
