// The lean read path for scoring: unzip only the parts lke needs (workbook, relationships, shared strings,
// worksheets, document keywords) and tokenize their XML (./xml.ts) into the plain grid. No styles, no drawings,
// no data validations: an official template's whole-column dropdowns cost nothing here. The tokenizer refuses a
// DOCTYPE and every entity but the five predefined ones, so XML "bombs" end as a parse error.
import { WorkbookError } from './errors.js';
import { address, isStampName, resolveName, type Cell, type Merge, type Sheet, type Workbook } from './grid.js';
import { constantFormula } from './constant-formula.js';
import { LazyNumberFormats } from './number-formats.js';
import { decodeEntities, tokenizeXml, XmlError, type XmlTag } from './xml.js';
import { GIVE_UP, scanSheetData, type SheetSink } from './sheet-data.js';
import { scanSharedStrings } from './shared-strings.js';
import { ZipReader } from './zip.js';
import { EmptyCellFilter, lastOfRun } from './empty-cells.js';
import { RowGuard } from './row-guard.js';
import { DEFAULT_LEAN_LIMITS, type GridLimits, type LeanLimits } from './limits.js';

const utf8 = new TextDecoder('utf-8');

type OnText = (text: string, from: number, to: number) => void;

/** Stops a read past its time limit; the tokenizer and the sheet's fast path call it now and then. */
function check(): void {
  if (reading && Date.now() > reading.deadline) {
    throw new WorkbookError(reading.file, { why: 'read-timeout', seconds: reading.seconds });
  }
}

/** A part's text; a file past its time limit is stopped before each part and now and then while one is read. */
function decoded(bytes: Uint8Array): string {
  check();
  return utf8.decode(bytes);
}

function parseXml(xml: string, onOpen: (tag: XmlTag) => void, onText: OnText, onClose: (name: string) => void): void {
  tokenizeXml(xml, onOpen, onText, onClose, check);
}

/** Thrown through the tokenizer when the fast path gives up on a sheet (caught in parseSheet). */
const GAVE_UP = new Error('the fast path gave up');

/** The file being read and when its time is up (reads are synchronous, so one at a time per thread). */
let reading: { file: string; deadline: number; seconds: number; fast: boolean } | undefined;

/** "ab:cd" → "cd": Strict OOXML and some writers prefix element names. */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** Packs a cell position into one number (no object per cell): row × 2^15 + column. */
const COLS = 32768;

/** "$AB$12" → 12 × COLS + 28, or 0 when it is not a cell reference. Runs once per cell: no regex, no object. */
function splitRef(ref: string): number {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const colStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === colStart || i - colStart > 3) return 0;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const rowStart = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
    row = row * 10 + (c - 48);
  }
  // no row past 10^9 (Excel stops at 1,048,576): the packed number stays exact
  if (i === rowStart || i - rowStart > 9) return 0;
  return row * COLS + col;
}

const rowOf = (packed: number) => Math.floor(packed / COLS);
const colOf = (packed: number) => packed % COLS;

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const REL_ATTRS = ['Id', 'Target', 'TargetMode', 'Type'];
const CELL_ATTRS = ['r', 't', 's'];
const LINK_ATTRS = ['ref', 'id', 'location'];
/** Attribute values of the tag at hand (reads are synchronous: one buffer serves every parse). */
const got: (string | undefined)[] = [];

function readRels(zip: ZipReader, part: string): Map<string, { target: string; external: boolean; type: string }> {
  const relsPath = `${part.split('/').slice(0, -1).join('/')}/_rels/${part.split('/').pop()}.rels`;
  const out = new Map<string, { target: string; external: boolean; type: string }>();
  const bytes = zip.read(relsPath);
  if (!bytes) return out;
  parseXml(
    decoded(bytes),
    (t) => {
      if (local(t.name) !== 'Relationship') return;
      t.attrs(REL_ATTRS, got);
      const [id, target, mode, type] = got;
      if (id && target !== undefined) out.set(id, { target, external: mode === 'External', type: type ?? '' });
    },
    () => {},
    () => {},
  );
  return out;
}

