// Styled empty cells (<c r="B7" s="3"/>) cost next to nothing. LibreOffice writes a row's format as one such cell
// in every one of the 16,384 columns: a 70 KB sheet becomes a 70 MB part. A run of them only moves the reading
// position, and the last cell of the run sets it absolutely (its r names both row and column), so a run reads
// exactly as its last cell alone. Runs are found with sticky regular expressions (V8 compiles them to machine
// code: ~2-3 GB/s), never tag by tag, and never become objects. (A loop over the bytes instead of the latin1 text
// of a piece spared the strings but took a third more instructions than the text and the expressions together.)
//
// Two uses: the sheet's fast path and the general path jump over a run in a part already in memory (lastOfRun),
// and a part too big to hold whole is inflated in pieces and filtered here before it is decoded (EmptyCellFilter),
// so memory follows the cells with content, not the styled ones.

const patterns = new Map<string, [RegExp, RegExp]>();

/**
 * Runs of one or more empty cells as programs write them: r first and plain, plain attributes, self-closed. The
 * first pattern knows LibreOffice's shape (r and s only) and runs a third faster; the second takes any run, and
 * goes on from where the first stopped.
 */
function runPatterns(prefix: string): [RegExp, RegExp] {
  let re = patterns.get(prefix);
  if (!re) {
    const c = `${prefix.replace(/[.]/g, '\\.')}c`;
    // unbounded repeats: V8's compiled matcher runs them faster than bounded ones; the last cell is checked apart
    re = [new RegExp(`(?:<${c} r="[A-Z]+[0-9]+" s="[0-9]+"\\/>)+`, 'y'), new RegExp(`(?:<${c} r="[A-Z]+[0-9]+"(?: [a-z]+="[^"<>&]*")*\\/>)+`, 'y')];
    if (patterns.size < 16) patterns.set(prefix, re);
  }
  return re;
}

/**
 * Whether xml[i…] is a reference that sets both row and column whatever came before, up to its closing quote: at
 * most 3 letters, a row from 1 on (a cell at "A0" or "AAAA1" would leave the row as it was, and then the cells
 * before it would count).
 */
function absolute(xml: string, i: number): boolean {
  let c = xml.charCodeAt(i);
  let letters = 0;
  for (; c >= 65 && c <= 90; c = xml.charCodeAt(++i)) letters++;
  if (letters < 1 || letters > 3 || c === 48 /* a row number starting with 0 */) return false;
  let digits = 0;
  for (; c >= 48 && c <= 57; c = xml.charCodeAt(++i)) digits++;
  return digits >= 1 && digits <= 9 && c === 34;
}

/**
 * When a run of two or more empty cells starts at xml[lt] (a tag's '<'), where the last of them starts; else -1.
 * `prefix` is the sheet's element prefix ("" or "x:"). runEnd is then where the text after the run starts (lt when
 * no run starts there).
 */
export function lastOfRun(xml: string, lt: number, prefix: string): number {
  const [lo, any] = runPatterns(prefix);
  lo.lastIndex = lt;
  const from = lo.test(xml) ? lo.lastIndex : lt;
  any.lastIndex = from;
  runEnd = any.test(xml) ? any.lastIndex : from;
  if (runEnd === lt) return -1;
  const last = xml.lastIndexOf(`<${prefix}c `, runEnd - 1);
  return last > lt && absolute(xml, last + prefix.length + 6) ? last : -1;
}

/** Where the text after the run lastOfRun found last starts. */
export let runEnd = 0;

/** Text without a '>' carried from one piece to the next at most this long (then it is passed on as it is). */
const MAX_CARRY = 64 * 1024;
/** A CDATA section's opener without its '<!': '[' is rare in a sheet, so the search runs at memchr's speed. */
const CDATA = '[CDATA[';
const EMPTY = Buffer.alloc(0);
const NOTHING = /(?:)/;

/**
 * V8 keeps the text of the last successful match (for RegExp.lastMatch); left pointing at a piece, it keeps the
 * piece alive through the next young-generation GC, which then moves it to the old generation: over a 70 MB part
 * that filled the old space and cost a full GC (15-35 ms). An empty match on an empty string lets it go.
 */
function forgetMatch(): void {
  NOTHING.test('');
}
const ROOT = /<([A-Za-z_][\w.-]*:)?worksheet[\s>/]/;

