// The Report every presenter renders: plain data, numbers at full precision, messages in the chosen language.
// Its JSON form is documented in docs/report-format.md and schema/report.schema.json.
import type { FileResult } from '../pipeline/score-file.js';
import { renderMessage, type FindingCode, type Lang, type Severity } from '../findings/codes.js';
import type { Rubric } from '../rubric/model.js';
import type { BlankPolicy } from '../score/types.js';
import type { LevelName } from '../rubric/schema.js';

export const SCHEMA_VERSION = 1;

export interface ReportNode {
  code: string;
  level: LevelName;
  /** Depth in the rubric tree (0 = component) and the parent's code. */
  depth: number;
  parent: string | null;
  name: string;
  bobot: number;
  nilai: number;
  percent: number;
  gap: number;
}

export interface ReportAnswer {
  question: string;
  status: 'scored' | 'blank' | 'invalid' | 'unscored';
  answer: string | number | null;
  score: number | null;
  sheet: string | null;
  cell: string | null;
}

export interface ReportFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  sheet: string | null;
  cell: string | null;
  question: string | null;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface ReportFile {
  file: string;
  status: 'scored' | 'error';
  opd: string | null;
  year: number | null;
  rubric: { id: string; title: string } | null;
  sheet: string | null;
  index: number | null;
  predikat: { code: string; label: string | null; uncertain: string | null } | null;
  nodes: ReportNode[];
  answers: ReportAnswer[];
  findings: ReportFinding[];
  counts: Counts;
  error?: { code: string; message: string } | undefined;
}

export interface Report {
  schemaVersion: number;
  tool: { name: 'lke'; version: string };
  rubric: { id: string; title: string; regulation: string; uncertain: { code: string; text: string }[] } | null;
  blankPolicy: BlankPolicy;
  lang: Lang;
  files: ReportFile[];
  summary: {
    files: number;
    scored: number;
    failed: number;
    index: { mean: number; min: number; max: number } | null;
    findings: Counts;
  };
}

export interface BuildOptions {
  blankPolicy: BlankPolicy;
  lang: Lang;
  version: string;
}

export function buildReport(results: FileResult[], opts: BuildOptions): Report {
  const files = results.map((r) => fileReport(r, opts.lang));
  const rubrics = new Map(results.filter((r) => r.rubric).map((r) => [r.rubric!.id, r.rubric!]));
  const only = rubrics.size === 1 ? [...rubrics.values()][0]! : undefined;
  const indices = files.filter((f) => f.index !== null).map((f) => f.index!);
  const findings: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const k of ['error', 'warning', 'info'] as const) findings[k] += f.counts[k];
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'lke', version: opts.version },
    rubric: only ? { id: only.id, title: only.title, regulation: only.regulation, uncertain: uncertainFacts(only) } : null,
    blankPolicy: opts.blankPolicy,
    lang: opts.lang,
    files,
    summary: {
      files: files.length,
      scored: files.filter((f) => f.status === 'scored').length,
      failed: files.filter((f) => f.status === 'error').length,
      index: indices.length ? { mean: indices.reduce((a, b) => a + b, 0) / indices.length, min: Math.min(...indices), max: Math.max(...indices) } : null,
      findings,
    },
  };
}

function fileReport(r: FileResult, lang: Lang): ReportFile {
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
        cell: where?.cell ?? null,
      });
    }
  }
  return {
    file: r.file,
    status: r.status,
    opd: r.meta?.opd ?? null,
    year: r.meta?.year ?? null,
    rubric: rubric ? { id: rubric.id, title: rubric.title } : null,
    sheet: r.header?.sheet.name ?? null,
    index: s ? s.index : null,
    predikat: s?.predikat ? { code: s.predikat.code, label: s.predikat.label ?? null, uncertain: rubric?.predikat.uncertain ?? null } : null,
    nodes: s ? s.nodes.map((n) => ({ code: n.code, level: n.level, depth: n.node.depth, parent: n.node.parent?.code ?? null, name: n.name, bobot: n.bobot, nilai: n.nilai, percent: n.percent, gap: n.gap })) : [],
    answers,
    findings: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: renderMessage(f, lang), sheet: f.sheet ?? null, cell: f.cell ?? null, question: f.question ?? null })),
    counts,
    ...(r.error ? { error: r.error } : {}),
  };
}

/** Every fact the rubric marks uncertain, in rubric order: scales, then the tree, then the predikat bands. */
export function uncertainFacts(r: Rubric): { code: string; text: string }[] {
  const out: { code: string; text: string }[] = [];
  for (const s of r.scales.values()) if (s.uncertain) out.push({ code: `scale:${s.key}`, text: s.uncertain });
  for (const it of r.items) if (it.kind !== 'input' && it.uncertain) out.push({ code: it.code, text: it.uncertain });
  if (r.predikat.uncertain) out.push({ code: 'predikat', text: r.predikat.uncertain });
  return out;
}
