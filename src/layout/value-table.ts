// A table of values, one indicator per row (the Indeks RB from 2023: the values the evaluators publish): a header
// row in the first 30 rows naming the indicator (Indikator and/or Kode) and its raw value (Skor, Nilai Capaian or
// Capaian); optionally the published points (Nilai, Poin), a remark (Keterangan) and the bobot. Labels are
// compared without case, punctuation or a bracketed part ("Skor (0-100)"), so "nilai_dipublikasikan" is one too.
import { textOf, type Cell, type Sheet } from '../workbook/grid.js';

export type TableRole = 'kode' | 'indikator' | 'skor' | 'nilai' | 'keterangan' | 'bobot';

const LABELS: Record<string, TableRole> = {
  kode: 'kode',
  code: 'kode',
  'kode indikator': 'kode',
  indikator: 'indikator',
  'nama indikator': 'indikator',
  indicator: 'indikator',
  'uraian indikator': 'indikator',
  skor: 'skor',
  score: 'skor',
  'nilai capaian': 'skor',
  capaian: 'skor',
  'skor capaian': 'skor',
  nilai: 'nilai',
  poin: 'nilai',
  point: 'nilai',
  points: 'nilai',
  'nilai dipublikasikan': 'nilai',
  'nilai publikasi': 'nilai',
  'poin dipublikasikan': 'nilai',
  keterangan: 'keterangan',
  ket: 'keterangan',
  catatan: 'keterangan',
  remark: 'keterangan',
  remarks: 'keterangan',
  bobot: 'bobot',
};

/** The labels lke template writes for a table of values (each read back as its role). */
export const TABLE_LABELS = { kode: 'Kode', indikator: 'Indikator', skor: 'Skor', bobot: 'Bobot', keterangan: 'Keterangan' } as const satisfies Partial<Record<TableRole, string>>;

/** The remarks that mark a line as excluded, in the words evaluators write (isExcludedRemark reads them). */
export const EXCLUDED_REMARKS = ['dikecualikan', 'tidak diperhitungkan', 'tidak berlaku', 'tidak menjadi pembagi'] as const;

const SCAN_ROWS = 30;

export interface ValueTable {
  sheet: Sheet;
  /** The header row. */
  row: number;
  columns: Partial<Record<TableRole, number>>;
}

export interface ValueRow {
  row: number;
  cells: Partial<Record<TableRole, Cell>>;
}

export function labelRole(text: string): TableRole | undefined {
  const key = text
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return LABELS[key];
}

/** The first header row (sheet by sheet, top down) naming an indicator column and a raw value column. */
export function findValueTable(sheets: Sheet[]): ValueTable | undefined {
  for (const sheet of sheets) {
    for (let r = 1; r <= Math.min(SCAN_ROWS, sheet.maxRow); r++) {
      const cells = sheet.rows.get(r);
      if (!cells) continue;
      const columns: ValueTable['columns'] = {};
      for (const c of [...cells.keys()].sort((a, b) => a - b)) {
        const role = labelRole(textOf(cells.get(c)));
        if (role && columns[role] === undefined) columns[role] = c;
      }
      if (columns.skor !== undefined && (columns.indikator !== undefined || columns.kode !== undefined)) return { sheet, row: r, columns };
    }
  }
  return undefined;
}

/** The rows below the header that hold anything in the table's columns. */
export function readValueRows(table: ValueTable): ValueRow[] {
  const out: ValueRow[] = [];
  const roles = Object.entries(table.columns) as [TableRole, number][];
  const rows = [...table.sheet.rows.keys()].filter((r) => r > table.row).sort((a, b) => a - b);
  for (const r of rows) {
    const cells = table.sheet.rows.get(r)!;
    const row: ValueRow = { row: r, cells: {} };
    let any = false;
    for (const [role, col] of roles) {
      const cell = cells.get(col);
      if (!cell) continue;
      row.cells[role] = cell;
      if (textOf(cell) !== '' || cell.error || cell.noCache) any = true;
    }
    if (any) out.push(row);
  }
  return out;
}

/** Whether the remark says the evaluator excluded the line ("tidak dikecualikan" does not). */
export function isExcludedRemark(text: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (/(^|[^a-z])(tidak diperhitungkan|tidak berlaku|tidak menjadi pembagi)([^a-z]|$)/.test(t)) return true;
  return /(^|[^a-z])dikecualikan([^a-z]|$)/.test(t) && !/tidak dikecualikan/.test(t);
}
