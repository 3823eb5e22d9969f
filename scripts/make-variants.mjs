#!/usr/bin/env node
// Variants of the two real sample worksheets (../shared/domain/samples) as offices and their scripts save them:
// a value typed in another locale, a percentage on a 0-100 input, answers written as formulas, the workbook saved
// by openpyxl (formulas without cached values), evidence columns headed differently, a second LKE sheet, a rubric
// stamp, a file name carrying the OPD and the year. The tests build them into a temp dir (test/helpers/variants.ts);
//
//   node scripts/make-variants.mjs OUTDIR        writes every variant of VARIANTS below into OUTDIR
//
// The samples are edited at the XML level, cell by cell, so everything else in them stays as Excel wrote it.
// openpyxl is not installed here (and PyPI is unreachable), so `openpyxlSave` writes the XML openpyxl 3.x writes
// when it loads and saves a workbook: every formula as `<c r s><f>text</f><v></v></c>` (no type, an empty cached
// value; shared formulas translated into each cell, as openpyxl's reader does), strings inline
// (t="inlineStr"), numbers t="n", no calcChain. `{ noValue: true }` leaves the <v> out, as other writers do.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES = resolve(ROOT, '..', 'shared', 'domain', 'samples');
export const RB_SAMPLE = join(SAMPLES, 'lke-rb-2014-bps-2015.xlsx');
export const ZI_SAMPLE = join(SAMPLES, 'lke-zi-2021-tangsel.xlsx');
const MTIME = new Date(Date.UTC(2024, 0, 1));

// ─── parts ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The workbook's parts: XML as text, the rest as bytes. */
export function load(file) {
  const out = {};
  for (const [name, data] of Object.entries(unzipSync(readFileSync(file)))) out[name] = /\.(xml|rels)$/.test(name) ? strFromU8(data) : data;
  return out;
}

export function save(parts, file) {
  const files = {};
  for (const [name, v] of Object.entries(parts)) if (!name.endsWith('/')) files[name] = [typeof v === 'string' ? strToU8(v) : v, {}];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, zipSync(files, { level: 6, mtime: MTIME }));
  return file;
}

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');

/** Sheet name → worksheet part, in workbook order. */
export function sheetParts(parts) {
  const rels = parts['xl/_rels/workbook.xml.rels'];
  const target = (id) => new RegExp(`<Relationship[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0];
  const out = new Map();
  for (const m of parts['xl/workbook.xml'].matchAll(/<sheet\s[^>]*>/g)) {
    const rel = target(attr(m[0], 'r:id'));
    out.set(unesc(attr(m[0], 'name')), `xl/${attr(rel, 'Target').replace(/^\/?xl\//, '')}`);
  }
  return out;
}

function sheetPart(parts, sheet) {
  const p = sheetParts(parts).get(sheet);
  if (!p) throw new Error(`no sheet "${sheet}"`);
  return p;
}

export function sharedStrings(parts) {
  const xml = parts['xl/sharedStrings.xml'] ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].replace(/<rPh[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\/>/g)].map((t) => unesc(t[1] ?? '')).join(''),
  );
}

const colNo = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n) => {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const splitRef = (ref) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return { col: colNo(m[1]), row: Number(m[2]) };
};

// ─── cells ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The XML of a cell holding `value`, keeping its style: a number, a string (inline, as scripts write it), a
 * boolean, `{ formula, value? }` (a formula, with a cached value or none), or `{ number, style }`.
 */
