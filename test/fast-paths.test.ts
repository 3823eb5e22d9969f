// The fast paths through <sheetData> (src/workbook/sheet-data.ts) and the shared strings (shared-strings.ts) must
// read exactly what the general path (the tokenizer) reads: the same grid, or the same error. Held on every
// fixture, both samples, the hostile corpus, rewritings of real parts that spreadsheet programs or generators
// produce (prefixes, pretty-printing, attribute order and quoting, inline strings, rich text, phonetic runs,
// comments, CDATA), and seeded random damage to a sheet's and a shared-strings part's XML.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { pack, unpack } from '../scripts/make-corpus.mjs';
import { readWorkbookLean, type LeanOptions } from '../src/workbook/lean-reader.js';
import { GIVE_UP, scanSheetData, type SheetSink } from '../src/workbook/sheet-data.js';
import { EmptyCellFilter } from '../src/workbook/empty-cells.js';
import { scanSharedStrings } from '../src/workbook/shared-strings.js';
import { WorkbookError } from '../src/workbook/errors.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const CORPUS = join(FIXTURES, 'corpus', 'workbook');
const BASE = join(FIXTURES, 'lke-rb-2014-kalteng-2021.xlsx');
const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';

/**
 * How a sheet is read: the fast path, the general path only, or inflated in pieces and filtered (empty-cells.ts),
 * zlib's pieces handed to the filter in slices that do not divide them.
 */
const WAYS = { fast: {}, general: { generalPathOnly: true }, streamed: { streamAbove: 0, streamChunk: 4096, filterPiece: 1500 } } satisfies Record<string, LeanOptions>;

async function readAll(buf: Uint8Array, file: string) {
  const read = async (opts: LeanOptions) => {
    try {
      return { wb: await readWorkbookLean(buf, file, undefined, opts) };
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      return { error: `${e.code}: ${e.message}` };
    }
  };
  return { fast: await read(WAYS.fast), general: await read(WAYS.general), streamed: await read(WAYS.streamed) };
}

async function expectSame(buf: Uint8Array, file: string, tinyPieces = false) {
  const { fast, general, streamed } = await readAll(buf, file);
  expect(fast).toEqual(general);
  expect(streamed).toEqual(general);
  if (tinyPieces) {
    // pieces of 64 bytes (zlib's least): tags, runs and CDATA openers cut between pieces
    const tiny = await readWorkbookLean(buf, file, undefined, { streamAbove: 0, streamChunk: 64 }).then((wb) => ({ wb }), (e: WorkbookError) => ({ error: `${e.code}: ${e.message}` }));
    expect(tiny).toEqual(general);
  }
  return general;
}

/** Whether the fast path reads the sheet's <sheetData> to its end (rather than handing it to the general path). */
function fastReads(xml: string): boolean {
  const m = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(?:\s[^>]*)?>/.exec(xml);
  if (!m) return false;
  const sink: SheetSink = { row() {}, at() {}, cell() {} };
  return scanSheetData(xml, m.index + m[0].length, m[1]!, sink, () => {}) !== GIVE_UP;
}

const withPart = (part: string, xml: string) => pack({ ...unpack(readFileSync(BASE)), [part]: xml }) as Uint8Array;
const withSheet = (xml: string) => withPart(SHEET, xml);
const fastStrings = (xml: string) => scanSharedStrings(xml, () => {}) !== undefined;

describe('fast path = general path', () => {
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'))) {
    it(`fixtures/${f}`, async () => {
      const buf = readFileSync(join(FIXTURES, f));
      expect((await expectSame(buf, f)).wb).toBeDefined();
      const parts = unpack(buf) as Record<string, string | Uint8Array>;
      const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
      // the fixtures are as programs write them: the fast paths read them all themselves
      for (const n of sheets) expect(fastReads(parts[n] as string), `${f} ${n}`).toBe(true);
      if (parts[SST]) expect(fastStrings(parts[SST] as string), `${f} shared strings`).toBe(true);
    });
  }
  it.skipIf(!HAVE_SAMPLES)(`both real samples (rich text among their shared strings)${SKIP_NOTE}`, async () => {
    for (const f of [RB_SAMPLE, ZI_SAMPLE]) {
      expect((await expectSame(readFileSync(f), f)).wb).toBeDefined();
      const sst = unpack(readFileSync(f))[SST] as string;
      expect(sst).toContain('<r><rPr>');
      expect(fastStrings(sst), f).toBe(true);
    }
  });
  it('every workbook of the hostile corpus: the same grid or the same error', async () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) await expectSame(readFileSync(join(CORPUS, f)), f);
  });
});

