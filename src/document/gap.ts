// The gap analysis as the score report carries it (`files[].gap`): plain data, the conditions to confirm in the
// report's language, positions as numbers (the JSON form prints them as A1 cells). See docs/report-format.md.
import type { Where } from '../findings/position.js';
import type { AreaGap, GapAnalysis, GapStep, QuestionRef } from '../gap/types.js';
import type { Lang } from '../words/lang.js';

/** A position as the document keeps it: the sheet, the row and column numbers (null when unknown). */
export interface Place {
  sheet: string | null;
  row: number | null;
  col: number | null;
}

export interface ReportGapStep extends Omit<GapStep, 'at'>, Place {}

export interface ReportQuestionRef extends Place {
  question: string;
}

export interface ReportAreaGap extends Omit<AreaGap, 'unanswered' | 'noEvidence'> {
  unanswered: ReportQuestionRef[];
  noEvidence: ReportQuestionRef[];
}

export interface ReportGap extends Omit<GapAnalysis, 'confirm' | 'path' | 'areas'> {
  path: ReportGapStep[];
  areas: ReportAreaGap[];
  /** Conditions the worksheet cannot show, in the report's language: for the unit to confirm. */
  confirm: { code: string; text: string }[];
}

const place = (w: Where): Place => ({ sheet: w.sheet ?? null, row: w.row ?? null, col: w.col ?? null });

export function gapDocument(g: GapAnalysis, lang: Lang): ReportGap {
  const ref = (r: QuestionRef): ReportQuestionRef => ({ question: r.question, ...place(r.at) });
  return {
    ...g,
    path: g.path.map(({ at, ...s }) => ({ ...s, ...place(at) })),
    areas: g.areas.map((a) => ({ ...a, unanswered: a.unanswered.map(ref), noEvidence: a.noEvidence.map(ref) })),
    confirm: g.confirm.map((c) => ({ code: c.code, text: lang === 'en' && c.en ? c.en : c.text })),
  };
}
