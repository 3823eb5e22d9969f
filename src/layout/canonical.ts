// The official LKE layout as data, read in one direction and written in the other: the header finder
// (header.ts) recognises columns by these labels, `lke template` writes them; entries.ts reads the numbering
// styles, the template writes one per depth; `lke rubric import` turns the numbering back into codes.

export type Role = 'label' | 'no' | 'bobot' | 'penjelasan' | 'pilihan' | 'jawaban' | 'nilai' | 'percent' | 'catatan' | 'bukti';

export interface ColumnRole {
  role: Role;
  /** What the official sheets (and `lke template`) write in the header row. */
  label: string;
  /**
   * Header texts that name this role when read: lower case, spaces collapsed. Tried in READ_ORDER, the first
   * that matches wins ("Catatan/Keterangan/Penjelasan" is a note column, not the explanation).
   */
  reads: RegExp;
  /** Column width in characters in a written template (the label span: per numbering column, see LABEL_SPAN). */
  width: number;
  /** Who fills the column in: the rubric (written by the template), the OPD, or a formula. */
  filledBy: 'rubric' | 'opd' | 'formula';
}

export const COLUMNS: Readonly<Record<Role, ColumnRole>> = {
  no: { role: 'no', label: 'No', reads: /^(no\.?|nomor|kode|code|no urut)$/, width: 6, filledBy: 'rubric' },
  label: {
    role: 'label',
    label: 'Penilaian',
    reads: /^(penilaian|komponen|uraian|kriteria|pertanyaan|indikator|aspek|sub ?komponen|area)/,
    width: 4,
    filledBy: 'rubric',
  },
  bobot: { role: 'bobot', label: 'Bobot', reads: /^bobot/, width: 8, filledBy: 'rubric' },
  penjelasan: { role: 'penjelasan', label: 'Penjelasan', reads: /^penjelasan|^kriteria penilaian|^petunjuk/, width: 48, filledBy: 'rubric' },
  pilihan: { role: 'pilihan', label: 'Pilihan Jawaban', reads: /^(pilihan|opsi|jenis) ?jawaban|^pilihan$/, width: 14, filledBy: 'rubric' },
  jawaban: { role: 'jawaban', label: 'Jawaban', reads: /^jawaban|^jawab$|^answer/, width: 12, filledBy: 'opd' },
  nilai: { role: 'nilai', label: 'Nilai', reads: /^(nilai|skor|score)\b/, width: 10, filledBy: 'formula' },
  percent: { role: 'percent', label: '%', reads: /^(%|persen|persentase|capaian ?%?)$/, width: 9, filledBy: 'formula' },
  catatan: { role: 'catatan', label: 'Catatan', reads: /^(catatan|keterangan|ket\.?$|komentar|rekomendasi)/, width: 30, filledBy: 'opd' },
  bukti: { role: 'bukti', label: 'Bukti/Eviden', reads: /eviden|bukti|data dukung|dokumen pendukung|^link|tautan|^url|^(dokumen|berkas|lampiran|path)\b|^(nama|lokasi) (file|berkas|dokumen)/, width: 40, filledBy: 'opd' },
};

/** The order in which header labels are tried (the more specific first). */
export const READ_ORDER: readonly Role[] = ['no', 'bobot', 'pilihan', 'jawaban', 'percent', 'nilai', 'bukti', 'catatan', 'penjelasan', 'label'];

/** The order of the columns in the official sheets, left to right (the label span first). */
export const WRITE_ORDER: readonly Role[] = ['label', 'bobot', 'penjelasan', 'pilihan', 'jawaban', 'nilai', 'percent', 'catatan', 'bukti'];

/** Header labels longer than this are question texts, not labels. */
export const MAX_LABEL_LENGTH = 60;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The role a header label names, or undefined. */
export function roleOf(label: string): Role | undefined {
  // most cells of the first rows are long question texts: too long for a label, known without normalising them
  if (label.length > MAX_LABEL_LENGTH && label.trim().length > MAX_LABEL_LENGTH && !/\s\s/.test(label)) return undefined;
  const t = norm(label);
  if (!t || t.length > MAX_LABEL_LENGTH) return undefined;
  for (const role of READ_ORDER) if (COLUMNS[role].reads.test(t)) return role;
  return undefined;
}

