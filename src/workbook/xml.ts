// A small, strict tokenizer for the XML parts of a workbook. SpreadsheetML is plain XML: elements, attributes,
// text, the five predefined entities and character references. This reads exactly that, several times faster
// than a general streaming parser (the sheet XML is most of the time of a batch), and refuses the rest:
// a DOCTYPE (where entity bombs and external entities live), unknown entities, mismatched or unclosed tags.
// Cross-checked against exceljs on every fixture (test/reader.test.ts) and fuzzed (test/hostile-fuzz.test.ts).

/**
 * The start tag being reported. One object is reused for every tag of a parse (a sheet has thousands and most are
 * never looked at), so read what you need inside the callback; its attributes are scanned only when asked for.
 */
export class XmlTag {
  name = '';
  /** An empty-element tag (`<c r="A1"/>`): onClose follows at once, nothing comes between. */
  selfClosing = false;
  private xml = '';
  /** Where the attributes are: xml[from, to). */
  private from = 0;
  private to = 0;
  private parsed: Record<string, string> | undefined;

  /** Where the text after the tag starts (just past its '>'). */
  next = 0;
  /**
   * Set by an onOpen that read the element's whole content and end tag itself: where the tokenizer goes on
   * (no onClose follows for it). For an empty-element tag, set by an onOpen that read what follows it (empty
   * siblings): onClose follows, then the tokenizer goes on from there. -1: the tokenizer reads on as usual.
   */
  resumeAt = -1;

  /** @internal the tokenizer (or a reader taking over part of the text) moves the tag on. */
  reset(xml: string, name: string, from: number, to: number, selfClosing: boolean, next = to + (selfClosing ? 2 : 1)): this {
    this.xml = xml;
    this.name = name;
    this.selfClosing = selfClosing;
    this.from = from;
    this.to = to;
    this.next = next;
    this.resumeAt = -1;
    this.parsed = undefined;
    return this;
  }

