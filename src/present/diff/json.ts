// The diff document as JSON (docs/report-format.md, "lke diff"; schema/diff.schema.json). Numbers at full precision.
import type { DiffReport } from '../../diff/document.js';

export function renderDiffJson(doc: DiffReport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
