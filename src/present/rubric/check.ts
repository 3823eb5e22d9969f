// `lke rubric check` presented: one line per problem (text), the document as JSON, GitHub workflow annotations,
// SARIF 2.1.0 (so a pemda can gate pull requests to its own rubric repository on it).
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { RubricCheck } from '../../rubric/check.js';
import { severityOf, type RubricProblem } from '../../rubric/problems.js';
import { command } from '../ci/github.js';
import { SARIF_SCHEMA, artifactUri } from '../ci/sarif.js';
import type { Lang } from '../../words/lang.js';
import { RUBRIC_PROBLEM_CODES, rubricProblemMessage, rubricProblemTitle } from '../../words/rubric.js';

const SUMMARY: Record<Lang, (c: RubricCheck) => string> = {
  id: (c) =>
    c.errors > 0
      ? `${c.file}: ${c.errors} galat, ${c.warnings} peringatan: rubrik tidak dapat dipakai`
      : `${c.file}: rubrik ${c.rubric?.id ?? ''} dapat dipakai${c.warnings > 0 ? ` (${c.warnings} peringatan)` : ''}`,
  en: (c) =>
    c.errors > 0
      ? `${c.file}: ${c.errors} error(s), ${c.warnings} warning(s): the rubric cannot be used`
      : `${c.file}: rubric ${c.rubric?.id ?? ''} can be used${c.warnings > 0 ? ` (${c.warnings} warning(s))` : ''}`,
};

const where = (c: RubricCheck, p: RubricProblem) => (p.line !== undefined ? `${c.file}:${p.line}:${p.col ?? 1}` : c.file);

export function renderRubricCheckText(c: RubricCheck, lang: Lang): string {
  const lines = c.problems.map((p) => `${where(c, p)}: ${severityOf(p.code)} ${p.code}: ${rubricProblemMessage(p, lang)}`);
  lines.push(SUMMARY[lang](c));
  return `${lines.join('\n')}\n`;
}

export function renderRubricCheckJson(c: RubricCheck, lang: Lang): string {
  const doc = {
    file: c.file,
    usable: c.errors === 0,
    rubric: c.rubric ? { id: c.rubric.id, title: c.rubric.title } : null,
    errors: c.errors,
    warnings: c.warnings,
    problems: c.problems.map((p) => ({
      code: p.code,
      severity: severityOf(p.code),
      line: p.line ?? null,
      col: p.col ?? null,
      path: p.path.join('.'),
      args: p.args,
      message: rubricProblemMessage(p, lang),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function renderRubricCheckGithub(c: RubricCheck, lang: Lang): string {
  const lines = c.problems.map((p) => command(severityOf(p.code), { file: c.file, line: p.line, col: p.col, title: p.code }, `${rubricProblemMessage(p, lang)} [${p.code}]`));
  lines.push(SUMMARY[lang](c));
  return `${lines.join('\n')}\n`;
}

export function renderRubricCheckSarif(c: RubricCheck, lang: Lang, toolVersion: string): string {
  const rules: ReportingDescriptor[] = RUBRIC_PROBLEM_CODES.map((code) => ({
    id: code,
    shortDescription: { text: rubricProblemTitle(code, lang) },
    defaultConfiguration: { level: severityOf(code) },
  }));
  const ruleIndex = new Map(RUBRIC_PROBLEM_CODES.map((code, i) => [code, i]));
  const artifactLocation = { uri: artifactUri(c.file), index: 0 };
  const results: Result[] = c.problems.map((p) => ({
    ruleId: p.code,
    ruleIndex: ruleIndex.get(p.code)!,
    level: severityOf(p.code),
    message: { text: rubricProblemMessage(p, lang) },
    locations: [{ physicalLocation: { artifactLocation, ...(p.line !== undefined ? { region: { startLine: p.line, startColumn: p.col ?? 1 } } : {}) } }],
    partialFingerprints: { 'lkeRubric/v1': [p.code, p.path.join('.')].join('|') },
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lke', version: toolVersion, semanticVersion: toolVersion, rules } },
        invocations: [{ executionSuccessful: true }],
        artifacts: [{ location: { uri: artifactUri(c.file) } }],
        results,
        properties: { lang, rubric: c.rubric?.id ?? null, usable: c.errors === 0 },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
