// The path to a goal: the fewest answer changes found by a greedy search that re-scores every candidate change at
// every step (Rescorer), so the rules and the means within an indicator count as they do in score(). Each step
// takes the change that closes most of the distance still to go (summed over the goal's conditions; the index
// gain breaks ties); the last step takes the smallest change that finishes. A question changes at most once.
import type { Constraint } from './target.js';
import type { Move } from './moves.js';
import type { Rescorer, Trial } from './rescore.js';

export interface PathStep {
  move: Move;
  gain: number;
  index: number;
}

const EPS = 1e-12;

const valueOf = (r: Rescorer, c: Constraint) => (c.node ? r.nilaiOf(c.node.code) : r.index);
const distance = (c: Constraint, v: number) => (c.met(v) ? 0 : Math.max(0, c.need - v));

export function allMet(r: Rescorer, constraints: Constraint[]): boolean {
  return constraints.every((c) => c.met(valueOf(r, c)));
}

/** Every question at its best answer: how far answers alone go. */
export function ceilingOf(r: Rescorer, moves: Move[][]): Rescorer {
  const top = r.clone();
  top.applyAll(moves.flatMap((ms) => (ms.length > 0 ? [ms[ms.length - 1]!] : [])));
  return top;
}

/**
 * Greedy steps on `r` (changed in place) until every constraint is met. Give it only constraints the ceiling meets
 * (ceilingOf): it moves answers to their best until they are.
 */
export function greedyPath(r: Rescorer, moves: Move[][], constraints: Constraint[]): PathStep[] {
  const steps: PathStep[] = [];
  const open = moves.filter((ms) => ms.length > 0);
  // a move's trial is kept until a step changes an indicator it reads
  const trials = new Map<Move, Trial>();
  const trialOf = (move: Move) => {
    let t = trials.get(move);
    if (!t) trials.set(move, (t = r.try(move)));
    return t;
  };
  while (!allMet(r, constraints) && open.length > 0) {
    const before = constraints.map((c) => distance(c, valueOf(r, c)));
    let best: { trial: Trial; move: Move; slot: number; closes: number } | undefined;
    let finish: { trial: Trial; move: Move; slot: number } | undefined;
    open.forEach((ms, slot) => {
      for (const move of ms) {
        const trial = trialOf(move);
        let closes = 0;
        let done = true;
        constraints.forEach((c, i) => {
          const after = valueOf(r, c) + (c.node ? r.deltaOf(trial, c.node) : trial.gain);
          closes += before[i]! - distance(c, after);
          if (!c.met(after)) done = false;
        });
        if (done && trial.gain > -EPS && (!finish || trial.gain < finish.trial.gain - EPS)) finish = { trial, move, slot };
        if (!best || closes > best.closes + EPS || (closes > best.closes - EPS && trial.gain > best.trial.gain + EPS)) best = { trial, move, slot, closes };
      }
    });
    // No single change closes anything: two changes must go together (a question another's rule multiplies by
    // is itself at 0). The constraints are within the ceiling, so moving answers to their best gets there.
    const pick = finish ?? (best!.closes > EPS ? best! : pushOn(r, open));
    r.commit(pick.trial);
    steps.push({ move: pick.move, gain: pick.trial.gain, index: r.index });
    open.splice(pick.slot, 1);
    const changed = pick.trial.indicators;
    for (const move of trials.keys()) {
      for (const code of r.touches(move.question)) {
        if (changed.has(code)) {
          trials.delete(move);
          break;
        }
      }
    }
  }
  return steps;
}

/** The top answer of the question whose top answer gains the most index points. */
function pushOn(r: Rescorer, open: Move[][]): { trial: Trial; move: Move; slot: number } {
  let pick: { trial: Trial; move: Move; slot: number } | undefined;
  open.forEach((ms, slot) => {
    const move = ms[ms.length - 1]!;
    const trial = r.try(move);
    if (!pick || trial.gain > pick.trial.gain + EPS) pick = { trial, move, slot };
  });
  return pick!;
}
