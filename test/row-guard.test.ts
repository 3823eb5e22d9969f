// A part inflated in pieces is refused by the row limit while it is inflated (src/workbook/row-guard.ts). The
// guard may only ever refuse what the grid refuses, with the grid's own error: held at the exact limit on every
// fixture, both samples and sheets made to trip a careless count (LibreOffice's styled empty rows, many values in
// one row, tags cut between pieces of 64 bytes, prefixed tags, CDATA holding tag-like text).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { pack, unpack } from '../scripts/make-corpus.mjs';
import { readWorkbookLean, type LeanOptions } from '../src/workbook/lean-reader.js';
import { DEFAULT_LEAN_LIMITS } from '../src/workbook/limits.js';
import { WorkbookError } from '../src/workbook/errors.js';
import { RowGuard } from '../src/workbook/row-guard.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const BASE = join(FIXTURES, 'lke-rb-2014-kalteng-2021.xlsx');
const SHEET = 'xl/worksheets/sheet1.xml';

const WHOLE: LeanOptions = {};
const PIECES: LeanOptions[] = [{ streamAbove: 0, streamChunk: 64 }, { streamAbove: 0, streamChunk: 4096 }];

async function read(buf: Uint8Array, maxRows: number, opts: LeanOptions) {
  try {
    const wb = await readWorkbookLean(buf, 'x.xlsx', { ...DEFAULT_LEAN_LIMITS, maxRows }, opts);
    return { rows: wb.sheets.map((s) => s.rows.size) };
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return { error: `${e.code}: ${e.message}` };
  }
}

/** At the grid's own row count every way reads the workbook; one row less, every way gives the grid's error. */
async function expectSameAtTheLimit(buf: Uint8Array) {
  const whole = await read(buf, DEFAULT_LEAN_LIMITS.maxRows, WHOLE);
  expect(whole.rows).toBeDefined();
  const most = Math.max(...whole.rows!);
  for (const opts of PIECES) expect(await read(buf, most, opts)).toEqual(whole);
  const refused = await read(buf, most - 1, WHOLE);
  expect(refused.error).toMatch(/too-many-rows/);
  for (const opts of PIECES) expect(await read(buf, most - 1, opts)).toEqual(refused);
}

const withSheet = (xml: string) => pack({ ...unpack(readFileSync(BASE)), [SHEET]: xml }) as Uint8Array;
const sheet = (rows: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

describe('the row guard refuses only what the grid refuses', () => {
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
    it(`fixtures/${f}`, () => expectSameAtTheLimit(readFileSync(join(FIXTURES, f))));
  }
  it.skipIf(!HAVE_SAMPLES)(`both real samples${SKIP_NOTE}`, async () => {
    for (const f of [RB_SAMPLE, ZI_SAMPLE]) await expectSameAtTheLimit(readFileSync(f));
  });

  it("LibreOffice's styled empty rows and cells, many values in a row, a formula with no cached value", async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 400; r++) {
      if (r % 3 === 0) rows.push(`<row r="${r}" s="2" customFormat="true"><c r="A${r}" s="2"/><c r="XFD${r}" s="2"/></row>`);
      else if (r % 3 === 1) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c><c r="C${r}"><v>1.5</v></c></row>`);
      else rows.push(`<row r="${r}"><c r="A${r}"><f>1+1</f></c><c r="B${r}" s="1"/></row>`);
    }
    await expectSameAtTheLimit(withSheet(sheet(rows.join(''))));
  });

  it('prefixed tags are not counted (the grid still holds the limit)', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`).join('');
    await expectSameAtTheLimit(withSheet(sheet(rows, 'x:')));
  });

  it('tag-like text in a CDATA section stops the count', () => {
    let refused = 0;
    const guard = new RowGuard(1, () => {
      refused++;
      throw new Error('refused');
    });
    guard.push(Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[ <row r="2"><v>1</v> <row r="3"><v>2</v> ]]></t></is></c></row>'));
    expect(refused).toBe(0);
  });

  it('counts each row with a value once, its values and styled empty rows in other pieces', () => {
    let refused = 0;
    const guard = new RowGuard(2, () => {
      refused++;
      throw new Error('refused');
    });
    const xml = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2" s="1"><c r="A2" s="1"/></row><row r="3"><c r="A3"><v>3</v></c></row>';
    // pieces cut after each '>', so no tag is split (a split tag is not counted: the count stays a lower bound)
    for (const piece of xml.split(/(?<=>)/)) guard.push(Buffer.from(piece));
    expect(refused).toBe(0);
    expect(() => guard.push(Buffer.from('<row r="4"><c r="A4"><v>4</v></c></row>'))).toThrow('refused');
  });

  it('counts as Buffer.indexOf would: 400 seeded byte soups of tags, parts of tags and runs, in random pieces', () => {
    // the guard looks for '<row ' and '<v>' by their rarer tails ('ow ', 'v>'); this is the plain search it replaces
    const reference = (pieces: Buffer[]) => {
      let rows = 0;
      let counted = true;
      for (const bytes of pieces) {
        for (let pos = 0; ; ) {
          const v = bytes.indexOf('<v>', pos);
          if (v < 0) {
            if (bytes.indexOf('<row ', pos) >= 0) counted = false;
            break;
          }
          if (bytes.lastIndexOf('<row ', v) >= pos) counted = false;
          if (!counted) {
            counted = true;
            rows++;
          }
          const next = bytes.indexOf('<row ', v);
          if (next < 0) break;
          counted = false;
          pos = next + 5;
        }
      }
      return rows;
    };
    const bits = ['<row ', '<row r="1">', '</row>', '<v>', '</v>', 'v>', 'ow ', '<r', '<', 'r', 'o', 'w', ' ', '<c r="A1" s="1"/>', '<c r="XFD1" s="2"/>', 'x', 'v'];
    let seed = 0x2545f491;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
    for (let n = 0; n < 400; n++) {
      const bytes = Buffer.from(Array.from({ length: 5 + rnd(60) }, () => bits[rnd(bits.length)]).join(''), 'latin1');
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const len = 1 + rnd(40);
        pieces.push(bytes.subarray(at, at + len));
        at += len;
      }
      const want = reference(pieces);
      let refused = false;
      const guard = new RowGuard(want, () => {
        refused = true;
        throw new Error('refused');
      });
      for (const piece of pieces) guard.push(piece);
      expect(refused, `case ${n}: ${bytes.toString('latin1')}`).toBe(false);
      // one more row with a value goes over a limit set at the count: the guard counted exactly as many
      expect(() => guard.push(Buffer.from('<row r="9"><v>1</v>')), `case ${n}`).toThrow('refused');
    }
  });
});
