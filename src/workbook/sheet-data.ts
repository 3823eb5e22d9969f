// The fast path through a worksheet's <sheetData>, most of a batch's time: rows and cells as spreadsheet programs
// write them (<row r>, <c r t>, <v>, <f>, inline strings <is><t> as openpyxl writes every text), read straight from
// the text with no callback per tag. It reads exactly
// what the general path (lean-reader.ts on the tokenizer of xml.ts) reads, through the same sink and the same
// attribute reading; on anything else (rich or phonetic inline strings, comments, CDATA, unknown or misplaced tags,
// end tags with spaces) it gives up and the general path reads the sheet again from the start, so odd files cost more, never
// read differently. test/fast-paths.test.ts holds the two paths to the same grid.
import { XmlTag, decodeEntities, nameAt, tagEnd } from './xml.js';
import { lastOfRun } from './empty-cells.js';

/** What the sheet reader does with each row and cell (the general path calls the same). */
export interface SheetSink {
  /** A <row> starts; its r attribute. */
  row(r: string | undefined): void;
  /** A cell's place: its r attribute. */
  at(ref: string | undefined): void;
  /**
   * A cell with content at the place just given: its type, its <v> text (decoded), whether it has a <f>, the
   * text of its inline string's <t> elements (decoded; "" when it has none), its style index (s) and its formula's
   * text as written (entities not decoded; undefined for a shared formula's follower).
   */
  cell(type: string | undefined, v: string | undefined, formula: boolean, inline: string, style: string | undefined, f: string | undefined): void;
}

/** The fast path does not follow this sheet: read it with the general path. */
export const GIVE_UP = -1;

const CELL_ATTRS = ['r', 't', 's'];
const got: (string | undefined)[] = [];
const tag = new XmlTag();

/** The r, t and s attributes of the row or cell tag at hand (reads are synchronous: module variables serve). */
let attrR: string | undefined;
let attrT: string | undefined;
let attrS: string | undefined;

/**
 * Reads r, t and s from the attributes in xml[from, to) when they are written plainly, as spreadsheet programs do:
 * name="value", no prefix on r, t or s, no entity or line end in a value, no repeat. Returns false for anything else,
 * which XmlTag then reads by its full rules. XmlTag.attrs has a plain pass of its own; this one knows its three
 * one-letter names and costs ~1,100 fewer instructions per tag (callgrind), which over a sheet's cells counts.
 */
function plainAttrs(xml: string, from: number, to: number): boolean {
  attrR = undefined;
  attrT = undefined;
  attrS = undefined;
  let i = from;
  for (;;) {
    let c = xml.charCodeAt(i);
    while (i < to && (c === 32 || c === 9 || c === 10 || c === 13)) c = xml.charCodeAt(++i);
    if (i >= to) return true;
    const nameFrom = i;
    while (i < to && c !== 61 /* = */) {
      if (c === 32 || c === 9 || c === 10 || c === 13) return false;
      c = xml.charCodeAt(++i);
    }
    if (i >= to || xml.charCodeAt(i + 1) !== 34 /* " */) return false;
    const close = xml.indexOf('"', i + 2);
    if (close < 0 || close >= to) return false;
    const last = xml.charCodeAt(i - 1);
    if (last === 114 /* r */ || last === 116 /* t */ || last === 115 /* s */) {
      if (i - nameFrom === 1) {
        const value = xml.slice(i + 2, close);
        if (value.indexOf('&') >= 0 || value.indexOf('\r') >= 0) return false;
        if (last === 114) {
          if (attrR !== undefined) return false;
          attrR = value;
        } else if (last === 116) {
          if (attrT !== undefined) return false;
          attrT = value;
        } else {
          if (attrS !== undefined) return false;
          attrS = value;
        }
      } else if (xml.charCodeAt(i - 2) === 58 /* : */) return false; // "x:r": which one counts is XmlTag's rule
    }
    i = close + 1;
  }
}

/**
 * Reads the content of <sheetData> from `from` (just past its start tag) to its end tag; returns where the text
 * after the end tag starts, or GIVE_UP. `prefix` is the element names' prefix ("" or "x:"). `check` runs every
 * few thousand cells (the time limit).
 */
export function scanSheetData(xml: string, from: number, prefix: string, sink: SheetSink, check: () => void): number {
  const n = names(prefix);
  let inRow = false;
  let cells = 0;
  let pos = from;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return GIVE_UP;
    if (xml.charCodeAt(lt + 1) === 47 /* / */) {
      if (inRow && xml.startsWith(n.endRow, lt)) {
        inRow = false;
        pos = lt + n.endRow.length;
        continue;
      }
      if (!inRow && xml.startsWith(n.endData, lt)) return lt + n.endData.length;
      return GIVE_UP;
    }
    const name = inRow ? n.c : n.row;
    pos = startTag(xml, lt, name);
    if (pos < 0) return GIVE_UP;
    if (!inRow) {
      sink.row(attrR);
      inRow = !selfClosing;
      continue;
    }
    if ((++cells & 0xfff) === 0) check();
    // <c r="B7" s="3"/>: a styled empty cell, most of an official template's cells; only its place counts
    sink.at(attrR);
    if (selfClosing) {
      // more of them right after: the run reads as its last cell (empty-cells.ts)
      const last = xml.charCodeAt(pos) === 60 ? lastOfRun(xml, pos, prefix) : -1;
      if (last >= 0) pos = last;
      continue;
    }
    const type = attrT;
    const style = attrS;
    pos = cellContent(xml, pos, n);
    if (pos < 0) return GIVE_UP;
    sink.cell(type, cellV, cellF, cellIs, style, cellFText);
  }
}

