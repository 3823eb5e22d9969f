// Finds the LKE sheet, its header row and what each column holds. Labels are matched loosely (any case and
// spacing, any column order); a second assessment block beside the first (an earlier year's evaluation) is
// recognised by its repeated labels and left out.
import { cellAt, detachedText, mergeAt, textOf, type Sheet } from '../workbook/grid.js';

export type Role = 'label' | 'no' | 'bobot' | 'penjelasan' | 'pilihan' | 'jawaban' | 'nilai' | 'percent' | 'catatan' | 'bukti';

export interface Columns {
  /** The Penilaian/Uraian span: numbering cascades over these columns, the text stands in one of them. */
  label: { from: number; to: number };
  no?: number | undefined;
  bobot?: number | undefined;
  penjelasan?: number | undefined;
  pilihan?: number | undefined;
  jawaban: number;
  nilai?: number | undefined;
  percent?: number | undefined;
  catatan?: number | undefined;
  bukti: number[];
}

export interface Header {
  sheet: Sheet;
  row: number;
  columns: Columns;
  /** Columns of the block in use (first to last). */
  blockEnd: number;
  /** A second assessment block found beside the first, ignored. */
  ignoredBlock?: { from: number; to: number; title?: string | undefined } | undefined;
  /** Columns whose role was inferred from content because the header had no label. */
  inferred: Role[];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The role a header label names, or undefined. Order matters: "Catatan/Keterangan/Penjelasan" is a note column. */
export function roleOf(label: string): Role | undefined {
  // most cells of the first rows are long question texts: too long for a label, known without normalising them
  if (label.length > 60 && label.trim().length > 60 && !/\s\s/.test(label)) return undefined;
  const t = norm(label);
  if (!t || t.length > 60) return undefined;
  if (/^(no\.?|nomor|kode|code|no urut)$/.test(t)) return 'no';
  if (/^bobot/.test(t)) return 'bobot';
  if (/^(pilihan|opsi|jenis) ?jawaban|^pilihan$/.test(t)) return 'pilihan';
  if (/^jawaban|^jawab$|^answer/.test(t)) return 'jawaban';
  if (/^(%|persen|persentase|capaian ?%?)$/.test(t)) return 'percent';
  if (/^(nilai|skor|score)\b/.test(t)) return 'nilai';
  if (/eviden|bukti|data dukung|dokumen pendukung|^link|tautan|^url/.test(t)) return 'bukti';
  if (/^(catatan|keterangan|ket\.?$|komentar|rekomendasi)/.test(t)) return 'catatan';
  if (/^penjelasan|^kriteria penilaian|^petunjuk/.test(t)) return 'penjelasan';
  if (/^(penilaian|komponen|uraian|kriteria|pertanyaan|indikator|aspek|sub ?komponen|area)/.test(t)) return 'label';
  return undefined;
}

/**
 * The first rows of every sheet of every file are read for a header, and a batch's files share their labels:
 * each label text is classified once per thread (a bounded memo of a pure function).
 */
const roleMemo = new Map<string, Role | undefined>();
function roleOfCached(label: string): Role | undefined {
  // longer texts (the question texts of the first rows) are not kept: roleOf tells them at once, each only once
  if (label.length > 60) return roleOf(label);
  if (roleMemo.has(label)) return roleMemo.get(label);
  const role = roleOf(label);
  if (roleMemo.size >= 4096) roleMemo.clear();
  roleMemo.set(detachedText(label), role);
  return role;
}

interface Candidate {
  row: number;
  roles: Map<Role, number>;
  labelTo: number;
  blockEnd: number;
  ignoredBlock?: Header['ignoredBlock'];
}

function readHeaderRow(sheet: Sheet, row: number): Candidate | undefined {
  const cells = sheet.rows.get(row);
  if (!cells) return undefined;
  const roles = new Map<Role, number>();
  let labelTo = 0;
  let blockEnd = sheet.maxCol;
  let ignoredBlock: Header['ignoredBlock'];
  const cols = [...cells.keys()].sort((a, b) => a - b);
  for (const c of cols) {
    const value = cells.get(c)!.value;
    // a number or a truth value is never a label (roleOf would say so, after making it text)
    if (typeof value !== 'string') continue;
    const role = roleOfCached(value.trim());
    if (!role) continue;
    if (role === 'label' && roles.has('label') && !roles.has('jawaban')) {
      // "Komponen | Uraian": two label headers of one block widen its label span
      const m = mergeAt(sheet, row, c);
      labelTo = Math.max(labelTo, m ? m.right : c);
      continue;
    }
    if (roles.has(role) && roles.has('jawaban') && (role === 'label' || role === 'jawaban' || role === 'nilai' || role === 'pilihan' || role === 'bobot')) {
      // The same label again: a second assessment block starts here.
      blockEnd = c - 1;
      const title = sheet.rows.get(row - 1)?.get(c) ?? mergeTitle(sheet, row - 1, c);
      ignoredBlock = { from: c, to: sheet.maxCol, title: title ? textOf(title) : undefined };
      break;
    }
    if (roles.has(role)) continue;
    roles.set(role, c);
    if (role === 'label') {
      const m = mergeAt(sheet, row, c);
      labelTo = m ? m.right : c;
    }
  }
  if (!roles.has('jawaban') || !(roles.has('label') || roles.has('no'))) return undefined;
  return { row, roles, labelTo, blockEnd, ignoredBlock };
}

function mergeTitle(sheet: Sheet, row: number, col: number) {
  const m = mergeAt(sheet, row, col);
  return m ? cellAt(sheet, m.top, m.left) : undefined;
}

const HEADER_SCAN_ROWS = 30;

/** The best header over all sheets: most recognised roles, then most answered rows. */
export function findHeader(sheets: Sheet[]): Header | undefined {
  let best: { h: Header; score: number } | undefined;
  for (const sheet of sheets) {
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.maxRow); r++) {
      const cand = readHeaderRow(sheet, r);
      if (!cand) continue;
      const h = toHeader(sheet, cand);
      const answered = countAnswered(sheet, h);
      const score = cand.roles.size * 1000 + answered;
      if (!best || score > best.score) best = { h, score };
    }
  }
  return best?.h;
}

