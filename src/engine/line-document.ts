// What a file's document adds for a rubric of lines (the Indeks RB from 2023): per line the raw value, whether the
// evaluator excluded it, its published points and what it would add to the index (score/line-gap.ts); per node the
// published sum and, where the component is adjusted, its denominator and adjusted nilai; per file the published
// index and predikat and the path to the next band. Kept apart so it moves as one piece.
import type { FileResult } from './score-file.js';
import { isBlankCell, publishedValue } from '../score/lines.js';
import { toNumber } from '../score/exact.js';
import { lineLevers, pathToNextBand, type Lever } from '../score/line-gap.js';
import type { Scored } from '../score/types.js';
import type { ReportFile, ReportNode } from '../document/score-report.js';

export type LineNodeFields = Pick<ReportNode, 'gain' | 'gainPerStep' | 'step' | 'adjustment' | 'value' | 'excluded' | 'published' | 'denominator' | 'adjusted' | 'publishedAdjusted'>;

export interface LineFields {
  nodes: Map<string, LineNodeFields>;
  published: ReportFile['published'];
  path: ReportFile['path'];
}

/** A scored file's additions for a rubric of lines, or undefined for a questionnaire. */
export function lineFields(r: FileResult): LineFields | undefined {
  const s = r.scored;
  if (!s?.lines || !r.rubric) return undefined;
  const levers = lineLevers(r.rubric, s);
  return { nodes: lineNodeFields(r, s, new Map(levers.map((l) => [l.code, l]))), published: publishedTotals(s), path: pathToNextBand(r.rubric, s, levers) };
}

function lineNodeFields(r: FileResult, s: Scored, levers: Map<string, Lever>): Map<string, LineNodeFields> {
  const out = new Map<string, LineNodeFields>();
  for (const n of s.nodes) {
    const f: LineNodeFields = n.node.adjustment ? { adjustment: true } : {};
    const line = s.lines?.get(n.code);
    if (line) {
      f.value = line.value ?? null;
      f.excluded = line.excluded;
      if (s.published) {
        const rv = r.answers?.questions.get(n.code)?.nilai;
        const pub = isBlankCell(rv) ? undefined : publishedValue(rv);
        f.published = pub ? toNumber(pub) : null;
      }
    } else if (s.published) {
      f.published = s.published.nodes.get(n.code)?.nilai ?? null;
    }
    const lever = levers.get(n.code);
    if (lever) Object.assign(f, { gain: lever.lost, gainPerStep: lever.perStep, step: lever.step });
    if (n.denominator !== undefined) {
      f.denominator = n.denominator;
      f.adjusted = n.adjusted ?? null;
      if (s.published) f.publishedAdjusted = s.published.nodes.get(n.code)?.adjusted ?? null;
    }
    out.set(n.code, f);
  }
  return out;
}

function publishedTotals(s: Scored): ReportFile['published'] {
  const p = s.published;
  if (!p) return undefined;
  return { index: p.index, predikat: p.predikat ? { code: p.predikat.code, label: p.predikat.label ?? null } : null };
}
