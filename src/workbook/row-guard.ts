// A sheet part too big to hold whole (lean-reader.ts inflates it in pieces) is refused by the row limit while it
// is inflated, not after: a million rows with content were decoded and held whole first, ~300 MiB for a sheet the
// limit refuses anyway. The guard counts rows that hold a value (<v>), bytes only: never more than the rows with
// content the grid counts (a tag cut between two pieces, a prefixed or attribute-less tag is simply not counted),
// so it refuses only a sheet the grid would refuse, with the grid's own error. The grid keeps the exact limit.
const ROW = '<row ';
const VALUE = '<v>';
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
      const v = bytes.indexOf(VALUE, pos);
      if (v < 0) {
        if (bytes.indexOf(ROW, pos) >= 0) this.counted = false;
        return;
      }
      // a row opened between pos and this value: the value is that row's
      if (bytes.lastIndexOf(ROW, v) >= pos) this.counted = false;
      if (!this.counted) {
        this.counted = true;
        if (++this.rows > this.maxRows) this.refuse();
      }
      const next = bytes.indexOf(ROW, v);
      if (next < 0) return;
      this.counted = false;
      pos = next + ROW.length;
    }
  }
}
