// `lke rubric list` (`lke rubrics`): the built-in rubrics, one line each (built by src/rubric/view.ts).
import type { RubricSummary } from '../rubric/view.js';
import type { Lang } from '../words/lang.js';

export type { RubricSummary };

export interface RubricList {
  lang: Lang;
  rubrics: RubricSummary[];
}
