// Every finding lke can raise: its code, default severity and wording (Indonesian and English), in one place.
// Checks produce Finding data (code + arguments + position); words are chosen only when a report is rendered,
// and tests assert codes, not prose.
export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'id' | 'en';
type Args = Record<string, string | number | undefined>;

interface Def {
  severity: Severity;
  title: Record<Lang, string>;
  message: Record<Lang, (a: Args) => string>;
}

const q = (a: Args) => (a.question ? `${a.question}: ` : '');

export const FINDINGS = {
  'answer-missing': {
    severity: 'error',
    title: { id: 'Jawaban kosong', en: 'Answer missing' },
    message: {
      id: (a) => `${q(a)}jawaban belum diisi${a.policy === 'zero' ? ' (dihitung 0)' : ' (tidak dihitung dalam rata-rata)'}`,
      en: (a) => `${q(a)}no answer${a.policy === 'zero' ? ' (counted as 0)' : ' (left out of the mean)'}`,
    },
  },
  'answer-invalid': {
    severity: 'error',
    title: { id: 'Jawaban tidak sesuai pilihan', en: 'Answer not allowed' },
    message: {
      id: (a) => `${q(a)}jawaban "${a.answer}" tidak termasuk pilihan ${a.allowed}`,
      en: (a) => `${q(a)}answer "${a.answer}" is not one of ${a.allowed}`,
    },
  },
  'answer-out-of-range': {
    severity: 'warning',
    title: { id: 'Nilai di luar rentang', en: 'Value out of range' },
    message: {
      id: (a) => `${q(a)}nilai ${a.answer} di luar rentang ${a.range}`,
      en: (a) => `${q(a)}value ${a.answer} is outside the range ${a.range}`,
    },
  },
  'percent-ambiguous': {
    severity: 'warning',
    title: { id: 'Persentase ambigu', en: 'Ambiguous percentage' },
    message: {
      id: (a) => `${q(a)}${a.answer} dibaca sebagai ${a.read}; tulis sebagai persen (${a.read}) atau pecahan`,
      en: (a) => `${q(a)}${a.answer} read as ${a.read}; type it as a percentage (${a.read}) or a fraction`,
    },
  },
  'bukti-missing': {
    severity: 'warning',
    title: { id: 'Bukti kosong', en: 'Evidence missing' },
    message: {
      id: (a) => `${q(a)}bukti/eviden belum diisi`,
      en: (a) => `${q(a)}no evidence given`,
    },
  },
  'bukti-column-absent': {
    severity: 'info',
    title: { id: 'Tidak ada kolom bukti', en: 'No evidence column' },
    message: {
      id: () => 'lembar kerja tidak memiliki kolom bukti/eviden; kelengkapan bukti tidak diperiksa',
      en: () => 'the worksheet has no evidence column; evidence was not checked',
    },
  },
  'nilai-mismatch': {
    severity: 'error',
    title: { id: 'Nilai lembar kerja berbeda', en: 'Sheet Nilai differs' },
    message: {
      id: (a) => `${a.code}: Nilai di lembar kerja ${a.sheetValue}, hasil hitung ${a.computed}; periksa rumus sel ini`,
      en: (a) => `${a.code}: the sheet's Nilai is ${a.sheetValue}, computed ${a.computed}; check this cell's formula`,
    },
  },
  'bobot-mismatch': {
    severity: 'warning',
    title: { id: 'Bobot berbeda dari rubrik', en: 'Bobot differs from the rubric' },
    message: {
      id: (a) => `${a.code}: bobot di lembar kerja ${a.sheetValue}, rubrik ${a.expected}`,
      en: (a) => `${a.code}: the sheet's bobot is ${a.sheetValue}, the rubric's ${a.expected}`,
    },
  },
  'pilihan-mismatch': {
    severity: 'warning',
    title: { id: 'Pilihan jawaban berbeda dari rubrik', en: 'Answer options differ from the rubric' },
    message: {
      id: (a) => `${q(a)}pilihan jawaban di lembar kerja "${a.sheetValue}", rubrik "${a.expected}"`,
      en: (a) => `${q(a)}the sheet's Pilihan Jawaban is "${a.sheetValue}", the rubric's "${a.expected}"`,
    },
  },
  'question-absent': {
    severity: 'error',
    title: { id: 'Pertanyaan tidak ada', en: 'Question absent' },
    message: {
      id: (a) => `${q(a)}pertanyaan rubrik tidak ditemukan di lembar kerja ("${a.text}")`,
      en: (a) => `${q(a)}rubric question not found in the worksheet ("${a.text}")`,
    },
  },
  'row-unmatched': {
    severity: 'warning',
    title: { id: 'Baris tidak dikenal', en: 'Unmatched row' },
    message: {
      id: (a) => `baris ${a.row} ("${a.text}") tidak cocok dengan butir rubrik mana pun`,
      en: (a) => `row ${a.row} ("${a.text}") matches no rubric item`,
    },
  },
  'row-duplicate': {
    severity: 'error',
    title: { id: 'Baris ganda', en: 'Duplicated row' },
    message: {
      id: (a) => `${q(a)}pertanyaan ini muncul lagi di baris ${a.row} (pertama di ${a.first}); baris ganda diabaikan`,
      en: (a) => `${q(a)}this question appears again at row ${a.row} (first at ${a.first}); the repeat is ignored`,
    },
  },
  'formula-no-cache': {
    severity: 'warning',
    title: { id: 'Rumus tanpa nilai tersimpan', en: 'Formula without cached value' },
    message: {
      id: (a) => `${q(a)}sel berisi rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel/LibreOffice agar dihitung`,
      en: (a) => `${q(a)}the cell holds a formula with no cached value; open and save the file in Excel/LibreOffice to recalculate`,
    },
  },
  'excel-error': {
    severity: 'error',
    title: { id: 'Nilai galat Excel', en: 'Excel error value' },
    message: {
      id: (a) => `${q(a)}sel berisi galat ${a.error}`,
      en: (a) => `${q(a)}the cell holds the error ${a.error}`,
    },
  },
  'zero-denominator': {
    severity: 'error',
    title: { id: 'Pembagi nol', en: 'Zero denominator' },
    message: {
      id: (a) => `${q(a)}rumus ${a.formula} membagi dengan nol; pertanyaan tidak dinilai`,
      en: (a) => `${q(a)}the formula ${a.formula} divides by zero; the question is not scored`,
    },
  },
  'input-missing': {
    severity: 'error',
    title: { id: 'Data dukung angka kosong', en: 'Sub-input missing' },
    message: {
      id: (a) => `${q(a)}isian "${a.text}" kosong; pertanyaan tidak dinilai`,
      en: (a) => `${q(a)}the input "${a.text}" is empty; the question is not scored`,
    },
  },
  'input-invalid': {
    severity: 'error',
    title: { id: 'Isian angka tidak valid', en: 'Sub-input not a number' },
    message: {
      id: (a) => `${q(a)}isian "${a.text}" berisi "${a.answer}", bukan bilangan ≥ 0`,
      en: (a) => `${q(a)}the input "${a.text}" holds "${a.answer}", not a number ≥ 0`,
    },
  },
  'input-check': {
    severity: 'warning',
    title: { id: 'Rincian tidak sesuai jumlah', en: 'Breakdown does not add up' },
    message: {
      id: (a) => `${q(a)}"${a.text}" = ${a.value}, sedangkan ${a.check} = ${a.expected}; nilai yang tertulis dipakai`,
      en: (a) => `${q(a)}"${a.text}" is ${a.value} but ${a.check} is ${a.expected}; the value as written is used`,
    },
  },
  'rule-dependency-blank': {
    severity: 'info',
    title: { id: 'Pertanyaan acuan kosong', en: 'Dependency unanswered' },
    message: {
      id: (a) => `${q(a)}aturan bergantung pada ${a.dependsOn} yang belum dijawab; aturan tidak diterapkan`,
      en: (a) => `${q(a)}its rule depends on ${a.dependsOn}, which has no answer; the rule was not applied`,
    },
  },
  'indicator-unscored': {
    severity: 'warning',
    title: { id: 'Indikator tanpa jawaban', en: 'Indicator without answers' },
    message: {
      id: (a) => `${a.code}: tidak ada jawaban yang dapat dinilai; nilai 0 (lembar kerja resmi menampilkan #DIV/0!)`,
      en: (a) => `${a.code}: no scoreable answer; nilai 0 (the official sheet shows #DIV/0!)`,
    },
  },
  'block-ignored': {
    severity: 'info',
    title: { id: 'Blok penilaian kedua diabaikan', en: 'Second assessment block ignored' },
    message: {
      id: (a) => `blok penilaian kedua mulai kolom ${a.column}${a.title ? ` ("${a.title}")` : ''} diabaikan; yang dinilai blok pertama`,
      en: (a) => `a second assessment block from column ${a.column}${a.title ? ` ("${a.title}")` : ''} is ignored; the first block is scored`,
    },
  },
} satisfies Record<string, Def>;

export type FindingCode = keyof typeof FINDINGS;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet?: string | undefined;
  cell?: string | undefined;
  question?: string | undefined;
  args: Args;
}

export function finding(code: FindingCode, where: { sheet?: string | undefined; cell?: string | undefined; question?: string | undefined }, args: Args = {}): Finding {
  return { code, severity: FINDINGS[code].severity as Severity, sheet: where.sheet, cell: where.cell, question: where.question, args: { question: where.question, ...args } };
}

export function renderMessage(f: Finding, lang: Lang): string {
  const def = FINDINGS[f.code] as Def;
  return def.message[lang](f.args);
}

export function findingTitle(code: FindingCode, lang: Lang): string {
  return (FINDINGS[code] as Def).title[lang];
}

export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(v) ? 'en' : 'id';
}
