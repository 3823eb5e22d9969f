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
  /**
   * A rubric stamp (lke template's defined name, the custom property lke-rubric, Keywords "lke-rubric=ID") that cannot
   * be followed: two that disagree, a rubric lke does not have (known: the ids it has), or one the sheet does not
   * fit (found: coverage). `where`: the stamps found.
   */
  | { code: 'rubric-stamp-refused'; stamp: string; where: ('name' | 'property' | 'keywords')[]; why: 'disagree' | 'unknown' | 'mismatch'; found: string; known: string }
  /** --sheet names no sheet of the workbook (sheets: the names it has). */
  | { code: 'no-such-sheet'; sheet: string; sheets: string }
  | { code: 'timeout'; seconds: number }
  | { code: 'internal'; cause: 'threw' | 'worker-stopped' | 'worker-exited'; detail?: string | undefined }
  /** The workbook reader refused the file: its machine code (src/workbook/errors.ts) and why. */
  | { code: 'unreadable'; readCode: string; problem: ReadProblem };

/**
 * Why the reader refused a file, with what its message needs. `errno` is a Node error code (EACCES, ELOOP, …);
 * sizes are bytes; `detail` is a parser's own technical text, shown as it is.
 */
export type ReadProblem =
  | { why: 'not-found' }
  | { why: 'is-folder' }
  /** A folder named or met while walking that could not be listed: its worksheets were not read. */
  | { why: 'folder-unreadable'; errno: string }
  | { why: 'not-regular' }
  | { why: 'cannot-open'; errno: string }
  | { why: 'too-large'; size: number; limit: number }
  | { why: 'empty' }
  /** An Office owner file (~$name.xlsx), written beside a workbook while it is open. */
  | { why: 'lock-file' }
  | { why: 'encrypted'; format: 'xlsx' | 'xls' | 'ods' }
  | { why: 'office-not-workbook' }
  | { why: 'xls' }
  | { why: 'ods' }
  | { why: 'zip-empty' }
  | { why: 'not-zip' }
  | { why: 'zip-not-excel' }
  | { why: 'truncated' }
  | { why: 'zip-damaged'; damage: 'directory' | 'entry' | 'cut-off' | 'method' | 'unpack' | 'checksum'; entry?: string; detail?: string }
  /** `size` when the directory declares it (refused before inflating), else refused while inflating. */
  | { why: 'bomb-total'; size?: number; limit: number }
  | { why: 'bomb-ratio'; part: string; ratio?: number; limit: number }
  | { why: 'too-many-columns'; sheet: string; column: string; limit: number }
  | { why: 'too-many-rows'; sheet: string; limit: number }
  | { why: 'too-many-cells'; limit: number }
  | { why: 'merges-piled'; sheet: string; count: number }
  | { why: 'sheet-missing'; sheet: string }
  | { why: 'xml-doctype' }
  | { why: 'damaged'; detail: string }
  | { why: 'no-worksheet' }
  /** A .csv table of values that holds binary data, or more rows or columns than the limits (it has no sheet). */
  | { why: 'csv-binary' }
  | { why: 'table-too-many-rows'; limit: number }
  | { why: 'table-too-many-columns'; limit: number }
  | { why: 'read-timeout'; seconds: number };
