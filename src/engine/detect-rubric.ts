// Which rubric a worksheet follows: a stamp written into the workbook (lke template's defined names, a custom
// document property `lke-rubric`, or Keywords holding "lke-rubric=ID") when the sheet's structure bears it out,
// else the best structural match among the candidates (share of rubric questions found), with the title words
// ("ZONA INTEGRITAS", "REFORMASI BIROKRASI") as support. A close race is reported, never guessed; a stamp the sheet
// contradicts is an error.
import type { Workbook } from '../workbook/grid.js';
import type { Entry } from '../layout/entries.js';
import type { Rubric } from '../rubric/model.js';
import { rubricOf, type Candidate } from '../rubric/candidate.js';
import { matchEntries, type MatchResult } from '../match/match.js';
import { STAMP } from '../layout/canonical.js';
import type { FileProblem } from '../findings/file-problems.js';

export interface RubricChoice {
  rubric?: Rubric | undefined;
  match?: MatchResult | undefined;
  how: 'stamp' | 'structure' | 'none';
  reason: string;
  code?: 'rubric-ambiguous' | 'rubric-unknown' | undefined;
  /** A stamp that cannot be followed: why (the file is not scored). */
  stampProblem?: Extract<FileProblem, { code: 'rubric-stamp-refused' }> | undefined;
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

/** The custom document property that stamps the rubric (File > Properties > Custom in Excel). */
const PROPERTY = 'lke-rubric';

/** Each stamp a workbook carries, by where it is: lke template's defined name, the custom property, the Keywords. */
function stampsOf(wb: Workbook): { where: 'name' | 'property' | 'keywords'; id: string }[] {
  const found = [
    { where: 'name' as const, id: wb.stamps[STAMP.names.rubric] },
    { where: 'property' as const, id: wb.stamps[PROPERTY] },
    { where: 'keywords' as const, id: KEYWORDS_STAMP.exec(wb.stamps['keywords'] ?? '')?.[1] },
  ];
  return found.filter((s): s is { where: 'name' | 'property' | 'keywords'; id: string } => !!s.id?.trim()).map((s) => ({ where: s.where, id: s.id.trim().toLowerCase() }));
}

/** The rubric a workbook is stamped with (its id, and its version when lke template wrote it), if any. */
export function workbookStamp(wb: Workbook): { id: string; version?: string | undefined } | undefined {
  const id = stampsOf(wb)[0]?.id;
  return id ? { id, version: wb.stamps[STAMP.names.version]?.trim() || undefined } : undefined;
}

export function detectRubric(wb: Workbook, title: string, entries: Entry[], candidates: readonly Candidate[]): RubricChoice {
  const stamps = stampsOf(wb);
  if (stamps.length > 0) return followStamp(stamps, title, entries, candidates);
  return detectByStructure(title, entries, candidates);
}

/** A stamp is followed only when the sheet holds what the stamped rubric asks: a wrong stamp is an error, not obeyed. */
function followStamp(stamps: { where: 'name' | 'property' | 'keywords'; id: string }[], title: string, entries: Entry[], candidates: readonly Candidate[]): RubricChoice {
  const ids = [...new Set(stamps.map((s) => s.id))];
  const said = `stamped lke-rubric=${ids.join(' and ')}`;
  const refuse = (why: 'disagree' | 'unknown' | 'mismatch', coverage: Record<string, number>): RubricChoice => ({
    how: 'none',
    reason: said,
    stampProblem: { code: 'rubric-stamp-refused', stamp: ids.join(', '), where: stamps.map((s) => s.where), why, found: listOf(coverage), known: candidates.map((c) => c.id).join(', ') },
    coverage,
  });
  if (ids.length > 1) return refuse('disagree', {});
  const c = candidates.find((c) => c.id === ids[0]);
  if (!c) return refuse('unknown', {});
  const r = rubricOf(c);
  const own = evaluate(r, 0, entries);
  if (own.coverage >= 0.9) return { rubric: r, match: own.match, how: 'stamp', reason: said, coverage: { [r.id]: +own.coverage.toFixed(3) } };
  const byStructure = detectByStructure(title, entries, candidates);
  // the structure agrees, or it cannot decide and the stamped rubric fits well enough: the stamp breaks the tie
  if (byStructure.rubric === r || (own.coverage >= MIN_COVERAGE && !byStructure.rubric)) {
    return { rubric: r, match: own.match, how: 'stamp', reason: said, coverage: byStructure.coverage };
  }
  return refuse('mismatch', { [r.id]: +own.coverage.toFixed(3), ...byStructure.coverage });
}

const listOf = (coverage: Record<string, number>) =>
  Object.entries(coverage)
    .map(([id, c]) => `${id} ${Math.round(c * 100)}%`)
    .join(', ');

function evaluate(r: Rubric, titleHits: number, entries: Entry[]) {
  const match = matchEntries(r, entries);
  const coverage = r.questions.size === 0 ? 0 : match.questions.size / r.questions.size;
  return { r, match, coverage, titleHits, rank: coverage + 0.1 * Math.min(titleHits, 2) };
}

function detectByStructure(title: string, entries: Entry[], candidates: readonly Candidate[]): RubricChoice {
  const upperTitle = title.toUpperCase().replace(MINISTRY, ' ');
  const hits = (c: Candidate) => c.detectTitles.filter((t) => upperTitle.includes(t.toUpperCase())).length;
  const byTitle = candidates.map((c) => ({ c, h: hits(c) })).sort((a, b) => b.h - a.h);
  // The title names one rubric only and the sheet holds nearly all of its questions: no need to try (or compile)
  // the others.
  const first = byTitle[0];
  if (first && first.h > 0 && byTitle.slice(1).every((c) => c.h === 0)) {
    const e = evaluate(rubricOf(first.c), first.h, entries);
    if (e.coverage >= 0.9) {
      return { rubric: e.r, match: e.match, how: 'structure', reason: `title and ${Math.round(e.coverage * 100)}% of ${e.r.id} questions`, coverage: { [e.r.id]: +e.coverage.toFixed(3) } };
    }
  }
  const scored = byTitle.map(({ c, h }) => evaluate(rubricOf(c), h, entries));
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