function readSharedStrings(bytes: Uint8Array | undefined): string[] {
  const out: string[] = [];
  if (!bytes) return out;
  const xml = decoded(bytes);
  const fast = reading?.fast ? scanSharedStrings(xml, check) : undefined;
  if (fast) return fast;
  let cur = '';
  let inT = false;
  let skip = 0; // inside <rPh> (phonetic guide) or <phoneticPr>
  parseXml(
    xml,
    (t) => {
      const n = local(t.name);
      if (n === 'si') cur = '';
      else if (n === 't') inT = true;
      else if (n === 'rPh') skip++;
    },
    (text, from, to) => {
      if (inT && skip === 0) cur += decodeEntities(text.slice(from, to));
    },
    (name) => {
      const n = local(name);
      if (n === 't') inT = false;
      else if (n === 'rPh') skip--;
      else if (n === 'si') out.push(cur);
    },
  );
  return out;
}

/** Sheet parts declared bigger than this are inflated in pieces and filtered (empty-cells.ts), never held whole. */
const STREAM_ABOVE = 4 * 1024 * 1024;
/**
 * zlib's output pieces: each is a round trip to the thread pool, and with 96 KiB ones the trips cost more than the
 * inflating (110 MiB of sheet parts: 76 ms, in 256 KiB pieces 48 ms; 1 MiB pieces, 45 ms, raised the peak RSS)…
 */
const STREAM_CHUNK = 256 * 1024;
/** …handed to the filter in smaller slices: the latin1 text of a 1 MiB slice would go to V8's large-object space. */
const FILTER_PIECE = 96 * 1024;

/** A sheet part's text: read whole, or for a big one inflated in pieces with its runs of empty cells cut. */
async function sheetText(zip: ZipReader, part: string, name: string, file: string, maxRows: number, opts: LeanOptions): Promise<string> {
  const missing = () => new WorkbookError(file, { why: 'sheet-missing', sheet: name });
  if (zip.declaredSize(part) <= (opts.streamAbove ?? STREAM_ABOVE)) {
    const bytes = zip.read(part);
    if (!bytes) throw missing();
    return decoded(bytes);
  }
  const ctx = reading;
  const filter = new EmptyCellFilter();
  const guard = new RowGuard(maxRows, () => {
    throw new WorkbookError(file, { why: 'too-many-rows', sheet: name, limit: maxRows });
  });
  const piece = opts.filterPiece ?? FILTER_PIECE;
  const found = await zip.stream(part, opts.streamChunk ?? STREAM_CHUNK, (bytes) => {
    reading = ctx;
    check();
    guard.push(bytes);
    for (let i = 0; i < bytes.length; i += piece) filter.push(bytes.subarray(i, i + piece));
  });
  reading = ctx;
  if (!found) throw missing();
  check();
  return filter.finish();
}

function readSheet(xml: string, zip: ZipReader, part: string, name: string, shared: string[], file: string, limits: GridLimits, budget: { cells: number }): Sheet {
  const cellsBefore = budget.cells;
  const fast = reading?.fast ? parseSheet(xml, true, zip, part, name, shared, file, limits, budget) : undefined;
  if (fast) return fast;
  // the fast path gave up on something unusual in <sheetData>: the general path reads the sheet from the start
  budget.cells = cellsBefore;
  return parseSheet(xml, false, zip, part, name, shared, file, limits, budget)!;
}

/**
 * The grid of one sheet as it is read, by either path. A class, not closures per sheet: the fast path calls it per
 * cell and V8 keeps such calls fast only when the target is the same function from sheet to sheet.
 */
class SheetGrid implements SheetSink {
  readonly rows = new Map<number, Map<number, Cell>>();
  maxRow = 0;
  maxCol = 0;
  /** Where the reading is: the row and column of the last row or cell tag. */
  rowNo = 0;
  colNo = 0;

