// Which target a worksheet's gap is measured against, and what meeting it means: the index above a band's lower
// bound (as published: rounded half-up to 2 decimals, the lower bound exclusive), at least a number, or every
// minimum of a target such as WBK (each node's nilai at least its minimum).
import type { Node, Rubric, RubricTarget } from '../rubric/model.js';
import type { BandDef } from '../rubric/schema.js';
import { roundHalfUp } from '../words/round.js';
import { predikatForIndex } from '../score/score.js';
import type { GapTarget, TargetSpec } from './types.js';

/** One condition of a target: a node's nilai (or the index, node null) must reach `need`. */
export interface Constraint {
  node: Node | null;
  /** Smallest value that meets it (for the distance still to go). */
  need: number;
  met: (value: number) => boolean;
  /** The rubric's minimum, for the report (targets only). */
  minimum?: RubricTarget['minima'][number] | undefined;
}

export interface Goal {
  target: GapTarget;
  constraints: Constraint[];
  confirm: RubricTarget['confirm'];
}

/** "BB", "wbk", "75", "72,5" → what --target asks for; undefined for an empty text. */
export function parseTarget(text: string): TargetSpec | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return { kind: 'index', value: Number(t.replace(',', '.')) };
  return { kind: 'code', code: t };
}

/** The codes a rubric accepts as --target: its bands with a lower bound, then its targets. */
export function targetCodes(rubric: Rubric): string[] {
  return [...rubric.predikat.bands.filter((b) => lowerBoundOf(b) !== undefined).map((b) => b.code), ...rubric.targets.map((t) => t.code)];
}

const lowerBoundOf = (b: BandDef) => b.above ?? b.atLeast;

/**
 * The goal for a scored index: the one asked for, or by default the next band up (the first target whose minima the
 * worksheet does not meet, for a rubric without bands). `top`: nothing is above; `not-applicable`: the rubric has no
 * such band or target.
 */
export function resolveGoal(rubric: Rubric, index: number, nilaiOf: (code: string) => number, spec?: TargetSpec): Goal | 'top' | 'not-applicable' {
  if (spec?.kind === 'index') {
    const n = spec.value;
    return { target: target(String(n), null, 'index', n, true), constraints: [indexConstraint(n, true)], confirm: [] };
  }
  if (spec) {
    const code = spec.code.toUpperCase();
    const band = rubric.predikat.bands.find((b) => b.code.toUpperCase() === code && lowerBoundOf(b) !== undefined);
    if (band) return bandGoal(band);
    const t = rubric.targets.find((x) => x.code.toUpperCase() === code);
    return t ? targetGoal(t) : 'not-applicable';
  }
  const bands = rubric.predikat.bands;
  if (bands.length > 0) {
    const now = predikatForIndex(rubric, index);
    const at = now ? bands.indexOf(now) : bands.length;
    const up = bands.slice(0, at).reverse().find((b) => lowerBoundOf(b) !== undefined);
    return up ? bandGoal(up) : 'top';
  }
  const next = rubric.targets.find((t) => targetGoal(t).constraints.some((c) => !c.met(nilaiOf(c.node!.code))));
  return next ? targetGoal(next) : rubric.targets.length > 0 ? 'top' : 'not-applicable';
}

function target(label: string, name: string | null, kind: GapTarget['kind'], lowerBound: number | null, inclusive: boolean, t?: RubricTarget): GapTarget {
  return { label, name, kind, lowerBound, inclusive, source: t?.source ?? null, uncertain: t?.uncertain ?? null };
}

function bandGoal(b: BandDef): Goal {
  const inclusive = b.above === undefined;
  const bound = lowerBoundOf(b)!;
  return { target: target(b.code, b.label ?? null, 'predikat', bound, inclusive), constraints: [indexConstraint(bound, inclusive)], confirm: [] };
}

/** The index as published (2 decimals, half-up) against a bound: 70.004 is not above 70, 70.005 is. */
function indexConstraint(bound: number, inclusive: boolean): Constraint {
  const need = inclusive ? bound - 0.005 : bound + 0.005;
  // rounding (which works on the decimal text) is asked only near the bound: the search tries thousands of values
  const near = (v: number) => Math.abs(v - need) < 1e-6;
  return inclusive
    ? { node: null, need, met: (v) => (near(v) ? roundHalfUp(v, 2) >= bound : v > need) }
    : { node: null, need, met: (v) => (near(v) ? roundHalfUp(v, 2) > bound : v > need) };
}

/** A minimum is met at full precision, with room for binary rounding (3.6 / 4 × 17.5 is 15.75). */
const TOLERANCE = 1e-9;

/** Whether the worksheet meets each target's minima (ZI: WBK, WBBM), by code; a gate such as --fail-under WBK reads it. */
export function targetsMet(rubric: Rubric, nilaiOf: (code: string) => number): Record<string, boolean> {
  return Object.fromEntries(rubric.targets.map((t) => [t.code, targetGoal(t).constraints.every((c) => c.met(nilaiOf(c.node!.code)))]));
}

function targetGoal(t: RubricTarget): Goal {
  return {
    target: target(t.code, t.label ?? null, 'target', null, true, t),
    constraints: t.minima.map((m) => ({ node: m.node, need: m.nilai, met: (v: number) => v >= m.nilai - TOLERANCE, minimum: m })),
    confirm: t.confirm,
  };
}
