// A small, strict tokenizer for the XML parts of a workbook. SpreadsheetML is plain XML: elements, attributes,
// text, the five predefined entities and character references. This reads exactly that, several times faster
// than a general streaming parser (the sheet XML is most of the time of a batch), and refuses the rest:
// a DOCTYPE (where entity bombs and external entities live), unknown entities, mismatched or unclosed tags.
// Cross-checked against exceljs on every fixture (test/reader.test.ts) and fuzzed (test/hostile-fuzz.test.ts).

/** A start tag; its attributes are parsed only when asked for (most tags of a sheet are never asked). */
export class XmlTag {
  private parsed: Record<string, string> | undefined;
  constructor(
    readonly name: string,
    private readonly rest: string,
  ) {}

  get attributes(): Record<string, string> {
    if (!this.parsed) {
      const attributes: Record<string, string> = {};
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(this.rest)) !== null) attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
      this.parsed = attributes;
    }
    return this.parsed;
  }
}

export class XmlError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities and character references decoded; line ends normalised to \n as XML requires. */
export function decodeEntities(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 11) throw new XmlError('a bare "&" in text');
    const ent = s.slice(amp + 1, semi);
    let v: string | undefined;
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlError(`bad character reference &${ent};`);
      v = String.fromCodePoint(code);
    } else {
      v = PREDEFINED[ent];
      if (v === undefined) throw new XmlError(`undefined entity &${ent};`);
    }
    out += s.slice(from, amp) + v;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}


/** True when [from, to) holds only double quotes, in pairs (the usual r="A1" s="2"): then its '>' ends the tag. */
function balancedQuotes(xml: string, from: number, to: number): boolean {
  let count = 0;
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 34) count++;
    else if (ch === 39) return false;
  }
  return (count & 1) === 0;
}
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Calls onOpen for every start tag (and empty-element tag, followed at once by onClose), onText for text between
 * tags — raw: the caller decodes (decodeEntities) only the text it keeps, most of a sheet's text (formulas) is
 * never looked at; CDATA comes already escaped for that — and onClose for every end tag. Throws XmlError on tags
 * that are not well-formed.
 * `check` runs between chunks of work, so a caller can stop a long parse (a time limit).
 */
export function tokenizeXml(
  xml: string,
  onOpen: (tag: XmlTag) => void,
  onText: (text: string) => void,
  onClose: (name: string) => void,
  check?: () => void,
): void {
  const stack: string[] = [];
  let pos = 0;
  let ticks = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (stack.length > 0 && xml.slice(pos).trim()) onText(xml.slice(pos));
      break;
    }
    if (lt > pos && stack.length > 0) onText(xml.slice(pos, lt));
    if ((++ticks & 0x3fff) === 0) check?.();
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new XmlError('unclosed end tag');
      const name = xml.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (open !== name) throw new XmlError(`end tag </${name}> does not match <${open ?? ''}>`);
      onClose(name);
      pos = gt + 1;
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unclosed processing instruction');
      pos = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('unclosed comment');
        pos = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('unclosed CDATA section');
        // re-escaped, so that the caller's decodeEntities gives back the section's text as is
        if (stack.length > 0) onText(xml.slice(lt + 9, end).replace(/&/g, '&amp;'));
        pos = end + 3;
        continue;
      }
      // <!DOCTYPE …>: spreadsheet programs never write one; it is where entity bombs and external entities live
      throw new XmlError('a part declares a DOCTYPE with entities, which spreadsheet programs never write');
    }
    // a start tag: its end is the first '>' outside quotes (a '>' inside an attribute value is legal but rare)
    let gt = xml.indexOf('>', lt + 1);
    if (gt < 0) throw new XmlError('unclosed start tag');
    if (!balancedQuotes(xml, lt + 1, gt)) {
      let quote = 0;
      for (gt = lt + 1; gt < n; gt++) {
        const ch = xml.charCodeAt(gt);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62 /* > */) break;
      }
      if (gt >= n) throw new XmlError('unclosed start tag');
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    let nameEnd = 0;
    while (nameEnd < inner.length) {
      const ch = inner.charCodeAt(nameEnd);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) break;
      nameEnd++;
    }
    const name = inner.slice(0, nameEnd);
    if (!name) throw new XmlError('a tag without a name');
    onOpen(new XmlTag(name, nameEnd < inner.length ? inner.slice(nameEnd) : ''));
    if (selfClosing) onClose(name);
    else stack.push(name);
    pos = gt + 1;
  }
  if (stack.length > 0) throw new XmlError(`unclosed element <${stack[stack.length - 1]}> (the part is truncated)`);
}
