// A Markdown summary a bot can post on a pull request or merge request: the verdict, the totals, a row per
// worksheet, then the findings of each worksheet in a collapsed section (at most MAX_ROWS per worksheet, so a
// comment stays under the hosts' size limits).
import type { Severity } from '../../findings/codes.js';
import { fileFails, type CheckedReport } from '../../document/check-report.js';
import { CI_WORDS } from '../../words/ci.js';
import { errorText, indexText, refOf, totalsLine, verdictLine } from './shared.js';

const MAX_ROWS = 50;
const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };

/**
 * A table cell: no line breaks, pipes escaped, and no HTML: messages quote worksheet text, which must not become
 * markup in the posted comment.
 */
export const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
export const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function renderMarkdown(report: CheckedReport): string {
  const w = CI_WORDS[report.lang];
  const check = report.check;
  const below = new Set(check?.below ?? []);
  const out: string[] = [];
  out.push(`### ${check ? `${check.passed ? '✅' : '❌'} ${verdictLine(check, w)}` : 'lke'}`, '');
  out.push(totalsLine(report, w), '');
  out.push(`| ${w.worksheet} | ${w.rubric} | ${w.indexHeading} | ${w.errors} | ${w.warnings} | ${w.result} |`, '|---|---|---:|---:|---:|---|');
  for (const f of report.files) {
    if (f.status === 'error') {
      out.push(`| ${code(f.file)} | | | | | ❌ ${cell(errorText(f))} |`);
      continue;
    }
    const failsHere = check ? fileFails(check, f) : f.counts.error > 0;
    const result = failsHere ? `❌${below.has(f.file) && check?.failUnder ? ` ${w.below(check.failUnder)}` : ''}` : '✅';
    out.push(`| ${code(f.file)} | ${f.rubric?.id ?? ''} | ${indexText(f)} | ${f.counts.error} | ${f.counts.warning} | ${result} |`);
  }
  for (const f of report.files) {
    if (f.status === 'error' || f.findings.length === 0) continue;
    out.push('', `<details><summary>${code(f.file)}: ${w.counts(f.counts.error, f.counts.warning, f.counts.info)}</summary>`, '');
    out.push(`| | ${w.cell} | ${w.question} | ${w.code} | ${w.message} |`, '|---|---|---|---|---|');
    for (const x of f.findings.slice(0, MAX_ROWS)) {
      out.push(`| ${ICON[x.severity]} | ${code(refOf(x) || '—')} | ${x.question ?? ''} | ${code(x.code)} | ${cell(x.message)} |`);
    }
    if (f.findings.length > MAX_ROWS) out.push('', w.more(f.findings.length - MAX_ROWS));
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