  constructor(
    private readonly name: string,
    private readonly shared: string[],
    private readonly file: string,
    private readonly limits: GridLimits,
    private readonly budget: { cells: number },
  ) {}

  row(r: string | undefined): void {
    this.rowNo = r ? Number(r) : this.rowNo + 1;
    this.colNo = 0;
  }

  at(ref: string | undefined): void {
    if (ref) {
      const p = splitRef(ref);
      this.rowNo = rowOf(p) || this.rowNo;
      this.colNo = colOf(p);
    } else this.colNo++;
  }

  cell(type: string | undefined, v: string | undefined, formula: boolean, inline: string, style: string | undefined, f: string | undefined): void {
    this.add(this.rowNo, this.colNo, type, v, formula, inline, style, f);
  }

  /** A cell with content; both paths end here, so they read alike. `f` is the formula's text as written. */
  add(row: number, col: number, type: string | undefined, v: string | undefined, formula: boolean, inline: string, style: string | undefined, f: string | undefined): void {
    const { file, name, limits } = this;
    let value: Cell['value'] = null;
    let error: string | undefined;
    let noCache = false;
    let evaluated = false;
    let formulaText: string | undefined;
    const t = type ?? 'n';
    if (t === 'inlineStr') value = inline;
    else if (v === undefined || (formula && v === '' && t !== 'str' && t !== 's')) {
      // No cached result: <v> left out, or empty where only a string result may be empty (openpyxl writes
      // <f>…</f><v></v>; Excel's <c t="str"><f>…</f><v></v> is a cached ""). A constant formula is worked out.
      if (!formula) return; // a styled empty cell
      const text = f ? decodeEntities(f) : '';
      const c = text ? constantFormula(text) : undefined;
      formulaText = text || undefined;
      if (c === undefined || c === null) noCache = true;
      else {
        value = c;
        evaluated = true;
      }
    } else if (t === 's') value = this.shared[Number(v)] ?? '';
    else if (t === 'str' || t === 'd') value = v;
    else if (t === 'b') value = v === '1' || v === 'true';
    else if (t === 'e') error = v;
    else {
      const n = Number(v);
      value = v.trim() === '' || !Number.isFinite(n) ? v : n;
    }
    if (value === null && !error && !noCache) return;
    // every field from the start: cells of one shape keep V8's property reads fast all along the pipe
    const out: Cell = { row, col, address: address(row, col), value, error, formula: formula || undefined, noCache: noCache || undefined, hyperlink: undefined };
    // Added only where there is one, not carried by every cell: a ninth field in the literal costs V8 larger objects
    // (+10 MB over the 200,000 cells of a refused million-row sheet). A styled number (a second shape, which V8's
    // property reads handle as fast) and a formula without a cached value (files written by scripts).
    if (style !== undefined && typeof value === 'number') out.style = Number(style);
    if (formulaText !== undefined) out.formulaText = formulaText;
    if (evaluated) out.evaluated = true;
    if (col > limits.maxColumns) {
      throw new WorkbookError(file, { why: 'too-many-columns', sheet: name, column: out.address.replace(/\d+$/, ''), limit: limits.maxColumns });
    }
    if (++this.budget.cells > limits.maxCells) {
      throw new WorkbookError(file, { why: 'too-many-cells', limit: limits.maxCells });
    }
    let r = this.rows.get(row);
    if (!r) {
      if (this.rows.size >= limits.maxRows) {
        throw new WorkbookError(file, { why: 'too-many-rows', sheet: name, limit: limits.maxRows });
      }
      r = new Map();
      this.rows.set(row, r);
    }
    r.set(col, out);
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }
}

