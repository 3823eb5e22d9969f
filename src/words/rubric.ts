// The wording of every rubric problem (src/rubric/problems.ts), Indonesian and English: a title (SARIF rule
// text) and the message, written against the code's typed arguments.
import { severityOf, type RubricProblem, type RubricProblemArgs, type RubricProblemCode } from '../rubric/problems.js';
import type { Lang } from './lang.js';

interface Def<C extends RubricProblemCode> {
  title: Record<Lang, string>;
  message: Record<Lang, (a: RubricProblemArgs[C]) => string>;
}

const WHAT: Record<'node' | 'question' | 'input', Record<Lang, string>> = {
  node: { id: 'simpul', en: 'node' },
  question: { id: 'pertanyaan', en: 'question' },
  input: { id: 'isian', en: 'sub-input' },
};

const WORDS: { [C in RubricProblemCode]: Def<C> } = {
  'file-not-found': {
    title: { id: 'Rubrik tidak ditemukan', en: 'Rubric not found' },
    message: {
      id: (a) => `rubrik "${a.ref}" tidak ditemukan (bawaan: ${a.builtins}; atau beri path berkas .yaml)`,
      en: (a) => `rubric "${a.ref}" not found (built-in: ${a.builtins}; or give a path to a .yaml file)`,
    },
  },
  'file-not-utf8': {
    title: { id: 'Bukan teks UTF-8', en: 'Not UTF-8 text' },
    message: { id: () => 'bukan teks UTF-8; simpan rubrik sebagai UTF-8', en: () => 'not valid UTF-8 text; save the rubric as UTF-8' },
  },
  'file-too-large': {
    title: { id: 'Berkas terlalu besar', en: 'File too large' },
    message: { id: (a) => `berkas rubrik lebih dari ${a.mib} MiB`, en: (a) => `rubric file is larger than ${a.mib} MiB` },
  },
  'yaml-syntax': {
    title: { id: 'YAML tidak sah', en: 'Invalid YAML' },
    message: { id: (a) => `YAML tidak sah: ${a.detail}`, en: (a) => `invalid YAML: ${a.detail}` },
  },
  'yaml-tag': {
    title: { id: 'Tag YAML tidak diizinkan', en: 'YAML tag not allowed' },
    message: { id: (a) => `tag tidak diizinkan dalam rubrik (${a.detail})`, en: (a) => `tags are not allowed in a rubric (${a.detail})` },
  },
  'yaml-alias': {
    title: { id: 'Alias YAML terlalu banyak', en: 'Too many YAML aliases' },
    message: {
      id: (a) => `alias (*nama) mengembang terlalu jauh (lebih dari ${a.max}); tulis nilainya, jangan pakai alias`,
      en: (a) => `its aliases (*name) expand too far (over ${a.max}: a "billion laughs" file); write the values out instead of aliasing them`,
    },
  },
  'yaml-empty': {
    title: { id: 'Rubrik kosong', en: 'Empty rubric' },
    message: { id: () => 'rubrik kosong; harus berupa mapping YAML (lihat docs/rubric-format.md)', en: () => 'the rubric is empty; it must be a YAML mapping (see docs/rubric-format.md)' },
  },
  'schema-unknown-key': {
    title: { id: 'Kunci tidak dikenal', en: 'Unknown key' },
    message: { id: (a) => `kunci tidak dikenal: "${a.key}"`, en: (a) => `Unrecognized key: "${a.key}"` },
  },
  'schema-type': {
    title: { id: 'Jenis nilai salah', en: 'Wrong type' },
    message: { id: (a) => `jenis nilai salah: ${a.detail}`, en: (a) => a.detail },
  },
  'schema-value': {
    title: { id: 'Nilai tidak sah', en: 'Invalid value' },
    message: { id: (a) => `nilai tidak sah: ${a.detail}`, en: (a) => a.detail },
  },
  'schema-node-content': {
    title: { id: 'Isi simpul', en: 'Node content' },
    message: {
      id: () => 'simpul harus punya children atau questions (tepat salah satu)',
      en: () => 'a node has either children or questions (exactly one of them)',
    },
  },
  'scale-option-duplicate': {
    title: { id: 'Pilihan skala ganda', en: 'Scale option twice' },
    message: { id: (a) => `skala ${a.scale}: pilihan ${a.option} muncul dua kali`, en: (a) => `scale ${a.scale}: option ${a.option} appears twice` },
  },
  'scale-option-above-max': {
    title: { id: 'Skor pilihan di atas max', en: 'Option above max' },
    message: {
      id: (a) => `skala ${a.scale}: pilihan ${a.option} bernilai ${a.score}, di atas max skala ${a.max}`,
      en: (a) => `scale ${a.scale}: option ${a.option} scores ${a.score}, above the scale max ${a.max}`,
    },
  },
  'scale-range-order': {
    title: { id: 'Rentang terbalik', en: 'Range not low to high' },
    message: { id: (a) => `skala ${a.scale}: rentang harus dari rendah ke tinggi`, en: (a) => `scale ${a.scale}: range must go from low to high` },
  },
  'scale-unknown': {
    title: { id: 'Skala tidak dikenal', en: 'Unknown scale' },
    message: { id: (a) => `pertanyaan ${a.question}: skala "${a.scale}" tidak dikenal`, en: (a) => `question ${a.question}: unknown scale "${a.scale}"` },
  },
  'code-duplicate': {
    title: { id: 'Kode ganda', en: 'Code used twice' },
    message: { id: (a) => `kode ${WHAT[a.what].id} ${a.code} dipakai dua kali`, en: (a) => `${WHAT[a.what].en} code ${a.code} is used twice` },
  },
  'code-shared': {
    title: { id: 'Kode pertanyaan sama dengan simpul', en: 'Question code is a node code' },
    message: {
      id: (a) => `kode pertanyaan ${a.code} juga kode simpul (hanya boleh untuk satu-satunya pertanyaan indikator itu)`,
      en: (a) => `question code ${a.code} is also a node code (allowed only for the sole question of that indicator)`,
    },
  },
  'option-text-unknown': {
    title: { id: 'optionTexts bukan pilihan skala', en: 'optionTexts key not an option' },
    message: {
      id: (a) => `pertanyaan ${a.question}: optionTexts memuat ${a.option}, yang tidak ada di skala ${a.scale}`,
      en: (a) => `question ${a.question}: optionTexts has ${a.option}, which scale ${a.scale} does not offer`,
    },
  },
  'input-key-duplicate': {
    title: { id: 'Kunci isian ganda', en: 'Sub-input key twice' },
    message: { id: (a) => `pertanyaan ${a.question}: kunci isian ${a.key} dipakai dua kali`, en: (a) => `question ${a.question}: sub-input key ${a.key} is used twice` },
  },
  'check-unknown-input': {
    title: { id: 'check memakai isian tak dikenal', en: 'Check names an unknown input' },
    message: {
      id: (a) => `pertanyaan ${a.question}: check isian ${a.key} memakai isian "${a.name}" yang tidak ada`,
      en: (a) => `question ${a.question}: check of ${a.key} names unknown input "${a.name}"`,
    },
  },
  'formula-needs-percent': {
    title: { id: 'Rumus perlu skala persen', en: 'Formula needs a percent scale' },
    message: { id: (a) => `pertanyaan ${a.question}: rumus hanya untuk skala persen`, en: (a) => `question ${a.question}: a formula needs a percent scale` },
  },
  'inputs-without-formula': {
    title: { id: 'Isian tanpa rumus', en: 'Sub-inputs without a formula' },
    message: { id: (a) => `pertanyaan ${a.question}: ada isian tanpa rumus`, en: (a) => `question ${a.question}: sub-inputs without a formula` },
  },
  'formula-unknown-input': {
    title: { id: 'Rumus memakai isian tak dikenal', en: 'Formula names an unknown input' },
    message: {
      id: (a) => `pertanyaan ${a.question}: rumus memakai isian "${a.name}" yang tidak ada`,
      en: (a) => `question ${a.question}: formula names unknown input "${a.name}"`,
    },
  },
  'formula-syntax': {
    title: { id: 'Rumus tidak sah', en: 'Invalid formula' },
    message: { id: (a) => `pertanyaan ${a.question}: ${a.detail}`, en: (a) => `question ${a.question}: ${a.detail}` },
  },
  'bobot-sum': {
    title: { id: 'Jumlah bobot anak tidak sama', en: "Children's bobot do not add up" },
    message: {
      id: (a) => `simpul ${a.code}: bobot ${a.bobot} tetapi jumlah bobot anaknya ${a.sum}`,
      en: (a) => `node ${a.code}: bobot ${a.bobot} but its children sum to ${a.sum}`,
    },
  },
  'rule-unknown-question': {
    title: { id: 'Aturan memakai pertanyaan tak dikenal', en: 'Rule names an unknown question' },
    message: { id: (a) => `pertanyaan ${a.question}: aturan memakai pertanyaan ${a.ref} yang tidak ada`, en: (a) => `question ${a.question}: rule names unknown question ${a.ref}` },
  },
  'rule-forward': {
    title: { id: 'Aturan menunjuk ke depan', en: 'Rule names a later question' },
    message: {
      id: (a) => `pertanyaan ${a.question}: aturan harus menunjuk pertanyaan sebelumnya, bukan ${a.ref}`,
      en: (a) => `question ${a.question}: rule must name an earlier question, not ${a.ref}`,
    },
  },
  'rule-unknown-answer': {
    title: { id: 'Aturan memakai jawaban tak dikenal', en: 'Rule names an unknown answer' },
    message: { id: (a) => `pertanyaan ${a.question}: ${a.ref} tidak punya jawaban "${a.answer}"`, en: (a) => `question ${a.question}: ${a.ref} has no answer "${a.answer}"` },
  },
  'band-both-bounds': {
    title: { id: 'Predikat dengan dua batas', en: 'Band with both bounds' },
    message: { id: (a) => `predikat ${a.band}: beri "above" atau "atLeast", bukan keduanya`, en: (a) => `predikat band ${a.band}: give "above" or "atLeast", not both` },
  },
  'band-no-bound': {
    title: { id: 'Predikat tanpa batas', en: 'Band without a bound' },
    message: { id: (a) => `predikat ${a.band}: hanya predikat terakhir yang boleh tanpa batas`, en: (a) => `predikat band ${a.band}: only the last band may have no bound` },
  },
  'target-code-taken': {
    title: { id: 'Kode target sudah dipakai', en: 'Target code taken' },
    message: { id: (a) => `target ${a.target}: kodenya sudah dipakai predikat atau target lain`, en: (a) => `target ${a.target}: the code is already a predikat band or another target` },
  },
  'target-node-unknown': {
    title: { id: 'Target menyebut simpul tak dikenal', en: 'Target names an unknown node' },
    message: { id: (a) => `target ${a.target}: simpul ${a.code} tidak ada`, en: (a) => `target ${a.target}: unknown node ${a.code}` },
  },
  'lines-not-indicator': {
    title: { id: 'Baris di luar indikator', en: 'A line outside an indicator' },
    message: { id: (a) => `simpul ${a.code}: dalam rubrik baris hanya indikator yang memuat baris`, en: (a) => `node ${a.code}: in a rubric of lines only indicators hold a line` },
  },
  'lines-not-one-line': {
    title: { id: 'Indikator bukan satu baris', en: 'Indicator is not one line' },
    message: {
      id: (a) => `indikator ${a.code}: dalam rubrik baris satu indikator adalah satu baris (satu pertanyaan berkode sama dengan indikatornya)`,
      en: (a) => `indicator ${a.code}: in a rubric of lines an indicator is one line (one question with the indicator's own code)`,
    },
  },
  'lines-scale': {
    title: { id: 'Skala baris', en: 'Scale of a line' },
    message: { id: (a) => `baris ${a.code}: skala baris berupa angka atau pilihan`, en: (a) => `line ${a.code}: a line's scale is a number or a choice scale` },
  },
  'lines-name-twice': {
    title: { id: 'Nama baris ganda', en: 'Line name used twice' },
    message: { id: (a) => `baris ${a.code}: nama "${a.name}" juga dipakai ${a.other}`, en: (a) => `line ${a.code}: the name "${a.name}" is also used by ${a.other}` },
  },
  'total-bobot': {
    title: { id: 'Total bobot bukan 100', en: 'Total bobot is not 100' },
    message: { id: (a) => `total bobot ${a.total}, bukan 100: indeksnya dari ${a.total}`, en: (a) => `the top-level bobot add up to ${a.total}, not 100: the index is out of ${a.total}` },
  },
  'scale-unused': {
    title: { id: 'Skala tidak dipakai', en: 'Scale not used' },
    message: { id: (a) => `skala ${a.scale} tidak dipakai pertanyaan mana pun`, en: (a) => `scale ${a.scale} is used by no question` },
  },
  'todo-left': {
    title: { id: 'Masih ada TODO', en: 'TODO left' },
    message: { id: (a) => `masih ada TODO: ${a.text}`, en: (a) => `TODO left: ${a.text}` },
  },
};

