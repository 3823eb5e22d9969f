// The one-line messages of files that could not be scored, Indonesian and English. The reader's own messages
// (src/workbook/) are passed through as they are.
import type { FileProblem, TableAsk } from '../findings/file-problems.js';
import type { Lang } from './lang.js';

const TEXT: { [C in FileProblem['code']]: Record<Lang, (p: Extract<FileProblem, { code: C }>) => string> } = {
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
  unreadable: { id: (p) => p.message, en: (p) => p.message },
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

/** The code and the one line (starting with the file) a report gives a file that was not scored. */
export function fileProblemText(file: string, p: FileProblem, lang: Lang): { code: string; message: string } {
  if (p.code === 'unreadable') return { code: p.readCode, message: p.message };
  const say = TEXT[p.code][lang] as (p: FileProblem) => string;
  return { code: p.code, message: `${file}: ${say(p)}` };
}
