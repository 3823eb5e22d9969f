// The tie-breaks of the report's sort orders (codes, rubric ids, file paths).

/**
 * Code-unit order: the same on every machine and locale, as the input files are listed (src/cli/inputs.ts).
 * Not localeCompare: its first call loads ICU's collator, a cost every run would pay (bench/README.md).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
