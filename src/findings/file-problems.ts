// Why a file was not scored, as data: a code and its arguments. The wording (id/en) is in src/words/errors.ts.

/**
 * A table of values (a rubric of lines) whose rubric was not taken: `by` says why — its names fit several rubrics
 * equally, its codes do (they are the same in every group), too few names are lines of any, or the rubric given is a
 * questionnaire (`given`); `ids` are the rubrics to choose from.
 */
export interface TableAsk {
  by: 'names' | 'codes' | 'few' | 'questionnaire';
  ids: string[];
  given?: string | undefined;
}

export type FileProblem =
  | { code: 'no-lke-sheet' }
  /** found: each candidate's share of questions found, "zi-2021 12%, rb-2014 3%" (a table: lines named, "rb-2023-kl 30") */
  | { code: 'rubric-unknown'; found: string; table?: TableAsk | undefined }
  | { code: 'rubric-ambiguous'; found: string; table?: TableAsk | undefined }
  | { code: 'timeout'; seconds: number }
  | { code: 'internal'; cause: 'threw' | 'worker-stopped' | 'worker-exited'; detail?: string | undefined }
  /** The workbook reader refused the file; its message is its own (src/workbook/, English for now). */
  | { code: 'unreadable'; readCode: string; message: string };
