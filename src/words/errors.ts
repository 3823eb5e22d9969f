// The one-line messages of files that could not be scored or read, Indonesian and English, each written against
// its problem's typed arguments (src/findings/file-problems.ts); the system's error codes (EACCES, ELOOP, …) in
// words; sizes with the precision they need.
import type { FileProblem, ReadProblem, TableAsk } from '../findings/file-problems.js';
import type { Lang } from './lang.js';

type Say<P> = Record<Lang, (p: P) => string>;

const STAMP_WHERE: Record<'name' | 'property' | 'keywords', Record<Lang, string>> = {
  name: { id: 'nama LKE_RUBRIC dari lke template', en: "lke template's name LKE_RUBRIC" },
  property: { id: 'properti dokumen lke-rubric', en: 'the lke-rubric document property' },
  keywords: { id: 'Kata Kunci dokumen', en: 'the document Keywords' },
};
const whereText = (where: ('name' | 'property' | 'keywords')[], lang: Lang) => where.map((w) => STAMP_WHERE[w][lang]).join(lang === 'id' ? ' dan ' : ' and ');

const TEXT: { [C in FileProblem['code']]: Say<Extract<FileProblem, { code: C }>> } = {
  'no-lke-sheet': {
    id: () =>
      'tidak ada lembar LKE (tidak ada baris judul dengan Penilaian/Uraian dan Jawaban di 30 baris pertama lembar mana pun) dan tidak ada tabel nilai (baris judul dengan Indikator atau Kode dan Skor, Nilai Capaian atau Capaian)',
    en: () =>
      'no LKE sheet found (no header row with Penilaian/Uraian and Jawaban in the first 30 rows of any sheet) and no table of values (a header row with Indikator or Kode and Skor, Nilai Capaian or Capaian)',
  },
  'rubric-unknown': {
    id: (p) => (p.table ? tableText(p.table, p.found, 'id') : `lembar kerja tidak cocok dengan rubrik bawaan mana pun (pertanyaan yang ditemukan: ${p.found || 'tidak ada'}); berikan --rubric ID|PATH`),
    en: (p) => (p.table ? tableText(p.table, p.found, 'en') : `the worksheet matches no built-in rubric (questions found: ${p.found || 'none'}); give --rubric ID|PATH`),
  },
  'rubric-ambiguous': {
    id: (p) => (p.table ? tableText(p.table, p.found, 'id') : `rubriknya tidak dapat dibedakan (pertanyaan yang ditemukan: ${p.found}); berikan --rubric ID|PATH`),
    en: (p) => (p.table ? tableText(p.table, p.found, 'en') : `cannot tell the rubric apart (questions found: ${p.found}); give --rubric ID|PATH`),
  },
  'rubric-stamp-refused': {
    id: (p) =>
      `buku kerja diberi tanda lke-rubric=${p.stamp} (${whereText(p.where, 'id')})` +
      (p.why === 'disagree' ? ', tetapi kedua tanda berbeda' : p.why === 'unknown' ? `, rubrik yang tidak dimiliki lke (${p.known})` : `, tetapi lembar kerjanya tidak sesuai (pertanyaan yang ditemukan: ${p.found})`) +
      '; perbaiki tandanya atau berikan --rubric ID|PATH',
    en: (p) =>
      `the workbook is stamped lke-rubric=${p.stamp} (${whereText(p.where, 'en')})` +
      (p.why === 'disagree' ? ', but the two stamps disagree' : p.why === 'unknown' ? `, a rubric lke does not have (${p.known})` : `, but the sheet does not fit it (questions found: ${p.found})`) +
      '; fix the stamp or give --rubric ID|PATH',
  },
  'no-such-sheet': {
    id: (p) => `tidak ada lembar bernama "${p.sheet}" (lembar yang ada: ${p.sheets})`,
    en: (p) => `no sheet named "${p.sheet}" (the sheets: ${p.sheets})`,
  },
  timeout: {
    id: (p) => `tidak selesai dinilai dalam ${p.seconds} detik; berkas dihentikan dan dilewati (naikkan dengan --timeout)`,
    en: (p) => `not scored within ${p.seconds} s; the file is stopped and skipped (raise it with --timeout)`,
  },
  internal: {
    id: (p) =>
      p.cause === 'threw'
        ? `galat internal saat menilai (${p.detail ?? ''})`
        : p.cause === 'worker-stopped'
          ? `worker yang menilainya berhenti (${p.detail === 'out of memory' ? 'kehabisan memori' : (p.detail ?? '')}); berkas dilewati`
          : 'worker yang menilainya keluar tiba-tiba; berkas dilewati',
    en: (p) =>
      p.cause === 'threw'
        ? `internal error while scoring (${p.detail ?? ''})`
        : p.cause === 'worker-stopped'
          ? `the worker scoring it stopped (${p.detail === 'out of memory' ? 'ran out of memory' : (p.detail ?? '')}); the file is skipped`
          : 'the worker scoring it exited unexpectedly; the file is skipped',
  },
  unreadable: { id: (p) => readText(p.problem, 'id'), en: (p) => readText(p.problem, 'en') },
};

