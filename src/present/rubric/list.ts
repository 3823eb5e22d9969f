// `lke rubric list` (and its alias `lke rubrics`) presented: one row per rubric, as a table or JSON.
import Table from 'cli-table3';
import type { RubricList } from '../../document/rubric-list.js';
import { RUBRIC_VIEW_WORDS } from '../../words/rubric.js';

export function renderRubricListTable(list: RubricList): string {
  const w = RUBRIC_VIEW_WORDS[list.lang].list;
  const t = new Table({ head: [w.id, w.title, w.regulation, w.years, w.group, w.questions, w.complete, w.uncertain], style: { head: [], border: [] }, wordWrap: true, colWidths: [Math.max(6, ...list.rubrics.map((r) => r.id.length)) + 2, 36, 30, 11, 10, 11, 10, 12] });
  for (const r of list.rubrics) {
    t.push([r.id, r.title, r.regulation, r.years ? `${r.years[0]}–${r.years[1]}` : '', r.group ?? '', r.form === 'lines' ? `${r.questions} ${w.lines}` : r.questions, `${Math.round(r.completeness * 100)}%`, r.uncertain]);
  }
  return `${t.toString()}\n`;
}


const md = (s: string) => s.replace(/\|/g, '\\|');

export function renderRubricListMarkdown(list: RubricList): string {
  const w = RUBRIC_VIEW_WORDS[list.lang].list;
  const out = [`| ${w.id} | ${w.title} | ${w.regulation} | ${w.years} | ${w.group} | ${w.questions} | ${w.complete} | ${w.uncertain} |`, '|---|---|---|---|---|---:|---:|---:|'];
  for (const r of list.rubrics) {
    out.push(`| \`${r.id}\` | ${md(r.title)} | ${md(r.regulation)} | ${r.years ? `${r.years[0]}–${r.years[1]}` : ''} | ${r.group ?? ''} | ${r.form === 'lines' ? `${r.questions} ${w.lines}` : r.questions} | ${Math.round(r.completeness * 100)}% | ${r.uncertain} |`);
  }
  return `${out.join('\n')}\n`;
}
