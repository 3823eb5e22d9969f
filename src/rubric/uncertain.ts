// The facts a rubric marks uncertain (scales, nodes, questions, predikat): shown by lke template, rubric list
// and rubric show, never decided silently.
import type { Rubric } from './model.js';

/** Every fact the rubric marks uncertain, with where it sits (a scale key, a code, "predikat"). */
export function uncertainFacts(rubric: Rubric): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const s of rubric.scales.values()) if (s.uncertain) out.push({ where: s.label, text: s.uncertain });
  for (const it of rubric.items) if (it.kind !== 'input' && it.uncertain) out.push({ where: it.code, text: it.uncertain });
  if (rubric.predikat.uncertain) out.push({ where: rubric.predikat.name, text: rubric.predikat.uncertain });
  return out;
}