const RESAVE = { id: 'buka di Excel atau LibreOffice lalu simpan lagi', en: 'open it in Excel or LibreOffice and save it again' };
const BOMB = {
  id: 'bom dekompresi atau berkas rusak; jika berkasnya asli, naikkan --max-unpacked atau --max-ratio',
  en: 'a decompression bomb or a damaged file; if it is genuine, raise --max-unpacked or --max-ratio',
};

const DAMAGE: Record<Extract<ReadProblem, { why: 'zip-damaged' }>['damage'], Say<Extract<ReadProblem, { why: 'zip-damaged' }>>> = {
  directory: { id: () => 'direktori zip-nya rusak', en: () => 'the zip directory is damaged' },
  entry: { id: (p) => `entri zip ${p.entry} rusak`, en: (p) => `the zip entry ${p.entry} is damaged` },
  'cut-off': { id: (p) => `entri zip ${p.entry} terpotong (berkasnya tidak lengkap)`, en: (p) => `the zip entry ${p.entry} is cut off (the file is truncated)` },
  method: { id: (p) => `entri zip ${p.entry} memakai metode kompresi yang tidak dikenal (${p.detail})`, en: (p) => `the zip entry ${p.entry} uses an unsupported compression method (${p.detail})` },
  unpack: { id: (p) => `entri zip ${p.entry} tidak dapat dibongkar (${p.detail})`, en: (p) => `the zip entry ${p.entry} cannot be unpacked (${p.detail})` },
  checksum: { id: (p) => `entri zip ${p.entry} rusak (checksum-nya tidak cocok)`, en: (p) => `the zip entry ${p.entry} is damaged (its checksum does not match)` },
};

const ENCRYPTED: Record<Extract<ReadProblem, { why: 'encrypted' }>['format'], Record<Lang, string>> = {
  xlsx: {
    id: 'buku kerja dilindungi kata sandi; hapus kata sandinya (File > Info > Protect Workbook) lalu simpan lagi',
    en: 'the workbook is password-protected; remove the password (File > Info > Protect Workbook) and save again',
  },
  xls: {
    id: 'buku kerja Excel 97-2003 (.xls) ini dilindungi kata sandi; buka dengan kata sandinya, hapus kata sandi (File > Info > Protect Workbook), lalu simpan sebagai .xlsx',
    en: 'this Excel 97-2003 (.xls) workbook is password-protected; open it with its password, remove the password (File > Info > Protect Workbook) and save it as .xlsx',
  },
  ods: {
    id: 'spreadsheet OpenDocument (.ods) ini dilindungi kata sandi; buka dengan kata sandinya di LibreOffice, lalu simpan sebagai .xlsx tanpa kata sandi (File > Save As, hilangkan centang "Save with password")',
    en: 'this OpenDocument spreadsheet (.ods) is password-protected; open it with its password in LibreOffice and save it as .xlsx without a password (File > Save As, untick "Save with password")',
  },
};

