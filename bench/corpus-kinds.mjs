#!/usr/bin/env node
// The bench corpus: filled LKE Zona Integritas worksheets in the official layout (bench/make-worksheet.mjs, a
// different seed and Unit Kerja per file) as three kinds of program save them, in turn:
//   excel        as written (exceljs writes what Excel does: shared strings, cached formula results);
//   libreoffice  opened and saved again by LibreOffice (soffice --headless, scripts/libreoffice-save.mjs);
//   openpyxl     rewritten as openpyxl writes a sheet: inline strings, t="n" on numbers, formulas without a
//                cached result (<f>…</f><v/>), rows without spans; what a Python script that fills a template leaves.
// And, apart, the LibreOffice cliff: a worksheet whose template formats whole columns and rows (as official
// templates do), saved by exceljs and by LibreOffice, which then writes a styled cell in all 16,384 columns of
// every row (a ~100 MB sheet part).
//
//   node bench/corpus-kinds.mjs DIR [--files N] [--kinds excel,libreoffice,openpyxl] [--cliff]
//
// Files already in DIR are kept (generation takes ~0.2 s a file, LibreOffice ~1 s a batch of them).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { pack, unpack } from '../scripts/make-corpus.mjs';
import { findSoffice, saveWithLibreOffice } from '../scripts/libreoffice-save.mjs';

export const KINDS = ['excel', 'libreoffice', 'openpyxl'];

const OPDS = [
  'Dinas Komunikasi dan Informatika', 'Dinas Pendidikan', 'Dinas Kesehatan', 'Badan Kepegawaian dan Pengembangan SDM',
  'Dinas Kependudukan dan Pencatatan Sipil', 'Badan Pendapatan Daerah', 'Dinas Penanaman Modal dan PTSP', 'Dinas Sosial',
  'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Perhubungan', 'Inspektorat Daerah', 'RSUD dr. Soetomo',
  'Kantor Imigrasi Kelas I TPI', 'Pengadilan Negeri Kelas IA', 'Kantor Pelayanan Pajak Pratama', 'Badan Perencanaan Pembangunan Daerah',
];
const slug = (s) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
const seedOf = (i) => 1000 + i * 7919;
const opdOf = (i) => OPDS[i % OPDS.length];
/** The i-th file of the corpus and how it was saved. */
export const corpusFile = (i, kinds = KINDS) => {
  const kind = kinds[i % kinds.length];
  return { kind, name: `LKE-ZI-2024-${slug(opdOf(i))}-${String(i + 1).padStart(4, '0')}-${kind}.xlsx` };
};

async function generate(jobs) {
  const threads = Math.min(cpus().length, jobs.length);
  await Promise.all(
    Array.from({ length: threads }, (_, k) => new Promise((res, rej) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { role: 'bench-corpus', jobs: jobs.filter((_, j) => j % threads === k) } });
      w.once('message', res);
      w.once('error', rej);
    })),
  );
}

/**
 * Writes the corpus's first `n` files into `dir` (those already there are kept); returns their paths in order
 * with their kinds. Dies with a clear message when LibreOffice is asked for and not installed.
 */
