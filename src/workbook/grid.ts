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
  /**
   * The formula's text (a shared one translated to this cell), when the reader was asked for it (rubric import);
   * the lean reader also keeps it for a formula without a cached result (files written by scripts), for findings.
   */
  formulaText?: string | undefined;
  /** True when a formula has no cached result (the file was written without recalculating) and lke could not work it out. */
  noCache?: boolean | undefined;
  hyperlink?: string | undefined;
  /** The style index of a cell holding a number (NumberFormats tells whether it shows as a percentage). */
  style?: number | undefined;
  /** A formula without a cached result whose value lke computed itself (a constant, or arithmetic of constants). */
  evaluated?: boolean | undefined;
}

/** The number formats of a workbook's styles: which style indices show a number as a percentage. */
export interface NumberFormats {
  isPercent(style: number): boolean;
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
  /**
   * What a writer stamped into the workbook: the document keywords ("lke-rubric=zi-2021") under `keywords`, the
   * custom document property `lke-rubric` under that name, and each defined name starting LKE_ (lke template's
   * rubric id and version) under its name, as the text it names.
   */
  stamps: Record<string, string>;
  /** Read on first use: most worksheets never need to know a cell's number format. */
  formats?: NumberFormats | undefined;
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

/** Defined names lke reads: its own stamps (layout/canonical.ts STAMP), nothing else a workbook names. */
export const isStampName = (name: string): boolean => /^LKE_/i.test(name);

/**
 * The text a defined name stands for: a string constant ("zi-2021") or the value of the one cell it names
 * ('_lke'!$B$1), undefined for anything else (ranges, formulas, a sheet that is not there).
 */
export function resolveName(formula: string, sheets: Sheet[]): string | undefined {
  const f = formula.trim();
  const constant = /^"((?:[^"]|"")*)"$/.exec(f);
  if (constant) return constant[1]!.replace(/""/g, '"');
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(f);
  if (!m) return undefined;
  const sheetName = (m[1] ?? m[2]!).replace(/''/g, "'");
  const sheet = sheets.find((s) => s.name === sheetName);
  const col = [...m[3]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const cell = sheet ? cellAt(sheet, Number(m[4]), col) : undefined;
  return cell && cell.value !== null ? String(cell.value) : undefined;
}
