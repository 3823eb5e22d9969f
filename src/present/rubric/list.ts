// `lke rubric list` (and its alias `lke rubrics`) presented: one row per rubric, as a table or JSON.
import Table from 'cli-table3';
import type { RubricSummary } from '../../rubric/view.js';
import type { Lang } from '../../words/lang.js';
import { RUBRIC_VIEW_WORDS } from '../../words/rubric.js';

export function renderRubricListTable(rows: RubricSummary[], lang: Lang): string {
  const w = RUBRIC_VIEW_WORDS[lang].list;
  const t = new Table({ head: [w.id, w.title, w.regulation, w.years, w.group, w.questions, w.complete, w.uncertain], style: { head: [], border: [] }, wordWrap: true, colWidths: [12, 36, 30, 11, 10, 11, 9, 12] });
  for (const r of rows) {
    t.push([r.id, r.title, r.regulation, r.years ? `${r.years[0]}–${r.years[1]}` : '', r.group ?? '', r.questions, `${Math.round(r.completeness * 100)}%`, r.uncertain]);
  }
  return `${t.toString()}\n`;
}

export const renderRubricListJson = (rows: RubricSummary[]): string => `${JSON.stringify({ rubrics: rows }, null, 2)}\n`;
