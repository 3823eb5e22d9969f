// Where the points were lost, per change area: bobot, nilai, % capaian, points lost, the indicators losing the most,
// the questions left unanswered and the answers without evidence — what a laporan PMPRB writes per area.
import type { Node, Rubric } from '../rubric/model.js';
import type { AnswerSheet, Scored } from '../score/types.js';
import type { AreaGap, IndicatorGap, QuestionRef } from './types.js';

export const INDICATORS_PER_AREA = 3;
export const WEAKEST = 5;
/** Less than this is rounding, not a loss (presenters show 2 decimals). */
const LOSS = 0.005;

/**
 * The areas of a rubric: its `area` nodes; where a branch has none (the ZI hasil), its indicators, so each hasil
 * input is an area of its own.
 */
export function areaNodes(rubric: Rubric): Node[] {
  const out: Node[] = [];
  const hasArea = (n: Node): boolean => n.level === 'area' || n.children.some(hasArea);
  const walk = (n: Node): void => {
    if (n.level === 'area') out.push(n);
    else if (hasArea(n)) n.children.forEach(walk);
    else out.push(...indicatorsUnder(n));
  };
  rubric.tree.forEach(walk);
  return out;
}

function indicatorsUnder(n: Node): Node[] {
  return n.children.length === 0 ? [n] : n.children.flatMap(indicatorsUnder);
}

export function indicatorGap(n: Node, scored: Scored): IndicatorGap {
  const r = scored.byCode.get(n.code)!;
  return { code: n.code, name: n.name, bobot: n.bobot, nilai: r.nilai, percent: r.percent, lost: r.gap, rekomendasi: n.rekomendasi ?? null };
}

/** Most lost first; rubric order between equals. */
const byLoss = (a: { g: IndicatorGap; n: Node }, b: { g: IndicatorGap; n: Node }) => b.g.lost - a.g.lost || a.n.order - b.n.order;

export function weakestIndicators(nodes: Node[], scored: Scored, limit: number): IndicatorGap[] {
  return nodes
    .map((n) => ({ n, g: indicatorGap(n, scored) }))
    .filter((x) => x.g.lost > LOSS)
    .sort(byLoss)
    .slice(0, limit)
    .map((x) => x.g);
}

export function areaGaps(rubric: Rubric, scored: Scored, sheet: AnswerSheet): AreaGap[] {
  return areaNodes(rubric).map((area) => {
    const r = scored.byCode.get(area.code)!;
    const indicators = indicatorsUnder(area);
    const unanswered: QuestionRef[] = [];
    const noEvidence: QuestionRef[] = [];
    for (const ind of indicators) {
      for (const q of ind.questions) {
        const qa = sheet.questions.get(q.code);
        const where = qa?.answer?.where ?? qa?.where;
        const ref = { question: q.code, at: where ?? {} };
        const status = scored.questions.get(q.code)!.status;
        if (status !== 'scored') unanswered.push(ref);
        else if (q.bukti && sheet.hasBukti && qa?.bukti === false) noEvidence.push(ref);
      }
    }
    return {
      code: area.code,
      name: area.name,
      bobot: area.bobot,
      nilai: r.nilai,
      percent: r.percent,
      lost: r.gap,
      indicators: weakestIndicators(indicators, scored, INDICATORS_PER_AREA),
      unanswered,
      noEvidence,
    };
  });
}
