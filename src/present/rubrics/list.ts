// `lke rubrics`: a line per built-in rubric.
import type { RubricList } from '../../document/rubric-list.js';

export function renderRubricList(list: RubricList): string {
  const width = Math.max(10, ...list.rubrics.map((r) => r.id.length));
  // a rubric of lines is read from a table of values, one line per indicator
  return list.rubrics
    .map((r) => `${r.id.padEnd(width)} ${r.title} (${r.regulation}${r.years ? ` ${r.years[0]}–${r.years[1]}` : ''}; ${r.questions} ${r.form === 'lines' ? 'lines' : 'questions'})\n`)
    .join('');
}
