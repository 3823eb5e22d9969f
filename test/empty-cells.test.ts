// The filter that cuts runs of styled empty cells from a worksheet part inflated in pieces (src/workbook/empty-cells.ts),
// cut between its pieces at every position: it may only drop whole empty cells that another empty cell follows in
// the same run, and never touch a CDATA section. (test/fast-paths.test.ts reads whole workbooks every way.)
import { describe, expect, it } from 'vitest';
import { EmptyCellFilter } from '../src/workbook/empty-cells.js';

const run = (row: number, from: number, to: number) => {
  let out = '';
  for (let c = from; c <= to; c++) out += `<c r="${String.fromCharCode(64 + c)}${row}" s="${c % 2}"/>`;
  return out;
};
/** The same with cells of other shapes among LibreOffice's (r and s): t before s, r alone, more attributes. */
const mixed = (row: number, from: number, to: number) => {
  let out = '';
  for (let c = from; c <= to; c++) {
    const r = `${String.fromCharCode(64 + c)}${row}`;
    out += c % 3 === 0 ? `<c r="${r}" t="n" s="1"/>` : c % 4 === 0 ? `<c r="${r}"/>` : `<c r="${r}" s="${c % 2}"/>`;
  }
  return out;
};
const sheet = (rows: string) => `<?xml version="1.0"?><worksheet xmlns="main"><sheetData>${rows}</sheetData></worksheet>`;

/** The text through the filter in pieces cut at `cuts` (bytes, as zlib hands them). */
function filtered(text: string, ...cuts: number[]): string {
  const bytes = Buffer.from(text, 'utf8');
  const filter = new EmptyCellFilter();
  let from = 0;
  for (const at of [...cuts, bytes.length]) {
    filter.push(bytes.subarray(from, at));
    from = at;
  }
  return filter.finish();
}

const tokens = (text: string) => text.match(/<[^>]*>|[^<]+/g) ?? [];
const emptyCell = /^<c r="[A-Z]+\d+"(?: [a-z]+="\w")*\/>$/;

/** out is text with some empty cells left out, each followed (in text) by another empty cell; else a message. */
function onlyRunsCut(text: string, out: string): string | undefined {
  const a = tokens(text);
  const b = tokens(out);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[j]) {
      j++;
      continue;
    }
    if (!emptyCell.test(a[i]!)) return `${a[i]} was changed or dropped`;
    if (!emptyCell.test(a[i + 1] ?? '')) return `${a[i]}, the last of its run, was dropped`;
  }
  return j === b.length ? undefined : `the output has more: ${b.slice(j).join('')}`;
}

describe('EmptyCellFilter, the part cut in two at every position', () => {
  const cases: [string, string][] = [
    ['runs around cells with content', sheet(`<row r="1">${run(1, 1, 6)}<c r="G1" t="s"><v>0</v></c>${run(1, 8, 20)}</row><row r="2">${run(2, 1, 26)}</row>`)],
    ['a run spelled out in a CDATA section, and runs after it', sheet(`<row r="1"><c r="A1" t="str"><v><![CDATA[${run(1, 2, 9)}]]></v></c>${run(1, 10, 20)}</row>`)],
    ['runs of mixed shapes around cells with content', sheet(`<row r="1">${mixed(1, 1, 6)}<c r="G1" t="s"><v>0</v></c>${mixed(1, 8, 20)}</row><row r="2">${mixed(2, 1, 26)}</row>`)],
    ['UTF-8 text beside runs', sheet(`<row r="1">${run(1, 1, 4)}<c r="E1" t="str"><v>Évaluasi — ZI ✓</v></c>${run(1, 6, 12)}</row>`)],
  ];
  for (const [what, text] of cases) {
    it(what, () => {
      const cdata = /<!\[CDATA\[.*?\]\]>/.exec(text)?.[0];
      let cut = 0;
      for (let at = 0; at <= Buffer.byteLength(text); at++) {
        const out = filtered(text, at);
        expect(onlyRunsCut(text, out), `cut at ${at}`).toBeUndefined();
        if (cdata) expect(out, `cut at ${at}`).toContain(cdata);
        if (out.length < text.length) cut++;
      }
      // the runs really are cut, whatever the split (after a CDATA section, the part passes as it is)
      expect(cut).toBe(cdata ? 0 : Buffer.byteLength(text) + 1);
    });
  }

  it('a part whose root element is not in its first 64 KiB passes as it is', () => {
    const runs = sheet(`<row r="1">${run(1, 1, 9)}</row>`);
    const text = `<!-- ${'x'.repeat(70 * 1024)} -->${runs}`;
    const cuts = Array.from({ length: 80 }, (_, i) => (i + 1) * 1000);
    expect(filtered(text, ...cuts)).toBe(text);
    // the same runs after a short comment are cut
    expect(filtered(`<!-- x -->${runs}`, 5).length).toBeLessThan(runs.length);
  });
});