export function rubricProblemMessage(p: RubricProblem, lang: Lang): string {
  return (WORDS[p.code] as Def<typeof p.code>).message[lang](p.args as never);
}

export function rubricProblemTitle(code: RubricProblemCode, lang: Lang): string {
  return WORDS[code].title[lang];
}

export const RUBRIC_PROBLEM_CODES = Object.keys(WORDS) as RubricProblemCode[];

/** A code's severity, for the presenters (which read wording and documents only). */
export const rubricProblemSeverity = severityOf;

/** Headings and labels of the rubric views (show, list, diff). */
export const RUBRIC_VIEW_WORDS = {
  id: {
    code: 'Kode',
    name: 'Uraian',
    bobot: 'Bobot',
    scale: 'Skala',
    scales: 'Skala jawaban',
    options: 'Nilai setiap jawaban',
    predikat: 'Predikat',
    uncertain: 'Belum pasti',
    questions: 'pertanyaan',
    inputs: 'isian',
    total: 'Total bobot',
    version: 'versi',
    list: { id: 'Id', title: 'Judul', regulation: 'Peraturan', years: 'Tahun', group: 'Kelompok', questions: 'Pertanyaan', complete: 'Lengkap', uncertain: 'Belum pasti', lines: 'baris' },
    noChanges: (a: string, b: string) => `${a} dan ${b}: tidak ada perbedaan`,
    changes: (n: number) => `${n} perbedaan`,
    change: {
      added: 'ditambah',
      removed: 'dihapus',
      moved: 'dipindah',
      renamed: 'diganti nama',
      bobot: 'bobot berubah',
      level: 'tingkat berubah',
      scale: 'skala berubah',
      formula: 'rumus berubah',
      inputs: 'isian berubah',
      rules: 'aturan berubah',
      bukti: 'bukti berubah',
      predikat: 'predikat berubah',
    },
    yes: 'ya',
    no: 'tidak',
  },
  en: {
    code: 'Code',
    name: 'Name',
    bobot: 'Bobot',
    scale: 'Scale',
    scales: 'Answer scales',
    options: 'What each answer scores',
    predikat: 'Predikat',
    uncertain: 'Uncertain',
    questions: 'questions',
    inputs: 'sub-inputs',
    total: 'Total bobot',
    version: 'version',
    list: { id: 'Id', title: 'Title', regulation: 'Regulation', years: 'Years', group: 'Group', questions: 'Questions', complete: 'Complete', uncertain: 'Uncertain', lines: 'lines' },
    noChanges: (a: string, b: string) => `${a} and ${b}: no differences`,
    changes: (n: number) => `${n} difference(s)`,
    change: {
      added: 'added',
      removed: 'removed',
      moved: 'moved',
      renamed: 'renamed',
      bobot: 'bobot changed',
      level: 'level changed',
      scale: 'scale changed',
      formula: 'formula changed',
      inputs: 'sub-inputs changed',
      rules: 'rules changed',
      bukti: 'evidence changed',
      predikat: 'predikat changed',
    },
    yes: 'yes',
    no: 'no',
  },
} as const;
