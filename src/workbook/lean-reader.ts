// The lean read path for scoring: unzip only the parts lke needs (workbook, relationships, shared strings,
// worksheets, document keywords) and tokenize their XML (./xml.ts) into the plain grid. No styles, no drawings,
// no data validations: an official template's whole-column dropdowns cost nothing here. The tokenizer refuses a
// DOCTYPE and every entity but the five predefined ones, so XML "bombs" end as a parse error.
import { WorkbookError } from './errors.js';
import { address, type Cell, type Merge, type Sheet, type Workbook } from './grid.js';
import { decodeEntities, tokenizeXml, type XmlTag } from './xml.js';
import { ZipReader, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.js';

export interface GridLimits {
  /** Rows with content per sheet. */
  maxRows: number;
  /** Columns with content per sheet. */
  maxColumns: number;
  /** Cells with content in the whole workbook (memory grows with them: an LKE has a few thousand). */
  maxCells: number;
}

export const DEFAULT_GRID_LIMITS: GridLimits = { maxRows: 100_000, maxColumns: 2_000, maxCells: 500_000 };

const utf8 = new TextDecoder('utf-8');

type OnText = (text: string, from: number, to: number) => void;

function parseXml(bytes: Uint8Array, onOpen: (tag: XmlTag) => void, onText: OnText, onClose: (name: string) => void): void {
  // the read is synchronous: the tokenizer calls back now and then, where a file that takes too long is stopped
  const check = () => {
    if (reading && Date.now() > reading.deadline) {
      throw new WorkbookError('timeout', `${reading.file}: not read within ${reading.seconds} s (a huge sheet); it is skipped (raise --timeout)`, reading.file);
    }
  };
  check();
  tokenizeXml(utf8.decode(bytes), onOpen, onText, onClose, check);
}

/** The file being read and when its time is up (reads are synchronous, so one at a time per thread). */
let reading: { file: string; deadline: number; seconds: number } | undefined;

/** "ab:cd" → "cd": Strict OOXML and some writers prefix element names. */
const local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

function colNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

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
const CELL_ATTRS = ['r', 't'];
const LINK_ATTRS = ['ref', 'id', 'location'];
/** Attribute values of the tag at hand (reads are synchronous: one buffer serves every parse). */
const got: (string | undefined)[] = [];

function readRels(zip: ZipReader, part: string): Map<string, { target: string; external: boolean; type: string }> {
  const relsPath = `${part.split('/').slice(0, -1).join('/')}/_rels/${part.split('/').pop()}.rels`;
  const out = new Map<string, { target: string; external: boolean; type: string }>();
  const bytes = zip.read(relsPath);
  if (!bytes) return out;
  parseXml(
    bytes,
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
  let cur = '';
  let inT = false;
  let skip = 0; // inside <rPh> (phonetic guide) or <phoneticPr>
  parseXml(
    bytes,
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

function readSheet(zip: ZipReader, part: string, name: string, shared: string[], file: string, limits: GridLimits, budget: { cells: number }): Sheet {
  const bytes = zip.read(part);
  if (!bytes) throw new WorkbookError('corrupt', `${file}: the worksheet "${name}" is missing from the package; save the file again`, file);
  const rows = new Map<number, Map<number, Cell>>();
  const merges: Merge[] = [];
  const links: { ref: string; rid?: string | undefined; location?: string | undefined }[] = [];
  let maxRow = 0;
  let maxCol = 0;
  let rowNo = 0;
  let colNo = 0;
  // the cell being read: plain variables, not an object per cell
  let inCell = false;
  let cRow = 0;
  let cCol = 0;
  let cType = 'n';
  let cV: string | undefined;
  let cF = false;
  let inV = false;
  let inT = false;
  let cInline = '';
  let inSheetData = false;

  const finish = () => {
    inCell = false;
    let value: Cell['value'] = null;
    let error: string | undefined;
    let noCache = false;
    if (cType === 'inlineStr') value = cInline;
    else if (cV === undefined) {
      if (cF) noCache = true;
      else return; // a styled empty cell
    } else if (cType === 's') value = shared[Number(cV)] ?? '';
    else if (cType === 'str' || cType === 'd') value = cV;
    else if (cType === 'b') value = cV === '1' || cV === 'true';
    else if (cType === 'e') error = cV;
    else {
      const n = Number(cV);
      value = cV.trim() === '' || !Number.isFinite(n) ? cV : n;
    }
    if (value === null && !error && !noCache) return;
    const out: Cell = { row: cRow, col: cCol, address: address(cRow, cCol), value };
    if (cF) out.formula = true;
    if (noCache) out.noCache = true;
    if (error !== undefined) out.error = error;
    if (out.col > limits.maxColumns) {
      throw new WorkbookError('too-many-columns', `${file}: sheet "${name}" has content in column ${out.address.replace(/\d+$/, '')}, beyond the ${limits.maxColumns}-column limit (delete the stray cells, or raise --max-columns)`, file);
    }
    if (++budget.cells > limits.maxCells) {
      throw new WorkbookError('too-many-cells', `${file}: the workbook has more than ${limits.maxCells} cells with content; an LKE has a few thousand (delete the stray data, or raise --max-cells)`, file);
    }
    let r = rows.get(out.row);
    if (!r) {
      if (rows.size >= limits.maxRows) {
        throw new WorkbookError('too-many-rows', `${file}: sheet "${name}" has more than ${limits.maxRows} rows with content; an LKE has a few hundred (delete the stray rows, or raise --max-rows)`, file);
      }
      r = new Map();
      rows.set(out.row, r);
    }
    r.set(out.col, out);
    if (out.row > maxRow) maxRow = out.row;
    if (out.col > maxCol) maxCol = out.col;
  };

  parseXml(
    bytes,
    (t) => {
      switch (local(t.name)) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          const r = t.attr('r');
          rowNo = r ? Number(r) : rowNo + 1;
          colNo = 0;
          break;
        }
        case 'c': {
          if (!inSheetData) break;
          // <c r="B7" s="3"/>: a styled empty cell, most of an official template's cells; only its place counts
          const empty = t.selfClosing;
          if (empty) got[0] = t.attr('r');
          else t.attrs(CELL_ATTRS, got);
          const ref = got[0];
          if (ref) {
            const p = splitRef(ref);
            rowNo = rowOf(p) || rowNo;
            colNo = colOf(p);
          } else colNo++;
          if (empty) break;
          inCell = true;
          cRow = rowNo;
          cCol = colNo;
          cType = got[1] ?? 'n';
          cV = undefined;
          cF = false;
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
          if (inCell) cF = true;
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
      else if (inT) cInline += decodeEntities(text.slice(from, to));
    },
    (nm) => {
      switch (local(nm)) {
        case 'v':
          inV = false;
          break;
        case 't':
          inT = false;
          break;
        case 'c':
          if (inCell) finish();
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
  );

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
        throw new WorkbookError('corrupt', `${file}: sheet "${name}" has ${merges.length} merged ranges piled over its cells, which no spreadsheet program writes; unmerge them (or save the file again in Excel)`, file);
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

export interface LeanLimits extends ZipLimits, GridLimits {
  /** Seconds one workbook may take to read. */
  maxSeconds: number;
}

export const DEFAULT_LEAN_LIMITS: LeanLimits = { ...DEFAULT_ZIP_LIMITS, ...DEFAULT_GRID_LIMITS, maxSeconds: 60 };

export function readWorkbookLean(buf: Uint8Array, file: string, limits: LeanLimits = DEFAULT_LEAN_LIMITS): Workbook {
  reading = { file, deadline: Date.now() + limits.maxSeconds * 1000, seconds: limits.maxSeconds };
  try {
    return readLean(buf, file, limits);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const msg = (e as Error).message?.split('\n')[0] ?? String(e);
    throw new WorkbookError('corrupt', `${file}: the workbook is damaged or incomplete (${msg}); open it in Excel or LibreOffice and save it again`, file);
  } finally {
    reading = undefined;
  }
}

function readLean(buf: Uint8Array, file: string, limits: LeanLimits): Workbook {
  const zip = new ZipReader(buf, file, limits);
  const wbPart = zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : [...zip.entries.keys()].find((n) => /^[^/]+\/workbook\.xml$/.test(n));
  if (!wbPart) {
    throw new WorkbookError('not-a-workbook', `${file}: a zip archive, but not an Excel workbook (no xl/workbook.xml); save it as .xlsx`, file);
  }
  const sheetsDecl: { name: string; rid: string }[] = [];
  parseXml(
    zip.read(wbPart)!,
    (t) => {
      if (local(t.name) === 'sheet') {
        const rid = t.attr('id');
        if (rid) sheetsDecl.push({ name: t.attr('name') ?? '', rid });
      }
    },
    () => {},
    () => {},
  );
  const rels = readRels(zip, wbPart);
  const parts = sheetsDecl
    .map((s) => ({ ...s, rel: rels.get(s.rid) }))
    .filter((s) => s.rel && /\/worksheet$/.test(s.rel.type))
    .map((s) => ({ name: s.name, part: resolvePart(wbPart, s.rel!.target) }));
  if (parts.length === 0) throw new WorkbookError('no-worksheet', `${file}: the workbook has no worksheet (only charts or nothing)`, file);
  const sharedRel = [...rels.values()].find((r) => /\/sharedStrings$/.test(r.type));
  const sharedPart = sharedRel ? resolvePart(wbPart, sharedRel.target) : undefined;
  zip.precheck([...parts.map((p) => p.part), ...(sharedPart ? [sharedPart] : [])]);
  const shared = readSharedStrings(sharedPart ? zip.read(sharedPart) : undefined);
  const budget = { cells: 0 };
  const sheets = parts.map((p) => readSheet(zip, p.part, p.name, shared, file, limits, budget));
  const stamps: Record<string, string> = {};
  const core = zip.read('docProps/core.xml');
  if (core) {
    let inKw = false;
    let kw = '';
    parseXml(
      core,
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
  return { file, sheets, stamps };
}
