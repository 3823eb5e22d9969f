// What scoring reads and what it produces. Positions are plain numbers: the core never sees a workbook.
import type { BandDef } from '../rubric/schema.js';
import type { LevelName } from '../rubric/schema.js';
import type { Node } from '../rubric/model.js';
import type { Finding } from '../findings/codes.js';
import type { Where } from '../findings/position.js';
import type { Raw } from './answer.js';
import type { Exact } from './exact.js';

export type { Where };

export interface RawValue {
  value: Raw;
  /** An Excel error value such as "#DIV/0!". */
  error?: string | undefined;
  /** A formula whose result was never cached. */
  noCache?: boolean | undefined;
  /** The cell holds a formula (its cached value is `value`). */
  formula?: boolean | undefined;
  /** A formula without a cached value: its text, for the finding. */
  formulaText?: string | undefined;
  /** A formula without a cached value that lke worked out itself (`value` is its result). */
  evaluated?: boolean | undefined;
  /** A number the sheet shows as a percentage (70,05% typed in Excel is 0.7005 shown with a percent format). */
  percentFormat?: boolean | undefined;
  where: Where;
}

export interface QuestionAnswer {
  /** The row the question was found on. */
  where: Where;
  answer?: RawValue | undefined;
  /** Sub-input values by key (a, b, …). */
  inputs: Map<string, RawValue>;
  /** The sheet's own Nilai for the question. */
  nilai?: RawValue | undefined;
  /** The sheet's Pilihan Jawaban text. */
  pilihan?: RawValue | undefined;
  /** The note (Catatan / Keterangan) written on the row. */
  catatan?: RawValue | undefined;
  /** Evidence present on the row; undefined when the sheet has no evidence column. */
  bukti?: boolean | undefined;
  /** The evidence cells of the row as written: their text and hyperlink target (for the evidence checks). */
  buktiRefs?: BuktiRef[] | undefined;
  /** The row's remark (Keterangan, Catatan: an evaluator's or the OPD's note) as written. */
  remark?: RawValue | undefined;
  /** The evaluator excluded the line (the remark says "dikecualikan", "tidak berlaku", …). */
  excluded?: boolean | undefined;
  /** The row's cells in the evidence columns, filled or not: where an evidence finding points. */
  buktiAt?: Where[] | undefined;
}

export interface BuktiRef {
  text: string;
  /** The cell's hyperlink target, when it has one (a URL, a relative path, or "#Sheet!A1"). */
  link?: string | undefined;
  where: Where;
}

export interface NodeFacts {
  where: Where;
  bobot?: RawValue | undefined;
  nilai?: RawValue | undefined;
}

/** The answers of one worksheet, keyed by rubric codes. */
export interface AnswerSheet {
  questions: Map<string, QuestionAnswer>;
  nodes: Map<string, NodeFacts>;
  /** False when the sheet has no evidence column at all. */
  hasBukti: boolean;
}

export type BlankPolicy = 'skip' | 'zero';

/** A value off its scale: `skip` leaves it out of the score (an error either way), `clamp` scores it at the bound. */
export type OffScalePolicy = 'skip' | 'clamp';

export interface QuestionResult {
  code: string;
  status: 'scored' | 'blank' | 'invalid' | 'unscored' | 'excluded';
  /** The answer as understood: an option code or a number. */
  answer?: string | number | undefined;
  /** Score before dependent-question rules, 0..1 (ratios clamped as the rubric says). */
  base?: number | undefined;
  /** Score after rules; what the mean uses. */
  score?: number | undefined;
}

export interface NodeResult {
  code: string;
  level: LevelName;
  name: string;
  bobot: number;
  nilai: number;
  /** nilai / bobot, 0..1 */
  percent: number;
  /** bobot − nilai */
  gap: number;
  node: Node;
  /** Questions beneath that could not be scored (blank or invalid). */
  blanks: number;
  /** Rubrics of lines: the bobot of the lines beneath that the evaluator excluded (percent and gap are over the rest). */
  excludedBobot?: number | undefined;
  /** An excluded line. */
  excluded?: boolean | undefined;
  /** A node with adjustForExcluded: bobot less the excluded lines' bobot, and nilai scaled back to the bobot. */
  denominator?: number | undefined;
  adjusted?: number | undefined;
}

/** A line of a rubric of lines as scored, with what the published-points check needs to name a cause. */
export interface LineResult {
  code: string;
  /** The raw value read (a number, or the option chosen). */
  value?: number | string | undefined;
  /** value / max (or the option's share): the line's points are fraction × bobot × pengali factors. */
  fraction?: Exact | undefined;
  /** The pengali lines' factors: their rounded (the rule) and unrounded points over their bobot. */
  factors: { code: string; rounded: Exact; unrounded: Exact }[];
  /** Points before the instrument's rounding, and as counted. */
  exact: Exact;
  points: Exact;
  excluded: boolean;
}

/** The published evaluation's totals: the published points summed and adjusted like lke's own. */
export interface PublishedTotals {
  index: number;
  predikat?: BandDef | undefined;
  /** Per node: the published points summed, and for an adjusted node scaled by the same denominator. */
  nodes: Map<string, { nilai: number; adjusted?: number | undefined }>;
}

export interface Scored {
  nodes: NodeResult[];
  byCode: Map<string, NodeResult>;
  questions: Map<string, QuestionResult>;
  index: number;
  predikat?: BandDef | undefined;
  blankPolicy: BlankPolicy;
  offScale: OffScalePolicy;
  /** Cells whose values the index leaves out because lke cannot stand behind them (no cached value, off scale). */
  leftOut: Where[];
  findings: Finding[];
  /** Rubrics of lines: the index as an exact fraction (what gains are added to before rounding). */
  indexExact?: Exact | undefined;
  /** Rubrics of lines: every line by code. */
  lines?: Map<string, LineResult> | undefined;
  /** When the table carries the published points. */
  published?: PublishedTotals | undefined;
}
