// A sheet part too big to hold whole (lean-reader.ts inflates it in pieces) is refused by the row limit while it
// is inflated, not after: a million rows with content were decoded and held whole first, ~300 MiB for a sheet the
// limit refuses anyway. The guard counts rows that hold a value (<v>), bytes only: never more than the rows with
// content the grid counts (a tag cut between two pieces, a prefixed or attribute-less tag is simply not counted),
// so it refuses only a sheet the grid would refuse, with the grid's own error. The grid keeps the exact limit.
const ROW: Needle = ['<r', 'ow '];
const VALUE: Needle = ['<', 'v>'];
/** From a CDATA section on, text could look like tags: the guard stops counting there (programs do not write them). */
const CDATA = '[CDATA[';

export class RowGuard {
  private rows = 0;
  /** Whether the row opened last has been counted. */
  private counted = true;
  private off = false;
  private tail = '';

  constructor(
    private readonly maxRows: number,
    private readonly refuse: () => never,
  ) {}

  push(bytes: Buffer): void {
    if (this.off) return;
    if (bytes.indexOf(CDATA) >= 0 || (this.tail + bytes.toString('latin1', 0, CDATA.length)).includes(CDATA)) {
      this.off = true;
      return;
    }
    this.tail = bytes.toString('latin1', Math.max(0, bytes.length - CDATA.length));
    for (let pos = 0; ; ) {
      const v = find(bytes, VALUE, pos);
      if (v < 0) {
        if (find(bytes, ROW, pos) >= 0) this.counted = false;
        return;
      }
      // a row opened between pos and this value: the value is that row's
      if (findLast(bytes, ROW, v) >= pos) this.counted = false;
      if (!this.counted) {
        this.counted = true;
        if (++this.rows > this.maxRows) this.refuse();
      }
      const next = find(bytes, ROW, v);
      if (next < 0) return;
      this.counted = false;
      pos = next + ROW.length;
    }
  }
}

/**
 * A tag's opening split where the search starts: Buffer.indexOf finds a pattern by its first byte, and '<' begins
 * every cell, so '<row ' stopped at each of the 16,384 cells LibreOffice writes in a formatted row (a third of the
 * main thread's time on such a part). 'ow ' and 'v>' are in no empty cell.
 */
type Needle = [head: string, tail: string];

/** Where the needle first starts in bytes at or after `from`, as bytes.indexOf(head + tail, from); -1 when nowhere. */
function find(bytes: Buffer, [head, tail]: Needle, from: number): number {
  for (let i = bytes.indexOf(tail, from + head.length); i >= 0; i = bytes.indexOf(tail, i + 1)) {
    if (headAt(bytes, i - head.length, head)) return i - head.length;
  }
  return -1;
}

/** Where the needle last starts in bytes at or before `at`, as bytes.lastIndexOf(head + tail, at); -1 when nowhere. */
function findLast(bytes: Buffer, [head, tail]: Needle, at: number): number {
  for (let i = bytes.lastIndexOf(tail, at + head.length); i >= head.length; i = i > 0 ? bytes.lastIndexOf(tail, i - 1) : -1) {
    if (headAt(bytes, i - head.length, head)) return i - head.length;
  }
  return -1;
}

function headAt(bytes: Buffer, at: number, head: string): boolean {
  for (let k = 0; k < head.length; k++) if (bytes[at + k] !== head.charCodeAt(k)) return false;
  return true;
}
