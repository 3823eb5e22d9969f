// The documented JSON report (docs/report-format.md): the document's own JSON form, whole or written file by file.
import { JsonReportWriter, jsonText } from '../../document/json.js';
import type { Report } from '../../document/score-report.js';
import type { StreamPresenter } from '../registry.js';

export function renderJson(report: Report): string {
  return jsonText(report);
}

export function streamJson(): StreamPresenter {
  let writer: JsonReportWriter | undefined;
  return {
    begin: (head, write) => {
      writer = new JsonReportWriter(write);
      writer.begin(head);
    },
    file: (json) => writer!.file(json),
    end: (report) => writer!.end(report),
  };
}
