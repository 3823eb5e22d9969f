// The checks that run after scoring, in order: each a small pure function of the scored worksheet returning its
// findings. A new check is a function here and a code in src/findings/codes.ts.
import type { Finding } from '../findings/codes.js';
import type { Where } from '../findings/position.js';
import type { Rubric } from '../rubric/model.js';
import type { AnswerSheet, Scored } from '../score/types.js';
import { checkSheet } from './sheet.js';
import { checkPublished } from './published.js';
import { checkEvidence, checkRubricStamp, checkRubricYear } from './submission.js';

export interface CheckInput {
  rubric: Rubric;
  answers: AnswerSheet;
  scored: Scored;
  /** The LKE sheet's name. */
  sheet: string;
  year?: number | undefined;
  /** The title-block cell the year was read from, if it was. */
  yearAt?: Where | undefined;
  /** Where the year came from otherwise: "file name" or "--year". */
  yearSource?: string | undefined;
  /** Whether a path relative to the worksheet's folder exists (the caller knows the file system; checks do not). */
  exists: (relativePath: string) => boolean;
  /** The rubric the workbook says it was made from (lke template's stamp), if it says. */
  stamp?: { id: string; version?: string | undefined } | undefined;
}

export type PostScoreCheck = (c: CheckInput) => Finding[];

export const POST_SCORE_CHECKS: readonly PostScoreCheck[] = [
  // the sheet's own Nilai, Bobot and Pilihan Jawaban against the rubric and lke's computation
  (c) => checkSheet(c.rubric, c.answers, c.scored),
  // the rubric version for the worksheet's year
  (c) => checkRubricYear(c.rubric, c.year, c.yearAt, c.yearSource, c.sheet),
  // evidence references: links that are not URLs, relative paths to nothing
  (c) => checkEvidence(c.answers, { exists: c.exists }),
  // a rubric of lines whose table carries the published points: every line that does not follow the rule
  (c) => checkPublished(c.rubric, c.answers, c.scored),
  // the rubric the workbook was made from, against the one it is scored with
  (c) => checkRubricStamp(c.rubric, c.stamp, c.sheet),
];

export function runChecks(c: CheckInput): Finding[] {
  return POST_SCORE_CHECKS.flatMap((check) => check(c));
}
