// Walks the rows under the header into numbered entries. Numbering is read from cascading columns (one column
// per level, the text in the next), from a No column, from the start of the text ("a. …", "- …"), or as a full
// code (lke's flat layout: A.I.1.i.a).
import { cellAt, isEmpty, textOf, type Cell, type Sheet } from '../workbook/grid.js';
import type { Header } from './header.js';
import { GRAND_TOTAL_ROW, TOKEN_SOURCE, TOTAL_ROW } from './canonical.js';

export interface Entry {
  row: number;
  /** Numbering token without its dot or bracket: "A", "I", "1", "i", "a", "-". */
  token?: string | undefined;
  /** A full code, when the sheet writes one (flat layout). */
  code?: string | undefined;
  /** Column offset of the numbering inside the label span (cascading layouts); -1 when unknown. */
  depth: number;
  text: string;
  /** Cell holding the text (for messages). */
  textCell?: Cell | undefined;
  bobot?: Cell | undefined;
  penjelasan?: Cell | undefined;
  pilihan?: Cell | undefined;
  jawaban?: Cell | undefined;
  nilai?: Cell | undefined;
  percent?: Cell | undefined;
  catatan?: Cell | undefined;
  bukti: Cell[];
  /** A totals row ("TOTAL PENGUNGKIT", "NILAI EVALUASI …"): not matched to the rubric. */
  total: boolean;
}

const TOKEN = new RegExp(`^\\(?(${TOKEN_SOURCE})\\s*[.)]?$`);
const PREFIX = new RegExp(`^\\(?(${TOKEN_SOURCE})[.)]\\s+(\\S.*)$`, 's');
const DASH = /^[-\u2013\u2022*]\s*(.*)$/s; // - – • *
export const FULL_CODE = /^[A-Z](\.[A-Za-z0-9]+)+(\([a-z]\))?$/;

/** Splits "a. Text" into token and text; "- Text" into "-" and text. */
export function splitNumbering(raw: string): Numbering {
  const s = raw.trim();
  // numbering cells ("a.", "IV", "1)") repeat on every row and in every file: read each once per thread
  if (s.length > 12) return readNumbering(s);
  let n = numberings.get(s);
  if (!n) {
    if (numberings.size >= 4096) numberings.clear();
    n = readNumbering(s);
    numberings.set(s, n);
  }
  return n;
}

type Numbering = Readonly<{ token: string | undefined; code: string | undefined; text: string }>;
const numberings = new Map<string, Numbering>();

/** One object shape for every numbering (V8 keeps the code reading them fast). */
const numbering = (token: string | undefined, code: string | undefined, text: string): Numbering => ({ token, code, text });

function readNumbering(s: string): Numbering {
  if (FULL_CODE.test(s)) return numbering(undefined, s, '');
  const t = TOKEN.exec(s);
  if (t) return numbering(t[1]!, undefined, '');
  if (s === '-' || s === '–' || s === '•') return numbering('-', undefined, '');
  const p = PREFIX.exec(s);
  if (p) return numbering(p[1]!, undefined, p[2]!.trim());
  const d = DASH.exec(s);
  if (d) return numbering('-', undefined, d[1]!.trim());
  const full = /^([A-Z](?:\.[A-Za-z0-9]+)+(?:\([a-z]\))?)\s+(\S.*)$/s.exec(s);
  if (full) return numbering(undefined, full[1]!, full[2]!.trim());
  return numbering(undefined, undefined, s);
}

export function readEntries(h: Header): Entry[] {
  const { sheet, columns } = h;
  const out: Entry[] = [];
  const rows = [...sheet.rows.keys()].filter((r) => r > h.row).sort((a, b) => a - b);
  const noColumn = columns.no !== undefined && !isRowCounter(sheet, columns.no, rows) ? columns.no : undefined;
  for (const r of rows) {
    const e = readRow(sheet, columns, noColumn, r);
    if (!e) continue;
    out.push(e);
    if (e.total && GRAND_TOTAL_ROW.test(e.text)) break;
  }
  return out;
}