/** The sheet, or undefined when `fast` is asked and the fast path through <sheetData> gave up. */
function parseSheet(xml: string, fast: boolean, zip: ZipReader, part: string, name: string, shared: string[], file: string, limits: GridLimits, budget: { cells: number }): Sheet | undefined {
  const grid = new SheetGrid(name, shared, file, limits, budget);
  const merges: Merge[] = [];
  const links: { ref: string; rid?: string | undefined; location?: string | undefined }[] = [];
  // the cell being read by the general path: plain variables, not an object per cell
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType: string | undefined;
  let cStyle: string | undefined;
  let cV: string | undefined;
  let cF = false;
  let inF = false;
  let cFText: string | undefined;
  let inV = false;
  let inT = false;
  let cInline = '';
  let inSheetData = false;

  try {
    parseXml(
      xml,
      (t) => {
        switch (local(t.name)) {
          case 'sheetData':
            if (fast && !t.selfClosing) {
              const end = scanSheetData(xml, t.next, t.name.slice(0, t.name.length - 'sheetData'.length), grid, check);
              if (end === GIVE_UP) throw GAVE_UP;
              t.resumeAt = end;
              break;
            }
            inSheetData = true;
            break;
          case 'row':
            grid.row(t.attr('r'));
            break;
          case 'c': {
            if (!inSheetData) break;
            if (t.selfClosing) {
              grid.at(t.attr('r'));
              // more empty cells right after: the run reads as its last cell (empty-cells.ts)
              const last = lastOfRun(xml, t.next, t.name.slice(0, -1));
              if (last >= 0) t.resumeAt = last;
              break;
            }
            t.attrs(CELL_ATTRS, got);
            grid.at(got[0]);
            inCell = true;
            cRow = grid.rowNo;
            cCol = grid.colNo;
            cType = got[1];
            cStyle = got[2];
            cV = undefined;
            cF = false;
            cFText = undefined;
            inF = false;
            inV = false;
            inT = false;
            cInline = '';
            break;
          }
          case 'v':
            if (inCell) {
              inV = true;
              cV = '';
            }
            break;
          case 'f':
            if (inCell) {
              cF = true;
              inF = !t.selfClosing;
              if (inF) cFText = '';
            }
            break;
          case 't':
            if (inCell && cType === 'inlineStr') inT = true;
            break;
          case 'mergeCell': {
            const ref = t.attr('ref');
            const m = ref ? /^([A-Z]+\d+):([A-Z]+\d+)$/.exec(ref.replace(/\$/g, '')) : null;
            if (m) {
              const a = splitRef(m[1]!);
              const b = splitRef(m[2]!);
              merges.push({ top: Math.min(rowOf(a), rowOf(b)), left: Math.min(colOf(a), colOf(b)), bottom: Math.max(rowOf(a), rowOf(b)), right: Math.max(colOf(a), colOf(b)) });
            }
            break;
          }
          case 'hyperlink': {
            t.attrs(LINK_ATTRS, got);
            const [ref, rid, location] = got;
            if (ref) links.push({ ref, rid, location });
            break;
          }
        }
      },
      (text, from, to) => {
        if (!inCell) return;
        if (inV) cV += decodeEntities(text.slice(from, to));
        else if (inF) cFText += text.slice(from, to);
        else if (inT) cInline += decodeEntities(text.slice(from, to));
      },
      (nm) => {
        switch (local(nm)) {
          case 'v':
            inV = false;
            break;
          case 'f':
            inF = false;
            break;
          case 't':
            inT = false;
            break;
          case 'c':
            if (inCell) {
              inCell = false;
              grid.add(cRow, cCol, cType, cV, cF, cInline, cStyle, cFText);
            }
            break;
          case 'sheetData':
            inSheetData = false;
            break;
        }
      },
    );
  } catch (e) {
    if (e === GAVE_UP) return undefined;
    throw e;
  }

  const { rows, maxRow, maxCol } = grid;
  // Only a merge's top-left cell keeps its value, as in exceljs-read grids (some writers repeat it). Only the rows
  // that hold cells are visited (found by binary search), never a merge's whole range: 2,000 merges over
  // A1:XFD1048576 took 13 s that way; and a budget of row visits stops overlapping merges piled up to stall it.
  const rowNos = [...rows.keys()].sort((a, b) => a - b);
  let visits = 0;
  for (const m of merges) {
    let i = 0;
    for (let hi = rowNos.length; i < hi; ) {
      const mid = (i + hi) >> 1;
      if (rowNos[mid]! < m.top) i = mid + 1;
      else hi = mid;
    }
    for (; i < rowNos.length && rowNos[i]! <= m.bottom; i++) {
      const r = rowNos[i]!;
      const row = rows.get(r);
      if (!row) continue;
      if (++visits > MAX_MERGE_VISITS) {
        throw new WorkbookError(file, { why: 'merges-piled', sheet: name, count: merges.length });
      }
      for (const c of row.keys()) if (c >= m.left && c <= m.right && !(r === m.top && c === m.left)) row.delete(c);
      if (row.size === 0) rows.delete(r);
    }
  }
  if (links.length > 0) {
    const rels = readRels(zip, part);
    for (const l of links) {
      const first = splitRef(l.ref.split(':')[0]!);
      const c = rows.get(rowOf(first))?.get(colOf(first));
      if (!c) continue;
      const target = l.rid ? rels.get(l.rid)?.target : undefined;
      c.hyperlink = target ?? (l.location ? `#${l.location}` : undefined);
    }
  }
  return { name, rows, maxRow, maxCol, merges };
}

