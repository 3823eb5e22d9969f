// `lke check`'s terminal output: one line per finding naming the file, the sheet and the cell
// (`file:LKE!K12: error: message [code]`, easy to grep and to click), a line per worksheet with its index,
// then the totals and the verdict.
import { Chalk } from 'chalk';
import { thresholdOf, type CheckedReport } from '../../document/check-report.js';
import { CI_WORDS, MACHINE_SEVERITY } from '../../words/ci.js';
import type { PresentOptions } from '../registry.js';
import { indexText, refOf, totalsLine, verdictLine } from './shared.js';

export function renderText(report: CheckedReport, opts: PresentOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const w = CI_WORDS[report.lang];
  const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const below = new Set(report.check?.below ?? []);
  const out: string[] = [];
  for (const f of report.files) {
    if (f.status === 'error') continue; // said on stderr, counted in the totals
    for (const x of f.findings) {
      const ref = refOf(x);
      out.push(`${f.file}${ref ? `:${ref}` : ''}: ${paint[x.severity](MACHINE_SEVERITY[x.severity])}: ${x.message} ${c.dim(`[${x.code}]`)}`);
    }
  }
  if (out.length > 0) out.push('');
  for (const f of report.files) {
    if (f.status === 'error') continue;
    const counts = f.findings.length ? w.counts(f.counts.error, f.counts.warning, f.counts.info) : w.noFindings;
    const idx = indexText(f);
    const under = below.has(f.file) && report.check?.failUnder ? ` ${c.red(w.below(thresholdOf(report.check, f)))}` : '';
    out.push(`${f.file}: ${idx ? `${w.index} ${idx}${under}; ` : ''}${counts}`);
  }
  if (out.length > 0) out.push('');
  out.push(totalsLine(report, w));
  if (report.check) out.push(report.check.passed ? c.green(verdictLine(report.check, w)) : c.red.bold(verdictLine(report.check, w)));
  return `${out.join('\n')}\n`;
}
