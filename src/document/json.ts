// The documents' own JSON form (docs/report-format.md, schema/report.schema.json): positions as A1 cells, keys in
// the documented order. A batch writes it file by file (jsonFileText in the worker, JsonReportWriter in the main
// thread) with the very bytes the whole report gives at once.
import { a1 } from '../findings/position.js';
import type { Place, ReportGap, ReportQuestionRef } from './gap.js';
import type { Report, ReportAnswer, ReportFile, ReportFinding } from './score-report.js';

const cell = (row: number | null, col: number | null) => (row !== null && col !== null ? a1(row, col) : null);

/** A position as the JSON report gives it: the sheet and the A1 cell. */
const at = (p: Place) => ({ sheet: p.sheet, cell: cell(p.row, p.col) });

function jsonGap(g: ReportGap): unknown {
  return {
    ...g,
    path: g.path.map(({ sheet, row, col, from, to, gain, index, ...s }) => ({ ...s, ...at({ sheet, row, col }), from, to, gain, index })),
    areas: g.areas.map((a) => ({ ...a, unanswered: a.unanswered.map(jsonRef), noEvidence: a.noEvidence.map(jsonRef) })),
  };
}

// The many small objects of a file (answers, findings, a gap's questions) are written out field by field: rest and
// spread copies made them half of a file's JSON time (bench/README.md, many files). Keys in the documented order.
const jsonRef = (r: ReportQuestionRef) => ({ question: r.question, sheet: r.sheet, cell: cell(r.row, r.col) });

const jsonAnswer = (a: ReportAnswer) => ({ question: a.question, status: a.status, answer: a.answer, score: a.score, sheet: a.sheet, cell: cell(a.row, a.col), written: a.written, note: a.note, evidence: a.evidence });

const jsonFinding = (x: ReportFinding) => ({ code: x.code, severity: x.severity, message: x.message, sheet: x.sheet, cell: cell(x.row, x.col), question: x.question });

/** A file as it stands in the JSON report. */
export function jsonFile(f: ReportFile): unknown {
  const { error, gap, ...rest } = f;
  return {
    ...rest,
    answers: f.answers.map(jsonAnswer),
    findings: f.findings.map(jsonFinding),
    gap: gap ? jsonGap(gap) : null,
    ...(error ? { error } : {}),
  };
}

/** The whole report as JSON text (with whatever else the document carries, such as `check`). */
export function jsonText(report: Report): string {
  return `${JSON.stringify({ ...report, files: report.files.map(jsonFile) }, null, 2)}\n`;
}

/** `"key": value` at depth 1 of the pretty-printed report. */
const member = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;

/** One file as it stands in the report's `files` array (JSON text, indented for its place); made where it is scored. */
export function jsonFileText(file: ReportFile): string {
  // stringified in place inside a wrapper, then cut out: no second pass over the text to indent it
  const s = JSON.stringify({ f: [jsonFile(file)] }, null, 2);
  return s.slice('{\n  "f": [\n'.length, s.length - '\n  ]\n}'.length);
}

/** Writes a report in pieces: the head, each file's JSON (from jsonFileText) in order, then the rubric and summary. */
export class JsonReportWriter {
  private files = 0;

  constructor(private readonly write: (chunk: string) => void) {}

  begin(head: Pick<Report, 'schemaVersion' | 'tool' | 'blankPolicy' | 'lang'>): void {
    const { schemaVersion, tool, blankPolicy, lang } = head;
    this.write(`{\n${[member('schemaVersion', schemaVersion), member('tool', tool), member('blankPolicy', blankPolicy), member('lang', lang)].join(',\n')},\n  "files": [`);
  }

  file(json: string): void {
    this.write(`${this.files++ === 0 ? '\n' : ',\n'}${json}`);
  }

  end(tail: Pick<Report, 'rubric' | 'summary'>): void {
    this.write(`${this.files === 0 ? ']' : '\n  ]'},\n${member('rubric', tail.rubric)},\n${member('summary', tail.summary)}\n}\n`);
  }
}