/**
 * The zip with the sheet's entry changed in place: `crc` XORed into its CRC-32, its declared size set to `size`, or
 * `junk` bytes after its deflate data (counted in its compressed size; the offsets after it moved on).
 */
function withEntry(zip: Uint8Array, name: string, change: { crc?: number; size?: number; junk?: Uint8Array }): Uint8Array {
  const junk = change.junk ?? new Uint8Array(0);
  const src = Buffer.from(zip);
  const dv = new DataView(src.buffer, src.byteOffset, src.byteLength);
  const at = (p: number, sig: number, nameAt: number) => dv.getUint32(p, true) === sig && src.toString('latin1', nameAt, nameAt + name.length) === name;
  let local = -1;
  for (let p = 0; p + 30 < src.length && local < 0; p++) if (at(p, 0x04034b50, p + 30) && dv.getUint16(p + 26, true) === name.length) local = p;
  const dataEnd = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true) + dv.getUint32(local + 18, true);
  const out = Buffer.concat([src.subarray(0, dataEnd), junk, src.subarray(dataEnd)]);
  const o = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const patch = (p: number, crcAt: number, csizeAt: number, sizeAt: number) => {
    if (change.crc) o.setUint32(p + crcAt, (o.getUint32(p + crcAt, true) ^ change.crc) >>> 0, true);
    o.setUint32(p + csizeAt, o.getUint32(p + csizeAt, true) + junk.length, true);
    if (change.size !== undefined) o.setUint32(p + sizeAt, change.size, true);
  };
  patch(local, 14, 18, 22);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  o.setUint32(eocd + 16, o.getUint32(eocd + 16, true) + junk.length, true);
  for (let p = o.getUint32(eocd + 16, true), n = o.getUint16(eocd + 10, true); n > 0; n--) {
    if (out.toString('latin1', p + 46, p + 46 + name.length) === name && o.getUint16(p + 28, true) === name.length) patch(p, 16, 20, 24);
    const offset = o.getUint32(p + 42, true);
    if (offset > local) o.setUint32(p + 42, offset + junk.length, true);
    p += 46 + o.getUint16(p + 28, true) + o.getUint16(p + 30, true) + o.getUint16(p + 32, true);
  }
  return out;
}

