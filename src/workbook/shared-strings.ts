// The fast path through xl/sharedStrings.xml: <si> items of plain <t> text or rich-text runs (<r> with an <rPr>
// of empty formatting tags, then <t>), as spreadsheet programs write them, read straight from the text. It gives
// the same strings as the general path (lean-reader.ts on the tokenizer); on anything else (phonetic runs, prefixed
// names, comments, CDATA, unusual end tags, text after the root) it gives up and the general path reads the part.
// test/fast-paths.test.ts holds the two to the same result.
import { decodeEntities, nameAt, tagEnd } from './xml.js';

const PROLOGUE = /^\s*(<\?xml[^>]*\?>)?\s*$/;

/** The shared strings in order, or undefined when the part is not in the usual shape. */
export function scanSharedStrings(xml: string, check: () => void): string[] | undefined {
  const root = xml.indexOf('<sst');
  if (root < 0 || !nameAt(xml, root + 1, 'sst') || !PROLOGUE.test(xml.slice(0, root))) return undefined;
  const rootEnd = tagEnd(xml, root + 4);
  if (rootEnd < 0) return undefined;
  const out: string[] = [];
  if (xml.charCodeAt(rootEnd - 1) === 47) return xml.slice(rootEnd + 1).trim() === '' ? out : undefined;
  let pos = rootEnd + 1;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return undefined;
    if (xml.startsWith('</sst>', lt)) return xml.slice(lt + 6).trim() === '' ? out : undefined;
    if (!nameAt(xml, lt + 1, 'si')) return undefined;
    if ((out.length & 0xfff) === 0xfff) check();
    const siEnd = tagEnd(xml, lt + 3);
    if (siEnd < 0) return undefined;
    text = '';
    pos = xml.charCodeAt(siEnd - 1) === 47 ? siEnd + 1 : children(xml, siEnd + 1, '</si>', run);
    if (pos < 0) return undefined;
    out.push(text);
  }
}

// Small functions at module level, not closures inside scanSharedStrings: V8 then compiles each once and small,
// where one big function with everything inlined took it several times longer (it does so in every worker).

/** The text of the item being read. */
let text = '';

/** Reads the <t> element at xml[lt] into `text`; where the text after it starts, or -1. */
function readT(xml: string, lt: number): number {
  const gt = tagEnd(xml, lt + 2);
  if (gt < 0) return -1;
  if (xml.charCodeAt(gt - 1) === 47) return gt + 1;
  const close = xml.indexOf('<', gt + 1);
  if (close < 0 || !xml.startsWith('</t>', close)) return -1;
  text += decodeEntities(xml.slice(gt + 1, close));
  return close + 4;
}

/** Children up to `end` ("</si>", "</r>"): <t> texts, and what `other` reads; where the text after `end` starts, or -1. */
function children(xml: string, from: number, end: string, other: (xml: string, lt: number) => number): number {
  for (let pos = from; pos >= 0; ) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) return -1;
    if (xml.startsWith(end, lt)) return lt + end.length;
    pos = nameAt(xml, lt + 1, 't') ? readT(xml, lt) : other(xml, lt);
  }
  return -1;
}

/** A rich-text run: <r>[<rPr>…</rPr>]<t>…</t></r>. */
function run(xml: string, lt: number): number {
  if (!nameAt(xml, lt + 1, 'r')) return -1;
  const gt = tagEnd(xml, lt + 2);
  if (gt < 0 || xml.charCodeAt(gt - 1) === 47) return gt < 0 ? -1 : gt + 1;
  return children(xml, gt + 1, '</r>', runProperties);
}

/** The run's formatting: empty tags only (<b/>, <sz val="11"/>, …), so no text can hide in it. */
function runProperties(xml: string, lt: number): number {
  if (!nameAt(xml, lt + 1, 'rPr')) return -1;
  const gt = tagEnd(xml, lt + 4);
  if (gt < 0 || xml.charCodeAt(gt - 1) === 47) return gt < 0 ? -1 : gt + 1;
  for (let pos = gt + 1; ; ) {
    const l = xml.indexOf('<', pos);
    if (l < 0) return -1;
    if (xml.startsWith('</rPr>', l)) return l + 6;
    const c = xml.charCodeAt(l + 1);
    if (c === 47 || c === 33 || c === 63 || nameAt(xml, l + 1, 't')) return -1;
    const e = tagEnd(xml, l + 1);
    if (e < 0 || xml.charCodeAt(e - 1) !== 47) return -1;
    pos = e + 1;
  }
}
