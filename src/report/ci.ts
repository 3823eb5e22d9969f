// What the CI presenters (text, sarif, junit, github, markdown) share: the outcome of `lke check` carried on the
// report, Excel-style cell references, and the few words they print besides the findings' own messages.
import type { Lang } from '../words/lang.js';
import type { GateReason } from '../config/policy.js';
import type { Report, ReportFile, ReportFinding } from './model.js';
import { fixed } from '../words/round.js';
import { cellRef, parseA1 } from '../findings/position.js';

/** The outcome of `lke check`, carried as the report's optional `check` field (docs/report-format.md). */
export interface CheckSummary {
  failOn: 'error' | 'warning' | 'never';
  maxWarnings: number | null;
  failUnder: string | null;
  /** Findings left out because the config file accepts them (its baseline). */
  accepted: number;
  passed: boolean;
  exitCode: number;
  /** Why the run failed, in this order: unreadable, errors, warnings, max-warnings, fail-under. */
  reasons: GateReason[];
  /** Files (as given) whose index or predikat is under failUnder. */
  below: string[];
}

export type CheckedReport = Report & { check?: CheckSummary | undefined };

/** Row and column numbers of an A1 address (1-based). */
export const rowCol = (cell: string | null | undefined) => (cell ? parseA1(cell) : undefined);
export { cellRef };

/** "file LKE!K12" — every line a CI reader sees names the file, the sheet and the cell. */
export function place(file: string, f: Pick<ReportFinding, 'sheet' | 'cell'>): string {
  const ref = cellRef(f.sheet, f.cell);
  return ref ? `${file} ${ref}` : file;
}

/** A failed file's message without the file name it starts with. */
export function errorText(f: ReportFile): string {
  const m = f.error?.message ?? '';
  return m.startsWith(`${f.file}: `) ? m.slice(f.file.length + 2) : m;
}

export function indexText(f: ReportFile): string {
  if (f.index === null) return '';
  return `${fixed(f.index)}${f.predikat ? ` ${f.predikat.code}` : ''}`;
}

export const CI_WORDS = {
  id: {
    severity: { error: 'galat', warning: 'peringatan', info: 'info' },
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
    severity: { error: 'error', warning: 'warning', info: 'info' },
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

/** Why the run failed, one phrase per reason. */
export function reasonTexts(check: CheckSummary, w: CiWords): string[] {
  return check.reasons.map((r) => {
    const t = w.reasons[r];
    if (r === 'max-warnings') return w.reasons['max-warnings'](check.maxWarnings);
    if (r === 'fail-under') return w.reasons['fail-under'](check.below.length, check.failUnder);
    return t as string;
  });
}

/** "3 worksheets: 2 errors, 1 warning, 0 info; 1 could not be read; 2 accepted findings (baseline)" */
export function totalsLine(report: CheckedReport, w: CiWords): string {
  const s = report.summary;
  const parts = [`${w.worksheets(s.files)}: ${w.counts(s.findings.error, s.findings.warning, s.findings.info)}`];
  if (s.failed > 0) parts.push(w.unreadable(s.failed));
  if (report.check && report.check.accepted > 0) parts.push(w.accepted(report.check.accepted));
  return parts.join('; ');
}

/** "lke check failed: error findings (--fail-on); 1 worksheet below B (--fail-under)" */
export function verdictLine(check: CheckSummary, w: CiWords): string {
  return check.passed ? w.passed : `${w.failed}: ${reasonTexts(check, w).join('; ')}`;
}