// ── Numbering ────────────────────────────────────────────────────────────────────────────────────────────────
// The official sheets number each depth of the tree in its own column and style: A. (component), I. (the next
// level), 1., i., a. (question). A lone question or a sub-input row carries "-". Depth, not level name, picks
// the style: the RB sheets go A. → I. (area) → 1 (indicator) → a., the ZI sheets A. → I. → 1. → i. → a.

export type NumberingStyle = 'upper-letter' | 'upper-roman' | 'arabic' | 'lower-roman' | 'lower-letter';

export interface NumberingLevel {
  style: NumberingStyle;
  /** One token of this style, without its dot or bracket. */
  token: RegExp;
}

export const NUMBERING: readonly NumberingLevel[] = [
  { style: 'upper-letter', token: /^[A-Z]$/ },
  { style: 'upper-roman', token: /^[IVXLC]{1,6}$/ },
  { style: 'arabic', token: /^\d{1,3}$/ },
  { style: 'lower-roman', token: /^[ivxlc]{1,6}$/ },
  { style: 'lower-letter', token: /^[a-z]$/ },
];

/** Any numbering token (the union of the styles), as the reader's patterns embed it. */
export const TOKEN_SOURCE = '[A-Z]|[IVXLC]{1,6}|[ivxlc]{1,6}|\\d{1,3}|[a-z]';

/** What marks a row without a number of its own: a lone question, a sub-input. */
export const DASH = '-';

/** How a number is written in its cell: "A.", "iv.", "-". */
export function numberingText(token: string): string {
  return token === DASH ? DASH : `${token}.`;
}

const ROMAN: [number, string][] = [
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** The n-th token (1-based) of a style: 3 → "C", "III", "3", "iii", "c". */
export function tokenOf(style: NumberingStyle, n: number): string {
  switch (style) {
    case 'upper-letter':
      return String.fromCharCode(64 + n);
    case 'lower-letter':
      return String.fromCharCode(96 + n);
    case 'upper-roman':
      return roman(n);
    case 'lower-roman':
      return roman(n).toLowerCase();
    case 'arabic':
      return String(n);
  }
}

/** The styles a token can be read as ("I" is a letter or a roman one, "c" a letter or a roman hundred). */
export function stylesOf(token: string): NumberingStyle[] {
  return NUMBERING.filter((l) => l.token.test(token)).map((l) => l.style);
}

// ── Title block and totals ───────────────────────────────────────────────────────────────────────────────────

/** Title-block labels (metadata.ts reads them, the template writes the first of each). */
export const TITLE_LABELS = {
  opd: { label: 'UNIT KERJA', reads: /^(unit kerja|nama unit( kerja)?|opd|perangkat daerah|satuan kerja|satker|nama opd|unit)\s*:?\s*(.*)$/i },
  instansi: { label: 'INSTANSI', reads: /^(instansi|nama instansi|kementerian\/lembaga|pemerintah daerah|k\/l\/pemda)\s*:?\s*(.*)$/i },
  year: { label: 'TAHUN', reads: /^(tahun|tahun penilaian|periode)\s*:?\s*(.*)$/i },
} as const;

/** A totals row ("TOTAL PENGUNGKIT", "NILAI EVALUASI …"): not part of the tree. */
export const TOTAL_ROW = /^(total|jumlah nilai|nilai evaluasi|nilai akhir|indeks (rb|reformasi)|nilai total)/i;
/** The grand total closes the table; below it come signatures and notes. */
export const GRAND_TOTAL_ROW = /^(nilai evaluasi|nilai akhir|indeks (rb|reformasi)|nilai total|total nilai|indeks zona)/i;
/** What the template writes on its grand-total row (GRAND_TOTAL_ROW reads it). */
export const GRAND_TOTAL_LABEL = 'NILAI EVALUASI';

/**
 * Where `lke template` stamps the rubric it was made from: cells of a hidden sheet, named by defined names so a
 * reader finds them wherever they are (the workbook reader hands defined names starting LKE_ to lke score).
 */
export const STAMP = { sheet: '_lke', names: { rubric: 'LKE_RUBRIC', version: 'LKE_RUBRIC_VERSION' } } as const;
