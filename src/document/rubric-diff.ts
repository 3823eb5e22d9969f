// `lke rubric diff A B`: what differs between two rubrics (built by src/rubric/diff.ts), and its exit code.
import type { RubricDiff } from '../rubric/diff.js';
import type { Lang } from '../words/lang.js';
import { EXIT } from './exit.js';

export type { Change, RubricDiff } from '../rubric/diff.js';

export type RubricDiffDoc = RubricDiff & { lang: Lang };

/** As diff(1): 0 when the rubrics score alike, 1 when they differ. */
export const rubricDiffExitCode = (d: Pick<RubricDiff, 'changes'>): number => (d.changes.length > 0 ? EXIT.findings : EXIT.ok);
