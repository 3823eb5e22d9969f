// What the gap analysis finds for one scored worksheet: plain data, numbers at full precision, positions as the
// answer cells the scorer read (row and column numbers). Languages are left to the documents (conditions carry both
// texts).
import type { Where } from '../findings/position.js';
import type { ConditionDef } from '../rubric/schema.js';

/** What `--target` asks for: a predikat band or target code (BB, WBK), or an index. */
export type TargetSpec = { kind: 'code'; code: string } | { kind: 'index'; value: number };

export interface GapTarget {
  /** The predikat or target code aimed at ("BB", "WBK"), or the number as given ("75"). */
  label: string;
  /** The band's or target's name ("Sangat baik", "Wilayah Bebas dari Korupsi"); null for a number. */
  name: string | null;
  kind: 'predikat' | 'index' | 'target';
  /** The index the worksheet must pass (a band's lower bound, the number); null for a target of minima only. */
  lowerBound: number | null;
  /** true: the index must be at least lowerBound; false: above it (a band's lower bound is exclusive). */
  inclusive: boolean;
  /** Where the target's minima come from, and why they are not confirmed (targets only). */
  source: string | null;
  uncertain: string | null;
}

/** One answer change on the path: write `to` into the cell `at` (on the worksheet's LKE sheet). */
export interface GapStep {
  question: string;
  /** The question as the rubric words it. */
  text: string;
  /** The sub-input changed, for a ratio question computed from counts ("b"); null for an answer. */
  input: string | null;
  at: Where;
  /** The answer as the sheet holds it now (null: blank) and as it should: an option code or a number. */
  from: string | number | null;
  to: string | number;
  /** Index points this change adds after the ones before it (gains are not additive, so this is re-scored). */
  gain: number;
  /** The index once this and every earlier change are made. */
  index: number;
}

/** A target's minimum for one node, as the worksheet stands and after the path. */
export interface MinimumCheck {
  node: string;
  name: string;
  bobot: number;
  /** The nilai needed (points). */
  required: number;
  /** As a share of bobot when the rubric gives it so (0..1), else null. */
  percent: number | null;
  nilai: number;
  met: boolean;
  /** Nilai once the path is followed. */
  after: number;
  /** Measured outside the worksheet (hasil): answers cannot change it. */
  outcome: boolean;
  /** The best answers alone can do for this node. */
  ceiling: number;
  note: string | null;
}

export interface QuestionRef {
  question: string;
  /** The answer cell, or the question's row; empty when the question is absent from the sheet. */
  at: Where;
}

export interface NodeGap {
  code: string;
  name: string;
  bobot: number;
  nilai: number;
  percent: number;
  /** bobot − nilai: the points lost */
  lost: number;
}

export interface IndicatorGap extends NodeGap {
  rekomendasi: string | null;
}

export interface AreaGap extends NodeGap {
  /** Its indicators losing the most points, most first (at most INDICATORS_PER_AREA, none without loss). */
  indicators: IndicatorGap[];
  /** Questions without a usable answer (blank, or one lke cannot read), in rubric order. */
  unanswered: QuestionRef[];
  /** Answered questions that need evidence and have none; empty when the sheet has no evidence column. */
  noEvidence: QuestionRef[];
}

/** A predikat band of the rubric, best first: the scale the index is read against. */
export interface GapBand {
  code: string;
  name: string | null;
  /** null for the last band, which catches the rest. */
  lowerBound: number | null;
  inclusive: boolean;
}

export interface GapAnalysis {
  /** The rubric's predikat bands, best first (empty for ZI, which has none). */
  bands: GapBand[];
  /** null when there is nothing above the worksheet (the top band) or the target does not apply to its rubric. */
  target: GapTarget | null;
  /** Why there is no target: the worksheet is at the top, or the asked target is not one of its rubric's. */
  noTarget: 'top' | 'not-applicable' | null;
  /** The worksheet meets the target as it stands. */
  reached: boolean;
  /** Answers alone can meet the target (false: a hasil input or the ceiling stands in the way). */
  reachable: boolean;
  /** The index now, after the path, and with every answer that can change at its best. */
  index: number;
  indexAfter: number;
  ceiling: number;
  /** The fewest answer changes found, best first; toward what answers can reach when the target is out of reach. */
  path: GapStep[];
  /** A target's minima (ZI), in rubric order. */
  minima: MinimumCheck[];
  /** Conditions the worksheet cannot show: for the unit to confirm. Never judged by lke. */
  confirm: ConditionDef[];
  areas: AreaGap[];
  /** The indicators losing the most points over the whole worksheet, most first. */
  weakest: IndicatorGap[];
}
