// The diff report as JSON (docs/report-format.md, "lke diff"; schema/diff.schema.json). Numbers at full precision.
import { diffJsonText, type DiffReport } from '../../document/diff-report.js';

export function renderDiffJson(doc: DiffReport): string {
  return diffJsonText(doc);
}