const READ: { [W in ReadProblem['why']]: Say<Extract<ReadProblem, { why: W }>> } = {
  'not-found': { id: () => 'berkas tidak ada', en: () => 'no such file' },
  'is-folder': { id: () => 'ini folder, bukan buku kerja', en: () => 'is a folder, not a workbook' },
  'folder-unreadable': {
    id: (p) => `folder ini tidak dapat dibuka: ${errnoText(p.errno, 'id')}; lembar kerja di dalamnya tidak dibaca`,
    en: (p) => `the folder cannot be opened: ${errnoText(p.errno, 'en')}; the worksheets in it were not read`,
  },
  'not-regular': { id: () => 'bukan berkas biasa (pipe atau perangkat), bukan buku kerja', en: () => 'is not a regular file (a pipe or a device), not a workbook' },
  'cannot-open': { id: (p) => `tidak dapat dibaca: ${errnoText(p.errno, 'id')}`, en: (p) => `cannot be read: ${errnoText(p.errno, 'en')}` },
  'too-large': {
    id: (p) => `${sizesText(p.size, p.limit).size} MiB melebihi batas ${sizesText(p.size, p.limit).limit} MiB (naikkan dengan --max-file-size)`,
    en: (p) => `${sizesText(p.size, p.limit).size} MiB is over the ${sizesText(p.size, p.limit).limit} MiB limit (raise it with --max-file-size)`,
  },
  empty: { id: () => 'berkas kosong (0 bita); kirim ulang lembar kerjanya', en: () => 'the file is empty (0 bytes); send the worksheet again' },
  'lock-file': {
    id: () => 'ini berkas kunci Office (~$…) yang dibuat selama buku kerjanya terbuka, bukan lembar kerja; berikan buku kerjanya sendiri (nama tanpa ~$)',
    en: () => 'this is an Office lock file (~$…), written while the workbook is open, not the worksheet; give the workbook itself (the name without ~$)',
  },
  encrypted: { id: (p) => ENCRYPTED[p.format].id, en: (p) => ENCRYPTED[p.format].en },
  'office-not-workbook': {
    id: () => 'dokumen Office 97-2003 yang bukan buku kerja (mis. dokumen Word .doc yang diganti namanya); kirim lembar kerja yang disimpan sebagai .xlsx',
    en: () => 'an Office 97-2003 document that is not a workbook (e.g. a Word .doc renamed); send the worksheet saved as .xlsx',
  },
  xls: {
    id: () => 'ini berkas Excel 97-2003 (.xls) lama; buka lalu simpan sebagai .xlsx (Excel Workbook)',
    en: () => 'this is an old Excel 97-2003 (.xls) file; open it and save it as .xlsx (Excel Workbook)',
  },
  ods: {
    id: () => 'ini spreadsheet OpenDocument (.ods); simpan sebagai .xlsx (Excel 2007-365)',
    en: () => 'this is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel 2007-365)',
  },
  'zip-empty': { id: () => 'arsip zip-nya kosong; ini bukan buku kerja', en: () => 'the zip archive is empty; it is not a workbook' },
  'not-zip': {
    id: () => 'bukan buku kerja .xlsx (awal berkasnya tidak seperti .xlsx); simpan sebagai .xlsx di Excel atau LibreOffice',
    en: () => 'not an .xlsx workbook (it does not start like one); save it as .xlsx in Excel or LibreOffice',
  },
  'zip-not-excel': {
    id: () => 'arsip zip, tetapi bukan buku kerja Excel (tidak ada xl/workbook.xml); simpan sebagai .xlsx',
    en: () => 'a zip archive, but not an Excel workbook (no xl/workbook.xml); save it as .xlsx',
  },
  truncated: {
    id: () => 'berkas terpotong (direktori zip-nya tidak ada: unduhan atau salinan yang tidak lengkap); kirim atau unduh ulang',
    en: () => 'the file is truncated (its zip directory is missing: an incomplete download or copy); send or download it again',
  },
  'zip-damaged': { id: (p) => `${DAMAGE[p.damage].id(p)}; ${RESAVE.id}`, en: (p) => `${DAMAGE[p.damage].en(p)}; ${RESAVE.en}` },
  'bomb-total': {
    id: (p) =>
      p.size === undefined
        ? `ditolak: isinya terbongkar menjadi lebih dari ${limitText(p.limit)} MiB (${BOMB.id})`
        : `ditolak: bagian-bagiannya akan terbongkar menjadi ${sizesText(p.size, p.limit).size} MiB, melebihi batas ${sizesText(p.size, p.limit).limit} MiB (${BOMB.id})`,
    en: (p) =>
      p.size === undefined
        ? `refused: it unpacks to more than ${limitText(p.limit)} MiB (${BOMB.en})`
        : `refused: its parts would unpack to ${sizesText(p.size, p.limit).size} MiB, over the ${sizesText(p.size, p.limit).limit} MiB limit (${BOMB.en})`,
  },
  'bomb-ratio': {
    id: (p) => `ditolak: bagian ${p.part} mengembang ${p.ratio === undefined ? `lebih dari ${p.limit}×` : `${p.ratio}×, melebihi batas ${p.limit}×`} (${BOMB.id})`,
    en: (p) => `refused: its part ${p.part} expands ${p.ratio === undefined ? `more than ${p.limit}×` : `${p.ratio}×, over the ${p.limit}× limit`} (${BOMB.en})`,
  },
  'too-many-columns': {
    id: (p) => `lembar "${p.sheet}" berisi data di kolom ${p.column}, melewati batas ${p.limit} kolom (hapus sel yang tersasar, atau naikkan --max-columns)`,
    en: (p) => `sheet "${p.sheet}" has content in column ${p.column}, beyond the ${p.limit}-column limit (delete the stray cells, or raise --max-columns)`,
  },
  'too-many-rows': {
    id: (p) => `lembar "${p.sheet}" memiliki lebih dari ${p.limit} baris berisi data; LKE hanya beberapa ratus baris (hapus baris yang tersasar, atau naikkan --max-rows)`,
    en: (p) => `sheet "${p.sheet}" has more than ${p.limit} rows with content; an LKE has a few hundred (delete the stray rows, or raise --max-rows)`,
  },
  'too-many-cells': {
    id: (p) => `buku kerja memiliki lebih dari ${p.limit} sel berisi data; LKE hanya beberapa ribu (hapus data yang tersasar, atau naikkan --max-cells)`,
    en: (p) => `the workbook has more than ${p.limit} cells with content; an LKE has a few thousand (delete the stray data, or raise --max-cells)`,
  },
  'merges-piled': {
    id: (p) => `lembar "${p.sheet}" memiliki ${p.count} rentang gabungan (merge) yang bertumpuk di atas sel-selnya, yang tidak pernah ditulis program spreadsheet; lepaskan gabungannya (atau simpan lagi berkasnya di Excel)`,
    en: (p) => `sheet "${p.sheet}" has ${p.count} merged ranges piled over its cells, which no spreadsheet program writes; unmerge them (or save the file again in Excel)`,
  },
  'sheet-missing': {
    id: (p) => `lembar "${p.sheet}" tidak ada di dalam paket berkas; simpan lagi berkasnya`,
    en: (p) => `the worksheet "${p.sheet}" is missing from the package; save the file again`,
  },
  'xml-doctype': {
    id: () => `buku kerja rusak atau tidak lengkap (sebuah bagiannya mendeklarasikan DOCTYPE dengan entitas, yang tidak pernah ditulis program spreadsheet); ${RESAVE.id}`,
    en: () => `the workbook is damaged or incomplete (a part declares a DOCTYPE with entities, which spreadsheet programs never write); ${RESAVE.en}`,
  },
  damaged: {
    id: (p) => `buku kerja rusak atau tidak lengkap (${p.detail}); ${RESAVE.id}`,
    en: (p) => `the workbook is damaged or incomplete (${p.detail}); ${RESAVE.en}`,
  },
  'no-worksheet': { id: () => 'buku kerja tidak memiliki lembar kerja (hanya grafik atau kosong)', en: () => 'the workbook has no worksheet (only charts or nothing)' },
  'csv-binary': {
    id: () => 'bukan tabel teks (berisi data biner); simpan sebagai CSV atau .xlsx',
    en: () => 'not a text table (it holds binary data); save it as CSV or .xlsx',
  },
  'table-too-many-rows': { id: (p) => `lebih dari ${p.limit} baris (naikkan dengan --max-rows)`, en: (p) => `more than ${p.limit} rows (raise it with --max-rows)` },
  'table-too-many-columns': { id: (p) => `lebih dari ${p.limit} kolom (naikkan dengan --max-columns)`, en: (p) => `more than ${p.limit} columns (raise it with --max-columns)` },
  'read-timeout': {
    id: (p) => `tidak selesai dibaca dalam ${p.seconds} detik (lembar yang sangat besar); berkas dilewati (naikkan --timeout)`,
    en: (p) => `not read within ${p.seconds} s (a huge sheet); it is skipped (raise --timeout)`,
  },
};