/** Rows visited while applying merges: a real sheet needs thousands; overlapping hostile merges would need billions. */
const MAX_MERGE_VISITS = 2_000_000;

/** The workbook in `buf`. Reads are synchronous but for a big sheet part, which is inflated on the thread pool. */
export async function readWorkbookLean(buf: Uint8Array, file: string, limits: LeanLimits = DEFAULT_LEAN_LIMITS, opts: LeanOptions = {}): Promise<Workbook> {
  const ctx = { file, deadline: Date.now() + limits.maxSeconds * 1000, seconds: limits.maxSeconds, fast: !opts.generalPathOnly };
  reading = ctx;
  try {
    const { zip, parts, shared, names, stylesPart } = openLean(buf, file, limits);
    const budget = { cells: 0 };
    const sheets: Sheet[] = [];
    for (const p of parts) {
      const xml = await sheetText(zip, p.part, p.name, file, limits.maxRows, opts);
      reading = ctx;
      sheets.push(readSheet(xml, zip, p.part, p.name, shared, file, limits, budget));
    }
    const formats = new LazyNumberFormats(stylesPart ? () => readLater(zip, stylesPart) : undefined);
    return { file, sheets, stamps: readStamps(zip, names, sheets), formats };
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    if (e instanceof XmlError && e.kind === 'doctype') throw new WorkbookError(file, { why: 'xml-doctype' });
    throw new WorkbookError(file, { why: 'damaged', detail: (e as Error).message?.split('\n')[0] ?? String(e) });
  } finally {
    reading = undefined;
  }
}

export interface LeanOptions {
  /** Read every sheet through the tokenizer, never the fast path through <sheetData> (the tests hold both alike). */
  generalPathOnly?: boolean;
  /** Sheet parts declared bigger than this many bytes are streamed and filtered (the tests use 0: every one). */
  streamAbove?: number;
  /** The size of the pieces a streamed part is inflated in (the tests use tiny ones: tags cut between pieces). */
  streamChunk?: number;
  /** The most the filter is handed at once (the tests use slices that cut zlib's pieces in odd places). */
  filterPiece?: number;
}

