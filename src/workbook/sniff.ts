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
    // An OLE container is an old .xls, an encrypted OOXML package (Excel's "Encrypt with password"), or another
    // Office 97-2003 document. Its directory says which; it may lie anywhere in the file (often at the end).
    const names = cfbNames(buf);
    const probe = () => Buffer.from(buf.subarray(0, Math.min(buf.length, 1 << 20))).toString('latin1').includes('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e');
    if (names ? names.includes('EncryptedPackage') : probe()) {
      throw new WorkbookError('encrypted', `${file}: the workbook is password-protected; remove the password (File > Info > Protect Workbook) and save again`, file);
    }
    if (names && !names.includes('Workbook') && !names.includes('Book')) {
      throw new WorkbookError('not-a-workbook', `${file}: an Office 97-2003 document that is not a workbook (e.g. a Word .doc renamed); send the worksheet saved as .xlsx`, file);
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

/**
 * The entry names in an OLE/CFB container's directory, found through its header and FAT (bounded walks, so a
 * damaged or hostile container cannot loop); undefined when the directory cannot be read (e.g. a truncated file).
 */
function cfbNames(buf: Uint8Array): string[] | undefined {
  if (buf.length < 512) return undefined;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectors = Math.floor(buf.length / size) - 1;
  const offset = (s: number) => (s + 1) * size;
  const ok = (s: number) => s >= 0 && s < sectors;
  // the FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(dv.getUint32(0x4c + i * 4, true));
  for (let d = dv.getUint32(0x44, true), n = 0; ok(d) && n < sectors; n++) {
    for (let i = 0; i < size / 4 - 1; i++) fatSectors.push(dv.getUint32(offset(d) + i * 4, true));
    d = dv.getUint32(offset(d) + size - 4, true);
  }
  const nextOf = (s: number): number => {
    const f = fatSectors[Math.floor(s / (size / 4))];
    return f !== undefined && ok(f) ? dv.getUint32(offset(f) + (s % (size / 4)) * 4, true) : -1;
  };
  const names: string[] = [];
  for (let s = dv.getUint32(0x30, true), n = 0; s !== 0xfffffffe && n < sectors; n++, s = nextOf(s)) {
    if (!ok(s)) return undefined;
    for (let e = offset(s); e < offset(s) + size; e += 128) {
      const len = Math.min(dv.getUint16(e + 64, true), 64);
      if (len >= 2) names.push(Buffer.from(buf.subarray(e, e + len - 2)).toString('utf16le'));
    }
  }
  return names.length > 0 ? names : undefined;
}
