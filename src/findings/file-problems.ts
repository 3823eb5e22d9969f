// Why a file was not scored, as data: a code and its arguments. The wording (id/en) is in src/words/errors.ts.

export type FileProblem =
  | { code: 'no-lke-sheet' }
  /** found: each candidate's share of questions found, "zi-2021 12%, rb-2014 3%" */
  | { code: 'rubric-unknown'; found: string }
  | { code: 'rubric-ambiguous'; found: string }
  | { code: 'timeout'; seconds: number }
  | { code: 'internal'; cause: 'threw' | 'worker-stopped' | 'worker-exited'; detail?: string | undefined }
  /** The workbook reader refused the file; its message is its own (src/workbook/, English for now). */
  | { code: 'unreadable'; readCode: string; message: string };
