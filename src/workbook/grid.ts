// The plain grid every later stage reads: no exceljs types leak past src/workbook/.
export type Scalar = string | number | boolean | null;

export interface Cell {
  row: number;
  col: number;
  /** A1-style address, e.g. "K12". */
  address: string;
  /** The value as shown: for a formula its cached result; rich text joined; a hyperlink's text. */
  value: Scalar;
  /** An Excel error value ("#DIV/0!") held by the cell or cached as its formula's result. */
  error?: string | undefined;
  /** True when the cell holds a formula (plain or shared). */
  formula?: boolean | undefined;
  /** True when a formula has no cached result (the file was written without recalculating). */
  noCache?: boolean | undefined;
  hyperlink?: string | undefined;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Sheet {
  name: string;
  /** Cells by row then column (1-based). Cells covered by a merge are left out: only the merge's top-left cell holds its value. */
  rows: Map<number, Map<number, Cell>>;
  maxRow: number;
  maxCol: number;
  merges: Merge[];
}

export interface Workbook {
  file: string;
  sheets: Sheet[];
  /** Document properties a writer may use to stamp the rubric id (keywords: "lke-rubric=zi-2021"). */
  stamps: Record<string, string>;
}

export { colLetters, a1 as address } from '../findings/position.js';

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows.get(row)?.get(col);
}

/** The cell's value as trimmed text ("" for empty). */
export function textOf(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '';
  return String(cell.value).trim();
}

/** Empty: no value, no error, and no formula waiting for a result (that one is worth a finding). */
export function isEmpty(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.error || cell.noCache) return false;
  return cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');
}

/** The merge whose area contains (row, col), if any. */
export function mergeAt(sheet: Sheet, row: number, col: number): Merge | undefined {
  return sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * A copy of text read from a workbook for keeping past the workbook (a cache, a summary): the reader's text is a
 * slice of its part's whole XML, and V8 keeps the whole string alive for any slice of it.
 */
export function detachedText(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
