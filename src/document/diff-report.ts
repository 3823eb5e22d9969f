// The diff report: one document per run of `lke diff`, plain data, numbers at full precision, positions as numbers.
// Its JSON form (diffJsonText, below) is documented in docs/report-format.md and schema/diff.schema.json. The
// comparison is computed in src/diff/; the order of the OPD table is decided here, never in a presenter.
import { a1 } from '../findings/position.js';
import type { LevelName } from '../rubric/schema.js';
import type { BlankPolicy } from '../score/types.js';
import type { Lang } from '../words/lang.js';
import { compareText } from './order.js';

export const DIFF_SCHEMA_VERSION = 1;

/** As the score report's answers: `excluded` is a line of a rubric of lines the evaluator left out. */
export type AnswerStatus = 'scored' | 'blank' | 'invalid' | 'unscored' | 'excluded';

/** A cell of a worksheet. */
export interface Pos {
  sheet: string | null;
  row: number;
  col: number;
}

export interface Change {
  question: string;
  indicator: string;
  text: string;
  /** Where the answer is on the `to` side (the review, the later year), and on the `from` side. */
  at: Pos | null;
  atFrom: Pos | null;
  from: string | number | null;
  to: string | number | null;
  statusFrom: AnswerStatus;
  statusTo: AnswerStatus;
  scoreFrom: number | null;
  scoreTo: number | null;
  nilaiFrom: number | null;
  nilaiTo: number | null;
  /** The `to` side's Catatan on the question's row, else the `from` side's; null when neither has one. */
  note: string | null;
}

export interface OneSided {
  question: string;
  indicator: string;
  text: string;
  /** The side the question was found on. */
  side: 'from' | 'to';
  answer: string | number | null;
  at: Pos | null;
}

export interface NodeDelta {
  /** Code on the `to` side, and on the `from` side (they differ only between rubric versions). */
  code: string;
  codeFrom: string;
  level: LevelName;
  depth: number;
  name: string;
  bobotFrom: number;
  bobotTo: number;
  nilaiFrom: number;
  nilaiTo: number;
  /** nilaiTo − nilaiFrom. */
  delta: number;
  percentFrom: number;
  percentTo: number;
}

export interface SideSummary {
  file: string;
  /** The assessment block compared (1 = leftmost) when one workbook holds several; null for a whole file. */
  block: { number: number; title: string | null; column: string } | null;
  opd: string | null;
  year: number | null;
  rubric: { id: string; title: string };
  index: number;
  predikat: { code: string; label: string | null } | null;
}

export interface Diff {
  from: SideSummary;
  to: SideSummary;
  /**
   * `question`: one rubric, every question compared. `area`: two rubric versions; only components and areas whose
   * names match are compared, questions are not.
   */
  level: 'question' | 'area';
  index: { from: number; to: number; delta: number };
  predikat: { from: string | null; to: string | null; changed: boolean };
  /** Questions found on both sides whose answer differs, in rubric order. */
  changes: Change[];
  /** Questions found in one worksheet only (same rubric). */
  oneSided: OneSided[];
  /** The delta per node: every node (same rubric), or the matched components and areas (two versions). */
  nodes: NodeDelta[];
  /** Components and areas of either version that the other does not have (two versions only). */
  unmatched: { side: 'from' | 'to'; code: string; level: LevelName; name: string; nilai: number }[];
}

export interface DiffHead {
  schemaVersion: number;
  tool: { name: 'lke'; version: string };
  kind: 'diff';
  lang: Lang;
  blankPolicy: BlankPolicy;
}

export interface Failure {
  file: string;
  error: { code: string; message: string };
}

/** Two files, or the two assessment blocks of one file: the comparison itself at the top level. */
export type PairReport = DiffHead & { mode: 'files' | 'blocks' } & Diff;

export interface OpdRow {
  opd: string;
  /** The two files (as found in the folders) and how they were paired. */
  fileFrom: string;
  fileTo: string;
  by: 'opd' | 'file';
  level: Diff['level'];
  indexFrom: number;
  indexTo: number;
  delta: number;
  predikatFrom: string | null;
  predikatTo: string | null;
  /** Number of changed answers. */
  changed: number;
}

export interface FolderReport extends DiffHead {
  mode: 'folders';
  /** One row per pair of OPDs compared, largest gain first. */
  opds: OpdRow[];
  /** The full comparison of each pair, in the order of `opds`. */
  pairs: Diff[];
  /** Readable worksheets with no counterpart in the other folder (or whose counterpart could not be read). */
  unpaired: { from: string[]; to: string[] };
  /** Worksheets that could not be scored. */
  failed: Failure[];
}

export type DiffReport = PairReport | FolderReport;

export function diffHead(lang: Lang, blankPolicy: BlankPolicy, version: string): DiffHead {
  return { schemaVersion: DIFF_SCHEMA_VERSION, tool: { name: 'lke', version }, kind: 'diff', lang, blankPolicy };
}

export function pairReport(head: DiffHead, mode: PairReport['mode'], diff: Diff): PairReport {
  return { ...head, mode, ...diff };
}

/** The folders' report: the OPD table sorted by delta, largest gain first (equal deltas by OPD name, code-unit order). */
export function folderReport(head: DiffHead, compared: { opd: string; by: 'opd' | 'file'; diff: Diff }[], unpaired: FolderReport['unpaired'], failed: Failure[]): FolderReport {
  const rows = compared.map((p) => ({
    row: {
      opd: p.opd,
      fileFrom: p.diff.from.file,
      fileTo: p.diff.to.file,
      by: p.by,
      level: p.diff.level,
      indexFrom: p.diff.index.from,
      indexTo: p.diff.index.to,
      delta: p.diff.index.delta,
      predikatFrom: p.diff.predikat.from,
      predikatTo: p.diff.predikat.to,
      changed: p.diff.changes.length,
    },
    diff: p.diff,
  }));
  rows.sort((x, y) => y.row.delta - x.row.delta || compareText(x.row.opd, y.row.opd));
  return { ...head, mode: 'folders', opds: rows.map((r) => r.row), pairs: rows.map((r) => r.diff), unpaired, failed };
}

const cell = (p: Pos | null) => (p ? a1(p.row, p.col) : null);

/** A comparison in its JSON form: positions as A1 cells, keys in the documented order. */
function diffJson(d: Diff): unknown {
  return {
    ...d,
    changes: d.changes.map(({ at, atFrom, question, indicator, text, ...c }) => ({ question, indicator, text, sheet: at?.sheet ?? null, cell: cell(at), cellFrom: cell(atFrom), ...c })),
    oneSided: d.oneSided.map(({ at, ...x }) => ({ ...x, cell: cell(at) })),
  };
}

/** The whole diff report as JSON text. */
export function diffJsonText(doc: DiffReport): string {
  const json = doc.mode === 'folders' ? { ...doc, pairs: doc.pairs.map(diffJson) } : diffJson(doc);
  return `${JSON.stringify(json, null, 2)}\n`;
}
