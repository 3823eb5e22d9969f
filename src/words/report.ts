// The words of the score report's terminal table.
import type { Lang } from './lang.js';

export const REPORT_WORDS = {
  id: {
    file: 'Berkas', sheet: 'lembar', rubric: 'Rubrik', opd: 'OPD', year: 'Tahun', index: 'Indeks', blank: 'Jawaban kosong',
    skip: 'tidak dihitung dalam rata-rata (--blank skip)', zero: 'dihitung 0 (--blank zero)', area: 'Komponen / Kategori / Area',
    code: 'Kode', weakest: 'Indikator dengan gap terbesar', findings: 'Temuan', none: 'Tidak ada temuan.', failed: 'GAGAL',
    summary: (e: number, w: number, i: number) => `${e} galat, ${w} peringatan, ${i} info`, capaian: '% Capaian', unknown: '(tidak diketahui)',
    uncertain: (n: number) => `Rubrik ini memuat ${n} ketentuan yang belum pasti (lihat --format json, rubric.uncertain).`,
    ranking: 'Peringkat', rank: 'No', findingsShort: 'Temuan', summaryTitle: 'Ringkasan', count: 'Jumlah berkas', mean: 'Rata-rata',
    median: 'Median', min: 'Terendah', max: 'Tertinggi', distribution: 'Sebaran predikat', weakestAreas: 'Area terlemah (rata-rata % capaian)',
    failedFiles: 'Berkas gagal', scored: 'dinilai', failedShort: 'gagal', severity: { error: 'galat', warning: 'peringatan', info: 'info' },
    incomplete: 'indeks tidak lengkap: ada nilai yang tidak dihitung (lihat index-incomplete di bawah)',
    duplicateOpd: (opd: string, files: string[]) => `OPD "${opd}" disebut oleh ${files.length} berkas: ${files.join(', ')}`,
  },
  en: {
    file: 'File', sheet: 'sheet', rubric: 'Rubric', opd: 'OPD', year: 'Year', index: 'Index', blank: 'Blank answers',
    skip: 'left out of the mean (--blank skip)', zero: 'counted as 0 (--blank zero)', area: 'Component / Category / Area',
    code: 'Code', weakest: 'Indicators with the largest gap', findings: 'Findings', none: 'No findings.', failed: 'FAILED',
    summary: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} info`, capaian: '% Capaian', unknown: '(unknown)',
    uncertain: (n: number) => `This rubric holds ${n} uncertain facts (see --format json, rubric.uncertain).`,
    ranking: 'Ranking', rank: 'No', findingsShort: 'Findings', summaryTitle: 'Summary', count: 'Files', mean: 'Mean',
    median: 'Median', min: 'Lowest', max: 'Highest', distribution: 'Predikat distribution', weakestAreas: 'Weakest areas (mean % capaian)',
    failedFiles: 'Failed files', scored: 'scored', failedShort: 'failed', severity: { error: 'error', warning: 'warning', info: 'info' },
    incomplete: 'index incomplete: values left out (see index-incomplete below)',
    duplicateOpd: (opd: string, files: string[]) => `the OPD "${opd}" is given by ${files.length} files: ${files.join(', ')}`,
  },
} satisfies Record<Lang, unknown>;

export type ReportWords = (typeof REPORT_WORDS)[Lang];

/** The terminal view of a rubric of lines (present/report/line-table.ts). */
export const LINE_REPORT_WORDS = {
  id: {
    published: 'Publikasi', excluded: 'dikecualikan', lines: (n: number) => `${n} indikator dikecualikan`,
    head: ['Kode', 'Indikator', 'Skor', 'Bobot', 'Nilai', 'Hilang'], lost: 'Indikator yang paling menambah indeks (bila mencapai nilai terbaik)', diff: 'selisih',
    pubHead: 'Publikasi', perStep: (step: number) => `per ${step}`, to: 'menjadi',
    path: (code: string, above: number) => `Jalan ke predikat ${code} (indeks > ${above}):`,
    notReached: 'belum tercapai walau semua indikator di nilai terbaik',
  },
  en: {
    published: 'Published', excluded: 'excluded', lines: (n: number) => `${n} lines excluded`,
    head: ['Code', 'Indicator', 'Skor', 'Bobot', 'Nilai', 'Lost'], lost: 'Lines that add the most to the index (at their best value)', diff: 'difference',
    pubHead: 'Published', perStep: (step: number) => `per ${step}`, to: 'to',
    path: (code: string, above: number) => `Path to predikat ${code} (index > ${above}):`,
    notReached: 'not reached even with every line at its best',
  },
} satisfies Record<Lang, unknown>;
