// Finds the LKE sheet, its header row and what each column holds. Labels are matched loosely (any case and
// spacing, any column order). Assessment blocks side by side (the self-assessment and the reviewer's, this year's
// and last year's) are told apart by their repeated labels: each is read into `blocks`, the first is scored.
import { detachedText, mergeAt, textOf, type Sheet } from '../workbook/grid.js';
import { MAX_LABEL_LENGTH, roleOf, type Role } from './canonical.js';

export { roleOf, type Role };

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

/** One assessment block of the header row: its columns and, when the row above names it, its title. */
export interface Block {
  /** First and last column of the block. */
  from: number;
  to: number;
  /** The text above the block's header ("PENILAIAN TAHUN 2014") and its cell. */
  title?: { text: string; row: number; col: number } | undefined;
  columns: Columns;
  /** Columns whose role was inferred from content because the header had no label. */
  inferred: Role[];
}

export interface Header {
  sheet: Sheet;
  row: number;
  /** The columns of the first block: the one lke score scores. */
  columns: Columns;
  /** Columns of the block in use (first to last). */
  blockEnd: number;
  /**
   * Every assessment block side by side, left to right (the first is `columns`): the self-assessment and the
   * reviewer's, or this year's and last year's. A block without a Jawaban column is not here.
   */
  blocks: Block[];
  /** A second assessment block found beside the first, left out of scoring. */
  ignoredBlock?: { from: number; to: number; title?: string | undefined } | undefined;
  /** Columns whose role was inferred from content because the header had no label. */
  inferred: Role[];
  /** Other sheets that hold an answered LKE too (an evaluator's copy, last year's): not scored, said. */
  otherSheets: { name: string; answered: number }[];
}

/**
 * The first rows of every sheet of every file are read for a header, and a batch's files share their labels:
 * each label text is classified once per thread (a bounded memo of a pure function).
 */
const roleMemo = new Map<string, Role | undefined>();
function roleOfCached(label: string): Role | undefined {
  // longer texts (the question texts of the first rows) are not kept: roleOf tells them at once, each only once
  if (label.length > MAX_LABEL_LENGTH) return roleOf(label);
  if (roleMemo.has(label)) return roleMemo.get(label);
  const role = roleOf(label);
  if (roleMemo.size >= 4096) roleMemo.clear();
  roleMemo.set(detachedText(label), role);
  return role;
}

/** The roles one block of a header row names, column by column. */
interface BlockCandidate {
  from: number;
  to: number;
  /** Each role's first column. */
  roles: Map<Role, number>;
  /** Every evidence column (a description, a link, a path: evidence is all of them together). */
  bukti: number[];
  /** Every column whose label was recognised, repeats too (a second notes column stays a notes column). */
  labelled: number[];
  labelTo: number;
}

interface Candidate {
  row: number;
  /** Left to right; the first has a Jawaban and a Penilaian (or No) column. */
  blocks: BlockCandidate[];
}

/** Labels whose repetition after a Jawaban column starts the next assessment block. */
const REPEATS: ReadonlySet<Role> = new Set<Role>(['label', 'jawaban', 'nilai', 'pilihan', 'bobot']);

function readHeaderRow(sheet: Sheet, row: number): Candidate | undefined {
  const cells = sheet.rows.get(row);
  if (!cells) return undefined;
  const blocks: BlockCandidate[] = [];
  let block: BlockCandidate = { from: 1, to: sheet.maxCol, roles: new Map(), bukti: [], labelled: [], labelTo: 0 };
  const cols = [...cells.keys()].sort((a, b) => a - b);
  for (const c of cols) {
    const value = cells.get(c)!.value;
    // a number or a truth value is never a label (roleOf would say so, after making it text)
    if (typeof value !== 'string') continue;
    const role = roleOfCached(value.trim());
    if (!role) continue;
    const roles = block.roles;
    if (role === 'label' && roles.has('label') && !roles.has('jawaban')) {
      // "Komponen | Uraian": two label headers of one block widen its label span
      const m = mergeAt(sheet, row, c);
      block.labelTo = Math.max(block.labelTo, m ? m.right : c);
      continue;
    }
    if (roles.has(role) && roles.has('jawaban') && REPEATS.has(role)) {
      // The same label again: the next assessment block starts here.
      block.to = c - 1;
      blocks.push(block);
      block = { from: c, to: sheet.maxCol, roles: new Map(), bukti: [], labelled: [], labelTo: 0 };
    }
    block.labelled.push(c);
    if (role === 'bukti') block.bukti.push(c);
    if (block.roles.has(role)) continue;
    block.roles.set(role, c);
    if (role === 'label') {
      const m = mergeAt(sheet, row, c);
      block.labelTo = m ? m.right : c;
    }
  }
  blocks.push(block);
  const first = blocks[0]!.roles;
  if (!first.has('jawaban') || !(first.has('label') || first.has('no'))) return undefined;
  return { row, blocks };
}

