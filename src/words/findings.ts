// The wording of every finding, Indonesian and English: a title, the help (SARIF rule help, docs) and the message,
// each message written against its code's typed arguments (src/findings/codes.ts). Words are chosen only when a
// document is made for a reader; tests assert codes, not prose.
import { FINDING_CODES, type Finding, type FindingArgs, type FindingCode } from '../findings/codes.js';
import { a1, colLetters } from '../findings/position.js';
import type { Lang } from './lang.js';
import { LINE_WORDS } from './line-findings.js';

type Args<C extends FindingCode> = FindingArgs[C] & { question?: string | undefined };

export interface Def<C extends FindingCode> {
  title: Record<Lang, string>;
  /** What the finding means and what to do about it (SARIF rule help, docs). */
  help: Record<Lang, string>;
  message: Record<Lang, (a: Args<C>) => string>;
}

const q = (a: { question?: string | undefined }) => (a.question ? `${a.question}: ` : '');
/** A number in Indonesian writing: decimal comma. */
const idNum = (s: string | undefined) => (s ?? '').replace('.', ',');
/** The evidence columns of a row, when there are several: " (P, Q)". */
const cols = (a: { cols?: number[] | undefined }) => (a.cols && a.cols.length > 1 ? ` (${a.cols.map(colLetters).join(', ')})` : '');
/** The first cells of a list, then "…" for the rest. */
const cellList = (a: { count: number; cells: { row: number; col: number }[] }) => {
  const cells = a.cells ?? [];
  return cells.map((c) => a1(c.row, c.col)).join(', ') + (a.count > cells.length ? ', …' : '');
};

const LINK_HINTS: Record<string, Record<Lang, string>> = {
  scheme: { id: 'awali dengan https://', en: 'start it with https://' },
  spaces: { id: 'ada spasi di dalamnya', en: 'it holds spaces' },
  malformed: { id: 'periksa penulisan http(s)://', en: 'check the http(s):// part' },
};
const linkHint = (a: { hint?: string | undefined }, lang: Lang) => (a.hint && LINK_HINTS[a.hint] ? ` (${LINK_HINTS[a.hint]![lang]})` : '');

const YEAR_SOURCES: Record<string, Record<Lang, string>> = {
  'file name': { id: ' (menurut nama berkas)', en: ' (from the file name)' },
  '--year': { id: ' (--year)', en: ' (--year)' },
};
const yearSource = (a: { source?: string | undefined }, lang: Lang) => (a.source && YEAR_SOURCES[a.source] ? YEAR_SOURCES[a.source]![lang] : '');

