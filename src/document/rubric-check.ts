// `lke rubric check`: a rubric file's problems, each with its code, severity and line:col, and the one verdict.
import type { RubricProblem } from '../rubric/problems.js';
import type { Lang } from '../words/lang.js';
import { EXIT } from './exit.js';

export interface RubricCheckDoc {
  lang: Lang;
  tool: { name: 'lke'; version: string };
  file: string;
  /** The rubric when it compiles. */
  rubric: { id: string; title: string } | null;
  /** In file order; severity decided by the code (src/rubric/problems.ts). */
  problems: (RubricProblem & { severity: 'error' | 'warning' })[];
  errors: number;
  warnings: number;
}

export type { RubricProblem };

/** 2 when the rubric cannot be used (an error), else 0: warnings do not stop a rubric. */
export const rubricCheckExitCode = (d: Pick<RubricCheckDoc, 'errors'>): number => (d.errors > 0 ? EXIT.usage : EXIT.ok);
