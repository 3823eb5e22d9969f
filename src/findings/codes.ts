// Every finding lke can raise: its code, default severity and the arguments its message needs, typed per code
// (a misspelt argument is a type error). Imports nothing: every stage raises findings, the wording is in
// src/words/findings.ts.
import type { Where } from './position.js';
import { LINE_SEVERITY, type LineFindingArgs } from './line-codes.js';

export type Severity = 'error' | 'warning' | 'info';
export type BlankPolicyArg = 'skip' | 'zero';

/** Every code's arguments; those of a rubric of lines (the Indeks RB from 2023) are in line-codes.ts. */
export interface FindingArgs extends LineFindingArgs {
  'answer-missing': { policy: BlankPolicyArg };
  'answer-invalid': { answer: string; allowed: string };
  /** hint: the likely value meant (331 on 0–4: "3.31"); clampedTo: the bound scored under --off-scale clamp. */
  'answer-out-of-range': { answer: string; range: string; hint?: string | undefined; clampedTo?: string | undefined };
  'answer-unit-mismatch': { answer: string; range: string; hint?: string | undefined };
  'answer-percent-read': { answer: string; read: string; range: string };
  'percent-ambiguous': { answer: string; read: string };
  /** The row's evidence columns, when there are several (the finding is at the first). */
  'bukti-missing': { cols?: number[] | undefined };
  'bukti-column-absent': Record<never, never>;
  'bukti-path-missing': { path: string };
  'bukti-link-invalid': { link: string; hint?: 'scheme' | 'spaces' | 'malformed' | undefined };
  'nilai-mismatch': { code: string; sheetValue: string; computed: string };
  'bobot-mismatch': { code: string; sheetValue: string; expected: string };
  'pilihan-mismatch': { sheetValue: string; expected: string };
  'question-absent': { text: string };
  'row-unmatched': { row: number; text: string };
  /** The repeat's row, and the first row and column the question was found at. */
  'row-duplicate': { row: number; firstRow: number; col: number };
  /** The formula's text, when the file has it (not for a shared formula's follower). */
  'formula-no-cache': { formula?: string | undefined };
  'formula-evaluated': { formula?: string | undefined; value: string };
  'input-computed': { text: string; check: string; value: string };
  /** The cells the index leaves out (the first few). */
  'index-incomplete': { count: number; cells: { row: number; col: number }[] };
  'sheet-not-calculated': { count: number };
  'excel-error': { error: string };
  'zero-denominator': { formula: string };
  'input-missing': { text: string; policy: BlankPolicyArg };
  'input-invalid': { text: string; answer: string };
  'input-check': { text: string; value: string; check: string; expected: string };
  'rule-dependency-blank': { dependsOn: string };
  'indicator-unscored': { code: string };
  /** The first column of the ignored block. */
  'block-ignored': { column: number; title?: string | undefined };
  /** source: where the year came from ('cell' when the finding's position is that cell). */
  'rubric-year-mismatch': { rubric: string; from: number; to: number; year: number; source?: string | undefined };
  /** The rubric the workbook was made from (lke template's stamp: "zi-2021 v1-…") and the one it was scored with. */
  'rubric-stamp-mismatch': { stamped: string; used: string };
  /** other: the sheet not scored, with its answered rows; scored: the sheet scored. */
  'sheet-other-lke': { other: string; answered: number; scored: string };
  'metadata-from-file-name': { opd?: string | undefined; year?: number | undefined };
  /** The other files of the batch (same rubric and year) that give this OPD. */
  'opd-duplicate': { opd: string; others: string[] };
}

export type FindingCode = keyof FindingArgs;

export const SEVERITY: { readonly [C in FindingCode]: Severity } = {
  'answer-missing': 'error',
  'answer-invalid': 'error',
  'answer-out-of-range': 'error',
  'answer-unit-mismatch': 'error',
  'answer-percent-read': 'warning',
  'percent-ambiguous': 'warning',
  'bukti-missing': 'warning',
  'bukti-column-absent': 'info',
  'bukti-path-missing': 'warning',
  'bukti-link-invalid': 'warning',
  'nilai-mismatch': 'error',
  'bobot-mismatch': 'warning',
  'pilihan-mismatch': 'warning',
  'question-absent': 'error',
  'row-unmatched': 'warning',
  'row-duplicate': 'error',
  'formula-no-cache': 'error',
  'formula-evaluated': 'info',
  'input-computed': 'info',
  'index-incomplete': 'error',
  'sheet-not-calculated': 'info',
  'excel-error': 'error',
  'zero-denominator': 'error',
  'input-missing': 'error',
  'input-invalid': 'error',
  'input-check': 'warning',
  'rule-dependency-blank': 'info',
  'indicator-unscored': 'warning',
  'block-ignored': 'info',
  'rubric-year-mismatch': 'warning',
  'sheet-other-lke': 'warning',
  'metadata-from-file-name': 'info',
  'opd-duplicate': 'warning',
  ...LINE_SEVERITY,
  'rubric-stamp-mismatch': 'warning',
};

/** Every finding code, in table order (the order of docs/report-format.md and SARIF's rules). */
export const FINDING_CODES = Object.keys(SEVERITY) as FindingCode[];

export interface FindingAt extends Where {
  question?: string | undefined;
}

export type Finding<C extends FindingCode = FindingCode> = {
  [K in C]: { code: K; severity: Severity; sheet?: string | undefined; row?: number | undefined; col?: number | undefined; question?: string | undefined; args: FindingArgs[K] };
}[C];

/** Arguments may be left out only by codes that take none. */
type ArgsParam<C extends FindingCode> = Record<never, never> extends FindingArgs[C] ? [args?: FindingArgs[C]] : [args: FindingArgs[C]];

export function finding<C extends FindingCode>(code: C, where: FindingAt, ...args: ArgsParam<C>): Finding<C> {
  return { code, severity: SEVERITY[code], sheet: where.sheet, row: where.row, col: where.col, question: where.question, args: (args[0] ?? {}) as FindingArgs[C] } as Finding<C>;
}
