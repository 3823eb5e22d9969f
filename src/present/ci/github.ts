// GitHub Actions workflow commands: each finding becomes an annotation on the worksheet
// (`::error file=…,line=12,col=11,title=LKE!K12::…`; warnings as ::warning, info as ::notice), then the totals.
import { thresholdOf, type CheckedReport } from '../../document/check-report.js';
import { CI_WORDS } from '../../words/ci.js';
import { errorText, indexText, place, refOf, totalsLine, verdictLine } from './shared.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping of workflow command data (the message) and of property values (file, title). */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function command(kind: keyof typeof COMMAND, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${prop(String(v))}`)
    .join(',');
  return `::${COMMAND[kind]}${p ? ` ${p}` : ''}::${data(message)}`;
}

export function renderGithub(report: CheckedReport): string {
  const w = CI_WORDS[report.lang];
  const below = new Set(report.check?.below ?? []);
  const out: string[] = [];
  for (const f of report.files) {
    if (f.status === 'error') {
      out.push(command('error', { file: f.file, title: w.readCase }, `${f.file}: ${errorText(f)} [${f.error?.code ?? 'error'}]`));
      continue;
    }
    for (const x of f.findings) {
      const title = refOf(x) || undefined;
      const at = x.row !== null && x.col !== null ? { line: x.row, col: x.col } : {};
      out.push(command(x.severity, { file: f.file, ...at, title }, `${place(f.file, x)}: ${x.message} [${x.code}]`));
    }
    if (below.has(f.file) && report.check?.failUnder) {
      out.push(command('error', { file: f.file, title: `${w.index} ${indexText(f)}` }, `${f.file}: ${w.index} ${indexText(f)} ${w.below(thresholdOf(report.check, f))}`));
    }
  }
  out.push(totalsLine(report, w));
  if (report.check) out.push(verdictLine(report.check, w));
  return `${out.join('\n')}\n`;
}