/**
 * A worksheet part's bytes in, piece by piece; the same part out with every run of empty cells cut to its last
 * cell. The pieces are looked at as latin1 text (one character per byte, so UTF-8 passes through untouched and is
 * decoded once at the end). A run inside a CDATA section would be text, not cells: from the first CDATA section
 * on, the part passes as it is (spreadsheet programs do not write them; it costs memory, never a different read).
 */
export class EmptyCellFilter {
  /**
   * The text kept so far, decoded piece by piece (a slice of a piece's text would keep the whole piece alive) and
   * joined once at the end into one flat string: a part that keeps most of its bytes peaks at twice its size, as
   * reading it whole did.
   */
  private readonly kept: string[] = [];
  private readonly decoder = new TextDecoder('utf-8');
  /** The text after the last '>' of the last piece, as bytes: a slice of its text would keep the whole piece alive. */
  private carry = EMPTY;
  /** The end of the last piece, for a CDATA opener cut in two. */
  private tail = '';
  private prefix: string | undefined;
  private verbatim = false;

  push(bytes: Buffer): void {
    let text = bytes.toString('latin1');
    if (this.prefix === undefined) {
      text = this.carry.toString('latin1') + text;
      this.carry = EMPTY;
      const root = ROOT.exec(text);
      if (!root) {
        // the root element is not in the first pieces: not a worksheet as programs write it
        if (text.length > MAX_CARRY) this.passOn(text, 0);
        else this.carry = Buffer.from(text, 'latin1');
        return;
      }
      this.prefix = root[1] ?? '';
    }
    if (this.verbatim) return this.keep(text, 0, text.length);
    let from = 0;
    if (this.carry.length > 0) {
      // the tag cut in two between the pieces passes as it is: runs are only cut within a piece (no copy of the
      // piece to join it to the carry)
      this.keepBytes(this.carry);
      this.carry = EMPTY;
      from = text.indexOf('>') + 1;
      this.keep(text, 0, from);
    }
    let cdata = text.indexOf(CDATA);
    if (cdata < 0 && (this.tail + text.slice(0, CDATA.length)).includes(CDATA)) cdata = 0;
    this.tail = text.slice(-CDATA.length);
    let limit = text.lastIndexOf('>') + 1;
    if (limit < from) limit = from;
    if (text.length - limit > MAX_CARRY) limit = text.length;
    if (cdata >= 0) {
      const to = Math.max(from, Math.min(cdata, limit));
      this.cut(text, from, to);
      forgetMatch();
      return this.passOn(text, to);
    }
    this.cut(text, from, limit);
    this.carry = Buffer.from(text.slice(limit), 'latin1');
    forgetMatch();
  }

  /** The filtered part, decoded from UTF-8. */
  finish(): string {
    this.keepBytes(this.carry);
    this.kept.push(this.decoder.decode());
    const text = this.kept.join('');
    this.kept.length = 0;
    return text;
  }

  private passOn(text: string, from: number): void {
    this.verbatim = true;
    this.keep(text, from, text.length);
  }

  private keep(text: string, from: number, to: number): void {
    if (to > from) this.keepBytes(Buffer.from(from === 0 && to === text.length ? text : text.slice(from, to), 'latin1'));
  }

  private keepBytes(bytes: Buffer): void {
    if (bytes.length > 0) this.kept.push(this.decoder.decode(bytes, { stream: true }));
  }

  /** text[from, to) into kept, each run of empty cells cut to its last cell. */
  private cut(text: string, from: number, to: number): void {
    const prefix = this.prefix!;
    const opener = `<${prefix}c r="`;
    for (let pos = from; ; ) {
      const lt = text.indexOf(opener, pos);
      if (lt < 0 || lt >= to) break;
      const last = lastOfRun(text, lt, prefix);
      if (last < 0) {
        // no run, or one that stays whole: on after it (a run read from any of its cells ends at the same last
        // cell, so looking again from each of them would only cost the square of its length)
        pos = Math.max(runEnd, lt + opener.length);
        continue;
      }
      // a run ends with '/>', so it never reaches past `to` (just after the last '>' of the text, or its end)
      this.keep(text, from, lt);
      from = last;
      pos = runEnd;
    }
    this.keep(text, from, to);
  }
}
