// The wording of what `lke rubric import` leaves to do (src/import/todos.ts), Indonesian and English: written as
// TODO comments into the YAML and listed on stderr.
import type { ImportTodo, ImportTodoArgs, ImportTodoCode } from '../import/todos.js';
import type { Lang } from './lang.js';

const WORDS: { [C in ImportTodoCode]: Record<Lang, (a: ImportTodoArgs[C]) => string> } = {
  'formula-defective': {
    id: (a) => `${a.code}: rumus Nilai lembar ini (${a.cell} ${a.formula}) menghitung hal lain; diimpor sebagai ${a.imported}. Periksa: lke akan melaporkan selisihnya (nilai-mismatch).`,
    en: (a) => `${a.code}: the sheet's Nilai formula (${a.cell} ${a.formula}) computes something else; imported as ${a.imported}. Check it: lke will report the difference (nilai-mismatch).`,
  },
  'formula-unknown': {
    id: (a) => `${a.code}: rumus ${a.cell} (${a.formula}) tidak dapat dibaca (${a.why}); tulis cara penilaiannya.`,
    en: (a) => `${a.code}: the formula in ${a.cell} (${a.formula}) cannot be read (${a.why}); write how it scores.`,
  },
  'formula-other-row': {
    id: (a) => `${a.code}: rumus Nilai ${a.cell} membaca jawaban baris ${a.row}, bukan jawabannya sendiri; dinilai dengan skala "${a.scale}" dari Pilihan Jawaban.`,
    en: (a) => `${a.code}: the Nilai formula in ${a.cell} reads the answer of row ${a.row}, not its own; scored on the "${a.scale}" scale of its Pilihan Jawaban.`,
  },
  'scale-from-label': {
    id: (a) => `${a.code}: tidak ada rumus yang menilai; skala ${a.scale} diambil dari Pilihan Jawaban "${a.label}".`,
    en: (a) => `${a.code}: no formula scores it; the scale ${a.scale} comes from its Pilihan Jawaban "${a.label}".`,
  },
  'scale-guessed': {
    id: (a) => `${a.code}: rumusnya tidak menilai satu pun jawaban "${a.label}"; skala ${a.scale} hanya dugaan, pastikan.`,
    en: (a) => `${a.code}: its formula scores no answer of "${a.label}"; the scale ${a.scale} is a guess, confirm it.`,
  },
  'rule-inert': {
    id: (a) => `${a.code}: rumusnya menguji ${a.dep} = "${a.answer}", jawaban yang tidak ada pada ${a.dep}; aturan itu tidak pernah berlaku dan tidak diimpor.`,
    en: (a) => `${a.code}: its formula tests ${a.dep} = "${a.answer}", an answer ${a.dep} does not have; the rule can never apply and is left out.`,
  },
  'dependency-unknown': {
    id: (a) => `${a.code}: rumus ${a.cell} membaca ${a.ref} dengan cara yang tidak dapat dijadikan aturan; tulis aturannya bila perlu.`,
    en: (a) => `${a.code}: the formula in ${a.cell} reads ${a.ref} in a way that is not a rule lke knows; write the rule if it matters.`,
  },
  'bobot-from-children': {
    id: (a) => `${a.code}: tanpa sel Bobot; bobot ${a.bobot} adalah jumlah bobot anaknya.`,
    en: (a) => `${a.code}: no Bobot cell; its bobot ${a.bobot} is the sum of its children's.`,
  },
  'bracket-weight': {
    id: (a) => `${a.code}: nama memuat bobot lama (${a.bracket}) dalam kurung, bobotnya ${a.bobot}; kurung dibuang dari nama.`,
    en: (a) => `${a.code}: the name carried an old weight (${a.bracket}) in brackets, its bobot is ${a.bobot}; the brackets were dropped.`,
  },
  'bobot-sum': {
    id: (a) => `${a.code}: bobot ${a.bobot}, tetapi bobot anaknya berjumlah ${a.sum} di lembar ini; perbaiki sebelum dipakai.`,
    en: (a) => `${a.code}: bobot ${a.bobot}, but its children's add up to ${a.sum} in the sheet; fix before use.`,
  },
  'row-ignored': {
    id: (a) => `baris ${a.row} ("${a.text}") bukan simpul, pertanyaan atau isian; diabaikan.`,
    en: (a) => `row ${a.row} ("${a.text}") is neither a node, a question nor a sub-input; left out.`,
  },
  'node-empty': {
    id: (a) => `${a.code} (baris ${a.row}) tidak punya pertanyaan maupun anak; lengkapi atau hapus.`,
    en: (a) => `${a.code} (row ${a.row}) has neither questions nor children; complete it or remove it.`,
  },
  'code-generated': {
    id: (a) => `${a.code}: baris ${a.row} tidak bernomor (atau nomornya ganda); kode dibuatkan.`,
    en: (a) => `${a.code}: row ${a.row} has no number of its own (or a repeated one); its code was made up.`,
  },
  'blank-counted': {
    id: (a) => `${a.code}: rumus ${a.cell} menghitung jawaban kosong sebagai 0; lke (seperti lembar resmi) tidak menghitungnya kecuali dengan --blank zero.`,
    en: (a) => `${a.code}: the formula in ${a.cell} counts blank answers as 0; lke (as the official sheets) leaves them out unless --blank zero.`,
  },
  'regulation-unknown': {
    id: () => 'peraturan tidak ditemukan di judul lembar; isi regulation.',
    en: () => 'no regulation found in the sheet title; fill in regulation.',
  },
  'kind-guessed': {
    id: (a) => `jenis LKE tidak terbaca dari judul; kind: ${a.kind} hanya dugaan.`,
    en: (a) => `the kind of LKE is not in the title; kind: ${a.kind} is a guess.`,
  },
  'predikat-copied': {
    id: (a) => `predikat tidak ada di lembar; disalin dari rubrik bawaan ${a.from}, pastikan berlaku.`,
    en: (a) => `the sheet holds no predikat; copied from the built-in ${a.from}, confirm it applies.`,
  },
  'predikat-unknown': {
    id: () => 'predikat tidak ada di lembar; isi predikat.bands.',
    en: () => 'the sheet holds no predikat; fill in predikat.bands.',
  },
  'bukti-column-absent': {
    id: () => 'lembar tidak punya kolom bukti: bukti tidak diwajibkan (defaults.bukti: false); ubah bila instrumen mewajibkannya.',
    en: () => 'the sheet has no evidence column: evidence is not required (defaults.bukti: false); change it if the instrument asks for evidence.',
  },
};

export function importTodoMessage(t: ImportTodo, lang: Lang): string {
  return (WORDS[t.code] as Record<Lang, (a: unknown) => string>)[lang](t.args);
}

export const IMPORT_WORDS = {
  id: { head: (file: string, sheet: string, row: number) => `Diimpor oleh lke rubric import dari ${file} (lembar ${sheet}, baris judul ${row}). Selesaikan setiap TODO, lalu jalankan lke rubric check.` },
  en: { head: (file: string, sheet: string, row: number) => `Imported by lke rubric import from ${file} (sheet ${sheet}, header row ${row}). Resolve every TODO, then run lke rubric check.` },
} as const;