export async function makeCorpus(dir, n, { kinds = KINDS, log = () => {} } = {}) {
  mkdirSync(dir, { recursive: true });
  const all = Array.from({ length: n }, (_, i) => ({ i, ...corpusFile(i, kinds), file: join(dir, corpusFile(i, kinds).name) }));
  const missing = all.filter((f) => !existsSync(f.file));
  if (missing.length > 0) {
    const soffice = missing.some((f) => f.kind === 'libreoffice') ? findSoffice() : undefined;
    if (missing.some((f) => f.kind === 'libreoffice') && !soffice) throw new Error('LibreOffice (soffice) is not installed: give --kinds excel,openpyxl');
    const t0 = performance.now();
    const staging = join(dir, '.staging');
    mkdirSync(staging, { recursive: true });
    await generate(missing.map((f) => ({ file: join(staging, f.name), i: f.i })));
    for (const f of missing.filter((m) => m.kind === 'excel')) renameSync(join(staging, f.name), f.file);
    for (const f of missing.filter((m) => m.kind === 'openpyxl')) writeFileSync(f.file, openpyxlStyle(readFileSync(join(staging, f.name))));
    const lo = missing.filter((m) => m.kind === 'libreoffice');
    // LibreOffice converts a batch of files per start (its start is most of its time)
    for (let k = 0; k < lo.length; k += 50) saveWithLibreOffice(lo.slice(k, k + 50).map((f) => join(staging, f.name)), dir, { soffice });
    rmSync(staging, { recursive: true, force: true });
    log(`bench: wrote ${missing.length} worksheets (${kinds.map((k) => `${missing.filter((m) => m.kind === k).length} ${k}`).join(', ')}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return all.map(({ file, kind }) => ({ file, kind }));
}

/**
 * The LibreOffice cliff: one worksheet whose template formats whole columns and rows, saved by exceljs (as Excel
 * saves it) and by LibreOffice. Returns { excel, libreoffice } paths in `dir`.
 */
export async function makeCliffPair(dir, i = 0) {
  mkdirSync(dir, { recursive: true });
  const excel = join(dir, `LKE-ZI-2024-${slug(opdOf(i))}-formatted.xlsx`);
  const lo = join(dir, 'libreoffice');
  const libreoffice = join(lo, `LKE-ZI-2024-${slug(opdOf(i))}-formatted.xlsx`);
  if (!existsSync(excel)) await generate([{ file: excel, i, formats: true }]);
  if (!existsSync(libreoffice)) saveWithLibreOffice([excel], lo);
  return { excel, libreoffice };
}

/**
 * A template's formats over the whole sheet, as official LKE templates have them: a column style from the last
 * used column to XFD and a row format on every row (what makes LibreOffice write all 16,384 cells of a row).
 */
export function wholeSheetFormats(bytes) {
  const parts = unpack(bytes);
  for (const name of sheetParts(parts)) {
    parts[name] = parts[name]
      .replace(/<cols>([\s\S]*?)<\/cols>/, (m, cols) => {
        const last = Math.max(...[...cols.matchAll(/max="(\d+)"/g)].map((x) => Number(x[1])));
        return `<cols>${cols}<col min="${last + 1}" max="16384" width="9.140625" style="1"/></cols>`;
      })
      .replace(/<row r="(\d+)"(?![^>]*customFormat)/g, '<row r="$1" s="0" customFormat="1"');
  }
  return pack(parts);
}

function sheetParts(parts) {
  return Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
}

/** A worksheet rewritten the way openpyxl writes one (see the head of this file). */
export function openpyxlStyle(bytes) {
  const parts = unpack(bytes);
  const sst = parts['xl/sharedStrings.xml'] ?? '';
  // the strings' texts stay escaped as they are: they go back into XML
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
  for (const name of sheetParts(parts)) {
    parts[name] = parts[name]
      .replace(/<row ([^>]*)>/g, (_, attrs) => `<row ${attrs.replace(/\s+(?:spans|x14ac:dyDescent)="[^"]*"/g, '')}>`)
      .replace(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g, (m, attrs, inner) => {
        if (inner === undefined) return m;
        const type = /\bt="(\w+)"/.exec(attrs)?.[1];
        const plain = attrs.replace(/\s*\bt="\w+"/, '');
        if (inner.includes('<f')) return `<c ${plain}>${inner.replace(/<v>[\s\S]*?<\/v>|<v\/>/, '')}<v/></c>`;
        if (type === 's') {
          const text = strings[Number(/<v>(\d+)<\/v>/.exec(inner)?.[1])] ?? '';
          return `<c ${plain} t="inlineStr"><is><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${text}</t></is></c>`;
        }
        return type ? m : `<c ${plain} t="n">${inner}</c>`;
      });
  }
  parts['xl/sharedStrings.xml'] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
  return pack(parts);
}

// ---------------------------------------------------------------------------------------------------------------
// Generator thread (below every declaration it uses): writes the exceljs worksheets it is given (the slow part: ~0.2 s each).
if (!isMainThread && workerData?.role === 'bench-corpus') {
  const { makeWorksheet } = await import('./make-worksheet.mjs');
  for (const { file, i, formats } of workerData.jobs) {
    await makeWorksheet(file, { seed: seedOf(i), opd: opdOf(i) });
    if (formats) writeFileSync(file, wholeSheetFormats(readFileSync(file)));
  }
  parentPort.postMessage('done');
}

if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: 'string', default: '300' }, kinds: { type: 'string', default: KINDS.join(',') }, cliff: { type: 'boolean', default: false } } });
  const dir = positionals[0];
  if (!dir) {
    process.stderr.write('usage: node bench/corpus-kinds.mjs DIR [--files N] [--kinds excel,libreoffice,openpyxl] [--cliff]\n');
    process.exit(2);
  }
  const log = (s) => process.stderr.write(`${s}\n`);
  const files = await makeCorpus(resolve(dir), Number.parseInt(values.files, 10) || 300, { kinds: values.kinds.split(','), log });
  log(`bench: ${files.length} files in ${dir}`);
  if (values.cliff) {
    const pair = await makeCliffPair(`${resolve(dir)}-cliff`);
    log(`bench: cliff pair ${pair.excel} / ${pair.libreoffice}`);
  }
}