/** A table of values whose rubric (the instansi group) was not taken, and what to give. */
function tableText(t: TableAsk, found: string, lang: Lang): string {
  const and = lang === 'id' ? 'dan' : 'and';
  const list = t.ids.length > 1 ? `${t.ids.slice(0, -1).join(', ')} ${and} ${t.ids[t.ids.length - 1]}` : (t.ids[0] ?? '');
  const give = `--rubric ${t.ids.join('|') || 'ID'}`;
  if (lang === 'id') {
    switch (t.by) {
      case 'names':
        return `kelompok instansi tidak dapat ditentukan: nama indikator cocok sama baiknya dengan ${list} (${found}); berikan ${give}`;
      case 'codes':
        return `tabel hanya menyebut kode indikator, dan kodenya cocok dengan ${list} (kode sama di setiap kelompok); berikan ${give}`;
      case 'few':
        return `terlalu sedikit nama indikator tabel yang merupakan indikator rubrik bawaan (nama yang cocok: ${found || 'tidak ada'}); berikan ${give}`;
      case 'questionnaire':
        return `ini tabel nilai, sedangkan rubrik ${t.given} adalah kuesioner yang dibaca dari lembar LKE; berikan rubrik baris (lihat lke rubrics), misalnya rb-2023-kabkota, rb-2023-provinsi atau rb-2023-kl`;
    }
  }
  switch (t.by) {
    case 'names':
      return `cannot tell the instansi group: the indicator names fit ${list} equally (${found}); give ${give}`;
    case 'codes':
      return `the table names its indicators by code only, and the codes fit ${list} (the codes are the same in every group); give ${give}`;
    case 'few':
      return `too few indicator names of the table are lines of a built-in rubric (names matched: ${found || 'none'}); give ${give}`;
    case 'questionnaire':
      return `a table of values, but the rubric ${t.given} is a questionnaire read from an LKE worksheet; give a rubric of lines (see lke rubrics) such as rb-2023-kabkota, rb-2023-provinsi or rb-2023-kl`;
  }
}

