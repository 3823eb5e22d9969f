// What the rubric loader (src/engine/rubrics.ts) needs without the YAML parser: the compiled form of a built-in,
// its staleness stamp, the size limit and the error a broken rubric raises.
import { crc32 } from 'node:zlib';
import type { Lang } from '../words/lang.js';
import type { RubricInput } from './schema.js';

/** Rubric files are small; anything bigger is a mistake or an attack. */
export const MAX_RUBRIC_BYTES = 5 * 1024 * 1024;

export class RubricLoadError extends Error {
  override name = 'RubricLoadError';
  constructor(
    message: string,
    readonly file: string,
    /** The message in the user's language, when it is one of lke's own (a validation detail stays as written). */
    readonly say?: (lang: Lang) => string,
  ) {
    super(message);
  }
}

export interface CompiledRubricFile {
  /** The YAML it was compiled from: stampOf(bytes). */
  stamp: string;
  rubric: RubricInput;
}

/**
 * Tells a compiled JSON from the YAML it came from: CRC-32 and length. A staleness check against edits, not a
 * defence (the files sit side by side); zlib is loaded anyway for reading workbooks, node:crypto is not
 * (bench/README.md).
 */
export const stampOf = (buf: Uint8Array) => `crc32:${(crc32(buf) >>> 0).toString(16)}:${buf.length}`;
