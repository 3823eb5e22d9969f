// Which rubric a worksheet follows: a stamp written into the workbook (lke template's defined names, or Keywords
// holding "lke-rubric=ID"), else the best structural match among the candidates (share of rubric questions
// found), with the title words ("ZONA INTEGRITAS", "REFORMASI BIROKRASI") as support. A close race is reported,
// never guessed.
import type { Workbook } from '../workbook/grid.js';
import type { Entry } from '../layout/entries.js';
import type { Rubric } from '../rubric/model.js';
import { matchEntries, type MatchResult } from '../match/match.js';
import { STAMP } from '../layout/canonical.js';

export interface RubricChoice {
  rubric?: Rubric | undefined;
  match?: MatchResult | undefined;
  how: 'stamp' | 'structure' | 'none';
  reason: string;
  code?: 'rubric-ambiguous' | 'rubric-unknown' | undefined;
  /** Each candidate's share of questions found, as said when none is chosen: "zi-2021 12%, rb-2014 3%". */
  found?: string | undefined;
  /** Share of each candidate's questions found in the sheet. */
  coverage: Record<string, number>;
}

const KEYWORDS_STAMP = /\blke-rubric\s*[=:]\s*([a-z0-9-]+)/i;
const MIN_COVERAGE = 0.3;
const MARGIN = 0.15;
/**
 * The ministry that issues every LKE regulation is "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi": a title
 * that cites its regulation ("… REFORMASI BIROKRASI NOMOR 90 TAHUN 2021", the Zona Integritas one) names no RB
 * rubric by that, so its name is taken out before the title words are looked for.
 */
const MINISTRY = /APARATUR\s+NEGARA\s+DAN\s+REFORMASI\s+BIROKRASI/g;

/** The rubric a workbook is stamped with (its id, and its version when lke template wrote it), if any. */
export function workbookStamp(wb: Workbook): { id: string; version?: string | undefined } | undefined {
  const id = (wb.stamps[STAMP.names.rubric]?.trim() || KEYWORDS_STAMP.exec(wb.stamps['keywords'] ?? '')?.[1])?.toLowerCase();
  return id ? { id, version: wb.stamps[STAMP.names.version]?.trim() || undefined } : undefined;
}

export function detectRubric(wb: Workbook, title: string, entries: Entry[], candidates: Rubric[]): RubricChoice {
  const stamp = workbookStamp(wb)?.id;
  if (stamp) {
    const r = candidates.find((c) => c.id === stamp);
    if (r) return { rubric: r, how: 'stamp', reason: `stamped ${stamp}`, coverage: {} };
  }
  const upperTitle = title.toUpperCase().replace(MINISTRY, ' ');
  const hits = (r: Rubric) => r.detectTitles.filter((t) => upperTitle.includes(t.toUpperCase())).length;
  const evaluate = (r: Rubric, titleHits: number) => {
    const match = matchEntries(r, entries);
    const coverage = r.questions.size === 0 ? 0 : match.questions.size / r.questions.size;
    return { r, match, coverage, titleHits, rank: coverage + 0.1 * Math.min(titleHits, 2) };
  };
  const byTitle = candidates.map((r) => ({ r, h: hits(r) })).sort((a, b) => b.h - a.h);
  // The title names one rubric only and the sheet holds nearly all of its questions: no need to try the others.
  const first = byTitle[0];
  if (first && first.h > 0 && byTitle.slice(1).every((c) => c.h === 0)) {
    const e = evaluate(first.r, first.h);
    if (e.coverage >= 0.9) {
      return { rubric: e.r, match: e.match, how: 'structure', reason: `title and ${Math.round(e.coverage * 100)}% of ${e.r.id} questions`, coverage: { [e.r.id]: +e.coverage.toFixed(3) } };
    }
  }
  const scored = byTitle.map(({ r, h }) => evaluate(r, h));
  scored.sort((a, b) => b.rank - a.rank);
  const coverage = Object.fromEntries(scored.map((s) => [s.r.id, +s.coverage.toFixed(3)]));
  const best = scored[0];
  const second = scored[1];
  const list = scored.map((s) => `${s.r.id} ${Math.round(s.coverage * 100)}%`).join(', ');
  if (!best || best.coverage < MIN_COVERAGE) {
    return { how: 'none', code: 'rubric-unknown', found: list, reason: 'no rubric covers enough questions', coverage };
  }
  if (second && best.rank - second.rank < MARGIN) {
    return { how: 'none', code: 'rubric-ambiguous', found: list, reason: 'two rubrics fit about equally', coverage };
  }
  return { rubric: best.r, match: best.match, how: 'structure', reason: `${Math.round(best.coverage * 100)}% of ${best.r.id} questions found`, coverage };
}
