// The documented JSON report (docs/report-format.md). Numbers at full precision.
// A batch writes it file by file (JsonReportWriter) with the very bytes renderJson gives for the whole report,
// so thousands of files never sit in memory as one string.
import type { Report, ReportFile } from './model.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** `"key": value` at depth 1 of the pretty-printed report. */
const member = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;

/** One file as it stands in the report's `files` array (JSON text, indented for its place); made where it is scored. */
export function fileJson(file: ReportFile): string {
  // stringified in place inside a wrapper, then cut out: no second pass over the text to indent it
  const s = JSON.stringify({ f: [file] }, null, 2);
  return s.slice('{\n  "f": [\n'.length, s.length - '\n  ]\n}'.length);
}

/** Writes a report in pieces: the head, each file's JSON (from fileJson) in order, then the rubric and summary. */
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
