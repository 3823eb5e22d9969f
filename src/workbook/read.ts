// Adapter: a worksheet file → the plain grid. Scoring reads through the lean reader (unzip + streaming XML);
// exceljs stays available behind src/workbook/exceljs-reader.ts for writing and for cross-checking the lean
// reader in tests. Nothing outside src/workbook/ knows which one ran.
import { readFile, stat } from 'node:fs/promises';
import { WorkbookError } from './errors.js';
import { sniffWorkbook } from './sniff.js';
import type { Workbook } from './grid.js';
import { DEFAULT_LEAN_LIMITS, readWorkbookLean, type LeanLimits } from './lean-reader.js';

export interface ReadLimits extends LeanLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 50 * 1024 * 1024, ...DEFAULT_LEAN_LIMITS };


export async function readWorkbook(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<Workbook> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw new WorkbookError('file-unreadable', `${file}: is a folder, not a workbook`, file);
    size = st.size;
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookError('file-not-found', `${file}: no such file`, file);
    throw new WorkbookError('file-unreadable', `${file}: cannot be read (${code ?? (e as Error).message})`, file);
  }
  if (size > limits.maxFileBytes) {
    throw new WorkbookError('file-too-large', `${file}: ${(size / 1048576).toFixed(1)} MiB is over the ${(limits.maxFileBytes / 1048576).toFixed(0)} MiB limit (raise it with --max-file-size)`, file);
  }
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (e) {
    throw new WorkbookError('file-unreadable', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, file);
  }
  sniffWorkbook(buf, file);
  return readWorkbookLean(buf, file, limits);
}

