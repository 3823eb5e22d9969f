// Where something is in a workbook: numbers (1-based row and column) until a presenter prints them. The one A1
// helper of the code base: column letters, "K12", and back.

export interface Where {
  sheet?: string | undefined;
  row?: number | undefined;
  col?: number | undefined;
}

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column letters of the first columns, made once: every cell read needs its address. */
const LETTERS = Array.from({ length: 2048 }, (_, i) => colLetters(i));

/** "K12" of row 12, column 11. */
export function a1(row: number, col: number): string {
  return `${col < LETTERS.length ? LETTERS[col] : colLetters(col)}${row}`;
}

/** A position's A1 address, or null when it names no cell. */
export function a1Of(w: { row?: number | null | undefined; col?: number | null | undefined }): string | null {
  return w.row != null && w.col != null ? a1(w.row, w.col) : null;
}

/** Row and column numbers of an A1 address (as people type one in lke.config.yaml), or undefined. */
export function parseA1(cell: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell);
  if (!m) return undefined;
  return { row: Number(m[2]), col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

/** Excel's way to name a cell: LKE!K12, 'LKE ZI'!E12 (quoted when the sheet name has spaces or signs). */
export function cellRef(sheet: string | null | undefined, cell: string | null | undefined): string {
  const s = sheet ? (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`) : '';
  if (s && cell) return `${s}!${cell}`;
  return s || cell || '';
}