/** The element names of a sheet with this prefix, made once per prefix. */
interface Names {
  row: string;
  c: string;
  v: string;
  f: string;
  is: string;
  t: string;
  endRow: string;
  endC: string;
  endV: string;
  endF: string;
  endIs: string;
  endT: string;
  endData: string;
}
const byPrefix = new Map<string, Names>();
function names(prefix: string): Names {
  let n = byPrefix.get(prefix);
  if (!n) {
    n = {
      row: `${prefix}row`,
      c: `${prefix}c`,
      v: `${prefix}v`,
      f: `${prefix}f`,
      is: `${prefix}is`,
      t: `${prefix}t`,
      endRow: `</${prefix}row>`,
      endC: `</${prefix}c>`,
      endV: `</${prefix}v>`,
      endF: `</${prefix}f>`,
      endIs: `</${prefix}is>`,
      endT: `</${prefix}t>`,
      endData: `</${prefix}sheetData>`,
    };
    if (byPrefix.size < 16) byPrefix.set(prefix, n);
  }
  return n;
}

/** Whether the tag just read by startTag closes itself. */
let selfClosing = false;

/**
 * The start tag `name` at xml[lt] (a row or a cell): its r and t into attrR and attrT, whether it closes itself;
 * where the text after it starts, or GIVE_UP. One function for both, so V8 compiles the attribute reading once.
 */
function startTag(xml: string, lt: number, name: string): number {
  const nameEnd = lt + 1 + name.length;
  if (!nameAt(xml, lt + 1, name)) return GIVE_UP;
  const gt = tagEnd(xml, nameEnd);
  if (gt < 0) return GIVE_UP;
  selfClosing = xml.charCodeAt(gt - 1) === 47;
  const to = selfClosing ? gt - 1 : gt;
  if (!plainAttrs(xml, nameEnd, to)) {
    tag.reset(xml, name, nameEnd, to, selfClosing).attrs(CELL_ATTRS, got);
    attrR = got[0];
    attrT = got[1];
    attrS = got[2];
  }
  return gt + 1;
}

/** The <v> text (decoded), whether a <f> came and its text as written, and the inline string's text, of the cell cellContent read last. */
let cellV: string | undefined;
let cellF = false;
let cellFText: string | undefined;
let cellIs = '';

/** A cell's children up to its end tag: <f>, <v> and <is>; anything else gives up. */
function cellContent(xml: string, from: number, n: Names): number {
  cellV = undefined;
  cellF = false;
  cellFText = undefined;
  cellIs = '';
  for (let at = from; ; ) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) return GIVE_UP;
    if (xml.startsWith(n.endC, lt)) return lt + n.endC.length;
    if (nameAt(xml, lt + 1, n.is)) {
      at = inlineString(xml, lt, n);
      if (at < 0) return GIVE_UP;
      continue;
    }
    const isV = nameAt(xml, lt + 1, n.v);
    if (!isV && !nameAt(xml, lt + 1, n.f)) return GIVE_UP;
    const gt = tagEnd(xml, lt + 1 + n.v.length);
    if (gt < 0) return GIVE_UP;
    if (!isV) cellF = true;
    if (xml.charCodeAt(gt - 1) === 47) {
      if (isV) cellV = '';
      at = gt + 1;
      continue;
    }
    // the element's text runs to the next '<', which must be its own end tag (no comment, no CDATA inside)
    const close = xml.indexOf('<', gt + 1);
    const endTag = isV ? n.endV : n.endF;
    if (close < 0 || !xml.startsWith(endTag, close)) return GIVE_UP;
    if (isV) cellV = decodeEntities(xml.slice(gt + 1, close));
    else cellFText = xml.slice(gt + 1, close);
    at = close + endTag.length;
  }
}

/**
 * An inline string at xml[lt]: <is> with plain <t> children (openpyxl's way); their texts, decoded, into cellIs.
 * Where the text after </is> starts, or GIVE_UP for anything else (rich runs, phonetic guides, CDATA).
 */
function inlineString(xml: string, lt: number, n: Names): number {
  const gt = tagEnd(xml, lt + 1 + n.is.length);
  if (gt < 0) return GIVE_UP;
  if (xml.charCodeAt(gt - 1) === 47) return gt + 1;
  for (let at = gt + 1; ; ) {
    const open = xml.indexOf('<', at);
    if (open < 0) return GIVE_UP;
    if (xml.startsWith(n.endIs, open)) return open + n.endIs.length;
    if (!nameAt(xml, open + 1, n.t)) return GIVE_UP;
    const tgt = tagEnd(xml, open + 1 + n.t.length);
    if (tgt < 0) return GIVE_UP;
    if (xml.charCodeAt(tgt - 1) === 47) {
      at = tgt + 1;
      continue;
    }
    const close = xml.indexOf('<', tgt + 1);
    if (close < 0 || !xml.startsWith(n.endT, close)) return GIVE_UP;
    cellIs += decodeEntities(xml.slice(tgt + 1, close));
    at = close + n.endT.length;
  }
}
