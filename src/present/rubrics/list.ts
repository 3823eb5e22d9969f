// `lke rubrics`: a line per built-in rubric.
import type { RubricList } from '../../document/rubric-list.js';

export function renderRubricList(list: RubricList): string {
  return list.rubrics
    .map((r) => `${r.id.padEnd(10)} ${r.title} (${r.regulation}${r.years ? ` ${r.years[0]}–${r.years[1]}` : ''}; ${r.questions} questions)\n`)
    .join('');
}
