// Tells what a file is from its first bytes, so a renamed .xls or a password-protected copy gets a useful message
// instead of a zip-parser stack trace.
import { basename } from 'node:path';
import { WorkbookError } from './errors.js';
import { ZipReader } from './zip.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.every((b, i) => buf[i] === b);

export function sniffWorkbook(buf: Uint8Array, file: string): void {
  if (buf.length === 0) throw new WorkbookError(file, { why: 'empty' });
  if (startsWith(buf, CFB)) {
    // An OLE container is an old .xls, an encrypted OOXML package (Excel's "Encrypt with password"), or another
    // Office 97-2003 document. Its directory says which; it may lie anywhere in the file (often at the end).
    const dir = cfbDirectory(buf);
    const names = dir?.entries.map((e) => e.name);
    const probe = () => Buffer.from(buf.subarray(0, Math.min(buf.length, 1 << 20))).toString('latin1').includes('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e');
    if (names ? names.includes('EncryptedPackage') : probe()) throw new WorkbookError(file, { why: 'encrypted', format: 'xlsx' });
    const book = dir?.entries.find((e) => e.name === 'Workbook' || e.name === 'Book');
    if (dir && !book) throw new WorkbookError(file, { why: 'office-not-workbook' });
    if (dir && book && xlsEncrypted(dir.head(book))) throw new WorkbookError(file, { why: 'encrypted', format: 'xls' });
    throw new WorkbookError(file, { why: 'xls' });
  }
  if (startsWith(buf, ZIP)) {
    const head = Buffer.from(buf.subarray(0, Math.min(buf.length, 4096))).toString('latin1');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument')) {
      throw new WorkbookError(file, odsEncrypted(buf, file) ? { why: 'encrypted', format: 'ods' } : { why: 'ods' });
    }
    return;
  }
  if (startsWith(buf, ZIP_EMPTY)) throw new WorkbookError(file, { why: 'zip-empty' });
  // Excel's owner file beside an open workbook: given by hand (a folder walk skips it), it is named for what it is
  if (basename(file).startsWith('~$')) throw new WorkbookError(file, { why: 'lock-file' });
  throw new WorkbookError(file, { why: 'not-zip' });
}

/**
 * An .xls saved with a password (Excel's RC4 / CryptoAPI, LibreOffice's too): the workbook stream's first record
 * is BOF and the next one FILEPASS (0x002F); the rest of the stream is encrypted.
 */
function xlsEncrypted(head: Uint8Array | undefined): boolean {
  if (!head || head.length < 8) return false;
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const bofLength = dv.getUint16(2, true);
  return 4 + bofLength + 2 <= head.length && dv.getUint16(4 + bofLength, true) === 0x002f;
}

/** An OpenDocument file saved with a password lists its encrypted parts in the manifest (or, since ODF 1.3 wholesome encryption, holds one encrypted package). */
function odsEncrypted(buf: Uint8Array, file: string): boolean {
  try {
    const zip = new ZipReader(buf, file);
    if (zip.has('encrypted-package')) return true;
    const manifest = zip.read('META-INF/manifest.xml');
    return manifest !== undefined && Buffer.from(manifest).toString('utf8').includes('encryption-data');
  } catch {
    return false; // a damaged .ods is still an .ods: its message says to save it as .xlsx
  }
}

interface CfbEntry {
  name: string;
  start: number;
  size: number;
}

/**
 * The entries of an OLE/CFB container's directory, found through its header and FAT (bounded walks, so a damaged
 * or hostile container cannot loop), and the first sector of a (regular, not mini) stream; undefined when the
 * directory cannot be read (e.g. a truncated file).
 */
function cfbDirectory(buf: Uint8Array): { entries: CfbEntry[]; head: (e: CfbEntry) => Uint8Array | undefined } | undefined {
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
  const entries: CfbEntry[] = [];
  for (let s = dv.getUint32(0x30, true), n = 0; s !== 0xfffffffe && n < sectors; n++, s = nextOf(s)) {
    if (!ok(s)) return undefined;
    for (let e = offset(s); e < offset(s) + size; e += 128) {
      const len = Math.min(dv.getUint16(e + 64, true), 64);
      if (len >= 2) entries.push({ name: Buffer.from(buf.subarray(e, e + len - 2)).toString('utf16le'), start: dv.getUint32(e + 116, true), size: dv.getUint32(e + 120, true) });
    }
  }
  if (entries.length === 0) return undefined;
  // Excel pads a workbook stream to at least the mini-stream cutoff (4096 bytes), so its start is a sector of its own
  const cutoff = dv.getUint32(0x38, true);
  const head = (e: CfbEntry) => (e.size >= cutoff && ok(e.start) ? buf.subarray(offset(e.start), offset(e.start) + Math.min(size, e.size)) : undefined);
  return { entries, head };
}