describe('a sheet entry whose zip data is damaged reads alike whole or streamed (zlib checks the CRC-32 of a streamed part)', () => {
  const zip = readFileSync(BASE);
  const size = (unpack(zip)[SHEET] as string).length;
  it('its CRC-32 does not match: the same error every way', async () => {
    const r = await expectSame(withEntry(zip, SHEET, { crc: 1 }), 'crc');
    expect(r.error).toMatch(/^corrupt: \w+: the zip entry xl\/worksheets\/sheet1\.xml is damaged \(its checksum/);
  });
  it('its declared size lies, its CRC-32 matches: the same grid every way, as without the lie', async () => {
    for (const lie of [size - 1, size + 1000]) {
      const r = await expectSame(withEntry(zip, SHEET, { size: lie }), `size ${lie}`);
      expect(r.wb?.sheets).toEqual((await readWorkbookLean(zip, 'base')).sheets);
    }
  });
  it('bytes after its deflate data: the same error every way', async () => {
    const r = await expectSame(withEntry(zip, SHEET, { junk: Buffer.from('JUNKJUNKJUNK') }), 'junk');
    expect(r.error).toMatch(/^corrupt: \w+: the zip entry xl\/worksheets\/sheet1\.xml is damaged \(its checksum/);
  });
  it('the same entry unchanged reads as the original', async () => {
    expect((await expectSame(withEntry(zip, SHEET, {}), 'same')).wb?.sheets).toEqual((await readWorkbookLean(zip, 'base')).sheets);
  });
});

describe('rewritings of a real sheet', () => {
  const xml = unpack(readFileSync(BASE))[SHEET] as string;
  const cases: [string, (x: string) => string, boolean][] = [
    // [what, rewrite, whether the fast path still reads it itself]
    ['element names prefixed (x:row, x:c, x:v)', (x) => x.replace(/<(\/?)(sheetData|row|c|v|f)([\s>/])/g, '<$1x:$2$3').replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '), true],
    ['pretty-printed (line ends and indents between tags)', (x) => x.replace(/></g, '>\n  <'), true],
    ['the type before the reference', (x) => x.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="(\w+)"/g, '<c t="$3" r="$1"$2'), true],
    ['attributes in single quotes', (x) => x.replace(/<c r="([A-Z]+\d+)"/g, "<c r='$1'"), true],
    ['spaces around =', (x) => x.replace(/<c r="/g, '<c r = "'), true],
    ['no r on cells (positions by order)', (x) => x.replace(/<c r="[A-Z]+\d+" /g, '<c ').replace(/<c r="[A-Z]+\d+"\/>/g, '<c/>'), true],
    ['no r on rows', (x) => x.replace(/<row r="\d+"/g, '<row'), true],
    ['entities in values', (x) => x.replace(/<v>1<\/v>/g, '<v>&#49;</v>'), true],
    ['a value as CDATA', (x) => x.replace(/<v>(\d+)<\/v>/, '<v><![CDATA[$1]]></v>'), false],
    ['a comment between rows', (x) => x.replace('</row>', '</row><!-- note -->'), false],
    ['an inline string', (x) => x.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>\d+<\/v><\/c>/, '<c r="$1"$2 t="inlineStr"><is><t>Teks &amp; lain</t></is></c>'), true],
    // openpyxl writes every text so, numbers with t="n", formulas without a cached result
    ['every text an inline string, as openpyxl writes them', (x) => x.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g, (_, r: string, st = '', i: string) => `<c r="${r}"${st} t="inlineStr"><is><t${Number(i) % 3 ? '' : ' xml:space="preserve"'}>Teks ${i} </t></is></c>`).replace(/<v>([\d.]+)<\/v><\/c>/g, '<v/></c>'), true],
    ['inline strings empty, in two texts, or under another type', (x) => x.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g, (_, r: string, st = '', i: string) => [`<c r="${r}"${st} t="inlineStr"><is/></c>`, `<c r="${r}"${st} t="inlineStr"><is><t>a</t><t/><t>b</t></is></c>`, `<c r="${r}"${st} t="s"><v>${i}</v><is><t>x</t></is></c>`][Number(i) % 3]!), true],
    ['a rich-text inline string', (x) => x.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>\d+<\/v><\/c>/, '<c r="$1"$2 t="inlineStr"><is><r><rPr><b/></rPr><t>Tebal</t></r></is></c>'), false],
    ['an end tag with a space', (x) => x.replace('</c>', '</c >'), false],
    ['a prefixed r (x:r)', (x) => x.replace(/<c r="/, '<c x:r="'), true],
    ['an r written with an entity', (x) => x.replace(/<c r="([A-Z])/g, (_, l: string) => `<c r="&#${l.charCodeAt(0)};`), true],
  ];
  for (const [what, rewrite, fast] of cases) {
    it(`${what}: same grid${fast ? ', read by the fast path' : ', handed to the general path'}`, async () => {
      const x = rewrite(xml);
      expect(x, 'the rewrite changed nothing').not.toBe(xml);
      const general = await expectSame(withSheet(x), what);
      expect(general.wb, general.error).toBeDefined();
      expect(fastReads(x)).toBe(fast);
    });
  }
});

describe('styled empty cells in runs, as LibreOffice writes a formatted row (empty-cells.ts)', () => {
  const xml = unpack(readFileSync(BASE))[SHEET] as string;
  const col = (n: number): string => (n > 26 ? col(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  /** Empty cells from column `from` to `to` of row r; `odd(c, r)` may write one of them another way. */
  const run = (r: string, from: number, to: number, odd: (c: number, r: string) => string | undefined = () => undefined) => {
    let out = '';
    for (let c = from; c <= to; c++) out += odd(c, r) ?? `<c r="${col(c)}${r}" s="${c % 3}"/>`;
    return out;
  };
  /** Every row padded with empty cells: before its first cell (A) and after its last (P to column 120). */
  const padded = (x: string, odd?: (c: number, r: string) => string | undefined) =>
    x.replace(/(<row r="(\d+)"[^>]*>)(.*?)<\/row>/g, (_, open: string, r: string, cells: string) => `${open}${cells.startsWith('<c r="A') ? '' : run(r, 1, 1, odd)}${cells}${run(r, 16, 120, odd)}</row>`);
  const base = async () => (await readWorkbookLean(readFileSync(BASE), 'base')).sheets;

  const cases: [string, (x: string) => string, boolean][] = [
    // [what, rewrite, whether it reads exactly as the sheet without the padding]
    ['every row padded to column 120', (x) => padded(x), true],
    ['prefixed names (x:c) padded', (x) => padded(x).replace(/<(\/?)(sheetData|row|c|v|f)([\s>/])/g, '<$1x:$2$3').replace('<worksheet ', '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '), true],
    // LibreOffice's shape (r and s) is matched apart, any other shape goes on from where it stops
    ['runs mixing LibreOffice\'s shape with others (t and s, r alone, other attributes)', (x) => padded(x, (c, r) => (c % 5 === 0 ? `<c r="${col(c)}${r}" t="n" s="1"/>` : c % 7 === 0 ? `<c r="${col(c)}${r}"/>` : c % 11 === 0 ? `<c r="${col(c)}${r}" s="2" cm="1"/>` : undefined)), true],
    ['cells without r inside runs and ending them', (x) => padded(x, (c) => (c % 17 === 0 || c === 120 ? '<c s="1"/>' : undefined)), false],
    ['a content cell without r right after a run', (x) => padded(x).replace(/(<c r="DP\d+" s="\d"\/>)<\/row>/, '$1<c t="str"><v>after</v></c></row>'), false],
    // cells of a run naming another row, its last one naming none, then a cell placed by order: it lands after the run
    ...['DP0', 'AAAA9', 'DP1234567890'].map((last): [string, (x: string) => string, boolean] => [
      `a run ending at ${last} (no row set), then a cell without r`,
      (x) => padded(x, (c) => (c === 120 ? `<c r="${last}" s="0"/><c t="str"><v>placed</v></c>` : c > 100 ? `<c r="${col(c)}999" s="0"/>` : undefined)),
      false,
    ]),
    ['a run spelled out in a CDATA value, runs after it', (x) => padded(x).replace('</row>', `<c r="DQ1" t="str"><v><![CDATA[${run('1', 1, 30)}]]></v></c></row>`), false],
    ['a run inside a comment', (x) => padded(x).replace('</row>', `<!--${run('1', 121, 200)}--></row>`), true],
    ['runs pretty-printed (a line end between cells)', (x) => padded(x).replace(/\/><c /g, '/>\n<c '), true],
    ['an attribute with an entity or a line end in a run', (x) => padded(x, (c) => (c === 60 ? `<c r="${col(c)}1" s="&#49;"/>` : c === 61 ? `<c r="${col(c)}1"\ns="1"/>` : undefined)), false],
  ];
  for (const [what, rewrite, asBase] of cases) {
    it(`${what}: the same grid every way${asBase ? ', and as without the padding' : ''}`, async () => {
      const x = rewrite(xml);
      expect(x.length, 'the padding is there').toBeGreaterThan(xml.length * 3);
      const general = await expectSame(withSheet(x), what, true);
      expect(general.wb, general.error).toBeDefined();
      if (asBase) expect(general.wb!.sheets).toEqual(await base());
    });
  }

  it('a 16,384-column part leaves the filter as small as its cells with content', () => {
    const wide = padded(xml).replace(/<c r="DP(\d+)" s="\d"\/><\/row>/g, (_, r: string) => `${run(r, 121, 16384)}</row>`);
    const bytes = Buffer.from(wide, 'utf8');
    expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);
    const filter = new EmptyCellFilter();
    for (let i = 0; i < bytes.length; i += 65536) filter.push(bytes.subarray(i, i + 65536));
    const out = filter.finish();
    // each run keeps its last cell, and a cell cut between two pieces may stay: no more than the sheet itself
    expect(out.length).toBeLessThan(xml.length * 2);
    expect(out).toContain('<c r="XFD5" s="');
  });
});

describe('rewritings of real shared strings', () => {
  const xml = unpack(readFileSync(BASE))[SST] as string;
  const run = '<r><rPr><b/><sz val="12"/><rFont val="Arial"/></rPr><t xml:space="preserve">Tebal </t></r><r><t>biasa &amp; lain</t></r>';
  const cases: [string, (x: string) => string, boolean][] = [
    ['rich-text runs', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, `<si>${run}</si>`), true],
    ['a run with an empty rPr and one without', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si><r><rPr/><t>a</t></r><r><t>b</t></r></si>'), true],
    ['pretty-printed', (x) => x.replace(/<si>/g, '\n  <si>'), true],
    ['empty items and texts (<si/>, <t/>)', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si/><si><t/></si>'), true],
    ['entities and character references', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si><t>&lt;b&gt; &#65;&#x42; &quot;x&quot;</t></si>'), true],
    ['a phonetic run (rPh)', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>'), false],
    ['prefixed names (x:si)', (x) => x.replace(/<(\/?)(sst|si|t)([\s>/])/g, '<$1x:$2$3').replace('<x:sst ', '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '), false],
    ['a comment between items', (x) => x.replace('</si>', '</si><!-- c -->'), false],
    ['CDATA in a text', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si><t><![CDATA[a <b> c]]></t></si>'), false],
    ['a t hidden in rPr', (x) => x.replace(/<si><t>([^<]*)<\/t><\/si>/, '<si><r><rPr><t>x</t></rPr><t>y</t></r></si>'), false],
  ];
  for (const [what, rewrite, fast] of cases) {
    it(`${what}: same strings${fast ? ', read by the fast path' : ', handed to the general path'}`, async () => {
      const x = rewrite(xml);
      expect(x, 'the rewrite changed nothing').not.toBe(xml);
      const general = await expectSame(withPart(SST, x), what);
      expect(general.wb, general.error).toBeDefined();
      expect(fastStrings(x)).toBe(fast);
    });
  }
});

describe('seeded damage', () => {
  const xml = unpack(readFileSync(BASE))[SHEET] as string;
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>') + 12;
  const bits = ['<', '>', '/', '"', "'", '=', '&', '&amp;', '&#;', ';', ' ', 'x:', 'c', 'v', 'f', 'row', '<c>', '</c>', '<v>', '</v>', '<f/>', '<!--', '-->', ']]>', '\r', 'r="', 't="s"', 'A1'];
  let seed = 0x9e3779b9;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  it('300 damaged sheets: the same grid or the same error, whichever path reads them', async () => {
    let errors = 0;
    for (let n = 0; n < 300; n++) {
      let x = xml;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const at = start + Math.floor(rnd() * (end - start));
        const cut = rnd() < 0.5 ? Math.floor(rnd() * 4) : 0;
        x = x.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + x.slice(at + cut);
      }
      const r = await expectSame(withSheet(x), `case ${n}`);
      if (r.error) errors++;
    }
    // the damage is real: many cases break the XML, many do not
    expect(errors).toBeGreaterThan(30);
    expect(errors).toBeLessThan(270);
  });
  it('200 damaged shared-strings parts: the same strings or the same error', async () => {
    const sst = unpack(readFileSync(BASE))[SST] as string;
    const rich = sst.replace(/<si><t>([^<]*)<\/t><\/si>/g, (m, t: string, at: number) => (at % 3 === 0 ? `<si><r><rPr><b/><sz val="11"/></rPr><t>${t}</t></r></si>` : m));
    let errors = 0;
    for (let n = 0; n < 200; n++) {
      let x = rich;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const at = Math.floor(rnd() * x.length);
        const cut = rnd() < 0.5 ? Math.floor(rnd() * 4) : 0;
        x = x.slice(0, at) + [...bits, 'si', 'rPr', '<r>', '</r>', '<t>', '</t>', '</si>', '<b/>'][Math.floor(rnd() * (bits.length + 8))] + x.slice(at + cut);
      }
      if ((await expectSame(withPart(SST, x), `sst case ${n}`)).error) errors++;
    }
    expect(errors).toBeGreaterThan(20);
    expect(errors).toBeLessThan(180);
  });
});