/**
 * The text just above a block's header that names it ("PENILAIAN TAHUN 2014"): the first text of the row above
 * within the block's columns, in a cell (or merge) that does not reach beyond them — a sheet title spanning
 * every block names none of them.
 */
function blockTitle(sheet: Sheet, row: number, from: number, to: number): Block['title'] {
  const cells = sheet.rows.get(row);
  if (!cells || row < 1) return undefined;
  const cols = [...cells.keys()].filter((c) => c >= from && c <= to).sort((a, b) => a - b);
  for (const c of cols) {
    const cell = cells.get(c)!;
    if (typeof cell.value !== 'string' || !cell.value.trim()) continue;
    const m = mergeAt(sheet, row, c);
    if (m && m.right > to) return undefined;
    return { text: textOf(cell), row, col: c };
  }
  return undefined;
}

const HEADER_SCAN_ROWS = 30;

/**
 * The best header over all sheets: most recognised roles (of its first block), then most answered rows (on a tie,
 * the first sheet). Other sheets with an answered LKE header are listed in the header found.
 */
export function findHeader(sheets: Sheet[]): Header | undefined {
  let best: { cand: Candidate; sheet: Sheet; score: number; answered: number } | undefined;
  const perSheet: NonNullable<typeof best>[] = [];
  for (const sheet of sheets) {
    let own: typeof best;
    for (let r = 1; r <= Math.min(HEADER_SCAN_ROWS, sheet.maxRow); r++) {
      const cand = readHeaderRow(sheet, r);
      if (!cand) continue;
      const first = cand.blocks[0]!;
      const answered = countAnswered(sheet, r, first.roles.get('jawaban')!);
      const score = first.roles.size * 1000 + answered;
      if (!own || score > own.score) own = { cand, sheet, score, answered };
    }
    if (!own) continue;
    perSheet.push(own);
    if (!best || own.score > best.score) best = own;
  }
  if (!best) return undefined;
  const h = toHeader(best.sheet, best.cand);
  for (const o of perSheet) if (o !== best && o.answered > 0) h.otherSheets.push({ name: o.sheet.name, answered: o.answered });
  return h;
}

function countAnswered(sheet: Sheet, headerRow: number, jawaban: number): number {
  let n = 0;
  for (const [r, cells] of sheet.rows) if (r > headerRow && cells.has(jawaban)) n++;
  return n;
}

function toHeader(sheet: Sheet, cand: Candidate): Header {
  const first = toBlock(sheet, cand.row, cand.blocks[0]!);
  const blocks = [first];
  // a later block without its own Jawaban column cannot be read; it is still reported as left out
  for (const b of cand.blocks.slice(1)) if (b.roles.has('jawaban')) blocks.push(toBlock(sheet, cand.row, b, first.columns));
  if (blocks.length > 1) for (const b of blocks) b.title = blockTitle(sheet, cand.row - 1, b.from, b.to);
  const next = cand.blocks[1];
  const ignoredBlock = next && { from: next.from, to: next.to, title: (blocks[1]?.from === next.from ? blocks[1].title : blockTitle(sheet, cand.row - 1, next.from, next.to))?.text };
  return { sheet, row: cand.row, columns: first.columns, blockEnd: first.to, blocks, ignoredBlock, inferred: first.inferred, otherSheets: [] };
}

/**
 * One block's columns. A later block takes the first block's label span, No, Bobot, Penjelasan and Pilihan when it
 * has none of its own (a reviewer's "Jawaban | Nilai | Catatan" beside the self-assessment shares the rows' texts);
 * its answers, nilai, % and notes are always its own.
 */
