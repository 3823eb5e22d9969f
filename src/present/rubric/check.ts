// `lke rubric check` presented: one line per problem (text), the document as JSON, GitHub workflow annotations,
// SARIF 2.1.0 (so a pemda can gate pull requests to its own rubric repository on it).
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RubricCheckDoc } from '../../document/rubric-check.js';
import type { Lang } from '../../words/lang.js';
import { RUBRIC_PROBLEM_CODES, rubricProblemMessage, rubricProblemSeverity, rubricProblemTitle } from '../../words/rubric.js';
import { command } from '../ci/github.js';
import { SARIF_SCHEMA, artifactUri } from '../ci/sarif.js';

const SUMMARY: Record<Lang, (c: RubricCheckDoc) => string> = {
  id: (c) =>
    c.errors > 0
      ? `${c.file}: ${c.errors} galat, ${c.warnings} peringatan: rubrik tidak dapat dipakai`
      : `${c.file}: rubrik ${c.rubric?.id ?? ''} dapat dipakai${c.warnings > 0 ? ` (${c.warnings} peringatan)` : ''}`,
  en: (c) =>
    c.errors > 0
      ? `${c.file}: ${c.errors} error(s), ${c.warnings} warning(s): the rubric cannot be used`
      : `${c.file}: rubric ${c.rubric?.id ?? ''} can be used${c.warnings > 0 ? ` (${c.warnings} warning(s))` : ''}`,
};

type Problem = RubricCheckDoc['problems'][number];

const where = (c: RubricCheckDoc, p: Problem) => (p.line !== undefined ? `${c.file}:${p.line}:${p.col ?? 1}` : c.file);

export function renderRubricCheckText(c: RubricCheckDoc): string {
  const lines = c.problems.map((p) => `${where(c, p)}: ${p.severity} ${p.code}: ${rubricProblemMessage(p, c.lang)}`);
  lines.push(SUMMARY[c.lang](c));
  return `${lines.join('\n')}\n`;
}

export function renderRubricCheckJson(c: RubricCheckDoc): string {
  const doc = {
    tool: c.tool,
    file: c.file,
    usable: c.errors === 0,
    rubric: c.rubric,
    errors: c.errors,
    warnings: c.warnings,
    problems: c.problems.map((p) => ({
      code: p.code,
      severity: p.severity,
      line: p.line ?? null,
      col: p.col ?? null,
      path: p.path.join('.'),
      args: p.args,
      message: rubricProblemMessage(p, c.lang),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderRubricCheckGithub(c: RubricCheckDoc): string {
  const lines = c.problems.map((p) => command(p.severity, { file: c.file, line: p.line, col: p.col, title: p.code }, `${rubricProblemMessage(p, c.lang)} [${p.code}]`));
  lines.push(SUMMARY[c.lang](c));
  return `${lines.join('\n')}\n`;
}

export function renderRubricCheckSarif(c: RubricCheckDoc): string {
  const rules: ReportingDescriptor[] = RUBRIC_PROBLEM_CODES.map((code) => ({
    id: code,
    shortDescription: { text: rubricProblemTitle(code, c.lang) },
    defaultConfiguration: { level: rubricProblemSeverity(code) },
  }));
  const ruleIndex = new Map(RUBRIC_PROBLEM_CODES.map((code, i) => [code, i]));
  const artifactLocation = { uri: artifactUri(c.file), index: 0 };
  const results: Result[] = c.problems.map((p) => ({
    ruleId: p.code,
    ruleIndex: ruleIndex.get(p.code)!,
    level: p.severity,
    message: { text: rubricProblemMessage(p, c.lang) },
    locations: [{ physicalLocation: { artifactLocation, ...(p.line !== undefined ? { region: { startLine: p.line, startColumn: p.col ?? 1 } } : {}) } }],
    partialFingerprints: { 'lkeRubric/v1': [p.code, p.path.join('.')].join('|') },
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lke', version: c.tool.version, semanticVersion: c.tool.version, rules } },
        invocations: [{ executionSuccessful: true }],
        artifacts: [{ location: { uri: artifactUri(c.file) } }],
        results,
        properties: { lang: c.lang, rubric: c.rubric?.id ?? null, usable: c.errors === 0 },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
