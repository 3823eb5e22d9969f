// `lke rubrics`: the built-in rubrics and what they cover.
import type { RubricList } from '../document/rubric-list.js';
import { builtinRubricIds } from '../engine/rubrics.js';
import { rubricOrExit } from './options.js';

export async function listRubrics(): Promise<RubricList> {
  const rubrics = await Promise.all(builtinRubricIds().map(rubricOrExit));
  return { rubrics: rubrics.map((r) => ({ id: r.id, title: r.title, regulation: r.regulation, years: r.years ?? null, questions: r.questions.size, form: r.form })) };
}