  /** All attributes, decoded. */
  get attributes(): Record<string, string> {
    if (!this.parsed) {
      const attributes: Record<string, string> = {};
      const rest = this.xml.slice(this.from, this.to);
      ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = ATTR.exec(rest)) !== null) attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '');
      this.parsed = attributes;
    }
    return this.parsed;
  }

  /** The attribute `scan` found last: its name xml[nameStart, nameEnd), its raw value xml[valueStart, valueEnd). */
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  /**
   * Reads the attribute starting at or after `i` into the fields above and returns where the next one may start;
   * END when there is none, JUNK when the tag holds something the fast path does not follow.
   */
  private scan(i: number): number {
    const xml = this.xml;
    const to = this.to;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (i >= to) return END;
    this.nameStart = i;
    while (i < to) {
      const c = xml.charCodeAt(i);
      if (c === 61 /* = */ || isSpace(c)) break;
      i++;
    }
    this.nameEnd = i;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) return JUNK;
    i++;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) return JUNK;
    const close = xml.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= to) return JUNK;
    this.valueStart = i + 1;
    this.valueEnd = close;
    return close + 1;
  }

  /** 2 when the attribute just scanned is `name`, 1 when its local name is ("r:id" for "id"), else 0. */
  private named(name: string): number {
    const len = this.nameEnd - this.nameStart;
    if (len === name.length && this.xml.startsWith(name, this.nameStart)) return 2;
    if (len > name.length && this.xml.charCodeAt(this.nameEnd - name.length - 1) === 58 /* : */ && this.xml.startsWith(name, this.nameEnd - name.length)) return 1;
    return 0;
  }

  private value(): string {
    return decodeEntities(this.xml.slice(this.valueStart, this.valueEnd));
  }

  /**
   * One attribute, decoded: by its name, else by its local name ("id" finds "r:id": Strict OOXML and some writers
   * prefix names). Scans the tag without building every attribute (the sheet asks each cell for "r" and "t").
   */
  attr(name: string): string | undefined {
    ONE[0] = name;
    if (this.plainAttrs(ONE, got)) return got[0];
    let local: string | undefined;
    for (let i = this.scan(this.from); i !== END; i = this.scan(i)) {
      if (i === JUNK) return this.slowAttr(name);
      const how = this.named(name);
      if (how === 2) return this.value();
      if (how === 1 && local === undefined) local = this.value();
    }
    return local;
  }

  /** Several attributes in one scan, into `out` (same order as `names`); the rules of `attr` for each. */
  attrs(names: readonly string[], out: (string | undefined)[]): void {
    if (this.plainAttrs(names, out)) return;
    // out keeps its length: setting it costs more than the scan (callers read only the first names.length)
    for (let k = 0; k < names.length; k++) out[k] = undefined;
    let exact = 0;
    for (let i = this.scan(this.from); i !== END; i = this.scan(i)) {
      if (i === JUNK) return this.slowAttrs(names, out);
      for (let k = 0; k < names.length; k++) {
        if (exact & (1 << k)) continue;
        const how = this.named(names[k]!);
        if (how === 2) {
          out[k] = this.value();
          exact |= 1 << k;
        } else if (how === 1 && out[k] === undefined) out[k] = this.value();
      }
    }
  }

  /**
   * `attrs` for attributes written plainly, as spreadsheet programs write them: name="value" with no space around
   * "=", no entity or carriage return in the values asked for, each name once and none of them also prefixed
   * ("x:r" beside or instead of "r": which counts is the full rule's call). Returns false, with `out` undefined,
   * for anything else. Most of a sheet's tags are read this way, in one pass with no decoding.
   */
  private plainAttrs(names: readonly string[], out: (string | undefined)[]): boolean {
    const xml = this.xml;
    const to = this.to;
    for (let k = 0; k < names.length; k++) out[k] = undefined;
    let i = this.from;
    for (;;) {
      let c = xml.charCodeAt(i);
      while (i < to && isSpace(c)) c = xml.charCodeAt(++i);
      if (i >= to) return true;
      const nameFrom = i;
      while (i < to && c !== 61 /* = */) {
        if (isSpace(c)) return false;
        c = xml.charCodeAt(++i);
      }
      if (i >= to || xml.charCodeAt(i + 1) !== 34 /* " */) return false;
      const close = xml.indexOf('"', i + 2);
      if (close < 0 || close >= to) return false;
      const len = i - nameFrom;
      for (let k = 0; k < names.length; k++) {
        const name = names[k]!;
        if (len === name.length) {
          if (!xml.startsWith(name, nameFrom)) continue;
          if (out[k] !== undefined) return false;
          const value = xml.slice(i + 2, close);
          if (value.indexOf('&') >= 0 || value.indexOf('\r') >= 0) return false;
          out[k] = value;
        } else if (len > name.length && xml.charCodeAt(i - name.length - 1) === 58 /* : */ && xml.startsWith(name, i - name.length)) return false;
      }
      i = close + 1;
    }
  }

  /** A tag the fast scan cannot follow (junk between attributes): the same lenient reading as `attributes`. */
  private slowAttr(name: string): string | undefined {
    const out: (string | undefined)[] = [];
    this.slowAttrs([name], out);
    return out[0];
  }

  private slowAttrs(names: readonly string[], out: (string | undefined)[]): void {
    const a = this.attributes;
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      out[k] = name in a ? a[name] : undefined;
      if (out[k] === undefined) for (const key of Object.keys(a)) if (key.slice(key.indexOf(':') + 1) === name) {
        out[k] = a[key];
        break;
      }
    }
  }
}

/** `attr` asks `plainAttrs` through these (parses are synchronous: one pair serves every tag). */
const ONE: string[] = [''];
const got: (string | undefined)[] = [undefined];

const END = -1;
const JUNK = -2;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

