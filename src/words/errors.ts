// The one-line messages of files that could not be scored, Indonesian and English. The reader's own messages
// (src/workbook/) are passed through as they are.
import type { FileProblem } from '../findings/file-problems.js';
import type { Lang } from './lang.js';

const TEXT: { [C in FileProblem['code']]: Record<Lang, (p: Extract<FileProblem, { code: C }>) => string> } = {
  'no-lke-sheet': {
    id: () => 'tidak ada lembar LKE (tidak ada baris judul dengan Penilaian/Uraian dan Jawaban di 30 baris pertama lembar mana pun)',
    en: () => 'no LKE sheet found (no header row with Penilaian/Uraian and Jawaban in the first 30 rows of any sheet)',
  },
  'rubric-unknown': {
    id: (p) => `lembar kerja tidak cocok dengan rubrik bawaan mana pun (pertanyaan yang ditemukan: ${p.found || 'tidak ada'}); berikan --rubric ID|PATH`,
    en: (p) => `the worksheet matches no built-in rubric (questions found: ${p.found || 'none'}); give --rubric ID|PATH`,
  },
  'rubric-ambiguous': {
    id: (p) => `rubriknya tidak dapat dibedakan (pertanyaan yang ditemukan: ${p.found}); berikan --rubric ID|PATH`,
    en: (p) => `cannot tell the rubric apart (questions found: ${p.found}); give --rubric ID|PATH`,
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

/** The code and the one line (starting with the file) a report gives a file that was not scored. */
export function fileProblemText(file: string, p: FileProblem, lang: Lang): { code: string; message: string } {
  if (p.code === 'unreadable') return { code: p.readCode, message: p.message };
  const say = TEXT[p.code][lang] as (p: FileProblem) => string;
  return { code: p.code, message: `${file}: ${say(p)}` };
}
