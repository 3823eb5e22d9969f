// The wording of the findings of a rubric of lines (the Indeks RB from 2023) and of checking a published evaluation,
// Indonesian and English, against their typed arguments (src/findings/line-codes.ts). Spread into words/findings.ts.
import type { LineFindingArgs } from '../findings/line-codes.js';
import type { Def } from './findings.js';
import type { Lang } from './lang.js';

type A<C extends keyof LineFindingArgs> = LineFindingArgs[C] & { question?: string | undefined };

const line = (a: { code: string; name?: string | undefined }) => `${a.code}${a.name ? ` ${a.name}` : ''}`;

const CAUSES: { [K in LineFindingArgs['published-mismatch']['cause']]: Record<Lang, (a: A<'published-mismatch'>) => string> } = {
  tie: {
    id: (a) => `nilai tepat ${a.exact} dibulatkan ke bawah (pembulatan angka 5 dengan bilangan biner), menurut aturan dibulatkan ke atas`,
    en: (a) => `the exact ${a.exact} was rounded down (binary floating point on a tie); the rule rounds it up`,
  },
  'pengali-unrounded': {
    id: (a) => `pengali ${a.pengali} dipakai tanpa dibulatkan; menurut aturan dipakai nilai yang sudah dibulatkan`,
    en: (a) => `the pengali ${a.pengali} was taken unrounded; the rule takes its rounded points`,
  },
  'bobot-changed': {
    id: (a) => `dihitung dengan bobot ${a.bobot}, bukan bobot sekarang ${a.current} (bobot lama, sebelum perubahan bobot)`,
    en: (a) => `computed with bobot ${a.bobot} instead of the current ${a.current} (a stale bobot, from before a weight change)`,
  },
  excluded: {
    id: () => 'baris ini dikecualikan, tetapi dipublikasikan dengan nilai',
    en: () => 'the line is excluded but was published with points',
  },
  unknown: {
    id: () => 'penyebab tidak diketahui; periksa skor yang dipakai evaluator',
    en: () => 'cause unknown; check the skor the evaluator used',
  },
};

const cause = (a: A<'published-mismatch'>, lang: Lang) => (CAUSES[a.cause] ?? CAUSES.unknown)[lang](a);

