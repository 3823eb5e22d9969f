// Adapter: a worksheet file → the plain grid, through the lean reader (unzip + streaming XML). exceljs reads only
// where the formulas' texts are wanted (lke rubric import) and in tests, to cross-check the lean reader.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { WorkbookError } from './errors.js';
import { sniffWorkbook } from './sniff.js';
import type { Workbook } from './grid.js';
import { readWorkbookLean } from './lean-reader.js';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.js';
import { readCsvWorkbook } from './csv-reader.js';

const CSV = /\.csv$/i;

export { DEFAULT_LIMITS, type ReadLimits };

export async function readWorkbook(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Workbook> {
  const buf = readBytes(file, limits);
  // a table of values saved as CSV (one sheet); anything else must be an .xlsx
  if (CSV.test(file)) return readCsvWorkbook(buf, file, limits);
  sniffWorkbook(buf, file);
  return readWorkbookLean(buf, file, limits);
}

/** The grid with every formula's text (a shared formula translated to its cell): what lke rubric import reads. */
export async function readWorkbookWithFormulas(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Workbook> {
  const buf = readBytes(file, limits);
  sniffWorkbook(buf, file);
  // the lean reader first: its limits and checks (zip bombs, sizes) hold before exceljs unpacks anything
  readWorkbookLean(buf, file, limits);
  const { readWorkbookExcelJs } = await import('./exceljs-reader.js');
  return readWorkbookExcelJs(buf, file, { formulas: true });
}

/**
 * The file's bytes, read synchronously: a worksheet is small and the thread reading it has nothing else to do
 * (a worker, or the CLI between files), so the thread pool's round trips would only add wait. Opened without
 * blocking and refused unless it is a regular file: a FIFO named *.xlsx would otherwise wait for a writer forever.
 */
function readBytes(file: string, limits: ReadLimits): Buffer {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === 'ENOENT') throw new WorkbookError(file, { why: 'not-found' });
    if (errno === 'EISDIR') throw new WorkbookError(file, { why: 'is-folder' });
    // a folder lke may not list (met while walking, or named): its worksheets are not read, and it says so
    if (isFolder(file)) throw new WorkbookError(file, { why: 'folder-unreadable', errno });
    throw new WorkbookError(file, { why: 'cannot-open', errno });
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new WorkbookError(file, { why: 'is-folder' });
    if (!st.isFile()) throw new WorkbookError(file, { why: 'not-regular' });
    if (st.size > limits.maxFileBytes) throw new WorkbookError(file, { why: 'too-large', size: st.size, limit: limits.maxFileBytes });
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    // a file that shrinks while read ends early (and then fails its zip checks); one that grows is read to its size
    for (let n = 1; got < buf.length && n > 0; got += n) n = readSync(fd, buf, got, buf.length - got, got);
    return got < buf.length ? buf.subarray(0, got) : buf;
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError(file, { why: 'cannot-open', errno: errnoOf(e) });
  } finally {
    closeSync(fd);
  }
}

const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
