// Tells what a file is from its first bytes, so a renamed .xls or a password-protected copy gets a useful message
// instead of a zip-parser stack trace.
import { WorkbookError } from './errors.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

export function sniffWorkbook(buf: Uint8Array, file: string): void {
  if (buf.length === 0) throw new WorkbookError('file-empty', `${file}: the file is empty (0 bytes); send the worksheet again`, file);
  if (startsWith(buf, CFB)) {
    // An OLE container is either an old .xls or an encrypted OOXML package (Excel's "Encrypt with password").
    const probe = Buffer.from(buf.subarray(0, Math.min(buf.length, 1 << 20))).toString('latin1');
    if (probe.includes('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e')) {
      throw new WorkbookError('encrypted', `${file}: the workbook is password-protected; remove the password (File > Info > Protect Workbook) and save again`, file);
    }
    throw new WorkbookError('xls-format', `${file}: this is an old Excel 97-2003 (.xls) file; open it and save it as .xlsx (Excel Workbook)`, file);
  }
  if (startsWith(buf, ZIP)) {
    const head = Buffer.from(buf.subarray(0, Math.min(buf.length, 4096))).toString('latin1');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) {
      throw new WorkbookError('ods-format', `${file}: this is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel 2007-365)`, file);
    }
    return;
  }
  if (startsWith(buf, ZIP_EMPTY)) throw new WorkbookError('corrupt', `${file}: the zip archive is empty; it is not a workbook`, file);
  throw new WorkbookError('not-a-workbook', `${file}: not an .xlsx workbook (it does not start like one); save it as .xlsx in Excel or LibreOffice`, file);
}
