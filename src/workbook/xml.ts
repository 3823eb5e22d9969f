// A small, strict tokenizer for the XML parts of a workbook. SpreadsheetML is plain XML: elements, attributes,
// text, the five predefined entities and character references. This reads exactly that, several times faster
// than a general streaming parser (the sheet XML is most of the time of a batch), and refuses the rest:
// a DOCTYPE (where entity bombs and external entities live), unknown entities, mismatched or unclosed tags.
// Cross-checked against exceljs on every fixture (test/reader.test.ts) and fuzzed (test/hostile-fuzz.test.ts).

export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

export class XmlError extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities and character references decoded; line ends normalised to \n as XML requires. */
export function decodeEntities(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&\s]{1,10});/g, (_m, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlError(`bad character reference &${ent};`);
      return String.fromCodePoint(code);
    }
    const v = PREDEFINED[ent];
    if (v === undefined) throw new XmlError(`undefined entity &${ent};`);
    return v;
  });
}

const NAME_END = /[\s/>]/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Calls onOpen for every start tag (and empty-element tag, followed at once by onClose), onText for text between
 * tags (decoded; CDATA as is), onClose for every end tag. Throws XmlError on anything that is not well-formed.
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
      if (stack.length > 0 && xml.slice(pos).trim()) onText(decodeEntities(xml.slice(pos)));
      break;
    }
    if (lt > pos && stack.length > 0) onText(decodeEntities(xml.slice(pos, lt)));
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
        if (stack.length > 0) onText(xml.slice(lt + 9, end).replace(/\r\n?/g, '\n'));
        pos = end + 3;
        continue;
      }
      // <!DOCTYPE …>: spreadsheet programs never write one; it is where entity bombs and external entities live
      throw new XmlError('a part declares a DOCTYPE with entities, which spreadsheet programs never write');
    }
    // a start tag: find its end, skipping '>' inside quoted attribute values
    let gt = lt + 1;
    let quote = 0;
    for (; gt < n; gt++) {
      const ch = xml.charCodeAt(gt);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62 /* > */) break;
    }
    if (gt >= n) throw new XmlError('unclosed start tag');
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    NAME_END.lastIndex = 0;
    const m = NAME_END.exec(inner);
    const name = m ? inner.slice(0, m.index) : inner;
    if (!name) throw new XmlError('a tag without a name');
    const attributes: Record<string, string> = {};
    if (m) {
      const rest = inner.slice(m.index);
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(rest)) !== null) attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
    }
    onOpen({ name, attributes });
    if (selfClosing) onClose(name);
    else stack.push(name);
    pos = gt + 1;
  }
  if (stack.length > 0) throw new XmlError(`unclosed element <${stack[stack.length - 1]}> (the part is truncated)`);
}
