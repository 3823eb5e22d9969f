// The documented JSON report (docs/report-format.md). Numbers at full precision.
import type { Report } from './model.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
