// SARIF 2.1.0 (what GitHub code scanning and GitLab read): one rule per finding code with its help text, one
// result per finding located at the worksheet with region startLine = row and startColumn = column, and
// `Sheet!A1` in the message. Files that could not be read are tool execution notifications.
import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { Log, ReportingDescriptor, Result, Notification, Location } from 'sarif';
import { FINDING_CODES, SEVERITY, type Severity } from '../../findings/codes.js';
import { findingHelp, findingTitle } from '../../words/findings.js';
import type { CheckedReport } from '../../document/check-report.js';
import { cellOf, errorText, place, refOf } from './shared.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A path as given → a URI reference: relative paths stay relative ('/' separated, percent-encoded). */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export function renderSarif(report: CheckedReport): string {
  const lang = report.lang;
  const rules: ReportingDescriptor[] = FINDING_CODES.map((code) => ({
    id: code,
    shortDescription: { text: findingTitle(code, lang) },
    fullDescription: { text: findingHelp(code, lang) },
    help: { text: findingHelp(code, lang) },
    defaultConfiguration: { level: LEVEL[SEVERITY[code]] },
  }));
  const ruleIndex = new Map(FINDING_CODES.map((c, i) => [c, i]));
  const results: Result[] = [];
  const notifications: Notification[] = [];
  const artifacts = report.files.map((f) => ({ location: { uri: artifactUri(f.file) } }));
  report.files.forEach((f, index) => {
    const artifactLocation = { uri: artifactUri(f.file), index };
    if (f.status === 'error') {
      notifications.push({
        level: 'error',
        message: { text: `${f.file}: ${errorText(f)}` },
        descriptor: { id: f.error?.code ?? 'error' },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      return;
    }
    for (const x of f.findings) {
      const cell = cellOf(x);
      const location: Location = { physicalLocation: { artifactLocation, ...(x.row !== null && x.col !== null ? { region: { startLine: x.row, startColumn: x.col } } : {}) } };
      if (x.sheet) location.logicalLocations = [{ name: cell ?? x.sheet, fullyQualifiedName: refOf(x) }];
      results.push({
        ruleId: x.code,
        ruleIndex: ruleIndex.get(x.code)!,
        level: LEVEL[x.severity],
        message: { text: `${place(f.file, x)}: ${x.message}` },
        locations: [location],
        partialFingerprints: { 'lkeFinding/v1': [x.code, x.sheet ?? '', x.question ?? cell ?? ''].join('|') },
        properties: { sheet: x.sheet, cell, question: x.question },
      });
    }
  });
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lke', version: report.tool.version, semanticVersion: report.tool.version, rules } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        artifacts,
        results,
        properties: {
          lang,
          blankPolicy: report.blankPolicy,
          worksheets: report.files.map((f) => ({ file: f.file, rubric: f.rubric?.id ?? null, index: f.index, predikat: f.predikat?.code ?? null })),
          ...(report.check ? { check: report.check } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
