// Why a file could not be read as a workbook: a code for machines, a one-line message with a hint for people.
export type WorkbookErrorCode =
  | 'file-not-found'
  | 'file-unreadable'
  | 'file-too-large'
  | 'file-empty'
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

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}
