#!/usr/bin/env node
// The hostile corpus: files as they really arrive from offices (old .xls, renamed files, password-protected
// copies, half-downloaded files, whole-column dropdowns) and files built to hurt (zip bombs, XML bombs, a million
// rows), each with what lke must answer. Written into fixtures/corpus/ by
//
//   node scripts/make-corpus.mjs            (re)write fixtures/corpus/ (deterministic: byte-identical reruns)
//   node scripts/make-corpus.mjs --check    exit 1 when fixtures/corpus/ differs from what this script writes
//
// Files that are large on disk (a million rows, a 60 MiB workbook, a 50 MiB rubric, an encrypted package whose
// directory lies past the first MiB) are never committed: tests build them in a temp folder with LARGE below.
// Everything here is a real file of its kind: zips through fflate, OLE/CFB containers written sector by sector
// (header, FAT, directory), BIFF8 records for the .xls, an OpenDocument package with its stored mimetype first.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(ROOT, 'fixtures', 'corpus');
const BASE_XLSX = join(ROOT, 'fixtures', 'lke-rb-2014-kalteng-2021.xlsx');
const MTIME = new Date(Date.UTC(2022, 2, 31, 8, 0, 0));
const MiB = 1024 * 1024;

// ───────────────────────────────────────────── zip helpers ─────────────────────────────────────────────

/** .xlsx bytes → { name: text or bytes } (text for .xml/.rels parts). */
export function unpack(bytes) {
  const out = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = /\.(xml|rels)$/.test(name) ? strFromU8(data) : data;
  return out;
}

/** { name: text | bytes | [bytes, opts] } → zip bytes, deterministic (fixed dates). */
export function pack(parts, level = 6) {
  const files = {};
  for (const [name, v] of Object.entries(parts)) {
    if (name.endsWith('/')) continue;
    files[name] = Array.isArray(v) ? v : [typeof v === 'string' ? strToU8(v) : v, {}];
  }
  return zipSync(files, { level, mtime: MTIME });
}

/** The quick-start workbook (LKE RB 2014, 59.73 CC) as parts to edit. */
export const baseParts = () => unpack(readFileSync(BASE_XLSX));
const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';

/**
 * Rewrites the uncompressed size of `name` in its local header and in the central directory: a zip that lies about
 * what it unpacks to (the data and the compressed size stay true, so the entry can be found and inflated).
 */
export function lieAboutSize(zip, name, declared) {
  const out = Uint8Array.from(zip);
  const dv = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const nameAt = (p) => nameBytes.every((b, i) => out[p + i] === b);
  let patched = 0;
  for (let p = 0; p + 46 < out.length; p++) {
    const sig = dv.getUint32(p, true);
    if (sig === 0x04034b50 && dv.getUint16(p + 26, true) === nameBytes.length && nameAt(p + 30)) {
      dv.setUint32(p + 22, declared, true);
      patched++;
    } else if (sig === 0x02014b50 && dv.getUint16(p + 28, true) === nameBytes.length && nameAt(p + 46)) {
      dv.setUint32(p + 24, declared, true);
      patched++;
    }
  }
  if (patched !== 2) throw new Error(`lieAboutSize: ${name} found ${patched} times`);
  return out;
}

// ───────────────────────────────────────── minimal packages ─────────────────────────────────────────

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function contentTypes(overrides) {
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join('')}</Types>`;
}

/** A workbook package from scratch: sheets as [name, relType, part, xml]. */
function packageOf(sheets) {
  const rels = sheets.map(([, type, part], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${part.replace(/^xl\//, '')}"/>`).join('');
  const decl = sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const parts = {
    '[Content_Types].xml': contentTypes([
      ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
      ...sheets.map(([, type, part]) => [part, `application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml`]),
    ]),
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${decl}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`,
  };
  for (const [, , part, xml] of sheets) if (xml !== undefined) parts[part] = xml;
  return parts;
}

const worksheet = (body) => `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}">${body}</worksheet>`;

// ───────────────────────────────────────── OLE / CFB containers ─────────────────────────────────────────

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;

/**
 * A Compound File Binary (v3, 512-byte sectors) holding `streams` ([name, bytes], each ≥ 4096 bytes so that it lives
 * in regular sectors, not the mini stream) under the root storage. `dirLast` puts the directory after the streams,
 * as some writers do: then it is found only by following the header, not near the start of the file.
 */
