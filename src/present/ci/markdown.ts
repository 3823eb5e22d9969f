// A Markdown summary a bot can post on a pull request or merge request: the verdict, the totals, a row per
// worksheet, then the findings of each worksheet in a collapsed section (at most MAX_ROWS per worksheet, so a
// comment stays under the hosts' size limits).
import type { Severity } from '../../findings/codes.js';
import { fileFails, thresholdOf, type CheckedReport } from '../../document/check-report.js';
import { CI_WORDS } from '../../words/ci.js';
import { errorText, indexText, refOf, totalsLine, verdictLine } from './shared.js';

const MAX_ROWS = 50;
const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };

/**
 * Text that may quote a worksheet (messages, answers, links, paths, names), as plain text in a comment rendered by
 * GitHub or GitLab: one line; HTML and entities escaped; the marks that make links and images, emphasis, code,
 * strike-through, math and table cells backslash-escaped, and the ones that start an autolink (`http://`,
 * `www.`) too; a word joiner after @ and # so that no one is mentioned and no issue is linked.
 */
export const mdText = (s: string) =>
  s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    .replace(/:(?=\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/[@#]/g, '$&\u2060');
/** A code span in a table cell: its text is literal, but a pipe still ends the cell and a backtick the span. */
export const code = (s: string) => `\`${s.replace(/\r\n?|\n/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
/** A file name inside the HTML of <summary>: Markdown is not read there, HTML is. */
const htmlCode = (s: string) => `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</code>`;

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
      out.push(`| ${code(f.file)} | | | | | ❌ ${mdText(errorText(f))} |`);
      continue;
    }
    const failsHere = check ? fileFails(check, f) : f.counts.error > 0;
    const result = failsHere ? `❌${below.has(f.file) && check?.failUnder ? ` ${w.below(thresholdOf(check, f))}` : ''}` : '✅';
    out.push(`| ${code(f.file)} | ${mdText(f.rubric?.id ?? '')} | ${indexText(f)} | ${f.counts.error} | ${f.counts.warning} | ${result} |`);
  }
  for (const f of report.files) {
    if (f.status === 'error' || f.findings.length === 0) continue;
    out.push('', `<details><summary>${htmlCode(f.file)}: ${w.counts(f.counts.error, f.counts.warning, f.counts.info)}</summary>`, '');
    out.push(`| | ${w.cell} | ${w.question} | ${w.code} | ${w.message} |`, '|---|---|---|---|---|');
    for (const x of f.findings.slice(0, MAX_ROWS)) {
      out.push(`| ${ICON[x.severity]} | ${code(refOf(x) || '—')} | ${mdText(x.question ?? '')} | ${code(x.code)} | ${mdText(x.message)} |`);
    }
    if (f.findings.length > MAX_ROWS) out.push('', w.more(f.findings.length - MAX_ROWS));
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}
