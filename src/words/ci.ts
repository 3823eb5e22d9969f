// The words of `lke check`'s outputs (text, sarif, junit, github, markdown) besides the findings' own messages.
import type { Severity } from '../findings/codes.js';
import type { Lang } from './lang.js';

/**
 * The severity word in every line a CI log matcher may read (the text report, JUnit's texts, stderr warnings):
 * `error:` and `warning:` whatever the language, as compilers and linters write them (docs/ci.md). The human
 * formats (the score table, markdown) say it in the user's language.
 */
export const MACHINE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export const CI_WORDS = {
  id: {
    counts: (e: number, w: number, i: number) => `${e} galat, ${w} peringatan, ${i} info`,
    worksheets: (n: number) => `${n} lembar kerja`,
    unreadable: (n: number) => `${n} tidak dapat dibaca`,
    accepted: (n: number) => `${n} temuan diterima (baseline)`,
    noFindings: 'tidak ada temuan',
    index: 'indeks',
    indexHeading: 'Indeks',
    passed: 'lke check lulus',
    failed: 'lke check gagal',
    below: (t: string) => `di bawah ${t}`,
    notApplied: (t: string, rubrics: { rubric: string; files: number }[]) => `--fail-under ${t} tidak berlaku untuk ${rubrics.map((r) => `${r.rubric} (${r.files} lembar kerja)`).join(', ')}`,
    reasons: {
      unreadable: 'ada lembar kerja yang tidak dapat dibaca',
      errors: 'ada temuan galat (--fail-on)',
      warnings: 'ada temuan peringatan (--fail-on warning)',
      'max-warnings': (n: number | null) => `peringatan melebihi --max-warnings ${n ?? ''}`.trim(),
      'fail-under': (n: number, t: string | null) => `${n} lembar kerja di bawah ${t ?? ''} (--fail-under)`,
    },
    worksheet: 'Lembar kerja',
    rubric: 'Rubrik',
    predikat: 'Predikat',
    errors: 'Galat',
    warnings: 'Peringatan',
    result: 'Hasil',
    cell: 'Sel',
    question: 'Pertanyaan',
    code: 'Kode',
    message: 'Pesan',
    more: (n: number) => `… dan ${n} temuan lain`,
    sheetChecks: '(lembar kerja)',
    readCase: 'membaca berkas',
  },
  en: {
    counts: (e: number, w: number, i: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info`,
    worksheets: (n: number) => `${n} worksheet${n === 1 ? '' : 's'}`,
    unreadable: (n: number) => `${n} could not be read`,
    accepted: (n: number) => `${n} accepted finding${n === 1 ? '' : 's'} (baseline)`,
    noFindings: 'no findings',
    index: 'index',
    indexHeading: 'Index',
    passed: 'lke check passed',
    failed: 'lke check failed',
    below: (t: string) => `below ${t}`,
    notApplied: (t: string, rubrics: { rubric: string; files: number }[]) => `--fail-under ${t} does not apply to ${rubrics.map((r) => `${r.rubric} (${r.files} worksheet${r.files === 1 ? '' : 's'})`).join(', ')}`,
    reasons: {
      unreadable: 'a worksheet could not be read',
      errors: 'error findings (--fail-on)',
      warnings: 'warning findings (--fail-on warning)',
      'max-warnings': (n: number | null) => `more warnings than --max-warnings ${n ?? ''}`.trim(),
      'fail-under': (n: number, t: string | null) => `${n} worksheet${n === 1 ? '' : 's'} below ${t ?? ''} (--fail-under)`,
    },
    worksheet: 'Worksheet',
    rubric: 'Rubric',
    predikat: 'Predikat',
    errors: 'Errors',
    warnings: 'Warnings',
    result: 'Result',
    cell: 'Cell',
    question: 'Question',
    code: 'Code',
    message: 'Message',
    more: (n: number) => `… and ${n} more finding${n === 1 ? '' : 's'}`,
    sheetChecks: '(worksheet)',
    readCase: 'read the file',
  },
} satisfies Record<Lang, unknown>;

export type CiWords = (typeof CI_WORDS)[Lang];
