// Writes real .xlsx worksheets in the official cascading layout for a rubric (through exceljs), so layout tests
// read files as an office would send them. Cells can be anything exceljs writes: formulas with or without a
// cached result, shared formulas, error values, rich text, hyperlinks, merges.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Item, Rubric } from '../../src/rubric/model.js';

export type CellInput = ExcelJS.CellValue;

export interface LkeOptions {
  /** Column letters per role; the label span is a list of consecutive columns (one per tree depth + text). */
  columns?: Partial<Record<'no' | 'bobot' | 'penjelasan' | 'pilihan' | 'jawaban' | 'nilai' | 'bukti', string>>;
  labelFrom?: number;
  headerRow?: number;
  headerLabels?: Partial<Record<string, string>>;
  title?: (string | number)[][];
  /** Answer cell values by question or sub-input code; default: the first option / 1. */
  answers?: Record<string, CellInput>;
  bukti?: Record<string, CellInput>;
  /** Write full codes in a "Kode" column instead of cascading numbering. */
  flat?: boolean;
  /** Items to leave out, rows to add after an item (by code). */
  skip?: string[];
  extraAfter?: Record<string, CellInput[][]>;
  sheetName?: string;
  /** Called with the worksheet and the row of each item, to merge or restyle. */
  tweak?: (ws: ExcelJS.Worksheet, rows: Map<string, number>) => void;
  extraSheets?: string[];
  /** Document keywords (where a rubric stamp goes). */
  keywords?: string;
}

const DEFAULT_COLS = { bobot: 'H', penjelasan: 'I', pilihan: 'J', jawaban: 'K', nilai: 'L', bukti: 'M' };

export function tempDir(prefix = 'lke-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function numbering(item: Item): string {
  const seg = item.kind === 'input' ? '-' : item.label;
  return seg === '-' ? '-' : `${seg}.`;
}

export async function writeLke(file: string, rubric: Rubric, opts: LkeOptions = {}): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  if (opts.keywords) wb.keywords = opts.keywords;
  for (const s of opts.extraSheets ?? []) wb.addWorksheet(s).getCell('A1').value = 'Rekap';
  const ws = wb.addWorksheet(opts.sheetName ?? 'LKE');
  const cols = { ...DEFAULT_COLS, ...(opts.columns ?? {}) };
  const labelFrom = opts.labelFrom ?? 2;
  const depthMax = 5; // component, category, area, indicator, question → text in labelFrom + depth + 1
  const headerRow = opts.headerRow ?? (opts.title ? opts.title.length + 2 : 2);
  (opts.title ?? []).forEach((row, i) => row.forEach((v, j) => (ws.getCell(i + 1, j + 2).value = v)));
  const L = { penilaian: 'Penilaian', no: 'Kode', bobot: 'Bobot', penjelasan: 'Penjelasan', pilihan: 'Pilihan Jawaban', jawaban: 'Jawaban', nilai: 'Nilai', bukti: 'Bukti/Eviden', ...(opts.headerLabels ?? {}) };
  const rows = new Map<string, number>();
  const colOf = (c: string) => ws.getColumn(c).number;
  if (opts.flat) {
    ws.getCell(headerRow, labelFrom).value = L.no;
    ws.getCell(headerRow, labelFrom + 1).value = 'Uraian';
  } else {
    ws.getCell(headerRow, labelFrom).value = L.penilaian;
    ws.mergeCells(headerRow, labelFrom, headerRow, labelFrom + depthMax);
  }
  for (const [role, c] of Object.entries(cols)) if (c && role !== 'no') ws.getCell(`${c}${headerRow}`).value = (L as Record<string, string>)[role] ?? role;
  let r = headerRow + 1;
  const skip = new Set(opts.skip ?? []);
  for (const item of rubric.items) {
    if (skip.has(item.code)) continue;
    if (item.kind === 'question' && item.parent.code === item.code) {
      // a hasil item answered on its indicator row
      const row = rows.get(item.code)!;
      writeAnswer(row, item.code, item);
      continue;
    }
    rows.set(item.kind === 'input' ? item.code : item.code, r);
    const depth = item.kind === 'node' ? item.depth : item.kind === 'question' ? item.parent.depth + 1 : item.question.parent.depth + 2;
    const text = item.kind === 'node' ? item.name : item.text;
    if (opts.flat) {
      ws.getCell(r, labelFrom).value = item.code;
      ws.getCell(r, labelFrom + 1).value = text;
    } else if (item.kind === 'input') {
      ws.getCell(r, labelFrom + depthMax).value = `- ${text}`;
    } else {
      ws.getCell(r, labelFrom + depth).value = numbering(item);
      ws.getCell(r, labelFrom + depth + 1).value = text;
    }
    if (item.kind === 'node') ws.getCell(`${cols.bobot}${r}`).value = item.bobot;
    else writeAnswer(r, item.code, item);
    r++;
    for (const extra of opts.extraAfter?.[item.code] ?? []) {
      extra.forEach((v, j) => (ws.getCell(r, labelFrom + j).value = v));
      r++;
    }
  }
  ws.getCell(r + 1, labelFrom).value = 'NILAI EVALUASI';
  ws.getCell(r + 3, colOf(cols.jawaban)).value = 'ttd';
  opts.tweak?.(ws, rows);
  await wb.xlsx.writeFile(file);
  return rows;

  function writeAnswer(row: number, code: string, item: Item) {
    if (item.kind === 'node') return;
    const scaleLabel = item.kind === 'input' ? 'Jumlah' : item.scale.label;
    ws.getCell(`${cols.pilihan}${row}`).value = scaleLabel;
    if (item.kind === 'question' && cols.bukti && item.bukti) {
      const b = opts.bukti && code in opts.bukti ? opts.bukti[code] : `https://bukti.example.go.id/${code}`;
      if (b !== undefined && b !== null) ws.getCell(`${cols.bukti}${row}`).value = b;
    }
    if (item.kind === 'question' && item.inputs.length > 0) return; // computed from its sub-inputs
    const given = opts.answers && code in opts.answers ? opts.answers[code] : defaultAnswer(item);
    if (given !== undefined) ws.getCell(`${cols.jawaban}${row}`).value = given;
  }
}

function defaultAnswer(item: Item): CellInput {
  if (item.kind === 'input') return 1;
  if (item.kind !== 'question') return null;
  const s = item.scale;
  if (s.type === 'choice') return s.options[0]!.code;
  if (s.type === 'number') return s.range[1];
  return 1;
}
