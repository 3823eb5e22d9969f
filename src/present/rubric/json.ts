// The rubric documents as JSON: the documents themselves, without the language they were made in.
import type { RubricDiffDoc } from '../../document/rubric-diff.js';
import type { RubricList } from '../../document/rubric-list.js';
import type { RubricViewDoc } from '../../document/rubric-view.js';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export const renderRubricListJson = ({ lang: _lang, ...list }: RubricList): string => json(list);
export const renderRubricShowJson = ({ lang: _lang, ...view }: RubricViewDoc): string => json(view);
export const renderRubricDiffJson = ({ lang: _lang, ...diff }: RubricDiffDoc): string => json(diff);
