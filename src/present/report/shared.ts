// What the report exports (xlsx, csv, markdown, html) say alike: the target in words, the outcome of the path,
// the area rows, the cells.
import type { ReportGap } from '../../document/gap.js';
import type { Report, ReportFile, ReportNode } from '../../document/score-report.js';
import { a1 } from '../../findings/position.js';
import { EXPORT_WORDS, num, type ExportWords } from '../../words/export.js';
import type { Lang } from '../../words/lang.js';

export const wordsOf = (r: Pick<Report, 'lang'>): ExportWords => EXPORT_WORDS[r.lang];

export const opdOf = (f: ReportFile): string => f.opd ?? f.file;

/** A position's A1 cell ("K12"), or null. */
export const cellOf = (p: { row: number | null; col: number | null }): string | null => (p.row !== null && p.col !== null ? a1(p.row, p.col) : null);

/** "BB (Sangat baik): index above 70,00", "WBK (…): the minimum nilai of every area and hasil". */
export function targetText(g: ReportGap, lang: Lang): string {
  const w = EXPORT_WORDS[lang];
  const t = g.target;
  if (!t) return g.noTarget === 'top' ? w.top : w.notApplicable;
  if (t.kind === 'target') return w.targetMinima(t.label, t.name);
  if (t.kind === 'index') return w.targetIndex(num(t.lowerBound!, lang));
  return w.targetBand(t.label, t.name, num(t.lowerBound!, lang), t.inclusive);
}

/** The target's name in a heading: the code, or the index in the language's format ("62,50"). */
export function targetLabel(g: ReportGap, lang: Lang): string {
  const t = g.target;
  if (!t) return '';
  return t.kind === 'index' ? num(t.lowerBound!, lang) : t.label;
}

/** What the path does, or why there is none: one or two sentences. */
export function pathOutcome(g: ReportGap, lang: Lang): string[] {
  const w = EXPORT_WORDS[lang];
  if (!g.target) return [];
  if (g.reached) return [w.reached];
  const out: string[] = [];
  if (g.path.length > 0) out.push(g.target.kind === 'target' ? w.minimaSteps(g.path.length) : w.steps(g.path.length, num(g.index, lang), num(g.indexAfter, lang)));
  if (!g.reachable) {
    const blocked = g.minima.filter((m) => m.ceiling < m.required - 1e-9);
    out.push(blocked.length > 0 ? w.blockedBy(blocked.map((m) => `${m.node} ${m.name} ${num(m.nilai, lang)} < ${num(m.required, lang)}`).join('; ')) : w.unreachable(num(g.ceiling, lang)));
  }
  return out;
}

/**
 * The rows of a file's area table: the gap's areas when the run kept them (with their points lost), else the area
 * nodes of the report.
 */
export function areaRows(f: ReportFile): Pick<ReportNode, 'code' | 'name' | 'bobot' | 'nilai' | 'percent' | 'gap'>[] {
  if (f.gap && f.gap.areas.length > 0) return f.gap.areas.map((a) => ({ code: a.code, name: a.name, bobot: a.bobot, nilai: a.nilai, percent: a.percent, gap: a.lost }));
  const hasAreas = f.nodes.some((n) => n.level === 'area');
  return f.nodes.filter((n) => (hasAreas ? n.level === 'area' : n.depth === 1));
}

export const predikatText = (f: ReportFile, w: ExportWords): string => (f.predikat ? `${f.predikat.code}${f.predikat.label ? ` (${f.predikat.label})` : ''}` : w.noPredikat);

/** The question of a step, with the sub-input for a ratio count. */
export const stepQuestion = (s: { question: string; input: string | null }): string => (s.input ? `${s.question} (${s.input})` : s.question);

/** A text cut to n characters with an ellipsis. */
export const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
