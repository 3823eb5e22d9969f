// Where a rubric of lines (the Indeks RB from 2023) can gain: per line the index points it would add at its best
// value and per step of its raw value (one hundredth of its range), and the path to the next predikat — raising the
// lines that gain the most, one by one, until the index passes the band. Gains are not additive (a pengali line
// raises the lines it multiplies; RB General is scaled by its denominator; every line is rounded), so each is the
// index recomputed by the rule with the new values, never a sum of separate gains. Pure.
import { predikatOf, type Node, type Rubric } from '../rubric/model.js';
import { add, div, exact, mul, roundExact, sub, toNumber, ZERO, type Exact } from './exact.js';
import type { Scored } from './types.js';

export interface Lever {
  code: string;
  /** Index points the line adds at its best value (its range's maximum, the best option). */
  lost: number;
  /** Index points one step of the raw value adds (a hundredth of the range); null for a choice (an opinion). */
  perStep: number | null;
  /** The step, in the line's own unit (1 on 0–100, 0.04 on 1–5). */
  step: number | null;
  /** The best value: the range's maximum, or the best option's code. */
  best: number | string;
}

export interface GapPath {
  /** The next band above the index, and its lower bound. */
  target: { code: string; above: number };
  /** The lines raised to their best value, in order, with the index after each. */
  steps: { code: string; to: number | string; index: number }[];
  /** Whether the steps pass the band (false: even every line at its best does not). */
  reached: boolean;
}

interface Model {
  rubric: Rubric;
  scored: Scored;
  /** Lines in rubric order (a pengali line before the lines it multiplies). */
  order: Node[];
  /** Each line's top-level node's multiplier: bobot / denominator where it is adjusted, else 1. */
  scale: Map<string, Exact>;
  /** The lines each line is a pengali of. */
  dependents: Map<string, string[]>;
  base: Exact;
}

function model(rubric: Rubric, scored: Scored): Model {
  const order = [...rubric.questions.values()].map((q) => q.parent);
  const scale = new Map<string, Exact>();
  const dependents = new Map<string, string[]>();
  for (const n of order) {
    let top = n;
    while (top.parent) top = top.parent;
    const r = scored.byCode.get(top.code);
    scale.set(n.code, top.adjustForExcluded && r?.denominator ? div(exact(top.bobot), exact(r.denominator)) : exact(1));
    for (const rule of rubric.questions.get(n.code)!.rules) {
      if (rule.kind === 'multiplyBy') dependents.set(rule.question, [...(dependents.get(rule.question) ?? []), n.code]);
    }
  }
  return { rubric, scored, order, scale, dependents, base: scored.indexExact ?? exact(scored.index) };
}

/**
 * The index gained when some lines take other fractions (value / max): those lines and the lines they are a pengali
 * of, recomputed by the rule (rounded as the instrument rounds), each difference scaled as its component is.
 */
function gainWith(m: Model, fractions: Map<string, Exact>): Exact {
  const lines = m.scored.lines!;
  const affected = new Set<string>();
  const visit = (code: string) => {
    if (affected.has(code)) return;
    affected.add(code);
    for (const d of m.dependents.get(code) ?? []) visit(d);
  };
  for (const code of fractions.keys()) visit(code);
  const points = new Map<string, Exact>();
  const pointsOf = (code: string) => points.get(code) ?? lines.get(code)!.points;
  let gain = ZERO;
  for (const n of m.order) {
    if (!affected.has(n.code)) continue;
    const line = lines.get(n.code)!;
    let p = line.excluded ? ZERO : mul(fractions.get(n.code) ?? line.fraction ?? ZERO, exact(n.bobot));
    for (const rule of m.rubric.questions.get(n.code)!.rules) {
      if (rule.kind !== 'multiplyBy') continue;
      p = mul(p, div(pointsOf(rule.question), exact(m.rubric.questions.get(rule.question)!.parent.bobot)));
    }
    if (m.rubric.roundIndicators !== undefined) p = roundExact(p, m.rubric.roundIndicators);
    points.set(n.code, p);
    gain = add(gain, mul(sub(p, line.points), m.scale.get(n.code)!));
  }
  return gain;
}

/** A line's fraction at its best value, one step up from where it is, and how to show them. */
function reach(n: Node, m: Model): { best: Exact; bestShown: number | string; step?: { by: number; fraction: Exact } } | undefined {
  const q = m.rubric.questions.get(n.code)!;
  const s = q.scale;
  const now = m.scored.lines!.get(n.code)!.fraction ?? ZERO;
  if (s.type === 'number') {
    const [lo, hi] = s.range;
    const span = s.fromZero ? exact(hi) : sub(exact(hi), exact(lo));
    const by = (hi - lo) / 100;
    const up = add(now, div(exact(by), span));
    return { best: exact(1), bestShown: hi, step: { by, fraction: toNumber(up) > 1 ? exact(1) : up } };
  }
  if (s.type === 'choice') {
    const top = s.options.reduce<(typeof s.options)[number] | undefined>((a, o) => (o.score !== undefined && (!a || o.score > a.score!) ? o : a), undefined);
    if (!top) return undefined;
    return { best: div(exact(top.score!), exact(s.max)), bestShown: top.code };
  }
  return undefined;
}

/** Every line that can still gain (not excluded, not the koefisien), by the index points it would add. */
export function lineLevers(rubric: Rubric, scored: Scored): Lever[] {
  if (!scored.lines) return [];
  const m = model(rubric, scored);
  const out: Lever[] = [];
  for (const n of m.order) {
    const line = scored.lines.get(n.code)!;
    if (line.excluded || n.adjustment) continue;
    const r = reach(n, m);
    if (!r) continue;
    const lost = toNumber(gainWith(m, new Map([[n.code, r.best]])));
    const perStep = r.step ? toNumber(gainWith(m, new Map([[n.code, r.step.fraction]]))) : null;
    out.push({ code: n.code, lost, perStep, step: r.step?.by ?? null, best: r.bestShown });
  }
  return out.sort((a, b) => b.lost - a.lost || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The lines to raise, most gain first, until the index (rounded half-up as published) passes the next band. */
export function pathToNextBand(rubric: Rubric, scored: Scored, levers: Lever[]): GapPath | undefined {
  if (!scored.lines) return undefined;
  const shown = (e: Exact) => toNumber(roundExact(e, 2));
  const m = model(rubric, scored);
  const now = shown(m.base);
  const current = predikatOf(rubric, now);
  const bands = rubric.predikat.bands;
  const i = current ? bands.indexOf(current) : bands.length;
  const next = i > 0 ? bands[i - 1] : undefined;
  const above = next?.above ?? next?.atLeast;
  if (!next || above === undefined) return undefined;
  const passes = (x: number) => (next.above !== undefined ? x > above : x >= above);
  const fractions = new Map<string, Exact>();
  const steps: GapPath['steps'] = [];
  for (const l of levers) {
    if (l.lost <= 0) continue;
    const n = rubric.nodes.get(l.code)!;
    fractions.set(l.code, reach(n, m)!.best);
    const index = shown(add(m.base, gainWith(m, fractions)));
    steps.push({ code: l.code, to: l.best, index });
    if (passes(index)) return { target: { code: next.code, above }, steps, reached: true };
  }
  return { target: { code: next.code, above }, steps, reached: false };
}