function cellXml(ref, style, value) {
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === undefined) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`;
  if ('number' in value) return `<c r="${ref}" s="${value.style}"><v>${value.number}</v></c>`;
  const cached = value.value;
  const t = typeof cached === 'string' ? ' t="str"' : typeof cached === 'boolean' ? ' t="b"' : '';
  const v = cached === undefined ? '' : `<v>${typeof cached === 'boolean' ? (cached ? 1 : 0) : esc(cached)}</v>`;
  return `<c r="${ref}"${s}${t}><f>${esc(value.formula)}</f>${v}</c>`;
}

/** Sets cells of one sheet: { "J204": 331, "J10": { formula: '"A"' }, … }. */
export function setCells(parts, sheet, cells) {
  const part = sheetPart(parts, sheet);
  let xml = parts[part];
  for (const [ref, value] of Object.entries(cells)) {
    const { row, col } = splitRef(ref);
    const rowRe = new RegExp(`<row\\s[^>]*\\br="${row}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`);
    const rm = rowRe.exec(xml);
    if (!rm) {
      // a new row, placed after the last row above it
      const rows = [...xml.matchAll(/<row\s[^>]*\br="(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g)];
      const before = rows.filter((m) => Number(m[1]) < row).pop();
      const at = before ? before.index + before[0].length : xml.indexOf('<sheetData>') + '<sheetData>'.length;
      xml = `${xml.slice(0, at)}<row r="${row}">${cellXml(ref, undefined, value)}</row>${xml.slice(at)}`;
      continue;
    }
    const open = /^<row[^>]*?>/.exec(rm[0])[0].replace(/\/>$/, '>');
    let body = rm[1] ?? '';
    const cells = [...body.matchAll(/<c\s[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)];
    const same = cells.find((c) => attr(c[0], 'r') === ref);
    if (same) {
      body = body.slice(0, same.index) + cellXml(ref, attr(same[0], 's'), value) + body.slice(same.index + same[0].length);
    } else {
      const next = cells.find((c) => splitRef(attr(c[0], 'r')).col > col);
      const at = next ? next.index : body.length;
      body = body.slice(0, at) + cellXml(ref, undefined, value) + body.slice(at);
    }
    const spans = / spans="[^"]*"/;
    xml = xml.slice(0, rm.index) + `${open.replace(spans, '')}${body}</row>` + xml.slice(rm.index + rm[0].length);
  }
  parts[part] = xml;
  return parts;
}

