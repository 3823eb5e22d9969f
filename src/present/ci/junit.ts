// JUnit XML (what GitLab, Jenkins and Azure show as test results): a testsuite per workbook, a testcase per rubric
// question plus one for the worksheet as a whole, each with at most one <failure> (the Ant schema some readers
// follow allows one, and they show only the first): a question or the worksheet with several failing findings
// (errors; also warnings under --fail-on warning) becomes a testcase per finding. Other findings go to
// <system-out>. A file that could not be read is one testcase with an <error>; --fail-under adds a testcase per
// workbook. `failures` and `errors` count the <failure> and <error> elements. No times or host names: the output
// is the same on every run.
import type { Severity } from '../../findings/codes.js';
import { failingSeverities, type CheckedReport } from '../../document/check-report.js';
import type { ReportFile, ReportFinding } from '../../document/score-report.js';
import { CI_WORDS, MACHINE_SEVERITY, type CiWords } from '../../words/ci.js';
import { errorText, indexText, place, refOf } from './shared.js';

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
  failure?: { type: string; message: string; body: string } | undefined;
  error?: { type: string; message: string } | undefined;
  out: string[];
}

/**
 * The testcases of a question (or of the worksheet as a whole): one, failing with its failing finding if it has
 * one; one per failing finding when it has several, named apart by cell and code. Other findings are its output.
 */
function casesOf(name: string, findings: ReportFinding[], file: string, failing: Set<Severity>, w: CiWords): Case[] {
  const line = (x: ReportFinding) => `${place(file, x)}: ${x.message} [${x.code}]`;
  const fails = findings.filter((x) => failing.has(x.severity));
  const out = findings.filter((x) => !failing.has(x.severity)).map((x) => `${MACHINE_SEVERITY[x.severity]}: ${line(x)}`);
  if (fails.length === 0) return [{ name, out }];
  return fails.map((x, i) => ({
    name: fails.length === 1 ? name : `${name} ${refOf(x)} [${x.code}]`.replace(/\s+/g, ' '),
    failure: { type: x.code, message: line(x), body: findingBody(x, w) },
    out: i === 0 ? out : [],
  }));
}

function suiteOf(f: ReportFile, report: CheckedReport, failing: Set<Severity>, w: CiWords): { xml: string; tests: number; failures: number; errors: number } {
  const classname = f.file;
  const cases: Case[] = [];
  if (f.status === 'error') {
    cases.push({ name: w.readCase, error: { type: f.error?.code ?? 'error', message: `${f.file}: ${errorText(f)}` }, out: [] });
  } else {
    const byQuestion = new Map<string, ReportFinding[]>(f.answers.map((a) => [a.question, []]));
    const sheetWide: ReportFinding[] = [];
    for (const x of f.findings) ((x.question ? byQuestion.get(x.question) : undefined) ?? sheetWide).push(x);
    cases.push(...casesOf(w.sheetChecks, sheetWide, f.file, failing, w));
    for (const [q, xs] of byQuestion) cases.push(...casesOf(q, xs, f.file, failing, w));
    // a testcase per worksheet its rubric's threshold applies to
    const t = report.check?.failUnder && f.rubric ? report.check.failUnderBy[f.rubric.id] : undefined;
    if (t) {
      const below = report.check!.below.includes(f.file);
      const message = `${f.file}: ${w.index} ${indexText(f)}${below ? ` ${w.below(t)}` : ''}`;
      cases.push({ name: `${w.index} ≥ ${t}`, failure: below ? { type: 'fail-under', message, body: message } : undefined, out: below ? [] : [message] });
    }
  }
  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => c.error).length;
  const props: [string, string][] = [];
  if (f.rubric) props.push(['rubric', f.rubric.id]);
  if (f.sheet) props.push(['sheet', f.sheet]);
  if (f.index !== null) props.push(['index', indexText(f)]);
  const lines = [`  <testsuite${attrs({ name: f.file, tests: cases.length, failures, errors, skipped: 0, file: f.file })}>`];
  if (props.length) lines.push('    <properties>', ...props.map(([k, v]) => `      <property${attrs({ name: k, value: v })}/>`), '    </properties>');
  for (const c of cases) {
    const open = `    <testcase${attrs({ name: c.name, classname, file: f.file })}`;
    if (!c.failure && !c.error && c.out.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (c.failure) lines.push(`      <failure${attrs({ type: c.failure.type, message: c.failure.message })}>${xmlEscape(c.failure.body)}</failure>`);
    if (c.error) lines.push(`      <error${attrs(c.error)}>${xmlEscape(c.error.message)}</error>`);
    if (c.out.length) lines.push(`      <system-out>${xmlEscape(c.out.join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests: cases.length, failures, errors };
}

/** The failure's text: the finding's severity, code, cell (written as everywhere else) and question. */
function findingBody(x: ReportFinding, w: CiWords): string {
  return [`${MACHINE_SEVERITY[x.severity]}: ${x.message}`, `${w.code}: ${x.code}`, refOf(x) ? `${w.cell}: ${refOf(x)}` : '', x.question ? `${w.question}: ${x.question}` : ''].filter(Boolean).join('\n');
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
