// Why a file could not be read as a workbook: a code for machines and the problem as data (src/findings/
// file-problems.ts); its words, Indonesian and English, are in src/words/errors.ts. The Error's own message is
// the English line, for tests and stack traces.
import type { ReadProblem } from '../findings/file-problems.js';
import { readProblemText } from '../words/errors.js';

export type WorkbookErrorCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-too-large'
  | 'file-empty'
  | 'lock-file'
  | 'not-a-workbook'
  | 'xls-format'
  | 'ods-format'
  | 'encrypted'
  | 'corrupt'
  | 'zip-bomb'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-many-cells'
  | 'timeout'
  | 'no-worksheet';

/** The machine code of each problem (the JSON report's `error.code`, docs/report-format.md). */
const CODE: Record<ReadProblem['why'], WorkbookErrorCode> = {
  'not-found': 'file-not-found',
  'is-folder': 'file-unreadable',
  'folder-unreadable': 'file-unreadable',
  'not-regular': 'file-unreadable',
  'cannot-open': 'file-unreadable',
  'too-large': 'file-too-large',
  empty: 'file-empty',
  'lock-file': 'lock-file',
  encrypted: 'encrypted',
  'office-not-workbook': 'not-a-workbook',
  xls: 'xls-format',
  ods: 'ods-format',
  'zip-empty': 'corrupt',
  'not-zip': 'not-a-workbook',
  'zip-not-excel': 'not-a-workbook',
  truncated: 'corrupt',
  'zip-damaged': 'corrupt',
  'bomb-total': 'zip-bomb',
  'bomb-ratio': 'zip-bomb',
  'too-many-columns': 'too-many-columns',
  'too-many-rows': 'too-many-rows',
  'too-many-cells': 'too-many-cells',
  'merges-piled': 'corrupt',
  'sheet-missing': 'corrupt',
  'xml-doctype': 'corrupt',
  damaged: 'corrupt',
  'no-worksheet': 'no-worksheet',
  'csv-binary': 'not-a-workbook',
  'table-too-many-rows': 'too-many-rows',
  'table-too-many-columns': 'too-many-columns',
  'read-timeout': 'timeout',
};

export class WorkbookError extends Error {
  readonly code: WorkbookErrorCode;

  constructor(
    readonly file: string,
    readonly problem: ReadProblem,
  ) {
    super(readProblemText(file, problem, 'en'));
    this.code = CODE[problem.why];
  }
}
