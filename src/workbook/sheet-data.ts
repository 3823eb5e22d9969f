// The fast path through a worksheet's <sheetData>, most of a batch's time: rows and cells as spreadsheet programs
// write them (<row r>, <c r t>, <v>, <f>), read straight from the text with no callback per tag. It reads exactly
// what the general path (lean-reader.ts on the tokenizer of xml.ts) reads, through the same sink and the same
// attribute reading; on anything else (inline strings, comments, CDATA, unknown or misplaced tags, end tags with
// spaces) it gives up and the general path reads the sheet again from the start, so odd files cost more, never
// read differently. test/fast-paths.test.ts holds the two paths to the same grid.
import { XmlTag, decodeEntities, nameAt, tagEnd } from './xml.js';

/** What the sheet reader does with each row and cell (the general path calls the same). */
export interface SheetSink {
  /** A <row> starts; its r attribute. */
  row(r: string | undefined): void;
  /** A cell's place: its r attribute. */
  at(ref: string | undefined): void;
  /** A cell with content at the place just given: its type, its <v> text (decoded) and whether it has a <f>. */
  cell(type: string | undefined, v: string | undefined, formula: boolean): void;
}

/** The fast path does not follow this sheet: read it with the general path. */
export const GIVE_UP = -1;

const CELL_ATTRS = ['r', 't'];
const got: (string | undefined)[] = [];
const tag = new XmlTag();

/** The r and t attributes of the row or cell tag at hand (reads are synchronous: module variables serve). */
let attrR: string | undefined;
let attrT: string | undefined;

/**
 * Reads r and t from the attributes in xml[from, to) when they are written plainly, as spreadsheet programs do:
 * name="value", no prefix on r or t, no entity or line end in a value, no repeat. Returns false for anything else,
 * which XmlTag then reads by its full rules (its attribute scan is most of the cost of a cell otherwise).
 */
function plainAttrs(xml: string, from: number, to: number): boolean {
  attrR = undefined;
  attrT = undefined;
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
    if (last === 114 /* r */ || last === 116 /* t */) {
      if (i - nameFrom === 1) {
        const value = xml.slice(i + 2, close);
        if (value.indexOf('&') >= 0 || value.indexOf('\r') >= 0) return false;
        if (last === 114) {
          if (attrR !== undefined) return false;
          attrR = value;
        } else {
          if (attrT !== undefined) return false;
          attrT = value;
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
  const ROW = `${prefix}row`;
  const C = `${prefix}c`;
  const V = `${prefix}v`;
  const F = `${prefix}f`;
  const END_ROW = `</${ROW}>`;
  const END_C = `</${C}>`;
  const END_V = `</${V}>`;
  const END_F = `</${F}>`;
  const END_DATA = `</${prefix}sheetData>`;
  let inRow = false;
  let cells = 0;
  let pos = from;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return GIVE_UP;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      if (inRow && xml.startsWith(END_ROW, lt)) {
        inRow = false;
        pos = lt + END_ROW.length;
        continue;
      }
      if (!inRow && xml.startsWith(END_DATA, lt)) return lt + END_DATA.length;
      return GIVE_UP;
    }
    const nameFrom = lt + 1;
    if (!inRow) {
      if (!nameAt(xml, nameFrom, ROW)) return GIVE_UP;
      const gt = tagEnd(xml, nameFrom + ROW.length);
      if (gt < 0) return GIVE_UP;
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const to = selfClosing ? gt - 1 : gt;
      if (plainAttrs(xml, nameFrom + ROW.length, to)) sink.row(attrR);
      else sink.row(tag.reset(xml, ROW, nameFrom + ROW.length, to, selfClosing).attr('r'));
      inRow = !selfClosing;
      pos = gt + 1;
      continue;
    }
    if (!nameAt(xml, nameFrom, C)) return GIVE_UP;
    const gt = tagEnd(xml, nameFrom + C.length);
    if (gt < 0) return GIVE_UP;
    if ((++cells & 0xfff) === 0) check();
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const to = selfClosing ? gt - 1 : gt;
    if (!plainAttrs(xml, nameFrom + C.length, to)) {
      tag.reset(xml, C, nameFrom + C.length, to, selfClosing).attrs(CELL_ATTRS, got);
      attrR = got[0];
      attrT = got[1];
    }
    // <c r="B7" s="3"/>: a styled empty cell, most of an official template's cells; only its place counts
    sink.at(attrR);
    if (selfClosing) {
      pos = gt + 1;
      continue;
    }
    const type = attrT;
    // the cell's children: <f> (its text is not read) and <v>; anything else goes to the general path
    let v: string | undefined;
    let formula = false;
    let at = gt + 1;
    for (;;) {
      const lt2 = xml.indexOf('<', at);
      if (lt2 < 0) return GIVE_UP;
      if (xml.startsWith(END_C, lt2)) {
        pos = lt2 + END_C.length;
        break;
      }
      const n2 = lt2 + 1;
      const isV = nameAt(xml, n2, V);
      if (!isV && !nameAt(xml, n2, F)) return GIVE_UP;
      const end2 = tagEnd(xml, n2 + 1 + prefix.length);
      if (end2 < 0) return GIVE_UP;
      if (!isV) formula = true;
      if (xml.charCodeAt(end2 - 1) === 47) {
        if (isV) v = '';
        at = end2 + 1;
        continue;
      }
      // the element's text runs to the next '<', which must be its own end tag (no comment, no CDATA inside)
      const close = xml.indexOf('<', end2 + 1);
      const endTag = isV ? END_V : END_F;
      if (close < 0 || !xml.startsWith(endTag, close)) return GIVE_UP;
      if (isV) v = decodeEntities(xml.slice(end2 + 1, close));
      at = close + endTag.length;
    }
    sink.cell(type, v, formula);
  }
}