export class XmlError extends Error {
  constructor(
    message: string,
    /** A DOCTYPE gets its own message (entity bombs live there); any other fault is damage. */
    readonly kind: 'doctype' | 'syntax' = 'syntax',
  ) {
    super(message);
  }
}

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

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** One-letter names (a sheet's c, v, f, t) as ready strings: most tags of a sheet need no new string. */
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function nameOf(xml: string, from: number, to: number): string {
  if (to - from === 1) {
    const c = xml.charCodeAt(from);
    if (c < 128) return ASCII[c]!;
  }
  return xml.slice(from, to);
}

/**
 * Calls onOpen for every start tag (and empty-element tag, followed at once by onClose), onText for text between
 * tags — raw, as text[from, to): the caller decodes (decodeEntities) only the text it keeps, most of a sheet's
 * text (formulas) is never looked at; CDATA comes already escaped for that — and onClose for every end tag.
 * onOpen may read a start tag's whole element itself: it sets the tag's resumeAt to where the text after its end
 * tag starts, and the tokenizer goes on from there (no onClose for it).
 * Throws XmlError on tags that are not well-formed.
 * `check` runs between chunks of work, so a caller can stop a long parse (a time limit).
 */
export function tokenizeXml(
  xml: string,
  onOpen: (tag: XmlTag) => void,
  onText: (text: string, from: number, to: number) => void,
  onClose: (name: string) => void,
  check?: () => void,
): void {
  const stack: string[] = [];
  const tag = new XmlTag();
  let pos = 0;
  let ticks = 0;
  const n = xml.length;
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      if (stack.length > 0 && xml.slice(pos).trim()) onText(xml, pos, n);
      break;
    }
    if (lt > pos && stack.length > 0) onText(xml, pos, lt);
    if ((++ticks & 0x3fff) === 0) check?.();
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      // the usual end tag, </name> right after its start tag's name: no string made
      const open = stack.length > 0 ? stack[stack.length - 1]! : undefined;
      const after = lt + 2 + (open?.length ?? 0);
      if (open !== undefined && xml.charCodeAt(after) === 62 && xml.startsWith(open, lt + 2)) {
        stack.pop();
        onClose(open);
        pos = after + 1;
        continue;
      }
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) throw new XmlError('unclosed end tag');
      const name = xml.slice(lt + 2, gt).trim();
      stack.pop();
      if (open !== name) throw new XmlError(`end tag </${name}> does not match <${open ?? ''}>`);
      onClose(open);
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
        if (stack.length > 0) {
          const text = xml.slice(lt + 9, end).replace(/&/g, '&amp;');
          onText(text, 0, text.length);
        }
        pos = end + 3;
        continue;
      }
      // <!DOCTYPE …>: spreadsheet programs never write one; it is where entity bombs and external entities live
      throw new XmlError('a part declares a DOCTYPE with entities, which spreadsheet programs never write', 'doctype');
    }
    // a start tag: the name, then attributes up to the first '>' outside quotes (a '>' inside a value is legal)
    let i = lt + 1;
    while (i < n) {
      const ch = xml.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
      i++;
    }
    if (i === lt + 1) throw new XmlError('a tag without a name');
    const nameEnd = i;
    for (; i < n; i++) {
      const ch = xml.charCodeAt(i);
      if (ch === 62 /* > */) break;
      if (ch === 34 || ch === 39) {
        i = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
        if (i < 0) break;
      }
    }
    if (i < 0 || i >= n) throw new XmlError('unclosed start tag');
    const gt = i;
    const selfClosing = xml.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd;
    const name = nameOf(xml, lt + 1, nameEnd);
    onOpen(tag.reset(xml, name, nameEnd, selfClosing ? gt - 1 : gt, selfClosing, gt + 1));
    pos = gt + 1;
    if (selfClosing) {
      onClose(name);
      if (tag.resumeAt > pos) pos = tag.resumeAt;
    } else if (tag.resumeAt > pos) pos = tag.resumeAt;
    else stack.push(name);
  }
  if (stack.length > 0) throw new XmlError(`unclosed element <${stack[stack.length - 1]}> (the part is truncated)`);
}

// Helpers for the fast paths that read a part's usual shape straight from the text (sheet-data.ts, shared-strings.ts).

const isNameEnd = (c: number) => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** The '>' closing the tag whose name ends at `i`, skipping quoted values (a '>' inside one is legal); -1 if none. */
export function tagEnd(xml: string, i: number): number {
  const n = xml.length;
  for (; i < n; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      i = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** Whether xml has the element name `name` (with the sheet's prefix) right at `i`, ended as a name ends. */
export function nameAt(xml: string, i: number, name: string): boolean {
  return xml.startsWith(name, i) && isNameEnd(xml.charCodeAt(i + name.length));
}
