// The diff document every diff presenter renders: plain data, numbers at full precision. Its JSON form is
// documented in docs/report-format.md ("lke diff") and schema/diff.schema.json.
import type { Lang } from '../words/lang.js';
import type { BlankPolicy } from '../score/types.js';
import type { Diff } from './compare.js';
import { fileKey, sortByDelta, type OpdRow } from './pair.js';
import type { DiffSide } from './side.js';

export const DIFF_SCHEMA_VERSION = 1;

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

export interface OpdDiff extends OpdRow {
  /** The two files (as found in the folders) and how they were paired. */
  fileFrom: string;
  fileTo: string;
  by: 'opd' | 'file';
  level: Diff['level'];
  /** Number of changed answers. */
  changed: number;
}

export interface FolderReport extends DiffHead {
  mode: 'folders';
  /** One row per pair of OPDs compared, largest gain first. */
  opds: OpdDiff[];
  /** The full comparison of each pair, in the order of `opds`. */
  pairs: Diff[];
  /** Files with no counterpart in the other folder. */
  unpaired: { from: string[]; to: string[] };
  /** Files that could not be scored (their pair, if any, is not compared). */
  failed: Failure[];
}

export type DiffReport = PairReport | FolderReport;

export function diffHead(lang: Lang, blankPolicy: BlankPolicy, version: string): DiffHead {
  return { schemaVersion: DIFF_SCHEMA_VERSION, tool: { name: 'lke', version }, kind: 'diff', lang, blankPolicy };
}

export function pairReport(head: DiffHead, mode: PairReport['mode'], diff: Diff): PairReport {
  return { ...head, mode, ...diff };
}

/** The name a pair goes by: the worksheets' OPD (the later one's first), else the file name's. */
const opdName = (a: DiffSide, b: DiffSide) => (b.opdSource !== 'file name' ? b.opd : null) ?? (a.opdSource !== 'file name' ? a.opd : null) ?? b.opd ?? (fileKey(b.file) || b.file);

export function folderReport(head: DiffHead, compared: { from: DiffSide; to: DiffSide; by: 'opd' | 'file'; diff: Diff }[], unpaired: FolderReport['unpaired'], failed: Failure[]): FolderReport {
  const rows = compared.map((p, i) => ({
    opd: opdName(p.from, p.to),
    fileFrom: p.from.file,
    fileTo: p.to.file,
    by: p.by,
    level: p.diff.level,
    indexFrom: p.diff.index.from,
    indexTo: p.diff.index.to,
    delta: p.diff.index.delta,
    predikatFrom: p.diff.predikat.from,
    predikatTo: p.diff.predikat.to,
    changed: p.diff.changes.length,
    i,
  }));
  const sorted = sortByDelta(rows);
  return { ...head, mode: 'folders', opds: sorted.map(({ i: _, ...r }) => r), pairs: sorted.map((r) => compared[r.i]!.diff), unpaired, failed };
}
