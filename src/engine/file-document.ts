// A scored (or failed) worksheet → its document: plain data, messages in the run's language, no grid kept; the
// answers as written on the sheet and, when asked, the gap analysis (made here, where the answers still are).
import { duplicateOpds, type Counts, type ReportAnswer, type ReportFile } from '../document/score-report.js';
import { finding } from '../findings/codes.js';
import { gapDocument } from '../document/gap.js';
import { analyzeGap } from '../gap/gap.js';
import { targetsMet } from '../gap/target.js';
import type { TargetSpec } from '../gap/types.js';
import type { RawValue } from '../score/types.js';
import { fileProblemText } from '../words/errors.js';
import { renderMessage } from '../words/findings.js';
import type { Lang } from '../words/lang.js';
import type { FileResult } from './score-file.js';
import { lineFields } from './line-document.js';

export interface GapRequest {
  /** What to aim at; the next band (or target) up when absent. */
  target?: TargetSpec | undefined;
}

/** A cell as written: its text, an Excel error as shown, null when empty. */
function written(rv: RawValue | undefined): string | null {
  if (!rv) return null;
  if (rv.error) return rv.error;
  if (rv.value === null || rv.value === undefined) return null;
  const s = String(rv.value).trim();
  return s === '' ? null : s;
}

/** `gap`: make the gap analysis (lke score), or not (lke check, which does not show it). */
export function fileDocument(r: FileResult, lang: Lang, gap?: GapRequest | undefined): ReportFile {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of r.findings) counts[f.severity]++;
  const s = r.scored;
  const rubric = r.rubric;
  const answers: ReportAnswer[] = [];
  if (s && rubric) {
    for (const q of rubric.questions.values()) {
      const res = s.questions.get(q.code)!;
      const qa = r.answers?.questions.get(q.code);
      const where = qa?.answer?.where ?? qa?.where;
      answers.push({
        question: q.code,
        status: res.status,
        answer: res.answer ?? null,
        score: res.score ?? null,
        sheet: where?.sheet ?? null,
        row: where?.row ?? null,
        col: where?.col ?? null,
        written: written(qa?.answer),
        note: written(qa?.catatan),
        evidence: (qa?.buktiRefs ?? []).map((b) => b.text.trim() || (b.link ?? '').trim()).filter((x) => x !== ''),
      });
    }
  }
  // a rubric of lines (the Indeks RB from 2023): the raw values, exclusions, published points and totals
  const lines = lineFields(r);
  return {
    file: r.file,
    status: r.status,
    opd: r.meta?.opd ?? null,
    year: r.meta?.year ?? null,
    rubric: rubric ? { id: rubric.id, title: rubric.title } : null,
    sheet: r.header?.sheet.name ?? r.sheetName ?? null,
    index: s ? s.index : null,
    predikat: s?.predikat ? { code: s.predikat.code, label: s.predikat.label ?? null, uncertain: rubric?.predikat.uncertain ?? null } : null,
    nodes: s ? s.nodes.map((n) => ({ code: n.code, level: n.level, depth: n.node.depth, parent: n.node.parent?.code ?? null, name: n.name, bobot: n.bobot, nilai: n.nilai, percent: n.percent, gap: n.gap, ...lines?.nodes.get(n.code) })) : [],
    answers,
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: renderMessage(f, lang), sheet: f.sheet ?? null, row: f.row ?? null, col: f.col ?? null, question: f.question ?? null })),
    counts,
    ...(lines?.published ? { published: lines.published } : {}),
    ...(lines?.path ? { path: lines.path } : {}),
    // a rubric of lines has its own path (above); the gap analysis reads questionnaires
    gap: gap && !lines && s && rubric && r.answers ? gapDocument(analyzeGap(rubric, r.answers, s, { blankPolicy: s.blankPolicy, target: gap.target }), lang) : null,
    ...(s && rubric && rubric.targets.length > 0 ? { targets: targetsMet(rubric, (code) => s.byCode.get(code)?.nilai ?? 0) } : {}),
    ...(r.error ? { error: fileProblemText(r.file, r.error, lang) } : {}),
  };
}

/**
 * The batch's files with an `opd-duplicate` finding on each file whose OPD another file of the same rubric and year
 * gives too (lke check counts and gates it like any finding; lke score's summary lists the same groups).
 */
export function withDuplicateOpds(files: ReportFile[], lang: Lang): ReportFile[] {
  const others = new Map<string, { opd: string; others: string[] }>();
  for (const g of duplicateOpds(files)) for (const file of g.files) others.set(file, { opd: g.opd, others: g.files.filter((x) => x !== file) });
  if (others.size === 0) return files;
  return files.map((f) => {
    const dup = others.get(f.file);
    if (!dup) return f;
    const x = finding('opd-duplicate', {}, dup);
    const doc = { code: x.code, severity: x.severity, message: renderMessage(x, lang), sheet: null, row: null, col: null, question: null };
    return { ...f, findings: [...f.findings, doc], counts: { ...f.counts, [x.severity]: f.counts[x.severity] + 1 } };
  });
}
