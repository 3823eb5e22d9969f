// The gap analysis as the score report carries it (`files[].gap`), what the exports add to each answer (the answer,
// note and evidence as written on the sheet), and the batch view of the weakest areas (the OPDs pulling each
// down). Plain data for presenters: texts in the report's language, numbers at full precision.
import type { Lang } from '../words/lang.js';
import { analyzeGap } from '../gap/gap.js';
import type { AreaGap, GapAnalysis, GapStep, QuestionRef, TargetSpec } from '../gap/types.js';
import { a1Of, type Where } from '../findings/position.js';
import type { FileResult } from '../pipeline/score-file.js';
import type { BlankPolicy, QuestionAnswer, RawValue } from '../score/types.js';
import type { AreaSummary, Report, ReportAnswer, ReportFile } from './model.js';
import { compareText } from './order.js';

/** A position as the report prints it: the sheet and the A1 address. */
export interface ReportPlace {
  sheet: string | null;
  cell: string | null;
}

export interface ReportGapStep extends Omit<GapStep, 'at'>, ReportPlace {}

export interface ReportQuestionRef extends ReportPlace {
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

const place = (w: Where): ReportPlace => ({ sheet: w.sheet ?? null, cell: a1Of(w) });

export function reportGap(g: GapAnalysis, lang: Lang): ReportGap {
  const ref = (r: QuestionRef): ReportQuestionRef => ({ question: r.question, ...place(r.at) });
  return {
    ...g,
    path: g.path.map(({ at, ...s }) => ({ ...s, ...place(at) })),
    areas: g.areas.map((a) => ({ ...a, unanswered: a.unanswered.map(ref), noEvidence: a.noEvidence.map(ref) })),
    confirm: g.confirm.map((c) => ({ code: c.code, text: lang === 'en' && c.en ? c.en : c.text })),
  };
}

/** An answer with what the sheet shows on its row, as written. */
export interface AnswerDetail extends ReportAnswer {
  /** The Jawaban cell as written ("Y", "b.", "85"), null when blank. */
  written: string | null;
  /** The row's Catatan / Keterangan. */
  note: string | null;
  /** The row's evidence cells: their text, or the link when the text is empty. */
  evidence: string[];
}

const text = (rv: RawValue | undefined): string | null => {
  if (!rv) return null;
  if (rv.error) return rv.error;
  if (rv.value === null || rv.value === undefined) return null;
  const s = String(rv.value).trim();
  return s === '' ? null : s;
};

export function answerDetail(a: ReportAnswer, qa: QuestionAnswer | undefined): AnswerDetail {
  return {
    ...a,
    written: text(qa?.answer),
    note: text(qa?.catatan),
    evidence: (qa?.buktiRefs ?? []).map((b) => (b.text.trim() || b.link || '').trim()).filter((s) => s !== ''),
  };
}

export interface GapFile extends ReportFile {
  gap?: ReportGap | null | undefined;
  answers: (ReportAnswer | AnswerDetail)[];
}

/** An OPD holding an area down: its % capaian of that area. */
export interface AreaLaggard {
  file: string;
  opd: string | null;
  percent: number;
}

export interface AreaPull extends AreaSummary {
  /** The OPDs with the lowest % in this area, lowest first. */
  lowest: AreaLaggard[];
}

export interface GapReport extends Omit<Report, 'files' | 'summary'> {
  files: GapFile[];
  summary: Omit<Report['summary'], 'areas'> & { areas: (AreaSummary | AreaPull)[] };
}

export const LAGGARDS = 3;

/** The weakest areas with, for each, the OPDs pulling it down most (lowest % first, then file name). */
export function areasWithLaggards(areas: AreaSummary[], files: ReportFile[], n = LAGGARDS): AreaPull[] {
  return areas.map((a) => {
    const lowest: AreaLaggard[] = [];
    for (const f of files) {
      if (f.status !== 'scored' || f.rubric?.id !== a.rubric) continue;
      const node = f.nodes.find((x) => x.code === a.code);
      if (node) lowest.push({ file: f.file, opd: f.opd, percent: node.percent });
    }
    lowest.sort((x, y) => x.percent - y.percent || compareText(x.file, y.file));
    return { ...a, lowest: lowest.slice(0, n) };
  });
}

/** A file's report with its gap analysis and the answers as written: what the exports present. */
export function gapFile(f: ReportFile, r: FileResult, opts: { lang: Lang; blankPolicy: BlankPolicy; target?: TargetSpec | undefined }): GapFile {
  if (r.status !== 'scored' || !r.rubric || !r.scored || !r.answers) return { ...f, gap: null };
  const sheet = r.answers;
  return {
    ...f,
    answers: f.answers.map((a) => answerDetail(a, sheet.questions.get(a.question))),
    gap: reportGap(analyzeGap(r.rubric, sheet, r.scored, { blankPolicy: opts.blankPolicy, target: opts.target }), opts.lang),
  };
}

/** The score report with every file's gap and the weakest areas' laggards. */
export function withGaps(report: Report, results: FileResult[], opts: { target?: TargetSpec | undefined }): GapReport {
  const files = report.files.map((f, i) => gapFile(f, results[i]!, { lang: report.lang, blankPolicy: report.blankPolicy, target: opts.target }));
  return { ...report, files, summary: { ...report.summary, areas: areasWithLaggards(report.summary.areas, files) } };
}