function toBlock(sheet: Sheet, row: number, b: BlockCandidate, first?: Columns): Block {
  const get = (r: Role) => b.roles.get(r);
  const ownLabel = get('label') !== undefined || get('no') !== undefined;
  const labelFrom = ownLabel || !first ? (get('label') ?? get('no')! + 1) : first.label.from;
  const labelled = new Set(b.labelled);
  // The label span runs over its merged header, and on over unlabelled columns up to the next labelled one
  // (a sheet may number in columns left of the merged header's end, or write the text beyond it).
  let labelTo = ownLabel || !first ? Math.max(b.labelTo, labelFrom) : first.label.to;
  const inferred: Role[] = [];
  const columns: Columns = {
    label: { from: labelFrom, to: labelTo },
    no: get('no') ?? (ownLabel ? undefined : first?.no),
    bobot: get('bobot'),
    penjelasan: get('penjelasan') ?? first?.penjelasan,
    pilihan: get('pilihan') ?? first?.pilihan,
    jawaban: get('jawaban')!,
    nilai: get('nilai'),
    percent: get('percent'),
    catatan: get('catatan'),
    bukti: [...b.bukti],
  };
  const unlabelled: number[] = [];
  for (let c = b.from; c <= b.to; c++) if (!labelled.has(c) && !(c >= labelFrom && c <= labelTo)) unlabelled.push(c);

  if (columns.bobot === undefined) {
    // The RB 14/2014 sheets leave the Bobot column without a label: the first unlabelled column right of
    // the label span holding numbers on rows that have no answer.
    const c = unlabelled.find((c) => c > labelTo && c < columns.jawaban && numericNodeRows(sheet, row, c, columns.jawaban) >= 3);
    if (c !== undefined) {
      columns.bobot = c;
      inferred.push('bobot');
    } else columns.bobot = first?.bobot;
  }
  // The ZI sheets put evidence (a description, a link) in unlabelled columns after the notes; an unlabelled column
  // of links beside labelled evidence columns is evidence too.
  const cols = unlabelled.filter((c) => c > columns.jawaban && c !== columns.bobot && !columns.bukti.includes(c) && holdsLinks(sheet, row, c));
  if (cols.length > 0) {
    // the unlabelled description column just left of the first link column belongs to the evidence too
    const before = cols[0]! - 1;
    if (unlabelled.includes(before) && before > columns.jawaban && before !== columns.bobot && !columns.bukti.includes(before)) cols.unshift(before);
    columns.bukti = [...columns.bukti, ...cols].sort((x, y) => x - y);
    inferred.push('bukti');
  }
  if (columns.catatan === undefined) {
    // The RB sheets' notes stand without a label right of the block's answer columns: free text, not evidence.
    const after = Math.max(columns.jawaban, columns.nilai ?? 0, columns.percent ?? 0);
    const c = unlabelled.find((c) => c > after && c !== columns.bobot && !columns.bukti.includes(c) && holdsText(sheet, row, c, 3));
    if (c !== undefined) {
      columns.catatan = c;
      inferred.push('catatan');
    }
  }
  // Unlabelled columns between the label span and the next labelled column may still carry the text.
  if (ownLabel || !first) {
    while (unlabelled.includes(labelTo + 1) && labelTo + 1 !== columns.bobot && labelTo + 1 < columns.jawaban && holdsText(sheet, row, labelTo + 1, 3)) labelTo++;
  }
  columns.label.to = labelTo;
  return { from: b.from, to: b.to, columns, inferred };
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

/** At least `min` rows under the header hold a text longer than a label in this column. */
function holdsText(sheet: Sheet, headerRow: number, col: number, min: number): boolean {
  let n = 0;
  for (const [r, cells] of sheet.rows) {
    if (r <= headerRow) continue;
    const v = cells.get(col)?.value;
    if (typeof v === 'string' && v.trim().length > 15 && ++n >= min) return true;
  }
  return false;
}

/** The header as one of its blocks sees it: that block's columns are read and scored, and no other is reported. */
export function headerOfBlock(h: Header, i: number): Header | undefined {
  const b = h.blocks[i];
  if (!b) return undefined;
  return { ...h, columns: b.columns, blockEnd: b.to, ignoredBlock: undefined, inferred: b.inferred };
}

const YEAR = /\b((?:19|20)\d\d)\b/;

/** The year a block's title names ("PENILAIAN TAHUN 2014" → 2014), if any. */
export function blockYear(b: Block): number | undefined {
  const y = b.title && YEAR.exec(b.title.text);
  return y ? Number(y[1]) : undefined;
}