/** The zip, the sheets to read and the shared strings. */
function openLean(buf: Uint8Array, file: string, limits: LeanLimits): { zip: ZipReader; parts: { name: string; part: string }[]; shared: string[]; names: { name: string; text: string }[]; stylesPart: string | undefined } {
  const zip = new ZipReader(buf, file, limits);
  const wbPart = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : [...zip.entries.keys()].find((n) => /^[^/]+\/workbook\.xml$/.test(n));
  if (!wbPart) {
    throw new WorkbookError(file, { why: 'zip-not-excel' });
  }
  const sheetsDecl: { name: string; rid: string }[] = [];
  const names: { name: string; text: string }[] = [];
  let inName: { name: string; text: string } | undefined;
  parseXml(
    decoded(zip.read(wbPart)!),
    (t) => {
      const n = local(t.name);
      if (n === 'sheet') {
        const rid = t.attr('id');
        if (rid) sheetsDecl.push({ name: t.attr('name') ?? '', rid });
      } else if (n === 'definedName') {
        const name = t.attr('name') ?? '';
        if (isStampName(name)) names.push((inName = { name, text: '' }));
      }
    },
    (text, from, to) => {
      if (inName) inName.text += decodeEntities(text.slice(from, to));
    },
    (n) => {
      if (local(n) === 'definedName') inName = undefined;
    },
  );
  const rels = readRels(zip, wbPart);
  const parts = sheetsDecl
    .map((s) => ({ ...s, rel: rels.get(s.rid) }))
    .filter((s) => s.rel && /\/worksheet$/.test(s.rel.type))
    .map((s) => ({ name: s.name, part: resolvePart(wbPart, s.rel!.target) }));
  if (parts.length === 0) throw new WorkbookError(file, { why: 'no-worksheet' });
  const sharedRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const sharedPart = sharedRel ? resolvePart(wbPart, sharedRel.target) : undefined;
  zip.precheck([...parts.map((p) => p.part), ...(sharedPart ? [sharedPart] : [])]);
  const shared = readSharedStrings(sharedPart ? zip.read(sharedPart) : undefined);
  const stylesRel = [...rels.values()].find((r) => /\/styles$/.test(r.type));
  return { zip, parts, shared, names, stylesPart: stylesRel ? resolvePart(wbPart, stylesRel.target) : undefined };
}

/** The document keywords and the stamp's defined names (where lke's own templates stamp the rubric). */
function readStamps(zip: ZipReader, names: { name: string; text: string }[], sheets: Sheet[]): Record<string, string> {
  const stamps: Record<string, string> = {};
  const core = zip.read('docProps/core.xml');
  if (core) {
    let inKw = false;
    let kw = '';
    parseXml(
      decoded(core),
      (t) => {
        if (local(t.name) === 'keywords') inKw = true;
      },
      (text, from, to) => {
        if (inKw) kw += decodeEntities(text.slice(from, to));
      },
      (n) => {
        if (local(n) === 'keywords') inKw = false;
      },
    );
    if (kw) stamps['keywords'] = kw;
  }
  for (const n of names) {
    const v = resolveName(n.text, sheets);
    if (v !== undefined) stamps[n.name] = v;
  }
  const stamp = customProperty(zip, STAMP_PROPERTY);
  if (stamp) stamps[STAMP_PROPERTY] = stamp;
  return stamps;
}

/** The custom document property that stamps the rubric (File > Properties > Custom in Excel). */
const STAMP_PROPERTY = 'lke-rubric';

/** A custom document property's text value (docProps/custom.xml), if the workbook has it. */
function customProperty(zip: ZipReader, wanted: string): string | undefined {
  const bytes = zip.read('docProps/custom.xml');
  if (!bytes) return undefined;
  let inWanted = false;
  let depth = 0;
  let value = '';
  parseXml(
    decoded(bytes),
    (t) => {
      if (local(t.name) === 'property') {
        inWanted = (t.attr('name') ?? '').trim().toLowerCase() === wanted;
        depth = 0;
      } else if (inWanted) depth++;
    },
    (text, from, to) => {
      if (inWanted && depth > 0) value += decodeEntities(text.slice(from, to));
    },
    (n) => {
      if (local(n) === 'property') inWanted = false;
      else if (inWanted) depth--;
    },
  );
  return value.trim() || undefined;
}

/** A part read after the workbook (styles, when a number's format is asked about): damage there is no answer. */
function readLater(zip: ZipReader, part: string): string | undefined {
  try {
    const bytes = zip.read(part);
    return bytes ? utf8.decode(bytes) : undefined;
  } catch {
    return undefined;
  }
}
