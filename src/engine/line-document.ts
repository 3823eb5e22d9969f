// What a file's document adds for a rubric of lines (the Indeks RB from 2023): per line the raw value, whether the evaluator
// excluded it and its published points; per node the published sum and, where the component is adjusted, its
// denominator and adjusted nilai; per file the published index and predikat. Kept apart so it moves as one piece.
import type { FileResult } from './score-file.js';
import { isBlankCell, publishedValue } from '../score/lines.js';
import { toNumber } from '../score/exact.js';
import type { ReportFile, ReportNode } from '../document/score-report.js';

export type LineNodeFields = Pick<ReportNode, 'adjustment' | 'value' | 'excluded' | 'published' | 'denominator' | 'adjusted' | 'publishedAdjusted'>;

export function lineNodeFields(r: FileResult): Map<string, LineNodeFields> | undefined {
  const s = r.scored;
  if (!s?.lines) return undefined;
  const out = new Map<string, LineNodeFields>();
  for (const n of s.nodes) {
    const f: LineNodeFields = n.node.adjustment ? { adjustment: true } : {};
    const line = s.lines.get(n.code);
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
    if (n.denominator !== undefined) {
      f.denominator = n.denominator;
      f.adjusted = n.adjusted ?? null;
      if (s.published) f.publishedAdjusted = s.published.nodes.get(n.code)?.adjusted ?? null;
    }
    out.set(n.code, f);
  }
  return out;
}

export function publishedTotals(r: FileResult): ReportFile['published'] {
  const p = r.scored?.published;
  if (!p) return undefined;
  return { index: p.index, predikat: p.predikat ? { code: p.predikat.code, label: p.predikat.label ?? null } : null };
}