export function cfb(streams, { dirLast = false } = {}) {
  for (const [name, data] of streams) if (data.length < 4096) throw new Error(`cfb: stream ${name} under 4096 bytes`);
  const sectorsOf = (n) => Math.ceil(n / SECTOR);
  const dirEntries = 1 + streams.length;
  const dirSectors = sectorsOf(dirEntries * 128);
  const dataSectors = streams.reduce((n, [, d]) => n + sectorsOf(d.length), 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dirSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('cfb: too large for a header-only DIFAT');
  const total = fatSectors + dirSectors + dataSectors;
  const fat = new Uint32Array(fatSectors * 128).fill(FREESECT);
  for (let i = 0; i < fatSectors; i++) fat[i] = FATSECT;
  let next = fatSectors;
  const chain = (count) => {
    const start = next;
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? ENDOFCHAIN : next + i + 1;
    next += count;
    return start;
  };
  let dirStart = 0;
  if (!dirLast) dirStart = chain(dirSectors);
  const starts = streams.map(([, d]) => chain(sectorsOf(d.length)));
  if (dirLast) dirStart = chain(dirSectors);

  const out = new Uint8Array(SECTOR * (1 + total));
  const dv = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(0x18, 0x003e, true); // minor version
  dv.setUint16(0x1a, 0x0003, true); // major version 3
  dv.setUint16(0x1c, 0xfffe, true); // little-endian
  dv.setUint16(0x1e, 9, true); // 512-byte sectors
  dv.setUint16(0x20, 6, true); // 64-byte mini sectors
  dv.setUint32(0x2c, fatSectors, true);
  dv.setUint32(0x30, dirStart, true);
  dv.setUint32(0x38, 4096, true); // mini stream cutoff
  dv.setUint32(0x3c, ENDOFCHAIN, true); // no mini FAT
  dv.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i < fatSectors ? i : FREESECT, true);
  const at = (sector) => SECTOR * (1 + sector);
  fat.forEach((v, i) => dv.setUint32(at(0) + i * 4, v, true));

  // directory: the root storage, its streams chained as right siblings in CFB name order (length, then upper case)
  const order = streams.map((s, i) => i).sort((a, b) => streams[a][0].length - streams[b][0].length || (streams[a][0].toUpperCase() < streams[b][0].toUpperCase() ? -1 : 1));
  const entry = (slot, name, type, child, right, start, size) => {
    const p = at(dirStart) + slot * 128;
    for (let i = 0; i < name.length; i++) dv.setUint16(p + i * 2, name.charCodeAt(i), true);
    dv.setUint16(p + 64, (name.length + 1) * 2, true);
    out[p + 66] = type;
    out[p + 67] = 1; // black
    dv.setUint32(p + 68, NOSTREAM, true); // left sibling
    dv.setUint32(p + 72, right, true);
    dv.setUint32(p + 76, child, true);
    dv.setUint32(p + 116, start, true);
    dv.setUint32(p + 120, size, true);
  };
  entry(0, 'Root Entry', 5, order.length ? order[0] + 1 : NOSTREAM, NOSTREAM, ENDOFCHAIN, 0);
  order.forEach((si, k) => {
    const [name, data] = streams[si];
    entry(si + 1, name, 2, NOSTREAM, k + 1 < order.length ? order[k + 1] + 1 : NOSTREAM, starts[si], data.length);
    out.set(data, at(starts[si]));
  });
  for (let slot = dirEntries; slot < dirSectors * 4; slot++) {
    const p = at(dirStart) + slot * 128;
    dv.setUint32(p + 68, NOSTREAM, true);
    dv.setUint32(p + 72, NOSTREAM, true);
    dv.setUint32(p + 76, NOSTREAM, true);
  }
  return out;
}

/** BIFF8 records: [type, bytes] → the record stream, padded with zeros to `min` bytes (Excel pads to 4096). */
function biff(records, min = 4096) {
  const len = records.reduce((n, [, d]) => n + 4 + d.length, 0);
  const out = new Uint8Array(Math.max(min, len));
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const [type, data] of records) {
    dv.setUint16(p, type, true);
    dv.setUint16(p + 2, data.length, true);
    out.set(data, p + 4);
    p += 4 + data.length;
  }
  return out;
}

const le = (...fields) => {
  // fields: [bytes, value] pairs: 1, 2, 4 or 8 (a double)
  const size = fields.reduce((n, [w]) => n + w, 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const [w, v] of fields) {
    if (w === 1) dv.setUint8(p, v);
    else if (w === 2) dv.setUint16(p, v, true);
    else if (w === 4) dv.setUint32(p, v, true);
    else dv.setFloat64(p, v, true);
    p += w;
  }
  return out;
};