const WORDS: { [C in FindingCode]: Def<C> } = {
  'answer-missing': {
    title: { id: 'Jawaban kosong', en: 'Answer missing' },
    help: {
      id: 'Pertanyaan belum dijawab. Dengan --blank skip pertanyaan ini tidak dihitung dalam rata-rata indikatornya (seperti rumus lembar kerja resmi); dengan --blank zero dihitung 0. Isi sel Jawaban.',
      en: "A question has no answer. Under --blank skip it is left out of its indicator's mean (as the official sheets do); under --blank zero it counts as 0. Fill in the Jawaban cell.",
    },
    message: {
      id: (a) => `${q(a)}jawaban belum diisi${a.policy === 'zero' ? ' (dihitung 0)' : ' (tidak dihitung dalam rata-rata)'}`,
      en: (a) => `${q(a)}no answer${a.policy === 'zero' ? ' (counted as 0)' : ' (left out of the mean)'}`,
    },
  },
  'answer-invalid': {
    title: { id: 'Jawaban tidak sesuai pilihan', en: 'Answer not allowed' },
    help: {
      id: 'Jawaban tidak termasuk pilihan skala (misalnya "D" pada pertanyaan A/B/C) atau bukan angka padahal angka yang diminta; pertanyaan tidak dinilai. Ketik salah satu pilihan pada kolom Pilihan Jawaban.',
      en: 'The answer is not one of the scale\'s options (e.g. "D" on an A/B/C question) or not a number where one is needed; the question is not scored. Type one of the options shown in Pilihan Jawaban.',
    },
    message: {
      id: (a) => `${q(a)}jawaban "${a.answer}" tidak termasuk pilihan ${a.allowed}`,
      en: (a) => `${q(a)}answer "${a.answer}" is not one of ${a.allowed}`,
    },
  },
  'answer-out-of-range': {
    title: { id: 'Nilai di luar skala', en: 'Value off its scale' },
    help: {
      id: 'Angka di luar skala rubrik (nilai survei 0-4 diisi 331, SAKIP 0-100 diisi 170, persentase di atas 100%). Lembar kerja resmi tidak membatasinya, lke tidak mengikutinya: nilai ini tidak dihitung (dengan --off-scale clamp dihitung pada batas skala) dan indeks menyebutkannya. Penyebab umum: Excel berlokal Indonesia membaca titik desimal sebagai pemisah ribuan (3.31 menjadi 331). Perbaiki sel ini.',
      en: "A number outside the rubric's scale (a 0-4 survey value of 331, a 0-100 SAKIP of 170, a percentage above 100%). The official sheet does not cap it and lke does not follow it there: the value is left out of the score (with --off-scale clamp it is scored at the scale's bound) and the index says so. A common cause: an Indonesian-locale Excel reads a decimal point as a thousands separator (3.31 becomes 331). Fix the cell.",
    },
    message: {
      id: (a) => `${q(a)}nilai ${idNum(a.answer)} di luar skala ${a.range}${a.hint ? ` (${idNum(a.hint)}?)` : ''}; ${a.clampedTo !== undefined ? `dihitung ${idNum(a.clampedTo)} (--off-scale clamp)` : 'tidak dihitung'}`,
      en: (a) => `${q(a)}value ${a.answer} is outside the scale ${a.range}${a.hint ? ` (${a.hint}?)` : ''}; ${a.clampedTo !== undefined ? `scored as ${a.clampedTo} (--off-scale clamp)` : 'not scored'}`,
    },
  },
  'answer-unit-mismatch': {
    title: { id: 'Satuan tidak sesuai skala', en: 'Unit does not fit the scale' },
    help: {
      id: 'Angka yang satuannya tidak sesuai skala: persentase pada skala 0-5 atau 0-4 (76% untuk nilai survei), atau pecahan pada skala 0-100 (0,7005 untuk SAKIP 70,05). Maksudnya tidak dapat dipastikan, sehingga nilai ini tidak dihitung. Isi nilai pada skala yang diminta.',
      en: 'A number whose unit does not fit the scale: a percentage on a 0-5 or 0-4 scale (76% for a survey value), or a fraction on a 0-100 scale (0.7005 for a SAKIP of 70.05). Its intent cannot be told, so it is not scored. Type the value on the scale asked for.',
    },
    message: {
      id: (a) => `${q(a)}${idNum(a.answer)} tidak sesuai skala ${a.range}${a.hint ? ` (${idNum(a.hint)}?)` : ''}; isi nilai pada skala tersebut; tidak dihitung`,
      en: (a) => `${q(a)}${a.answer} does not fit the scale ${a.range}${a.hint ? ` (${a.hint}?)` : ''}; type the value on that scale; not scored`,
    },
  },
  'answer-percent-read': {
    title: { id: 'Persentase dibaca pada skala 0-100', en: 'Percentage read on a 0-100 scale' },
    help: {
      id: 'Nilai untuk skala 0-100 diketik sebagai persentase (70,05% disimpan Excel sebagai 0,7005). Maksudnya jelas, lke membacanya sebagai 70,05; ketik angkanya saja agar tidak bergantung pada format sel.',
      en: 'A value for a 0-100 scale was typed as a percentage (Excel stores 70.05% as 0.7005). The intent is clear and lke reads it as 70.05; type the plain number so that it does not depend on the cell format.',
    },
    message: {
      id: (a) => `${q(a)}${idNum(a.answer)} dibaca sebagai ${idNum(a.read)} pada skala ${a.range}`,
      en: (a) => `${q(a)}${a.answer} read as ${a.read} on the scale ${a.range}`,
    },
  },
  'percent-ambiguous': {
    title: { id: 'Persentase ambigu', en: 'Ambiguous percentage' },
    help: {
      id: 'Persentase diketik sebagai angka biasa (85, bukan 85% atau 0,85); lke membacanya sebagai persen. Ketik dengan tanda % atau sebagai pecahan agar tidak ambigu.',
      en: 'A percentage typed as a plain number (85 rather than 85% or 0.85); lke reads it as a percentage. Type it with % or as a fraction so nobody has to guess.',
    },
    message: {
      id: (a) => `${q(a)}${a.answer} dibaca sebagai ${a.read}; tulis sebagai persen (${a.read}) atau pecahan`,
      en: (a) => `${q(a)}${a.answer} read as ${a.read}; type it as a percentage (${a.read}) or a fraction`,
    },
  },
  'bukti-missing': {
    title: { id: 'Bukti kosong', en: 'Evidence missing' },
    help: {
      id: 'Pertanyaan yang wajib berbukti sudah dijawab tetapi sel bukti/eviden kosong. Isi dengan tautan atau nama berkas bukti.',
      en: 'A question whose rubric requires evidence has an answer but an empty evidence (Bukti/Eviden) cell. Give a link or a file name.',
    },
    message: {
      id: (a) => `${q(a)}bukti/eviden belum diisi${cols(a)}`,
      en: (a) => `${q(a)}no evidence given${cols(a)}`,
    },
  },
  'bukti-column-absent': {
    title: { id: 'Tidak ada kolom bukti', en: 'No evidence column' },
    help: {
      id: 'Lembar kerja tidak memiliki kolom bukti/eviden sama sekali, sehingga kelengkapan bukti tidak diperiksa (satu temuan per berkas).',
      en: 'The worksheet has no evidence column at all, so evidence was not checked (one finding per file).',
    },
    message: {
      id: () => 'lembar kerja tidak memiliki kolom bukti/eviden; kelengkapan bukti tidak diperiksa',
      en: () => 'the worksheet has no evidence column; evidence was not checked',
    },
  },
  'bukti-path-missing': {
    title: { id: 'Berkas bukti tidak ada', en: 'Evidence file not found' },
    help: {
      id: 'Bukti berupa path berkas relatif (pada teks sel atau hyperlink-nya) yang tidak ada di samping lembar kerja. Sertakan berkasnya bersama lembar kerja atau perbaiki path-nya.',
      en: 'The evidence is a relative file path (in the cell text or its hyperlink) that does not exist next to the worksheet. Submit the file with the worksheet, or fix the path.',
    },
    message: {
      id: (a) => `${q(a)}berkas bukti "${a.path}" tidak ada di samping lembar kerja`,
      en: (a) => `${q(a)}the evidence file "${a.path}" does not exist next to the worksheet`,
    },
  },
  'bukti-link-invalid': {
    title: { id: 'Tautan bukti tidak sah', en: 'Evidence link not a URL' },
    help: {
      id: 'Bukti tampak seperti tautan tetapi bukan URL yang sah (skema hilang atau salah tulis seperti http//, ada spasi, www. tanpa https://). Tempel alamat lengkapnya.',
      en: 'The evidence looks like a link but is not a valid URL (a missing or misspelt scheme such as http//, spaces inside, www. without https://). Paste the full address.',
    },
    message: {
      id: (a) => `${q(a)}tautan bukti "${a.link}" bukan URL yang sah${linkHint(a, 'id')}`,
      en: (a) => `${q(a)}the evidence link "${a.link}" is not a valid URL${linkHint(a, 'en')}`,
    },
  },
  'nilai-mismatch': {
    title: { id: 'Nilai lembar kerja berbeda', en: 'Sheet Nilai differs' },
    help: {
      id: 'Nilai di lembar kerja untuk pertanyaan atau butir ini berbeda lebih dari 0,005 dari hasil hitung lke: biasanya rumus Excel rusak atau tertimpa.',
      en: "The sheet's own Nilai for a question or node differs from lke's computation by more than 0.005: usually a broken or overwritten Excel formula.",
    },
    message: {
      id: (a) => `${a.code}: Nilai di lembar kerja ${a.sheetValue}, hasil hitung ${a.computed}; periksa rumus sel ini`,
      en: (a) => `${a.code}: the sheet's Nilai is ${a.sheetValue}, computed ${a.computed}; check this cell's formula`,
    },
  },
  'bobot-mismatch': {
    title: { id: 'Bobot berbeda dari rubrik', en: 'Bobot differs from the rubric' },
    help: {
      id: 'Bobot di lembar kerja berbeda dari bobot rubrik (bobot lama, templat diubah). Bobot rubrik yang dipakai.',
      en: "The sheet's Bobot of a node differs from the rubric's (old weights, an edited template). The rubric's bobot is used.",
    },
    message: {
      id: (a) => `${a.code}: bobot di lembar kerja ${a.sheetValue}, rubrik ${a.expected}`,
      en: (a) => `${a.code}: the sheet's bobot is ${a.sheetValue}, the rubric's ${a.expected}`,
    },
  },
  'pilihan-mismatch': {
    title: { id: 'Pilihan jawaban berbeda dari rubrik', en: 'Answer options differ from the rubric' },
    help: {
      id: 'Teks Pilihan Jawaban di lembar kerja berbeda dari skala rubrik (templat diubah atau versi LKE lain).',
      en: "The sheet's Pilihan Jawaban text differs from the rubric's scale (an edited template or another LKE version).",
    },
    message: {
      id: (a) => `${q(a)}pilihan jawaban di lembar kerja "${a.sheetValue}", rubrik "${a.expected}"`,
      en: (a) => `${q(a)}the sheet's Pilihan Jawaban is "${a.sheetValue}", the rubric's "${a.expected}"`,
    },
  },
  'question-absent': {
    title: { id: 'Pertanyaan tidak ada', en: 'Question absent' },
    help: {
      id: 'Pertanyaan rubrik tidak ditemukan di lembar kerja; dihitung sebagai kosong. Gunakan templat resmi versi LKE ini.',
      en: 'A rubric question was not found in the worksheet; it counts as blank. Use the official template of this LKE version.',
    },
    message: {
      id: (a) => `${q(a)}pertanyaan rubrik tidak ditemukan di lembar kerja ("${a.text}")`,
      en: (a) => `${q(a)}rubric question not found in the worksheet ("${a.text}")`,
    },
  },
  'row-unmatched': {
    title: { id: 'Baris tidak dikenal', en: 'Unmatched row' },
    help: {
      id: 'Baris lembar kerja tidak cocok dengan butir, pertanyaan atau isian rubrik mana pun; baris ini diabaikan.',
      en: 'A worksheet row matches no node, question or sub-input of the rubric; it is ignored.',
    },
    message: {
      id: (a) => `baris ${a.row} ("${a.text}") tidak cocok dengan butir rubrik mana pun`,
      en: (a) => `row ${a.row} ("${a.text}") matches no rubric item`,
    },
  },
  'row-duplicate': {
    title: { id: 'Baris ganda', en: 'Duplicated row' },
    help: {
      id: 'Pertanyaan muncul dua kali; baris pertama yang dinilai, baris ulangan diabaikan. Hapus baris ganda.',
      en: 'A question appears twice; the first row is scored and the repeat is ignored. Delete the duplicated row.',
    },
    message: {
      id: (a) => `${q(a)}pertanyaan ini muncul lagi di baris ${a.row} (pertama di ${a1(a.firstRow, a.col)}); baris ganda diabaikan`,
      en: (a) => `${q(a)}this question appears again at row ${a.row} (first at ${a1(a.firstRow, a.col)}); the repeat is ignored`,
    },
  },
  'formula-no-cache': {
    title: { id: 'Rumus tanpa nilai tersimpan', en: 'Formula without cached value' },
    help: {
      id: 'Sel jawaban atau isian berisi rumus tanpa nilai tersimpan (berkas ditulis program yang tidak menghitung, seperti openpyxl) dan rumusnya bukan konstanta yang dapat dihitung lke; nilainya tidak diketahui, sehingga tidak dihitung dan indeks menyebutkannya. Buka dan simpan ulang di Excel atau LibreOffice.',
      en: 'An answer or input cell holds a formula without a cached result (the file was written by a program that does not calculate, such as openpyxl) and the formula is not a constant lke can work out; its value is unknown, so it is not scored and the index says so. Open and save the file in Excel or LibreOffice.',
    },
    message: {
      id: (a) => `${q(a)}sel berisi rumus${a.formula ? ` =${a.formula}` : ''} tanpa nilai tersimpan; tidak dihitung (buka dan simpan ulang di Excel/LibreOffice)`,
      en: (a) => `${q(a)}the cell holds a formula${a.formula ? ` =${a.formula}` : ''} with no cached value; not scored (open and save the file in Excel/LibreOffice)`,
    },
  },
  'formula-evaluated': {
    title: { id: 'Rumus konstanta dihitung', en: 'Constant formula worked out' },
    help: {
      id: 'Sel berisi rumus tanpa nilai tersimpan yang hanya terdiri dari konstanta (="Ya", =70+0,05); lke menghitungnya sendiri.',
      en: 'A cell holds a formula without a cached result made only of constants (="Ya", =70+0.05); lke worked it out itself.',
    },
    message: {
      id: (a) => `${q(a)}rumus${a.formula ? ` =${a.formula}` : ''} tanpa nilai tersimpan dihitung: ${a.value}`,
      en: (a) => `${q(a)}the formula${a.formula ? ` =${a.formula}` : ''} had no cached value; worked out as ${a.value}`,
    },
  },
  'input-computed': {
    title: { id: 'Isian dihitung dari rinciannya', en: 'Sub-input computed from its parts' },
    help: {
      id: 'Isian angka berisi rumus tanpa nilai tersimpan; rubrik mendefinisikannya sebagai jumlah isian lain (misalnya a = b + c + d), jadi lke menghitungnya dari situ.',
      en: 'A numeric sub-input holds a formula without a cached result; the rubric defines it from other inputs (such as a = b + c + d), so lke computed it from them.',
    },
    message: {
      id: (a) => `${q(a)}"${a.text}" berisi rumus tanpa nilai tersimpan; dihitung ${a.check} = ${a.value}`,
      en: (a) => `${q(a)}"${a.text}" holds a formula with no cached value; computed as ${a.check} = ${a.value}`,
    },
  },
  'index-incomplete': {
    title: { id: 'Indeks tidak lengkap', en: 'Index incomplete' },
    help: {
      id: 'Indeks tidak memuat nilai yang tidak dapat dipertanggungjawabkan lke (rumus tanpa nilai tersimpan, nilai di luar skala, satuan yang tidak sesuai): indeks ini bukan nilai akhir lembar kerja. Perbaiki sel-sel yang disebut.',
      en: "The index leaves out values lke cannot stand behind (formulas without cached values, values off their scale, units that do not fit): it is not the worksheet's final score. Fix the cells named.",
    },
    message: {
      id: (a) => `indeks tidak memuat ${a.count} nilai yang tidak dapat dipertanggungjawabkan (${cellList(a)}); indeks ini bukan nilai akhir`,
      en: (a) => `the index leaves out ${a.count} value(s) lke cannot stand behind (${cellList(a)}); it is not a final score`,
    },
  },
  'sheet-not-calculated': {
    title: { id: 'Rumus Nilai lembar kerja tidak terhitung', en: "The sheet's Nilai formulas not calculated" },
    help: {
      id: 'Rumus kolom Nilai lembar kerja tidak memiliki nilai tersimpan (berkas disimpan program yang tidak menghitung, seperti openpyxl), jadi tidak dapat dibandingkan dengan hasil hitung lke. Jawaban tetap dinilai.',
      en: "The sheet's own Nilai formulas have no cached values (the file was saved by a program that does not calculate, such as openpyxl), so they cannot be compared with lke's computation. The answers are scored all the same.",
    },
    message: {
      id: (a) => `${a.count} rumus Nilai lembar kerja tidak memiliki nilai tersimpan; tidak dibandingkan dengan hasil hitung lke`,
      en: (a) => `${a.count} of the sheet's Nilai formulas have no cached value; not compared with lke's computation`,
    },
  },
  'excel-error': {
    title: { id: 'Nilai galat Excel', en: 'Excel error value' },
    help: {
      id: 'Sel berisi nilai galat Excel (#DIV/0!, #REF!, #N/A, ...); pertanyaan tidak dinilai.',
      en: 'A cell holds an Excel error value (#DIV/0!, #REF!, #N/A, ...); the question is not scored.',
    },
    message: {
      id: (a) => `${q(a)}sel berisi galat ${a.error}`,
      en: (a) => `${q(a)}the cell holds the error ${a.error}`,
    },
  },
  'zero-denominator': {
    title: { id: 'Pembagi nol', en: 'Zero denominator' },
    help: {
      id: 'Rumus pertanyaan rasio membagi dengan nol; pertanyaan tidak dinilai.',
      en: "A ratio question's formula divides by zero; the question is not scored.",
    },
    message: {
      id: (a) => `${q(a)}rumus ${a.formula} membagi dengan nol; pertanyaan tidak dinilai`,
      en: (a) => `${q(a)}the formula ${a.formula} divides by zero; the question is not scored`,
    },
  },
  'input-missing': {
    title: { id: 'Data dukung angka kosong', en: 'Sub-input missing' },
    help: {
      id: 'Isian angka dari pertanyaan rasio kosong; pertanyaan tidak dinilai.',
      en: 'A numeric sub-input of a ratio question is empty; the question is not scored.',
    },
    message: {
      id: (a) => `${q(a)}isian "${a.text}" kosong; pertanyaan tidak dinilai`,
      en: (a) => `${q(a)}the input "${a.text}" is empty; the question is not scored`,
    },
  },
  'input-invalid': {
    title: { id: 'Isian angka tidak valid', en: 'Sub-input not a number' },
    help: {
      id: 'Isian angka berisi sesuatu selain bilangan ≥ 0; pertanyaan tidak dinilai.',
      en: 'A numeric sub-input holds something other than a number of at least 0; the question is not scored.',
    },
    message: {
      id: (a) => `${q(a)}isian "${a.text}" berisi "${a.answer}", bukan bilangan ≥ 0`,
      en: (a) => `${q(a)}the input "${a.text}" holds "${a.answer}", not a number ≥ 0`,
    },
  },
  'input-check': {
    title: { id: 'Rincian tidak sesuai jumlah', en: 'Breakdown does not add up' },
    help: {
      id: 'Isian tidak sama dengan rinciannya menurut rubrik (bagian-bagiannya tidak sesuai jumlah); nilai yang tertulis dipakai.',
      en: 'A sub-input does not equal its breakdown in the rubric (the parts do not add up); the value as written is used.',
    },
    message: {
      id: (a) => `${q(a)}"${a.text}" = ${a.value}, sedangkan ${a.check} = ${a.expected}; nilai yang tertulis dipakai`,
      en: (a) => `${q(a)}"${a.text}" is ${a.value} but ${a.check} is ${a.expected}; the value as written is used`,
    },
  },
  'rule-dependency-blank': {
    title: { id: 'Pertanyaan acuan kosong', en: 'Dependency unanswered' },
    help: {
      id: 'Aturan pertanyaan bergantung merujuk pertanyaan yang belum dijawab; aturan tidak diterapkan.',
      en: 'A dependent-question rule refers to a question without an answer; the rule is not applied.',
    },
    message: {
      id: (a) => `${q(a)}aturan bergantung pada ${a.dependsOn} yang belum dijawab; aturan tidak diterapkan`,
      en: (a) => `${q(a)}its rule depends on ${a.dependsOn}, which has no answer; the rule was not applied`,
    },
  },
  'indicator-unscored': {
    title: { id: 'Indikator tanpa jawaban', en: 'Indicator without answers' },
    help: {
      id: 'Tidak ada pertanyaan indikator yang dapat dinilai; nilainya 0 (lembar kerja resmi menampilkan #DIV/0!).',
      en: 'No question of an indicator could be scored; its nilai is 0 (the official sheet shows #DIV/0!).',
    },
    message: {
      id: (a) => `${a.code}: tidak ada jawaban yang dapat dinilai; nilai 0 (lembar kerja resmi menampilkan #DIV/0!)`,
      en: (a) => `${a.code}: no scoreable answer; nilai 0 (the official sheet shows #DIV/0!)`,
    },
  },
  'block-ignored': {
    title: { id: 'Blok penilaian kedua diabaikan', en: 'Second assessment block ignored' },
    help: {
      id: 'Lembar kerja memiliki blok penilaian kedua di sebelah kanan (misalnya evaluasi tahun lalu); hanya blok pertama yang dinilai.',
      en: "The sheet has a second assessment block to the right (e.g. an earlier year's evaluation); only the first is scored.",
    },
    message: {
      id: (a) => `blok penilaian kedua mulai kolom ${colLetters(a.column)}${a.title ? ` ("${a.title}")` : ''} diabaikan; yang dinilai blok pertama`,
      en: (a) => `a second assessment block from column ${colLetters(a.column)}${a.title ? ` ("${a.title}")` : ''} is ignored; the first block is scored`,
    },
  },
  'rubric-year-mismatch': {
    title: { id: 'Versi rubrik tidak sesuai tahun', en: 'Rubric version not for this year' },
    help: {
      id: 'Rubrik yang dipakai berlaku untuk tahun lain daripada tahun lembar kerja (tahun rubrik dibandingkan Tahun di judul atau nama berkas): lembar kerja mungkin memakai versi LKE yang salah.',
      en: "The rubric used is meant for other years than the worksheet's (the rubric's years against the Tahun of the title block or the file name): the worksheet may be on the wrong LKE version.",
    },
    message: {
      id: (a) => `rubrik ${a.rubric} berlaku untuk tahun ${a.from}–${a.to}, sedangkan lembar kerja untuk tahun ${a.year}${yearSource(a, 'id')}; pastikan versi LKE-nya benar`,
      en: (a) => `the rubric ${a.rubric} is for ${a.from}–${a.to} but the worksheet is for ${a.year}${yearSource(a, 'en')}; check that the right LKE version was used`,
    },
  },
  'sheet-other-lke': {
    title: { id: 'Ada lembar LKE lain', en: 'Another LKE sheet' },
    help: {
      id: 'Buku kerja memuat lebih dari satu lembar LKE yang terisi (misalnya salinan evaluator dengan jawaban lain). Hanya satu yang dinilai: lembar yang paling lengkap, atau yang pertama bila sama. Pastikan lembar yang dinilai adalah yang dimaksud, atau pilih dengan --sheet.',
      en: "The workbook holds more than one answered LKE sheet (an evaluator's copy with other answers, say). Only one is scored: the most complete, or the first when they tie. Check that it is the one meant, or choose with --sheet.",
    },
    message: {
      id: (a) => `yang dinilai lembar "${a.scored}"; lembar "${a.other}" juga berisi LKE (${a.answered} baris terjawab) dan tidak dinilai`,
      en: (a) => `the sheet scored is "${a.scored}"; the sheet "${a.other}" also holds an LKE (${a.answered} answered rows) and was not scored`,
    },
  },
  'metadata-from-file-name': {
    title: { id: 'OPD/tahun dari nama berkas', en: 'OPD/year from the file name' },
    help: {
      id: 'Lembar kerja tidak menyebut Instansi/Unit Kerja atau Tahun di bagian judulnya, jadi lke mengambilnya dari nama berkas (tahun setelah "Tahun"/"TA", tidak pernah tahun peraturan seperti "RB 2014"). Periksa; isi bagian judul atau beri --opd/--year.',
      en: 'The worksheet names no Instansi/Unit Kerja or Tahun in its title block, so lke took them from the file name (the year after "Tahun"/"TA", never a regulation\'s year such as "RB 2014"). Check them; fill in the title block or give --opd/--year.',
    },
    message: {
      id: (a) => `${[a.opd !== undefined ? `OPD "${a.opd}"` : '', a.year !== undefined ? `tahun ${a.year}` : ''].filter(Boolean).join(' dan ')} diambil dari nama berkas; periksa, atau beri --opd/--year`,
      en: (a) => `${[a.opd !== undefined ? `OPD "${a.opd}"` : '', a.year !== undefined ? `year ${a.year}` : ''].filter(Boolean).join(' and ')} taken from the file name; check, or give --opd/--year`,
    },
  },
  'opd-duplicate': {
    title: { id: 'OPD ganda', en: 'Duplicate OPD' },
    help: {
      id: 'Beberapa lembar kerja dalam satu kumpulan (rubrik dan tahun yang sama) menyebut OPD yang sama, biasanya karena Instansi/Unit Kerja pada templat tidak diubah. Peringkat membedakannya menurut berkas; isi nama OPD yang benar atau beri --opd.',
      en: "Several worksheets of one batch (same rubric and year) name the same OPD, usually because the template's Instansi/Unit Kerja was left unchanged. The ranking tells them apart by file; fill in the right OPD or give --opd.",
    },
    message: {
      id: (a) => `OPD "${a.opd}" juga disebut oleh ${(a.others ?? []).join(', ')}; periksa Instansi/Unit Kerja di judul lembar kerja`,
      en: (a) => `the OPD "${a.opd}" is also given by ${(a.others ?? []).join(', ')}; check the Instansi/Unit Kerja of the title block`,
    },
  },
  // a rubric of lines read from a table, and the check of a published evaluation
  ...LINE_WORDS,
  'rubric-stamp-mismatch': {
    title: { id: 'Lembar kerja dari rubrik lain', en: 'Worksheet made from another rubric' },
    help: {
      id: 'Lembar kerja dibuat oleh lke template dari rubrik (atau versi rubrik) lain daripada yang dipakai untuk menilainya: pertanyaan, bobot atau skala bisa berbeda. Nilai dengan rubrik yang tercatat, atau buat lembar kerja baru dari rubrik yang berlaku.',
      en: 'The worksheet was made by lke template from another rubric (or another version of it) than the one it is scored with: questions, bobot or scales may differ. Score it with the rubric it records, or make a new worksheet from the rubric in force.',
    },
    message: {
      id: (a) => `lembar kerja dibuat dari rubrik ${a.stamped}, dinilai dengan ${a.used}`,
      en: (a) => `the worksheet was made from rubric ${a.stamped}, scored with ${a.used}`,
    },
  },
};

export function renderMessage(f: Finding, lang: Lang): string {
  const def = WORDS[f.code] as Def<FindingCode>;
  return def.message[lang]({ ...f.args, question: f.question } as Args<FindingCode>);
}

export function findingTitle(code: FindingCode, lang: Lang): string {
  return WORDS[code].title[lang];
}

export function findingHelp(code: FindingCode, lang: Lang): string {
  return WORDS[code].help[lang];
}

export { FINDING_CODES };
