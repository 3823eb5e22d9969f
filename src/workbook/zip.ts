// Reads the entries of a zip archive we need, with the limits checked from the central directory before anything
// is inflated (declared sizes, compression ratio) and enforced again while inflating (a lying header cannot
// smuggle more bytes than allowed: node's zlib stops at maxOutputLength).
import { createGunzip, crc32, inflateRawSync } from 'node:zlib';
import type { ReadProblem } from '../findings/file-problems.js';
import { WorkbookError } from './errors.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.js';

/** One decoder for every entry name (making one per name cost more than the names). */
const utf8 = new TextDecoder('utf-8');

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
  crc: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
/** A gzip member's header: deflate, no flags, no time, no extra field (stream() frames an entry's data with it). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly buf: Uint8Array,
    private readonly file: string,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    // the end-of-central-directory record sits in the last 22 + 65535 bytes
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
      if (dv.getUint32(i, true) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw new WorkbookError(file, { why: 'truncated' });
    }
    const count = dv.getUint16(eocd + 10, true);
    let p = dv.getUint32(eocd + 16, true);
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || dv.getUint32(p, true) !== CEN) this.corrupt({ damage: 'directory' });
      const flags = dv.getUint16(p + 8, true);
      const method = dv.getUint16(p + 10, true);
      const compressedSize = dv.getUint32(p + 20, true);
      const size = dv.getUint32(p + 24, true);
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      const localOffset = dv.getUint32(p + 42, true);
      const crc = dv.getUint32(p + 16, true);
      const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen)).replace(/^\/+/, '');
      this.entries.set(name, { name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1, crc });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Checks the declared sizes of the entries about to be read, before inflating any of them. */
  precheck(names: string[]): void {
    let total = 0;
    for (const name of names) {
      const e = this.entries.get(name);
      if (!e) continue;
      total += e.size;
      this.checkRatio(e, e.size);
    }
    if (total > this.limits.maxUncompressedBytes) throw new WorkbookError(this.file, { why: 'bomb-total', size: total, limit: this.limits.maxUncompressedBytes });
  }

  /** The entry's bytes, or undefined when the archive has no such entry. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const data = this.data(e);
    if (e.method === 0) {
      this.count(e, data.length);
      return this.verified(e, data);
    }
    const cap = this.cap(data);
    let out: Uint8Array;
    let used: number;
    try {
      // one output buffer of the declared size (+1, so that a true size never fills it): zlib then returns it as is
      // instead of concatenating chunks into a second copy, which doubled the peak memory of a large part
      const r = inflateRawSync(data, { maxOutputLength: cap + 1, chunkSize: Math.max(16 * 1024, Math.min(e.size, cap) + 1), info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      out = r.buffer;
      used = r.engine.bytesWritten;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) this.overCap(e, cap);
      this.corrupt({ damage: 'unpack', entry: name, detail: (err as Error).message });
    }
    this.count(e, out.length);
    // bytes after the end of the deflate data, inside the entry: stream() reads them as the checksum, so here too
    if (used < data.length) this.corrupt({ damage: 'checksum', entry: e.name });
    return this.verified(e, out);
  }

  /** The size the directory declares for an entry (0 when there is none): how a reader chooses read or stream. */
  declaredSize(name: string): number {
    return this.entries.get(name)?.size ?? 0;
  }

  /**
   * The entry's bytes in pieces of about `chunkSize`, handed to `onChunk` as they are inflated (on the thread
   * pool), so a huge part never sits in memory whole; the same limits and checksum as read(). Resolves false
   * when the archive has no such entry. An exception thrown by onChunk stops the inflating and rejects with it.
   */
  stream(name: string, chunkSize: number, onChunk: (bytes: Buffer) => void): Promise<boolean> {
    const e = this.entries.get(name);
    if (!e) return Promise.resolve(false);
    const data = this.data(e);
    if (e.method === 0) {
      this.count(e, data.length);
      this.verified(e, data);
      const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      for (let i = 0; i < bytes.length; i += chunkSize) onChunk(bytes.subarray(i, i + chunkSize));
      return Promise.resolve(true);
    }
    const cap = this.cap(data);
    return new Promise((resolve, reject) => {
      // The deflate data framed as a gzip member, the directory's CRC-32 and size as its trailer: zlib checks the
      // CRC on the thread pool as it inflates. A CRC-32 pass over every piece on this thread was a sixth of the
      // main thread's work on a LibreOffice copy, while the pool's thread inflating was half idle.
      const inflate = createGunzip({ chunkSize });
      let size = 0;
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        inflate.destroy();
        reject(err);
      };
      // each piece is handed on in a microtask, which runs once zlib has set the next piece inflating on the thread
      // pool: inflating and reading overlap (microtasks keep their order, so 'end' still comes last)
      const take = (bytes: Buffer) => {
        if (failed) return;
        try {
          size += bytes.length;
          if (size > cap) this.overCap(e, cap);
          onChunk(bytes);
        } catch (err) {
          fail(err);
        }
      };
      inflate.on('data', (bytes: Buffer) => queueMicrotask(() => take(bytes)));
      inflate.on('error', (err) => {
        // the size is checked after the CRC and once every piece is out: read() does not hold an entry to its
        // declared size, nor does this
        if (err.message === 'incorrect length check') return queueMicrotask(end);
        try {
          if (err.message === 'incorrect data check') this.corrupt({ damage: 'checksum', entry: e.name });
          this.corrupt({ damage: 'unpack', entry: name, detail: err.message });
        } catch (wrapped) {
          fail(wrapped);
        }
      });
      inflate.on('end', () => queueMicrotask(end));
      const end = () => {
        if (failed) return;
        failed = true;
        try {
          this.count(e, size);
          resolve(true);
        } catch (err) {
          reject(err);
        }
      };
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(e.crc >>> 0, 0);
      trailer.writeUInt32LE(e.size >>> 0, 4);
      inflate.write(GZIP_HEADER);
      inflate.write(data);
      inflate.end(trailer);
    });
  }

  /** The compressed bytes of an entry, its local header checked. */
  private data(e: ZipEntry): Uint8Array {
    if (e.encrypted) throw new WorkbookError(this.file, { why: 'encrypted', format: 'xlsx' });
    const dv = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    const lo = e.localOffset;
    if (lo + 30 > this.buf.length || dv.getUint32(lo, true) !== LOC) this.corrupt({ damage: 'entry', entry: e.name });
    const start = lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true);
    const end = start + e.compressedSize;
    if (end > this.buf.length) this.corrupt({ damage: 'cut-off', entry: e.name });
    if (e.method !== 0 && e.method !== 8) this.corrupt({ damage: 'method', entry: e.name, detail: String(e.method) });
    return this.buf.subarray(start, end);
  }

  /** The most an entry may inflate to: never more than what is left of the total budget, nor what the ratio allows. */
  private cap(data: Uint8Array): number {
    const budget = this.limits.maxUncompressedBytes - this.inflated;
    const byRatio = Math.max(1024 * 1024, data.length * this.limits.maxCompressionRatio);
    return Math.max(0, Math.min(budget, byRatio));
  }

  private overCap(e: ZipEntry, cap: number): never {
    if (cap === this.limits.maxUncompressedBytes - this.inflated) throw new WorkbookError(this.file, { why: 'bomb-total', limit: this.limits.maxUncompressedBytes });
    throw new WorkbookError(this.file, { why: 'bomb-ratio', part: e.name, limit: this.limits.maxCompressionRatio });
  }

  /** Damage inside a part (a flipped byte in a stored entry, a bad download) shows as a checksum mismatch. */
  private verified(e: ZipEntry, bytes: Uint8Array): Uint8Array {
    if (crc32(bytes) >>> 0 !== e.crc >>> 0) this.corrupt({ damage: 'checksum', entry: e.name });
    return bytes;
  }

  private count(e: ZipEntry, n: number): void {
    this.inflated += n;
    if (this.inflated > this.limits.maxUncompressedBytes) throw new WorkbookError(this.file, { why: 'bomb-total', limit: this.limits.maxUncompressedBytes });
    this.checkRatio(e, n);
  }

  private checkRatio(e: ZipEntry, size: number): void {
    // small parts compress well by nature; the ratio only matters once there is real volume
    if (size > 1024 * 1024 && size / Math.max(1, e.compressedSize) > this.limits.maxCompressionRatio) {
      throw new WorkbookError(this.file, { why: 'bomb-ratio', part: e.name, ratio: Math.round(size / Math.max(1, e.compressedSize)), limit: this.limits.maxCompressionRatio });
    }
  }

  private corrupt(damage: Omit<Extract<ReadProblem, { why: 'zip-damaged' }>, 'why'>): never {
    throw new WorkbookError(this.file, { why: 'zip-damaged', ...damage });
  }
}

