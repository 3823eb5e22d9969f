// JUnit XML (what GitLab, Jenkins and Azure show as test results): a testsuite per workbook, a testcase per rubric
// question plus one for the worksheet as a whole, a <failure> per error finding (also per warning under
// --fail-on warning); other findings go to the testcase's <system-out>. A file that could not be read is one
// testcase with an <error>; --fail-under adds a testcase per workbook. No times or host names: the output is
// the same on every run.
import type { Severity } from '../../findings/codes.js';
import { failingSeverities, type CheckedReport } from '../../document/check-report.js';
import type { ReportFile, ReportFinding } from '../../document/score-report.js';
import { CI_WORDS, type CiWords } from '../../words/ci.js';
import { cellOf, errorText, indexText, place } from './shared.js';

/** Text and attribute values: the five entities, and no characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

interface Case {
  name: string;
  failures: { type: string; message: string; body: string }[];
  error?: { type: string; message: string } | undefined;
  out: string[];
}

function suiteOf(f: ReportFile, report: CheckedReport, failing: Set<Severity>, w: CiWords): { xml: string; tests: number; failures: number; errors: number } {
  const classname = f.file;
  const cases: Case[] = [];
  if (f.status === 'error') {
    cases.push({ name: w.readCase, failures: [], error: { type: f.error?.code ?? 'error', message: `${f.file}: ${errorText(f)}` }, out: [] });
  } else {
    const byQuestion = new Map<string, Case>();
    const sheetCase: Case = { name: w.sheetChecks, failures: [], out: [] };
    for (const a of f.answers) byQuestion.set(a.question, { name: a.question, failures: [], out: [] });
    cases.push(sheetCase, ...byQuestion.values());
    for (const x of f.findings) {
      const c = (x.question ? byQuestion.get(x.question) : undefined) ?? sheetCase;
      const line = `${place(f.file, x)}: ${x.message} [${x.code}]`;
      if (failing.has(x.severity)) c.failures.push({ type: x.code, message: line, body: findingBody(x, w) });
      else c.out.push(`${w.severity[x.severity]}: ${line}`);
    }
    const t = report.check?.failUnder;
    if (t) {
      const below = report.check!.below.includes(f.file);
      const message = `${f.file}: ${w.index} ${indexText(f)}${below ? ` ${w.below(t)}` : ''}`;
      cases.push({ name: `${w.index} ≥ ${t}`, failures: below ? [{ type: 'fail-under', message, body: message }] : [], out: below ? [] : [message] });
    }
  }
  const failures = cases.filter((c) => c.failures.length > 0).length;
  const errors = cases.filter((c) => c.error).length;
  const props: [string, string][] = [];
  if (f.rubric) props.push(['rubric', f.rubric.id]);
  if (f.sheet) props.push(['sheet', f.sheet]);
  if (f.index !== null) props.push(['index', indexText(f)]);
  const lines = [`  <testsuite${attrs({ name: f.file, tests: cases.length, failures, errors, skipped: 0, file: f.file })}>`];
  if (props.length) lines.push('    <properties>', ...props.map(([k, v]) => `      <property${attrs({ name: k, value: v })}/>`), '    </properties>');
  for (const c of cases) {
    const open = `    <testcase${attrs({ name: c.name, classname, file: f.file })}`;
    if (c.failures.length === 0 && !c.error && c.out.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    for (const x of c.failures) lines.push(`      <failure${attrs({ type: x.type, message: x.message })}>${xmlEscape(x.body)}</failure>`);
    if (c.error) lines.push(`      <error${attrs(c.error)}>${xmlEscape(c.error.message)}</error>`);
    if (c.out.length) lines.push(`      <system-out>${xmlEscape(c.out.join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests: cases.length, failures, errors };
}

function findingBody(x: ReportFinding, w: CiWords): string {
  return [`${w.severity[x.severity]}: ${x.message}`, `${w.code}: ${x.code}`, x.sheet ? `${w.cell}: ${x.sheet}!${cellOf(x) ?? ''}` : '', x.question ? `${w.question}: ${x.question}` : ''].filter(Boolean).join('\n');
}

export function renderJunit(report: CheckedReport): string {
  const w = CI_WORDS[report.lang];
  const failing = new Set<Severity>(failingSeverities(report.check?.failOn ?? 'error'));
  const suites = report.files.map((f) => suiteOf(f, report, failing, w));
  const total = (k: 'tests' | 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'lke check', tests: total('tests'), failures: total('failures'), errors: total('errors') })}>`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