function readText(p: ReadProblem, lang: Lang): string {
  return (READ[p.why][lang] as (p: ReadProblem) => string)(p);
}

/** The one line (starting with the file) of a file the reader refused. */
export function readProblemText(file: string, p: ReadProblem, lang: Lang): string {
  return `${file}: ${readText(p, lang)}`;
}

/** The code and the one line (starting with the file) a report gives a file that was not scored. */
export function fileProblemText(file: string, p: FileProblem, lang: Lang): { code: string; message: string } {
  const say = TEXT[p.code][lang] as (p: FileProblem) => string;
  return { code: p.code === 'unreadable' ? p.readCode : p.code, message: `${file}: ${say(p)}` };
}

const ERRNO: Record<string, Record<Lang, string>> = {
  EACCES: { id: 'izin ditolak', en: 'permission denied' },
  EPERM: { id: 'operasi tidak diizinkan', en: 'operation not permitted' },
  ELOOP: { id: 'tautan simbolik yang berputar', en: 'a loop of symbolic links' },
  ENOENT: { id: 'tidak ada', en: 'does not exist' },
  ENOTDIR: { id: 'salah satu bagian path-nya bukan folder', en: 'a part of the path is not a folder' },
  EISDIR: { id: 'itu sebuah folder', en: 'it is a folder' },
  EEXIST: { id: 'sudah ada dan bukan folder', en: 'it exists and is not a folder' },
  EIO: { id: 'galat baca/tulis pada disk', en: 'an input/output error on the disk' },
  ENAMETOOLONG: { id: 'namanya terlalu panjang', en: 'the name is too long' },
  EROFS: { id: 'sistem berkasnya hanya-baca', en: 'a read-only file system' },
  ENOSPC: { id: 'disk penuh', en: 'no space left on the disk' },
  EDQUOT: { id: 'kuota disk habis', en: 'the disk quota is used up' },
  EMFILE: { id: 'terlalu banyak berkas terbuka', en: 'too many open files' },
  ENFILE: { id: 'terlalu banyak berkas terbuka', en: 'too many open files' },
  EBUSY: { id: 'sedang dipakai', en: 'busy' },
  EXDEV: { id: 'berada di disk lain', en: 'on another device' },
};

/** A system error code in words, the code kept for searching: "izin ditolak (EACCES)". */
export function errnoText(code: string, lang: Lang): string {
  const w = ERRNO[code];
  return w ? `${w[lang]} (${code})` : code;
}

const MiB = 1024 * 1024;
const mib = (bytes: number, decimals: number) => (bytes / MiB).toFixed(decimals);
/** A limit in MiB as it was set: 50, 0.05. */
const limitText = (bytes: number) => String(Number((bytes / MiB).toFixed(6)));

/**
 * A size over its limit in MiB: the limit as it was set (0.05, not 0), the size with as many decimals as it takes
 * to show it over the limit (at least one under 10 MiB, at most 6).
 */
export function sizesText(size: number, limit: number): { size: string; limit: string } {
  let d = size < 10 * MiB ? 1 : 0;
  while (d < 6 && Number(mib(size, d)) * MiB <= limit) d++;
  return { size: mib(size, d), limit: limitText(limit) };
}