/** An Excel 97-2003 workbook: a "Workbook" stream of BIFF8 records (globals, one sheet "LKE" with a number). */
export function xls() {
  const bof = (dt) => [0x0809, le([2, 0x0600], [2, dt], [2, 0x0dbb], [2, 0x07cc], [4, 0], [4, 6])];
  const eof = [0x000a, new Uint8Array(0)];
  const name = strToU8('LKE');
  const sheetBofAt = () => 4 + 16 + 4 + 2 + 4 + (8 + name.length) + 4; // BOF, CODEPAGE, BOUNDSHEET8, EOF
  const globals = [bof(0x0005), [0x0042, le([2, 1200])], [0x0085, Uint8Array.of(...le([4, sheetBofAt()], [1, 0], [1, 0], [1, name.length], [1, 0]), ...name)], eof];
  const sheet = [bof(0x0010), [0x0200, le([4, 0], [4, 1], [2, 0], [2, 1], [2, 0])], [0x0203, le([2, 0], [2, 0], [2, 15], [8, 59.73])], eof];
  return cfb([['Workbook', biff([...globals, ...sheet])]]);
}

/** Deterministic filler bytes (an encrypted package looks random). */
function noise(n, seed = 7) {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Excel's "Encrypt with Password": an OLE container with EncryptionInfo (agile) and EncryptedPackage streams. */
export function encryptedXlsx({ packageBytes = 8192, dirLast = false } = {}) {
  const descriptor = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></keyEncryptor></keyEncryptors></encryption>`,
  );
  const info = new Uint8Array(4096);
  info.set(le([2, 4], [2, 4], [4, 0x40]), 0); // version 4.4 (agile), flags
  info.set(descriptor, 8);
  const pkg = new Uint8Array(packageBytes);
  new DataView(pkg.buffer).setUint32(0, packageBytes - 8, true); // StreamSize, then the AES blocks
  pkg.set(noise(packageBytes - 8), 8);
  return cfb([['EncryptionInfo', info], ['EncryptedPackage', pkg]], { dirLast });
}

/** A Word 97-2003 document (an OLE container with a WordDocument stream) sent instead of the worksheet. */
export function wordDoc() {
  const wd = new Uint8Array(4096);
  wd.set(le([2, 0xa5ec], [2, 0x00c1]), 0); // the FIB's wIdent and nFib
  return cfb([['WordDocument', wd], ['1Table', new Uint8Array(4096)]]);
}

/** An OpenDocument spreadsheet: the stored `mimetype` entry first, then the manifest and the content. */
export function ods() {
  const mime = 'application/vnd.oasis.opendocument.spreadsheet';
  return zipSync(
    {
      mimetype: [strToU8(mime), { level: 0 }],
      'META-INF/manifest.xml': [strToU8(`${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`), {}],
      'content.xml': [
        strToU8(`${XML_HEAD}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="LKE"><table:table-row><table:table-cell office:value-type="string"><text:p>PENILAIAN</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Jawaban</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`),
        {},
      ],
    },
    { mtime: MTIME },
  );
}

// ───────────────────────────────────────── edits of the base workbook ─────────────────────────────────────────

/** The base workbook with its sheet XML (and optionally other parts) edited. */
function edited(editSheet, more = (p) => p) {
  const p = baseParts();
  p[SHEET] = editSheet(p[SHEET]);
  return pack(more(p));
}

/** Adds a VBA project: the part, its relationship and the macro-enabled content type (what Excel writes for .xlsm). */
function withMacros(p) {
  p['xl/vbaProject.bin'] = cfb([['PROJECT', strToU8('ID="{00000000-0000-0000-0000-000000000000}"\r\nDocument=ThisWorkbook/&H00000000\r\nName="VBAProject"\r\n'.padEnd(4096, ' '))]]);
  p['[Content_Types].xml'] = p['[Content_Types].xml']
    .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
    .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
  p['xl/_rels/workbook.xml.rels'] = p['xl/_rels/workbook.xml.rels'].replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>');
  return p;
}

/** Dropdowns (data validation) over whole columns, as official templates ship them. */
const WHOLE_COLUMN_DROPDOWNS =
  '<dataValidations count="3"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="J:J"><formula1>"Ya,Tidak,A,B,C,D,E"</formula1></dataValidation><dataValidation type="decimal" allowBlank="1" sqref="K6:K1048576"><formula1>0</formula1><formula2>100</formula2></dataValidation><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>$Z$1:$Z$3</formula1></dataValidation></dataValidations>';
const beforeMargins = (xml, insert) => xml.replace('<pageMargins', `${insert}<pageMargins`);

/**
 * Every tenth question row (one with an answer in column J) pasted again right below itself, as a copy-paste slip
 * does: the copy gets the next row number and every later row moves down one.
 */
function duplicateQuestionRows(xml) {
  let shift = 0;
  let n = 0;
  const moved = (row, by) => row.replace(/(<row r=")(\d+)/, (_, a, r) => a + (Number(r) + by)).replace(/(<c r="[A-Z]+)(\d+)/g, (_, a, r) => a + (Number(r) + by));
  return xml.replace(/<row r="\d+"[^>]*>.*?<\/row>/g, (row) => {
    const out = moved(row, shift);
    if (!/<c r="J\d+"/.test(row) || n++ % 10 !== 0) return out;
    shift++;
    return out + moved(row, shift);
  });
}

/** Every value cell becomes an Excel error (formulas keep their text, their cached value becomes the error). */
const ERRORS = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!'];
function allErrors(xml, { fromRow = 0, columns = /./ } = {}) {
  let i = 0;
  return xml.replace(/<c r="([A-Z]+)(\d+)"([^>]*?)(\/>|>(.*?)<\/c>)/g, (cell, col, row, attrs, _end, inner = '') => {
    if (Number(row) < fromRow || !columns.test(col)) return cell;
    const f = /<f[ >].*?<\/f>|<f\/>/.exec(inner)?.[0] ?? '';
    return `<c r="${col}${row}"${attrs.replace(/\s*t="[^"]*"/, '')} t="e">${f}<v>${ERRORS[i++ % ERRORS.length]}</v></c>`;
  });
}

/** The header row removed (the LKE rows without the row that says which column is what). */
const noHeader = (xml) => xml.replace(/<row r="5"[^>]*>.*?<\/row>/, '');

/** N elements nested inside each other in the sheet's extension list, a shape that overflows recursive parsers. */
const deepNesting = (xml, depth) => xml.replace('</worksheet>', `<extLst><ext uri="{lke-deep}">${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</ext></extLst></worksheet>`);

/** Thousands of merged ranges piled over the whole sheet (A1:XFD1048576): invalid, and slow for a naive reader. */
const pileOfMerges = (xml, n) => xml.replace(/<mergeCells count="(\d+)">/, (_, c) => `<mergeCells count="${Number(c) + n}">${'<mergeCell ref="A1:XFD1048576"/>'.repeat(n)}`);

/** "Billion laughs" in the shared strings (nested internal entities), plus an external entity that reads a local file. */
function entityBomb(xml) {
  const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
  return xml
    .replace(/^(<\?xml[^>]*\?>\s*)/, `$1<!DOCTYPE sst [${lol}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
    .replace('<si><t>Pemerintah Provinsi Kalimantan Tengah</t></si>', '<si><t>&lol9;&xxe;</t></si>');
}

// ───────────────────────────────────────── rubric YAML cases ─────────────────────────────────────────

/** A small valid rubric: the base every rubric case breaks in one way. */
export const VALID_RUBRIC = `# A small valid rubric (the hostile rubric cases each break one thing in it).
id: corpus-mini
title: LKE corpus mini
regulation: none (test data)
kind: rb
scales:
  yt:
    type: choice
    label: Y/T
    options:
      - {code: Ya, score: 1}
      - {code: Tidak, score: 0}
predikat:
  bands:
    - {code: Baik, above: 50}
    - {code: Kurang}
tree:
  - code: A
    level: component
    name: Pengungkit
    bobot: 100
    children:
      - code: A.I
        level: indicator
        name: Manajemen perubahan
        bobot: 100
        questions:
          - {code: A.I.a, text: Tim reformasi birokrasi telah dibentuk, scale: yt}
          - {code: A.I.b, text: Road map reformasi birokrasi telah disusun, scale: yt}
`;

function billionLaughs() {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n${VALID_RUBRIC}`;
}

const rubricCases = () => ({
  'valid.yaml': VALID_RUBRIC,
  'alias-bomb.yaml': billionLaughs(),
  'unknown-key.yaml': VALID_RUBRIC.replace('        bobot: 100\n        questions:', '        bobot: 100\n        bobott: 100\n        questions:'),
  'wrong-type.yaml': VALID_RUBRIC.replace("    options:\n      - {code: Ya, score: 1}\n      - {code: Tidak, score: 0}", '    options: Ya atau Tidak'),
  'negative-bobot.yaml': VALID_RUBRIC.replace('    bobot: 100\n    children:', '    bobot: -100\n    children:'),
  'non-numeric-bobot.yaml': VALID_RUBRIC.replace('        bobot: 100\n        questions:', '        bobot: seratus persen\n        questions:'),
  'duplicate-codes.yaml': VALID_RUBRIC.replace('{code: A.I.b,', '{code: A.I.a,'),
  'duplicate-keys.yaml': VALID_RUBRIC.replace('kind: rb\n', 'kind: rb\nkind: zi\n'),
  'custom-tag.yaml': VALID_RUBRIC.replace('title: LKE corpus mini', 'title: !!js/function "function () { require(\'child_process\').execSync(\'touch /tmp/pwned\') }"'),
  'include-tag.yaml': VALID_RUBRIC.replace('regulation: none (test data)', 'regulation: !include /etc/passwd'),
  'non-utf8.yaml': Uint8Array.from([...strToU8(VALID_RUBRIC.replace('Pengungkit', 'PENGUNGKIT_'))].map((b, i, a) => (b === 0x5f && a[i - 1] === 0x54 ? 0xe9 : b))), // "PENGUNGKITé" in Latin-1
  'utf16.yaml': Uint8Array.from([0xff, 0xfe, ...[...VALID_RUBRIC].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]), // Notepad's "Unicode"
  'deep-formula.yaml': VALID_RUBRIC.replace(
    '          - {code: A.I.b, text: Road map reformasi birokrasi telah disusun, scale: yt}\n',
    `          - code: A.I.b\n            text: Persentase pegawai yang mengikuti sosialisasi\n            scale: pct\n            inputs: [{key: a, code: A.I.b(a), text: Jumlah pegawai}, {key: b, code: A.I.b(b), text: Jumlah peserta}]\n            formula: "${'('.repeat(20000)}b / a${')'.repeat(20000)}"\n`,
  ).replace('predikat:', '  pct: {type: percent, label: "%"}\npredikat:'),
  'deep-nesting.yaml': `${VALID_RUBRIC}x: ${'['.repeat(10000)}${']'.repeat(10000)}\n`,
  'not-yaml.yaml': `{{{ [[[ ]]] :::\n\t- - -\n`,
  'empty.yaml': '',
});

// ───────────────────────────────────────── the cases ─────────────────────────────────────────

/**
 * Each committed case: where it goes, what it is, and what lke must answer. `code` is the error code (status
 * "error"), or "scored" with the exit code of a single-file run. `hint` must appear in the one line on stderr.
 */
export const CASES = [
  { file: 'workbook/empty.xlsx', what: 'an empty file (0 bytes)', code: 'file-empty', hint: /empty \(0 bytes\); send the worksheet again/ },
  { file: 'workbook/text-renamed.xlsx', what: 'a CSV export renamed .xlsx', code: 'not-a-workbook', hint: /not an \.xlsx workbook.*save it as \.xlsx in Excel/ },
  { file: 'workbook/html-renamed.xlsx', what: 'an HTML table saved by a web application as a "spreadsheet"', code: 'not-a-workbook', hint: /not an \.xlsx workbook.*save it as \.xlsx in Excel/ },
  { file: 'workbook/truncated-half.xlsx', what: 'a half-downloaded workbook (the first half of the bytes)', code: 'corrupt', hint: /truncated.*send or download it again/ },
  { file: 'workbook/truncated-tail.xlsx', what: 'a workbook missing its last 100 bytes (the zip directory cut)', code: 'corrupt', hint: /truncated.*send or download it again/ },
  { file: 'workbook/old-excel-97.xls', what: 'an Excel 97-2003 workbook: BIFF8 records in an OLE/CFB container', code: 'xls-format', hint: /Excel 97-2003 \(\.xls\).*save it as \.xlsx/ },
  { file: 'workbook/xls-renamed.xlsx', what: 'the same .xls renamed .xlsx', code: 'xls-format', hint: /Excel 97-2003 \(\.xls\).*save it as \.xlsx/ },
  { file: 'workbook/password-protected.xlsx', what: "Excel's Encrypt with Password: an OLE container with EncryptionInfo and EncryptedPackage", code: 'encrypted', hint: /password-protected; remove the password/ },
  { file: 'workbook/word-document.xlsx', what: 'a Word 97-2003 document renamed .xlsx', code: 'not-a-workbook', hint: /not a workbook.*send the worksheet saved as \.xlsx/ },
  { file: 'workbook/libreoffice.ods', what: 'an OpenDocument spreadsheet (stored mimetype first)', code: 'ods-format', hint: /OpenDocument.*save it as \.xlsx/ },
  { file: 'workbook/binary-xlsb.xlsx', what: 'an Excel binary workbook (.xlsb) renamed .xlsx: a zip without xl/workbook.xml', code: 'not-a-workbook', hint: /not an Excel workbook.*save it as \.xlsx/ },
  { file: 'workbook/macros.xlsm', what: 'the quick-start workbook saved macro-enabled (xl/vbaProject.bin): macros ignored, scored', code: 'scored', exit: 0 },
  { file: 'workbook/zip-bomb-ratio.xlsx', what: 'a sheet part declaring its true 256 MiB, deflated ~1000×: refused from the zip directory, before inflating', code: 'zip-bomb', hint: /expands .*×.*--max-ratio/ },
  { file: 'workbook/zip-bomb-lying.xlsx', what: 'the same bomb whose headers declare 300 KB: refused while inflating', code: 'zip-bomb', hint: /expands more than .*×.*--max-ratio/ },
  { file: 'workbook/columns-16384.xlsx', what: 'a sheet with content in all 16,384 columns (A..XFD)', code: 'too-many-columns', hint: /beyond the 2000-column limit.*--max-columns/ },
  { file: 'workbook/whole-column-dropdowns.xlsx', what: 'the quick-start workbook with dropdowns over whole columns (J:J, K6:K1048576, A1:XFD1048576)', code: 'scored', exit: 0 },
  { file: 'workbook/deep-nesting.xlsx', what: 'the quick-start workbook with 100,000 nested elements in the sheet XML', code: 'scored', exit: 0 },
  { file: 'workbook/xml-entities.xlsx', what: 'shared strings with a DOCTYPE: "billion laughs" entities and an external entity (file:///etc/passwd)', code: 'corrupt', hint: /DOCTYPE with entities.*save it again/ },
  { file: 'workbook/no-worksheet.xlsx', what: 'a workbook that declares no sheet at all', code: 'no-worksheet', hint: /no worksheet/ },
  { file: 'workbook/chart-sheet-only.xlsx', what: 'a workbook whose only sheet is a chart sheet', code: 'no-worksheet', hint: /no worksheet/ },
  { file: 'workbook/merges-over-whole-sheet.xlsx', what: '2,000 merged ranges piled over A1:XFD1048576 (only A1 keeps a value)', code: 'no-lke-sheet', hint: /no LKE sheet found/ },
  { file: 'workbook/no-header-row.xlsx', what: 'the LKE rows without their header row', code: 'no-lke-sheet', hint: /no LKE sheet found/ },
  { file: 'workbook/duplicated-question-rows.xlsx', what: 'every tenth question row pasted twice', code: 'scored', exit: 1 },
  { file: 'workbook/all-excel-errors.xlsx', what: 'every cell an Excel error value (#N/A, #REF!, …)', code: 'no-lke-sheet', hint: /no LKE sheet found/ },
  { file: 'workbook/answer-columns-excel-errors.xlsx', what: 'every cell of the Jawaban, Nilai, %, Catatan and Bukti columns an Excel error value', code: 'scored', exit: 1 },
  { file: 'rubric/valid.yaml', what: 'the valid base of the rubric cases', rubric: true, code: 'valid' },
  { file: 'rubric/alias-bomb.yaml', what: '"billion laughs": nine levels of nine aliases', rubric: true, hint: /alias/i },
  { file: 'rubric/unknown-key.yaml', what: 'an unknown key (bobott)', rubric: true, hint: /unknown-key\.yaml:\d+:\d+: .*bobott/ },
  { file: 'rubric/wrong-type.yaml', what: 'options as a string instead of a list', rubric: true, hint: /wrong-type\.yaml:\d+:\d+: .*options/ },
  { file: 'rubric/negative-bobot.yaml', what: 'a negative bobot', rubric: true, hint: /negative-bobot\.yaml:\d+:\d+: .*bobot/ },
  { file: 'rubric/non-numeric-bobot.yaml', what: 'bobot "seratus persen"', rubric: true, hint: /non-numeric-bobot\.yaml:\d+:\d+: .*bobot/ },
  { file: 'rubric/duplicate-codes.yaml', what: 'two questions with the same code', rubric: true, hint: /duplicate-codes\.yaml:\d+:\d+: .*A\.I\.a/ },
  { file: 'rubric/duplicate-keys.yaml', what: 'the same key twice in a mapping', rubric: true, hint: /duplicate-keys\.yaml:\d+:\d+: .*(unique|duplicate)/i },
  { file: 'rubric/custom-tag.yaml', what: 'a !!js/function tag (code execution in unsafe loaders)', rubric: true, hint: /custom-tag\.yaml:\d+:\d+: tags are not allowed/ },
  { file: 'rubric/include-tag.yaml', what: 'an !include tag (file inclusion in some loaders)', rubric: true, hint: /include-tag\.yaml:\d+:\d+: tags are not allowed/ },
  { file: 'rubric/non-utf8.yaml', what: 'Latin-1 bytes (é as 0xE9)', rubric: true, hint: /not valid UTF-8 text; save the rubric as UTF-8/ },
  { file: 'rubric/utf16.yaml', what: 'UTF-16 with a BOM (Notepad\'s "Unicode")', rubric: true, hint: /not valid UTF-8 text; save the rubric as UTF-8/ },
  { file: 'rubric/deep-formula.yaml', what: 'a ratio formula nested 20,000 parentheses deep', rubric: true, hint: /deep-formula\.yaml:\d+:\d+: question A\.I\.b: .*call stack/ },
  { file: 'rubric/deep-nesting.yaml', what: 'YAML lists nested 10,000 deep', rubric: true, hint: /deep-nesting\.yaml:\d+:\d+: invalid YAML/ },
  { file: 'rubric/not-yaml.yaml', what: 'not YAML at all', rubric: true, hint: /not-yaml\.yaml:\d+:\d+: invalid YAML/ },
  { file: 'rubric/empty.yaml', what: 'an empty file', rubric: true, hint: /empty\.yaml/ },
];

/** name → bytes of every committed case. */
export function buildCorpus() {
  const base = readFileSync(BASE_XLSX);
  const xlsBytes = xls();
  // 256 MiB of blank space inside a valid sheet: deflate packs it ~1000×
  const bombSheet = () => {
    const head = strToU8(worksheet('<sheetData>').replace('</worksheet>', ''));
    const tail = strToU8('</sheetData></worksheet>');
    const body = new Uint8Array(256 * MiB).fill(0x20);
    body.set(head, 0);
    body.set(tail, body.length - tail.length);
    return body;
  };
  const bomb = pack(packageOf([['LKE', 'worksheet', 'xl/worksheets/sheet1.xml', bombSheet()]]), 9);
  const bombEntry = 'xl/worksheets/sheet1.xml';
  const compressed = (() => {
    const dv = new DataView(bomb.buffer, bomb.byteOffset);
    for (let p = bomb.length - 22; p >= 0; p--) if (dv.getUint32(p, true) === 0x02014b50 && strFromU8(bomb.subarray(p + 46, p + 46 + dv.getUint16(p + 28, true))) === bombEntry) return dv.getUint32(p + 20, true);
    throw new Error('bomb entry');
  })();
  const wb = {
    'workbook/empty.xlsx': new Uint8Array(0),
    'workbook/text-renamed.xlsx': 'No;Komponen;Jawaban;Nilai\nA.I.1.a;Tim RB telah dibentuk;Ya;1\nA.I.1.b;Road map telah disusun;B;0.5\n',
    'workbook/html-renamed.xlsx': '<html><head><meta charset="utf-8"></head><body><table><tr><td>PENILAIAN</td><td>Jawaban</td></tr><tr><td>A.I.1.a</td><td>Ya</td></tr></table></body></html>\n',
    'workbook/truncated-half.xlsx': base.subarray(0, Math.floor(base.length / 2)),
    'workbook/truncated-tail.xlsx': base.subarray(0, base.length - 100),
    'workbook/old-excel-97.xls': xlsBytes,
    'workbook/xls-renamed.xlsx': xlsBytes,
    'workbook/password-protected.xlsx': encryptedXlsx(),
    'workbook/word-document.xlsx': wordDoc(),
    'workbook/libreoffice.ods': ods(),
    'workbook/binary-xlsb.xlsx': pack({
      '[Content_Types].xml': contentTypes([['xl/workbook.bin', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main']]),
      '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      'xl/workbook.bin': Uint8Array.of(0x83, 0x01, 0x00, 0x84, 0x01, 0x00),
    }),
    'workbook/macros.xlsm': pack(withMacros(baseParts())),
    'workbook/zip-bomb-ratio.xlsx': bomb,
    'workbook/zip-bomb-lying.xlsx': lieAboutSize(bomb, bombEntry, compressed * 2),
    'workbook/columns-16384.xlsx': pack(
      packageOf([['LKE', 'worksheet', 'xl/worksheets/sheet1.xml', worksheet(`<sheetData><row r="1">${Array.from({ length: 16384 }, (_, i) => `<c><v>${i + 1}</v></c>`).join('')}</row></sheetData>`)]]),
    ),
    'workbook/whole-column-dropdowns.xlsx': edited((x) => beforeMargins(x, WHOLE_COLUMN_DROPDOWNS)),
    'workbook/deep-nesting.xlsx': edited((x) => deepNesting(x, 100_000)),
    'workbook/xml-entities.xlsx': edited(
      (x) => x,
      (p) => ({ ...p, [SST]: entityBomb(p[SST]) }),
    ),
    'workbook/no-worksheet.xlsx': pack(packageOf([])),
    'workbook/chart-sheet-only.xlsx': pack({
      ...packageOf([['Grafik', 'chartsheet', 'xl/chartsheets/sheet1.xml', `${XML_HEAD}<chartsheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`]]),
      'xl/chartsheets/_rels/sheet1.xml.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
      'xl/drawings/drawing1.xml': `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
    }),
    'workbook/merges-over-whole-sheet.xlsx': edited((x) => pileOfMerges(x, 2000)),
    'workbook/no-header-row.xlsx': edited(noHeader),
    'workbook/duplicated-question-rows.xlsx': edited(duplicateQuestionRows),
    'workbook/all-excel-errors.xlsx': edited((x) => allErrors(x)),
    'workbook/answer-columns-excel-errors.xlsx': edited((x) => allErrors(x, { fromRow: 6, columns: /^[J-N]$/ })),
  };
  const out = new Map();
  for (const [name, v] of Object.entries(wb)) out.set(name, typeof v === 'string' ? strToU8(v) : v);
  for (const [name, v] of Object.entries(rubricCases())) out.set(`rubric/${name}`, typeof v === 'string' ? strToU8(v) : v);
  return out;
}

// ───────────────────────────────────────── large cases, built at test time ─────────────────────────────────────────

/** The cases too big to commit: name → () => bytes; each writes into a temp folder with writeLarge(). */
export const LARGE = {
  /** 1,000,000 rows with content: refused by the row limit. */
  'million-rows.xlsx': () => {
    const rows = [];
    for (let r = 1; r <= 1_000_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r % 7}</v></c></row>`);
    return pack(packageOf([['LKE', 'worksheet', 'xl/worksheets/sheet1.xml', worksheet(`<sheetData>${rows.join('')}</sheetData>`)]]), 1);
  },
  /** The quick-start LKE with every row down to 1,048,576 formatted (styled empty rows) and whole-column dropdowns: scored. */
  'formatted-to-row-1048576.xlsx': () =>
    edited((x) => {
      const empty = [];
      for (let r = 212; r <= 1_048_576; r++) empty.push(`<row r="${r}" s="2" customFormat="1" ht="15" customHeight="1"/>`);
      return beforeMargins(x.replace('</sheetData>', `${empty.join('')}</sheetData>`), WHOLE_COLUMN_DROPDOWNS);
    }),
  /** Over the 50 MiB default file size (a zip whose content does not matter: refused before it is read). */
  'sixty-mib.xlsx': () => {
    const b = new Uint8Array(60 * MiB);
    b.set([0x50, 0x4b, 0x03, 0x04]);
    return b;
  },
  /** Encrypted, with the OLE directory after a 2 MiB package: only the CFB header says where it is. */
  'password-protected-large.xlsx': () => encryptedXlsx({ packageBytes: 2 * MiB, dirLast: true }),
  /** A 50 MiB rubric (comments after the valid rubric): refused by the rubric size limit. */
  'rubric-50mib.yaml': () => {
    const line = strToU8(`# ${'x'.repeat(76)}\n`);
    const b = new Uint8Array(50 * MiB);
    b.set(strToU8(VALID_RUBRIC));
    for (let p = VALID_RUBRIC.length; p + line.length <= b.length; p += line.length) b.set(line, p);
    return b.subarray(0, b.length - (b.length - VALID_RUBRIC.length) % line.length);
  },
};

export function writeLarge(dir, name) {
  const file = join(dir, name);
  writeFileSync(file, LARGE[name]());
  return file;
}

// ───────────────────────────────────────── main ─────────────────────────────────────────

function describeCorpus() {
  const lines = [
    '# Hostile corpus',
    '',
    'Generated by `node scripts/make-corpus.mjs` (do not edit by hand; `--check` verifies it is up to date). Each file',
    'is one way a worksheet or a rubric arrives broken or hostile; test/hostile-corpus.test.ts runs lke on each and',
    'checks the exit code, the one-line message and its hint, time and memory. Larger cases (a million rows, a sheet',
    'formatted to row 1,048,576, a 60 MiB file, an encrypted package with its directory past the first MiB, a 50 MiB',
    'rubric) are built by the tests in a temp folder, never committed.',
    '',
    '| File | What it is | lke answers |',
    '|---|---|---|',
  ];
  for (const c of CASES) {
    const outcome = c.rubric ? (c.code === 'valid' ? 'loads' : 'exit 2, `file:line:col` or file: message') : c.code === 'scored' ? `scored, exit ${c.exit}` : `exit 2, \`${c.code}\``;
    lines.push(`| \`${c.file}\` | ${c.what} | ${outcome} |`);
  }
  return `${lines.join('\n')}\n`;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)]));
}

function main() {
  const check = process.argv.includes('--check');
  const corpus = buildCorpus();
  corpus.set('README.md', strToU8(describeCorpus()));
  const names = new Set(CASES.map((c) => c.file));
  for (const name of corpus.keys()) if (name !== 'README.md' && !names.has(name)) throw new Error(`${name} has no entry in CASES`);
  if (check) {
    const stale = [...corpus].filter(([name, bytes]) => {
      const p = join(CORPUS_DIR, name);
      return !existsSync(p) || Buffer.compare(readFileSync(p), Buffer.from(bytes)) !== 0;
    });
    const extra = listFiles(CORPUS_DIR).map((f) => relative(CORPUS_DIR, f).split('\\').join('/')).filter((n) => !corpus.has(n));
    if (stale.length || extra.length) {
      console.error(`fixtures/corpus is out of date: ${[...stale.map(([n]) => n), ...extra].join(', ')} (run node scripts/make-corpus.mjs)`);
      process.exit(1);
    }
    console.log(`fixtures/corpus: ${corpus.size} files up to date`);
    return;
  }
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  let total = 0;
  for (const [name, bytes] of corpus) {
    const p = join(CORPUS_DIR, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, bytes);
    total += bytes.length;
  }
  console.log(`fixtures/corpus: ${corpus.size} files, ${(total / 1024).toFixed(0)} KiB`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

export { SHEET, SST };
