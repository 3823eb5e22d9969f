// What the CI presenters (text, sarif, junit, github, markdown) share: cell references as Excel writes them, the
// lines naming a file's place, the totals and the verdict as the check document decided it.
import type { CheckedReport, CheckSummary } from '../../document/check-report.js';
import type { ReportFile, ReportFinding } from '../../document/score-report.js';
import { a1, cellRef } from '../../findings/position.js';
import type { CiWords } from '../../words/ci.js';
import { fixed } from '../../words/round.js';

/** A finding's cell (K12), or null when it names none. */
export const cellOf = (f: Pick<ReportFinding, 'row' | 'col'>): string | null => (f.row !== null && f.col !== null ? a1(f.row, f.col) : null);

/** LKE!K12, 'LKE ZI'!E12, or the sheet alone. */
export const refOf = (f: Pick<ReportFinding, 'sheet' | 'row' | 'col'>): string => cellRef(f.sheet, cellOf(f));

/** "file LKE!K12" — every line a CI reader sees names the file, the sheet and the cell. */
export function place(file: string, f: Pick<ReportFinding, 'sheet' | 'row' | 'col'>): string {
  const ref = refOf(f);
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

/** Why the run failed, one phrase per reason. */
export function reasonTexts(check: CheckSummary, w: CiWords): string[] {
  return check.reasons.map((r) => {
    if (r === 'max-warnings') return w.reasons['max-warnings'](check.maxWarnings);
    if (r === 'fail-under') return w.reasons['fail-under'](check.below.length, check.failUnder);
    return w.reasons[r];
  });
}

/** "3 worksheets: 2 errors, 1 warning, 0 info; 1 could not be read; 2 accepted findings (baseline)" */
export function totalsLine(report: CheckedReport, w: CiWords): string {
  const s = report.summary;
  const parts = [`${w.worksheets(s.files)}: ${w.counts(s.findings.error, s.findings.warning, s.findings.info)}`];
  if (s.failed > 0) parts.push(w.unreadable(s.failed));
  if (report.check && report.check.accepted > 0) parts.push(w.accepted(report.check.accepted));
  // said once, not per worksheet: a threshold that no band of these rubrics has is no failure
  if (report.check && report.check.failUnderNotApplied.length > 0) parts.push(w.notApplied(report.check.failUnder ?? '', report.check.failUnderNotApplied));
  return parts.join('; ');
}

/** "lke check failed: error findings (--fail-on); 1 worksheet below B (--fail-under)" */
export function verdictLine(check: CheckSummary, w: CiWords): string {
  return check.passed ? w.passed : `${w.failed}: ${reasonTexts(check, w).join('; ')}`;
}