/**
 * One row as an entry, or undefined when it holds nothing to match. Module-level, not a closure per sheet, so V8
 * compiles it once per worker (bench/README.md).
 */
function readRow(sheet: Sheet, columns: Header['columns'], noColumn: number | undefined, r: number): Entry | undefined {
  // every field from the start (one object shape for every row: V8 keeps the code reading entries fast)
  const e: Entry = {
    row: r,
    token: undefined,
    code: undefined,
    depth: -1,
    text: '',
    textCell: undefined,
    bobot: filled(sheet, r, columns.bobot),
    penjelasan: filled(sheet, r, columns.penjelasan),
    pilihan: filled(sheet, r, columns.pilihan),
    jawaban: filled(sheet, r, columns.jawaban),
    nilai: filled(sheet, r, columns.nilai),
    percent: filled(sheet, r, columns.percent),
    catatan: filled(sheet, r, columns.catatan),
    bukti: [],
    total: false,
  };
  // a loop, not map/filter: those give arrays of several kinds, and V8's code for this function would deoptimise
  for (const c of columns.bukti) {
    const b = filled(sheet, r, c);
    if (b) e.bukti.push(b);
  }
  if (noColumn !== undefined) {
    const no = textOf(cellAt(sheet, r, noColumn));
    if (no) {
      const n = splitNumbering(no);
      e.token = n.token;
      e.code = n.code;
    }
  }
  // cascading numbering: the first filled cell of the label span is the number, the next one the text
  for (let c = columns.label.from; c <= columns.label.to; c++) {
    const first = nonEmpty(cellAt(sheet, r, c));
    if (!first) continue;
    const raw = textOf(first);
    const n = splitNumbering(raw);
    if (n.code && !e.code) e.code = n.code;
    if ((n.token !== undefined || n.code !== undefined) && !n.text) {
      if (n.token !== undefined && e.token === undefined) e.token = n.token;
      e.depth = c - columns.label.from;
      for (let c2 = c + 1; c2 <= columns.label.to; c2++) {
        const t = nonEmpty(cellAt(sheet, r, c2));
        if (t) {
          e.text = textOf(t);
          e.textCell = t;
          break;
        }
      }
    } else if (n.token !== undefined || n.code !== undefined) {
      if (e.token === undefined && n.token !== undefined) e.token = n.token;
      e.text = n.text;
      e.textCell = first;
      e.depth = c - columns.label.from;
    } else {
      e.text = raw;
      e.textCell = first;
      e.depth = c - columns.label.from;
    }
    break;
  }
  if (!e.token && !e.code && !e.text && !e.jawaban) return undefined;
  if (!e.token && !e.code && TOTAL_ROW.test(e.text)) e.total = true;
  return e;
}

/** A "No" column that only counts rows (1, 2, 3, …) says nothing about the numbering of the LKE. */
function isRowCounter(sheet: Sheet, col: number, rows: number[]): boolean {
  let ints = 0;
  let filled = 0;
  let rising = 0;
  let prev = -Infinity;
  for (const r of rows) {
    const v = cellAt(sheet, r, col)?.value;
    if (v === null || v === undefined || v === '') continue;
    filled++;
    const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(v) : NaN;
    if (Number.isInteger(n)) {
      ints++;
      if (n > prev) rising++;
      prev = n;
    }
  }
  return filled >= 10 && ints / filled >= 0.8 && rising / filled >= 0.8;
}

function nonEmpty(c: Cell | undefined): Cell | undefined {
  return isEmpty(c) ? undefined : c;
}

/** The cell at row r, column c when it has content; undefined for an absent column. */
function filled(sheet: Sheet, r: number, c: number | undefined): Cell | undefined {
  return c === undefined ? undefined : nonEmpty(cellAt(sheet, r, c));
}
