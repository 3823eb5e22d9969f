// One scored worksheet (or one assessment block of it) as the diff reads it: plain data, numbers at full precision.
// Built from a scored file by the caller; the diff itself never reads a workbook.
import type { AnswerStatus, Pos } from '../document/diff-report.js';
import type { ReportNode } from '../document/score-report.js';

export interface SideAnswer {
  /** Rubric question code. */
  question: string;
  /** The indicator (the question's node) code. */
  indicator: string;
  /** The rubric's question text. */
  text: string;
  /** Found in the worksheet (a question absent from the sheet counts as blank, and is compared as absent). */
  present: boolean;
  status: AnswerStatus;
  /** The answer as understood: an option code or a number (a fraction for percentages and ratios). */
  answer: string | number | null;
  /** The answer cell's text as written, for answers lke could not use. */
  written: string | null;
  /** Question score after dependent-question rules, 0..1. */
  score: number | null;
  /** Points the question adds to the index: its share of its indicator's nilai (score × bobot ÷ answers counted). */
  nilai: number | null;
  /** The answer cell (or the question's row), null when the question is absent from the sheet. */
  at: Pos | null;
  /** The row's Catatan, when the block has one. */
  note: string | null;
}

/** A node as the score report has it, without the gap. */
export type SideNode = Omit<ReportNode, 'gap'>;

export interface DiffSide {
  /** The path as given. */
  file: string;
  /** The assessment block compared (1 = leftmost), when one workbook holds several; null for a whole file. */
  block: { number: number; title: string | null; column: string } | null;
  opd: string | null;
  /** Where the OPD name came from: the worksheet's title block, the file name, or --opd. */
  opdSource: 'sheet' | 'file name' | 'option';
  year: number | null;
  rubric: { id: string; title: string };
  blankPolicy: 'skip' | 'zero';
  index: number;
  predikat: { code: string; label: string | null } | null;
  /** Every node of the rubric tree in pre-order. */
  nodes: SideNode[];
  /** Every question of the rubric in rubric order. */
  answers: SideAnswer[];
}

/** A name as compared across files and rubric versions: case, accents, punctuation, weights "(5)" and spacing left out. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(\s*\d+(?:[.,]\d+)?\s*%?\s*\)/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