/** The style index of a number format, added to styles.xml (a custom numFmt when the code is not built in). */
export function addNumberStyle(parts, formatCode) {
  let xml = parts['xl/styles.xml'];
  const builtin = { '0%': 9, '0.00%': 10 }[formatCode];
  let id = builtin;
  if (id === undefined) {
    const ids = [...xml.matchAll(/<numFmt\s[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    id = Math.max(163, ...ids) + 1;
    const fmt = `<numFmt numFmtId="${id}" formatCode="${esc(formatCode)}"/>`;
    xml = /<numFmts[^>]*>/.test(xml) ? xml.replace(/<numFmts([^>]*)count="(\d+)"([^>]*)>/, (_, a, n, b) => `<numFmts${a}count="${Number(n) + 1}"${b}>${fmt}`) : xml.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1">${fmt}</numFmts>`);
  }
  const m = /<cellXfs([^>]*)count="(\d+)"([^>]*)>/.exec(xml);
  const index = Number(m[2]);
  xml = xml.replace(m[0], `<cellXfs${m[1]}count="${index + 1}"${m[3]}>`).replace('</cellXfs>', `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
  parts['xl/styles.xml'] = xml;
  return index;
}

/** Keywords of the document properties (File > Info > Tags), where lke reads a rubric stamp. */
export function setKeywords(parts, keywords) {
  let xml = parts['docProps/core.xml'];
  xml = xml.replace(/<cp:keywords>[\s\S]*?<\/cp:keywords>/, '');
  parts['docProps/core.xml'] = xml.replace('</cp:coreProperties>', `<cp:keywords>${esc(keywords)}</cp:keywords></cp:coreProperties>`);
  return parts;
}

/** A custom document property (File > Properties > Custom), as Excel and openpyxl write docProps/custom.xml. */
export function setCustomProperty(parts, name, value) {
  parts['docProps/custom.xml'] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${esc(name)}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property></Properties>`;
  const ct = '[Content_Types].xml';
  if (!parts[ct].includes('/docProps/custom.xml')) {
    parts[ct] = parts[ct].replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
  }
  if (!parts['_rels/.rels'].includes('docProps/custom.xml')) {
    parts['_rels/.rels'] = parts['_rels/.rels'].replace('</Relationships>', '<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>');
  }
  return parts;
}

/** A copy of a sheet under a new name, placed right after it (Excel's "Move or Copy… Create a copy"). */
export function copySheet(parts, sheet, newName) {
  const part = sheetPart(parts, sheet);
  const n = Math.max(...Object.keys(parts).map((p) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p)?.[1] ?? 0))) + 1;
  const newPart = `xl/worksheets/sheet${n}.xml`;
  // the copy is not the selected tab
  parts[newPart] = parts[part].replace(/\stabSelected="1"/, '');
  const relsOf = (p) => p.replace(/([^/]+)$/, '_rels/$1.rels');
  if (parts[relsOf(part)]) parts[relsOf(newPart)] = parts[relsOf(part)];
  const rid = `rIdCopy${n}`;
  parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('</Relationships>', `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`);
  const wb = parts['xl/workbook.xml'];
  const ids = [...wb.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const orig = [...wb.matchAll(/<sheet\s[^>]*>/g)].find((m) => unesc(attr(m[0], 'name')) === sheet);
  const copy = `<sheet name="${esc(newName)}" sheetId="${Math.max(...ids) + 1}" r:id="${rid}"/>`;
  parts['xl/workbook.xml'] = wb.slice(0, orig.index + orig[0].length) + copy + wb.slice(orig.index + orig[0].length);
  const ct = '[Content_Types].xml';
  parts[ct] = parts[ct].replace('</Types>', `<Override PartName="/${newPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  // defined names scoped to sheets are left alone; the samples have none that matter to lke
  return parts;
}

// ─── openpyxl ───────────────────────────────────────────────────────────────────────────────────────────────

/** Shifts the relative references of a formula by (rows, cols), as openpyxl's Translator does for shared formulas. */
export function translateFormula(formula, rows, cols) {
  let out = '';
  // strings and quoted sheet names are copied as they are; references outside them are shifted
  for (const part of formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)) {
    if (part.startsWith('"') || part.startsWith("'")) {
      out += part;
      continue;
    }
    out += part.replace(/(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (m, pre, cAbs, c, rAbs, r) => {
      const col = cAbs ? c : colLetters(colNo(c) + cols);
      const row = rAbs ? r : String(Number(r) + rows);
      return `${pre}${cAbs}${col}${rAbs}${row}`;
    });
  }
  return out;
}

/**
 * Every worksheet rewritten as openpyxl 3.x saves a workbook it loaded: formulas keep their text and lose their
 * cached values (`<v></v>`, or no <v> at all with noValue), shared formulas become each cell's own formula,
 * shared strings become inline strings, numbers are typed t="n"; the calculation chain is dropped.
 */
export function openpyxlSave(parts, { noValue = false } = {}) {
  const shared = sharedStrings(parts);
  for (const part of sheetParts(parts).values()) {
    const masters = new Map();
    parts[part] = parts[part].replace(/<c\s([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (whole, attrs, _end, body) => {
      const ref = attr(` ${attrs}`, 'r');
      const style = attr(` ${attrs}`, 's');
      const t = attr(` ${attrs}`, 't') ?? 'n';
      const s = style ? ` s="${style}"` : '';
      if (body === undefined) return `<c r="${ref}"${s}/>`;
      const f = /<f(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (f) {
        const fattrs = f[1] ?? '';
        let text = f[2] === undefined ? '' : unesc(f[2]);
        if (attr(fattrs, 't') === 'shared') {
          const si = attr(fattrs, 'si');
          if (text) masters.set(si, { text, ...splitRef(ref) });
          else {
            const m = masters.get(si);
            const at = splitRef(ref);
            text = m ? translateFormula(m.text, at.row - m.row, at.col - m.col) : '';
          }
        }
        const array = attr(fattrs, 't') === 'array' ? ` t="array" ref="${attr(fattrs, 'ref')}"` : '';
        return `<c r="${ref}"${s}><f${array}>${esc(text)}</f>${noValue ? '' : '<v></v>'}</c>`;
      }
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      if (t === 's') return `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(shared[Number(v)] ?? '')}</t></is></c>`;
      if (t === 'inlineStr') return `<c r="${ref}"${s} t="inlineStr"><is><t>${esc(unesc([...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('')))}</t></is></c>`;
      if (v === undefined) return `<c r="${ref}"${s}/>`;
      return `<c r="${ref}"${s} t="${t === 'str' ? 'str' : t}"><v>${v}</v></c>`;
    });
  }
  delete parts['xl/calcChain.xml'];
  parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace(/<Relationship[^>]*calcChain[^>]*\/>/, '');
  parts['[Content_Types].xml'] = parts['[Content_Types].xml'].replace(/<Override[^>]*calcChain[^>]*\/>/, '');
  return parts;
}

// ─── the variants ───────────────────────────────────────────────────────────────────────────────────────────

const RB = 'LKE ';
const ZI = 'LKE ZI';

/** name → how to make it from the samples. Each returns the parts to save. */
export const VARIANTS = {
  // 1. values off their scale
  'rb-ipak-331.xlsx': () => setCells(load(RB_SAMPLE), RB, { J204: 331 }),
  'rb-sakip-170.xlsx': () => setCells(load(RB_SAMPLE), RB, { J200: 170 }),
  'zi-ipak-35.xlsx': () => setCells(load(ZI_SAMPLE), ZI, { K202: 35 }),
  // 6. the ZI sample with every LHKPN filed (K182 13 → 15): it then meets the WBK and WBBM minima
  'zi-lhkpn-full.xlsx': () => setCells(load(ZI_SAMPLE), ZI, { K182: 15 }),
  // 2. a percentage typed for a 0-100 or 0-5 value
  'rb-sakip-percent.xlsx': () => {
    const p = load(RB_SAMPLE);
    return setCells(p, RB, { J200: { number: 0.7005, style: addNumberStyle(p, '0.00%') } });
  },
  'rb-sakip-percent-text.xlsx': () => setCells(load(RB_SAMPLE), RB, { J200: '70,05%' }),
  'rb-survey-percent.xlsx': () => {
    const p = load(RB_SAMPLE);
    return setCells(p, RB, { J201: { number: 0.76, style: addNumberStyle(p, '0%') } });
  },
  'rb-sakip-fraction.xlsx': () => setCells(load(RB_SAMPLE), RB, { J200: 0.7005 }),
  // 3. formulas without cached values
  'rb-openpyxl.xlsx': () => openpyxlSave(load(RB_SAMPLE)),
  'rb-openpyxl-no-v.xlsx': () => openpyxlSave(load(RB_SAMPLE), { noValue: true }),
  'rb-formulas-openpyxl.xlsx': () => openpyxlSave(setCells(load(RB_SAMPLE), RB, { J10: { formula: '"A"' }, J47: { formula: '"Ya"' }, J200: { formula: '70+0.05' } })),
  'rb-formula-if-openpyxl.xlsx': () => openpyxlSave(setCells(load(RB_SAMPLE), RB, { J10: { formula: 'IF(1=1,"B","A")' } })),
  'zi-openpyxl.xlsx': () => openpyxlSave(load(ZI_SAMPLE)),
  'zi-openpyxl-no-v.xlsx': () => openpyxlSave(load(ZI_SAMPLE), { noValue: true }),
  // 4. evidence columns headed differently
  'zi-bukti-headed.xlsx': () => setCells(load(ZI_SAMPLE), ZI, { P2: 'Data Dukung', Q2: 'Link Bukti' }),
  'zi-keterangan-tambahan.xlsx': () => setCells(load(ZI_SAMPLE), ZI, { N2: 'Keterangan Tambahan' }),
  'zi-bukti-headed-keterangan.xlsx': () => setCells(load(ZI_SAMPLE), ZI, { N2: 'Keterangan Tambahan', P2: 'Data Dukung', Q2: 'Link Bukti' }),
  // 7. a second LKE sheet; a rubric stamp that contradicts the sheet
  'zi-two-lke-sheets.xlsx': () => setCells(copySheet(load(ZI_SAMPLE), ZI, 'LKE ZI (2)'), 'LKE ZI (2)', { K9: 'C', K11: 'Tidak' }),
  'rb-stamped-zi.xlsx': () => setKeywords(load(RB_SAMPLE), 'lke-rubric=zi-2021'),
  'rb-stamped-rb.xlsx': () => setKeywords(load(RB_SAMPLE), 'lke-rubric=rb-2014'),
  'rb-custom-zi.xlsx': () => setCustomProperty(load(RB_SAMPLE), 'lke-rubric', 'zi-2021'),
  'rb-custom-rb.xlsx': () => setCustomProperty(load(RB_SAMPLE), 'lke-rubric', 'rb-2014'),
  // 8. no title block: the OPD and the year from the file name
  'LKE RB 2014 BPS Tahun 2015.xlsx': () => setCells(load(RB_SAMPLE), RB, { B2: null, F2: null, B3: null, F3: null }),
};

/** Writes one variant (or all) into `dir`; returns the paths. */
export function writeVariants(dir, names = Object.keys(VARIANTS)) {
  return names.map((n) => save(VARIANTS[n](), join(dir, n)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/make-variants.mjs OUTDIR');
    process.exit(2);
  }
  for (const f of writeVariants(resolve(dir))) console.log(f);
}