function countAnswered(sheet: Sheet, h: Header): number {
  let n = 0;
  for (const [r, cells] of sheet.rows) if (r > h.row && cells.has(h.columns.jawaban)) n++;
  return n;
}

function toHeader(sheet: Sheet, cand: Candidate): Header {
  const get = (r: Role) => cand.roles.get(r);
  const labelFrom = get('label') ?? (get('no')! + 1);
  const labelled = new Set(cand.roles.values());
  // The label span runs over its merged header, and on over unlabelled columns up to the next labelled one
  // (a sheet may number in columns left of the merged header's end, or write the text beyond it).
  let labelTo = Math.max(cand.labelTo, labelFrom);
  const inferred: Role[] = [];
  const columns: Columns = {
    label: { from: labelFrom, to: labelTo },
    no: get('no'),
    bobot: get('bobot'),
    penjelasan: get('penjelasan'),
    pilihan: get('pilihan'),
    jawaban: get('jawaban')!,
    nilai: get('nilai'),
    percent: get('percent'),
    catatan: get('catatan'),
    bukti: get('bukti') !== undefined ? [get('bukti')!] : [],
  };
  const unlabelled: number[] = [];
  for (let c = 1; c <= cand.blockEnd; c++) if (!labelled.has(c) && !(c >= labelFrom && c <= labelTo)) unlabelled.push(c);

  if (columns.bobot === undefined) {
    // The RB 14/2014 sheets leave the Bobot column without a label: the first unlabelled column right of
    // the label span holding numbers on rows that have no answer.
    const c = unlabelled.find((c) => c > labelTo && c < columns.jawaban && numericNodeRows(sheet, cand.row, c, columns.jawaban) >= 3);
    if (c !== undefined) {
      columns.bobot = c;
      inferred.push('bobot');
    }
  }
  if (columns.bukti.length === 0) {
    // The ZI sheets put evidence (a description, a link) in unlabelled columns after the notes.
    const cols = unlabelled.filter((c) => c > columns.jawaban && c !== columns.bobot && holdsLinks(sheet, cand.row, c));
    if (cols.length > 0) {
      // the description column just left of the first link column belongs to the evidence too
      const first = cols[0]!;
      if (unlabelled.includes(first - 1) && first - 1 > columns.jawaban && first - 1 !== columns.bobot) cols.unshift(first - 1);
      columns.bukti = cols;
      inferred.push('bukti');
    }
  }
  // Unlabelled columns between the label span and the next labelled column may still carry the text.
  while (unlabelled.includes(labelTo + 1) && labelTo + 1 !== columns.bobot && labelTo + 1 < columns.jawaban && holdsText(sheet, cand.row, labelTo + 1)) labelTo++;
  columns.label.to = labelTo;
  return { sheet, row: cand.row, columns, blockEnd: cand.blockEnd, ignoredBlock: cand.ignoredBlock, inferred };
}

function numericNodeRows(sheet: Sheet, headerRow: number, col: number, jawaban: number): number {
  let n = 0;
  for (const [r, cells] of sheet.rows) {
    if (r <= headerRow) continue;
    const v = cells.get(col)?.value;
    if (typeof v === 'number' && !cells.has(jawaban)) n++;
  }
  return n;
}

const URL_LIKE = /^(https?:\/\/|www\.)/i;

function holdsLinks(sheet: Sheet, headerRow: number, col: number): boolean {
  for (const [r, cells] of sheet.rows) {
    if (r <= headerRow) continue;
    const c = cells.get(col);
    if (c && (c.hyperlink || URL_LIKE.test(textOf(c)))) return true;
  }
  return false;
}

function holdsText(sheet: Sheet, headerRow: number, col: number): boolean {
  let n = 0;
  for (const [r, cells] of sheet.rows) {
    if (r <= headerRow) continue;
    const v = cells.get(col)?.value;
    if (typeof v === 'string' && v.trim().length > 15) n++;
  }
  return n >= 3;
}
