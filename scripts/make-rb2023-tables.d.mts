// Types of scripts/make-rb2023-tables.mjs, for the tests that import it.
export interface ExampleRow {
  code: string;
  indikator: string;
  skor: string;
  nilai: string;
  keterangan: string;
}
export const EXAMPLES: { id: string; file: string; instansi: string; year: number }[];
export function readExample(file: string, domain?: string): ExampleRow[];
export function writeXlsx(path: string, rows: ExampleRow[], opts?: { instansi?: string; year?: number; headers?: string[] }): Promise<void>;
export function writeCsv(path: string, rows: ExampleRow[], opts?: { bom?: boolean; headers?: string[] }): void;
export function writeRb2023Tables(outDir: string, domain?: string): Promise<Record<string, { xlsx: string; csv: string; csvNoBom: string }>>;