export const LINE_WORDS: { [C in keyof LineFindingArgs]: Def<C> } = {
  'line-empty': {
    title: { id: 'Nilai indikator kosong', en: 'Indicator value empty' },
    help: {
      id: 'Nilai capaian (skor) indikator kosong: dihitung 0 dan bobotnya tetap menjadi pembagi. Hanya baris yang dikecualikan evaluator (Keterangan "dikecualikan", "tidak diperhitungkan", "tidak berlaku", "tidak menjadi pembagi") yang keluar dari pembagi.',
      en: 'An indicator has no raw value (skor): it counts 0 and its bobot stays in the denominator. Only a line the evaluator excluded (Keterangan "dikecualikan", "tidak diperhitungkan", "tidak berlaku", "tidak menjadi pembagi") leaves the denominator.',
    },
    message: {
      id: (a) => `${line(a)}: skor kosong; dihitung 0${a.divisor ? `, bobot ${a.bobot} tetap menjadi pembagi` : ''}`,
      en: (a) => `${line(a)}: no skor; counted 0${a.divisor ? `, its bobot ${a.bobot} stays in the denominator` : ''}`,
    },
  },
  'line-absent': {
    title: { id: 'Indikator tidak ada di tabel', en: 'Indicator not in the table' },
    help: {
      id: 'Indikator rubrik tidak ditemukan di tabel (nama resmi, alias, atau kode): dihitung 0 dan bobotnya tetap menjadi pembagi. Tambahkan barisnya, atau tandai "dikecualikan" bila evaluator mengecualikannya.',
      en: 'A rubric indicator is not in the table (by official name, alias or code): it counts 0 and its bobot stays in the denominator. Add its row, or mark it "dikecualikan" if the evaluator excluded it.',
    },
    message: {
      id: (a) => `${line(a)}: tidak ada di tabel; dihitung 0${a.divisor ? `, bobot ${a.bobot} tetap menjadi pembagi` : ''}`,
      en: (a) => `${line(a)}: not in the table; counted 0${a.divisor ? `, its bobot ${a.bobot} stays in the denominator` : ''}`,
    },
  },
  'line-excluded': {
    title: { id: 'Indikator dikecualikan', en: 'Indicator excluded' },
    help: {
      id: 'Evaluator mengecualikan indikator ini (kolom Keterangan): bobotnya keluar dari pembagi komponen yang disesuaikan (RB General), dan skornya tidak dihitung.',
      en: "The evaluator excluded this indicator (the Keterangan column): its bobot leaves the denominator of the adjusted component (RB General) and its skor is not counted.",
    },
    message: {
      id: (a) => `${line(a)}: dikecualikan evaluator (Keterangan "${a.remark}"); bobot ${a.bobot} keluar dari pembagi${a.value ? `, skor ${a.value} tidak dihitung` : ''}`,
      en: (a) => `${line(a)}: excluded by the evaluator (Keterangan "${a.remark}"); its bobot ${a.bobot} leaves the denominator${a.value ? `, the skor ${a.value} is not counted` : ''}`,
    },
  },
  'line-exclusion-ignored': {
    title: { id: 'Pengecualian tidak berlaku di sini', en: 'Exclusion does not apply here' },
    help: {
      id: 'Keterangan menandai indikator sebagai dikecualikan, tetapi komponennya tidak disesuaikan (RB Tematik tidak pernah mengubah pembagi); indikator dihitung seperti biasa.',
      en: 'The Keterangan marks the indicator as excluded, but its component is not adjusted (RB Tematik never changes the denominator); the line is counted as usual.',
    },
    message: {
      id: (a) => `${line(a)}: ditandai "${a.remark}", tetapi komponennya tidak disesuaikan; dihitung seperti biasa`,
      en: (a) => `${line(a)}: marked "${a.remark}" but its component is not adjusted; counted as usual`,
    },
  },
  'value-out-of-range': {
    title: { id: 'Skor di luar rentang', en: 'Skor out of range' },
    help: {
      id: 'Skor indikator di luar rentang nilainya (misalnya 331 untuk 3,31 karena titik dibaca sebagai pemisah ribuan); baris dihitung 0 agar indeks tidak melonjak. Perbaiki skornya.',
      en: "An indicator's skor is outside its range (say 331 for 3.31, the dot read as a thousands separator); the line counts 0 so the index does not jump. Fix the skor.",
    },
    message: {
      id: (a) => `${line(a)}: skor ${a.value} di luar rentang ${a.range}; baris dihitung 0`,
      en: (a) => `${line(a)}: skor ${a.value} is outside the range ${a.range}; the line counts 0`,
    },
  },
  'value-invalid': {
    title: { id: 'Skor bukan angka', en: 'Skor not a number' },
    help: {
      id: 'Sel skor berisi teks yang bukan angka (atau bukan pilihan, untuk Opini BPK); baris dihitung 0. Tulis angkanya (koma desimal boleh).',
      en: 'The skor cell holds text that is not a number (or not an option, for Opini BPK); the line counts 0. Type the number (a decimal comma is fine).',
    },
    message: {
      id: (a) => `${line(a)}: "${a.value}" bukan angka${a.allowed ? ` (${a.allowed})` : ''}; baris dihitung 0`,
      en: (a) => `${line(a)}: "${a.value}" is not a number${a.allowed ? ` (${a.allowed})` : ''}; the line counts 0`,
    },
  },
  'option-uncertain': {
    title: { id: 'Nilai pilihan belum pasti', en: 'Option points uncertain' },
    help: {
      id: 'Jawaban ini adalah pilihan yang nilainya tidak diketahui pasti (tidak ada di catatan sumber, misalnya opini TW atau TMP); dihitung 0. Bila nilainya diketahui, tulis angkanya.',
      en: 'The answer is an option whose points are not known for sure (not in the source records, e.g. opinion TW or TMP); it counts 0. If you know its points, type the number.',
    },
    message: {
      id: (a) => `${a.question ? `${a.question}: ` : ''}nilai pilihan ${a.answer} belum pasti${a.note ? ` (${a.note})` : ''}; dihitung 0`,
      en: (a) => `${a.question ? `${a.question}: ` : ''}the points of option ${a.answer} are uncertain${a.note ? ` (${a.note})` : ''}; counted 0`,
    },
  },
  'adjustment-used': {
    title: { id: 'Koefisien terisi', en: 'Koefisien used' },
    help: {
      id: 'Baris koefisien (penyesuaian) berisi angka selain 0. Semua evaluasi yang dipublikasikan membiarkannya kosong atau 0, jadi cara pakainya belum pasti; lke menghitungnya dengan rumus biasa (skor / maks × bobot).',
      en: 'The koefisien (adjustment) line holds a number other than 0. Every published evaluation leaves it empty or 0, so its use is uncertain; lke applies the usual rule (skor / max × bobot).',
    },
    message: {
      id: (a) => `${line(a)}: koefisien ${a.value} dihitung ${a.points} poin; cara pakainya belum pasti`,
      en: (a) => `${line(a)}: koefisien ${a.value} counted as ${a.points} points; its use is uncertain`,
    },
  },
  'line-unnamed': {
    title: { id: 'Baris tanpa indikator', en: 'Row names no indicator' },
    help: {
      id: 'Baris tabel berisi nilai tetapi kolom Indikator dan Kode kosong; baris diabaikan.',
      en: 'A table row holds values but its Indikator and Kode cells are empty; the row is ignored.',
    },
    message: {
      id: (a) => `baris ${a.row} berisi nilai tetapi tidak menyebut indikator; diabaikan`,
      en: (a) => `row ${a.row} holds values but names no indicator; ignored`,
    },
  },
  'line-duplicate': {
    title: { id: 'Indikator ganda', en: 'Indicator twice' },
    help: {
      id: 'Indikator yang sama muncul di dua baris; baris pertama yang dihitung, baris ulangan diabaikan. Hapus salah satunya.',
      en: 'The same indicator is on two rows; the first is counted and the repeat ignored. Delete one of them.',
    },
    message: {
      id: (a) => `${line(a)}: muncul lagi di baris ${a.row} (pertama di baris ${a.firstRow}); baris ulangan diabaikan`,
      en: (a) => `${line(a)}: appears again at row ${a.row} (first at row ${a.firstRow}); the repeat is ignored`,
    },
  },
  'line-name-approximate': {
    title: { id: 'Nama indikator dibaca mendekati', en: 'Indicator name read approximately' },
    help: {
      id: 'Nama indikator di tabel tidak persis sama dengan nama resmi atau aliasnya; lke membacanya sebagai indikator yang paling mirip. Periksa bahwa itu benar.',
      en: "The table's indicator name is not exactly the official name or an alias; lke read it as the closest indicator. Check that this is right.",
    },
    message: {
      id: (a) => `baris ${a.row} "${a.text}" dibaca sebagai ${line(a)}`,
      en: (a) => `row ${a.row} "${a.text}" read as ${line(a)}`,
    },
  },
  'line-code-conflict': {
    title: { id: 'Kode dan nama indikator tidak cocok', en: 'Code and name disagree' },
    help: {
      id: 'Kode di baris ini adalah kode indikator lain daripada yang disebut namanya; nama yang dipakai.',
      en: "The row's code is another indicator's code than the one its name gives; the name is used.",
    },
    message: {
      id: (a) => `baris ${a.row}: kode ${a.given} milik ${a.other}, tetapi namanya ${line(a)}; nama yang dipakai`,
      en: (a) => `row ${a.row}: code ${a.given} belongs to ${a.other} but the name is ${line(a)}; the name is used`,
    },
  },
  'published-mismatch': {
    title: { id: 'Nilai publikasi tidak sesuai aturan', en: 'Published points differ from the rule' },
    help: {
      id: 'Nilai yang dipublikasikan untuk indikator ini berbeda lebih dari 0,005 dari nilai menurut aturan (skor / maks × bobot, dikali pengali, dibulatkan 2 desimal). Penyebab yang dikenal: bobot lama, pembulatan angka 5 ke arah lain, pengali yang tidak dibulatkan. Bahan sanggah.',
      en: 'The published points of this indicator differ by more than 0.005 from the rule (skor / max × bobot, times the pengali, rounded to 2 decimals). Known causes: a stale bobot, a tie rounded the other way, an unrounded pengali. Material for a sanggah.',
    },
    message: {
      id: (a) => `${line(a)}: dipublikasikan ${a.published}, menurut aturan ${a.computed} (selisih ${a.diff}); kemungkinan penyebab: ${cause(a, 'id')}`,
      en: (a) => `${line(a)}: published ${a.published}, by the rule ${a.computed} (difference ${a.diff}); likely cause: ${cause(a, 'en')}`,
    },
  },
  'published-invalid': {
    title: { id: 'Nilai publikasi bukan angka', en: 'Published points not a number' },
    help: {
      id: 'Sel nilai yang dipublikasikan berisi sesuatu selain angka; dihitung 0 dalam total publikasi.',
      en: 'The published points cell holds something other than a number; it counts 0 in the published total.',
    },
    message: {
      id: (a) => `${line(a)}: nilai publikasi "${a.value}" bukan angka; dihitung 0 dalam total publikasi`,
      en: (a) => `${line(a)}: the published points "${a.value}" are not a number; counted 0 in the published total`,
    },
  },
};
