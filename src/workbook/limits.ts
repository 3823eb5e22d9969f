// The read limits and their defaults, in a module of their own: the CLI needs them to build its options without
// loading the reader (a batch's main thread never reads a workbook; its workers do). docs/security.md lists them.

export interface ZipLimits {
  /** Total uncompressed bytes of the entries read. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed size of any entry read. */
  maxCompressionRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 200 };

export interface GridLimits {
  /** Rows with content per sheet. */
  maxRows: number;
  /** Columns with content per sheet. */
  maxColumns: number;
  /** Cells with content in the whole workbook (memory grows with them: an LKE has a few thousand). */
  maxCells: number;
}

export const DEFAULT_GRID_LIMITS: GridLimits = { maxRows: 100_000, maxColumns: 2_000, maxCells: 500_000 };

export interface LeanLimits extends ZipLimits, GridLimits {
  /** Seconds one workbook may take to read. */
  maxSeconds: number;
}

export const DEFAULT_LEAN_LIMITS: LeanLimits = { ...DEFAULT_ZIP_LIMITS, ...DEFAULT_GRID_LIMITS, maxSeconds: 60 };

export interface ReadLimits extends LeanLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFileBytes: 50 * 1024 * 1024, ...DEFAULT_LEAN_LIMITS };
