#!/usr/bin/env node
// Writes the worked examples of ../shared/domain/rb-2023 (Kemenko Polhukam, K/L; D.I. Yogyakarta, provinsi) as the
// tables an office keeps them in, for tests and for trying lke: an .xlsx written with exceljs (a title block, then
// Kode | Indikator | Skor | Nilai | Keterangan, numbers as numbers), and CSVs as Excel on Indonesian Windows saves
// them (`;` between fields, decimal commas, UTF-8 with a BOM, CRLF) and the same without the BOM. The examples stay
// in ../shared; only this script is in the repository.
//
// Usage: node scripts/make-rb2023-tables.mjs --out <dir> [--domain <dir>]
//        import { writeRb2023Tables } from './scripts/make-rb2023-tables.mjs'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { parseCsv } from './gen-rubrics.mjs';

export const EXAMPLES = [
  { id: 'polhukam', file: 'example-kl-kemenko-polhukam-2023.csv', instansi: 'Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan', year: 2023 },
  { id: 'diy', file: 'example-provinsi-diy-2023.csv', instansi: 'Pemerintah Daerah D.I. Yogyakarta', year: 2023 },
];

const DEFAULT_DOMAIN = fileURLToPath(new URL('../../shared/domain/', import.meta.url));

/** The rows of a worked example: { code, indikator, skor, nilai, keterangan } with the values as text. */
export function readExample(file, domain = DEFAULT_DOMAIN) {
  const rows = parseCsv(readFileSync(join(domain, 'rb-2023', file), 'utf8'), file);
  const header = rows.shift();
  const want = ['code', 'indikator', 'skor', 'nilai_dipublikasikan', 'keterangan'];
  if (want.some((c, i) => header[i] !== c)) throw new Error(`${file}: header must be ${want.join(',')}, got ${header}`);
  return rows.filter((r) => r.length >= 5).map(([code, indikator, skor, nilai, keterangan]) => ({ code, indikator, skor, nilai, keterangan }));
}

const number = (s) => (s === '' ? null : Number(s));
const comma = (s) => s.replace('.', ',');
const csvField = (s) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** An .xlsx table: a title block (Instansi, Tahun), then the header row and one row per line. */
export async function writeXlsx(path, rows, { instansi, year, headers = ['Kode', 'Indikator', 'Skor', 'Nilai', 'Keterangan'] } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hasil Evaluasi');
  ws.addRow(['Hasil Evaluasi RB General dan RB Tematik']);
  if (instansi) ws.addRow(['Instansi', instansi]);
  if (year) ws.addRow(['Tahun', year]);
  ws.addRow([]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow([r.code, r.indikator, number(r.skor), number(r.nilai), r.keterangan || null]);
  await wb.xlsx.writeFile(path);
}

/** A CSV as Indonesian Excel writes it: `;`, decimal commas, CRLF; with a UTF-8 BOM unless `bom: false`. */
export function writeCsv(path, rows, { bom = true, headers = ['Kode', 'Indikator', 'Nilai Capaian', 'Poin', 'Keterangan'] } = {}) {
  const lines = [headers.join(';'), ...rows.map((r) => [r.code, r.indikator, comma(r.skor), comma(r.nilai), r.keterangan].map(csvField).join(';'))];
  writeFileSync(path, `${bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`);
}

/** Every worked example as .xlsx, .csv with a BOM and .csv without: { id: { xlsx, csv, csvNoBom } }. */
export async function writeRb2023Tables(outDir, domain = DEFAULT_DOMAIN) {
  mkdirSync(outDir, { recursive: true });
  const out = {};
  for (const ex of EXAMPLES) {
    const rows = readExample(ex.file, domain);
    const base = join(outDir, `${ex.id}-${ex.year}`);
    await writeXlsx(`${base}.xlsx`, rows, ex);
    writeCsv(`${base}.csv`, rows);
    writeCsv(`${base}-nobom.csv`, rows, { bom: false });
    out[ex.id] = { xlsx: `${base}.xlsx`, csv: `${base}.csv`, csvNoBom: `${base}-nobom.csv` };
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const arg = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const outDir = arg('--out');
  if (!outDir) {
    console.error('usage: node scripts/make-rb2023-tables.mjs --out <dir> [--domain <dir>]');
    process.exit(2);
  }
  const written = await writeRb2023Tables(resolve(outDir), arg('--domain') ? resolve(arg('--domain')) : DEFAULT_DOMAIN);
  for (const files of Object.values(written)) for (const f of Object.values(files)) console.log(`wrote ${f}`);
}
