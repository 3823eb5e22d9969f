// `lke rubric show`: a rubric as plain data (built by src/rubric/view.ts), in the language it is shown in.
import type { RubricView } from '../rubric/view.js';
import type { Lang } from '../words/lang.js';

export type { NodeView, QuestionView, RubricView, ScaleView } from '../rubric/view.js';

export type RubricViewDoc = RubricView & { lang: Lang };
