// The score report: one document per run of `lke score` (and the body of `lke check`'s), plain data, numbers at
// full precision, messages in the chosen language, positions as numbers. Its JSON form (document/json.ts) is
// documented in docs/report-format.md and schema/report.schema.json. What the report derives from its files
// (the summary, the weakest areas and indicators, the ranking) is computed here, never in a presenter.
import type { FindingCode, Severity } from '../findings/codes.js';
import type { Lang } from '../words/lang.js';
import type { Rubric } from '../rubric/model.js';
import type { BlankPolicy } from '../score/types.js';
import type { LevelName } from '../rubric/schema.js';
import { compareText } from './order.js';
import type { ReportGap } from './gap.js';

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
  // rubrics of lines only (src/report/line-report.ts):
  /** An adjustment node or line (the koefisien): outside its parent's bobot, no capaian to speak of. */
  adjustment?: boolean | undefined;
  /** A line's raw value as read (a number or the option chosen); null when empty. */
  value?: number | string | null | undefined;
  /** The evaluator excluded the line: its bobot left the denominator. */
  excluded?: boolean | undefined;
  /** The published points of a line, or their sum for a node (when the table carries them). */
  published?: number | null | undefined;
  /** An adjusted component: bobot less the excluded lines' bobot, and nilai scaled back to the bobot. */
  denominator?: number | undefined;
  adjusted?: number | null | undefined;
  publishedAdjusted?: number | null | undefined;
  /** A line that can still gain: the index points it adds at its best value, and per step of its raw value. */
  gain?: number | undefined;
  gainPerStep?: number | null | undefined;
  /** The step: a hundredth of the line's range, in its own unit (null for an opinion). */
  step?: number | null | undefined;
}

export interface ReportAnswer {
  question: string;
  status: 'scored' | 'blank' | 'invalid' | 'unscored' | 'excluded';
  answer: string | number | null;
  score: number | null;
  sheet: string | null;
  row: number | null;
  col: number | null;
  /** The Jawaban cell as written ("Y", "b.", "85"), null when blank. */
  written: string | null;
  /** The row's Catatan / Keterangan as written. */
  note: string | null;
  /** The row's evidence cells as written: their text, or their link when the text is empty. */
  evidence: string[];
}

export interface ReportFinding {
  code: FindingCode;
  severity: Severity;
  message: string;
  sheet: string | null;
  row: number | null;
  col: number | null;
  question: string | null;
}

export interface AreaSummary {
  rubric: string;
  code: string;
  name: string;
  bobot: number;
  /** Mean of nilai / bobot over the scored files, 0..1. */
  meanPercent: number;
  files: number;
  /** The OPDs pulling the area down most: lowest % first (at most LAGGARDS). */
  lowest: { file: string; opd: string | null; percent: number }[];
}

/** OPDs named per weak area. */
export const LAGGARDS = 3;

/** What a batch says of one rubric's worksheets: indices of different instruments are never summed together. */
export interface RubricSummary {
  rubric: { id: string; title: string };
  /** Scored files of this rubric. */
  scored: number;
  index: { mean: number; median: number; min: number; max: number };
  /** Files per predikat code. */
  predikat: Record<string, number>;
}

/** Files of one rubric and year that give the same OPD (two offices that left the template's Instansi as it was). */
export interface DuplicateOpd {
  rubric: string;
  opd: string;
  year: number | null;
  /** The files, as given. */
  files: string[];
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
  /** Rubrics of lines whose table carries the published points: the published evaluation's own index. */
  published?: { index: number; predikat: { code: string; label: string | null } | null } | undefined;
  /** Rubrics of lines: the lines to raise to their best value, most gain first, until the index passes the next band. */
  path?: { target: { code: string; above: number }; steps: { code: string; to: number | string; index: number }[]; reached: boolean } | undefined;
  /** Where the points were lost and the path to a target; null when the file failed or the run made none. */
  gap: ReportGap | null;
  /** A rubric with targets of minima (ZI: WBK, WBBM): whether the worksheet meets each one's minima, by code. */
  targets?: Record<string, boolean> | undefined;
  error?: { code: string; message: string } | undefined;
}

export interface Report {
  schemaVersion: number;
  tool: { name: 'lke'; version: string };
  blankPolicy: BlankPolicy;
  lang: Lang;
  /** Before `rubric` and `summary`, which depend on all of them: a batch writes its report file by file. */
  files: ReportFile[];
  rubric: { id: string; title: string; regulation: string; uncertain: { code: string; text: string }[] } | null;
  summary: {
    files: number;
    scored: number;
    failed: number;
    /** Over the scored files when they all follow one rubric; null when none was scored or rubrics are mixed. */
    index: { mean: number; median: number; min: number; max: number } | null;
    /** Files per predikat code, when the scored files all follow one rubric ({} when mixed). */
    predikat: Record<string, number>;
    /** Per rubric (id order): its files' index statistics and predikat distribution. */
    rubrics: RubricSummary[];
    /** Mean % capaian per area over the scored files, weakest first (each area names its rubric). */
    areas: AreaSummary[];
    /** OPD names given by more than one file of the same rubric and year (the `opd-duplicate` finding). */
    duplicateOpds: DuplicateOpd[];
    findings: Counts;
  };
}

export interface BuildOptions {
  blankPolicy: BlankPolicy;
  lang: Lang;
  version: string;
}

/** The report over files already reported one by one (a batch's workers send ReportFiles back). */
export function assembleReport(files: ReportFile[], rubrics: Map<string, Rubric>, opts: BuildOptions): Report {
  return { ...reportHead(opts), files, ...reportTail(files, rubrics) };
}

/** What a report says before its files: known before any file is scored. */
export function reportHead(opts: BuildOptions): Pick<Report, 'schemaVersion' | 'tool' | 'blankPolicy' | 'lang'> {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'lke', version: opts.version }, blankPolicy: opts.blankPolicy, lang: opts.lang };
}

/**
 * What a report says after its files: the rubric they share and the summary. It needs of each file only what
 * `compactFile` keeps, so a batch holds that much per file however long it is.
 */
export function reportTail(files: ReportFile[], rubrics: Map<string, Rubric>): Pick<Report, 'rubric' | 'summary'> {
  const used = new Set(files.filter((f) => f.rubric).map((f) => f.rubric!.id));
  const only = used.size === 1 ? rubrics.get([...used][0]!) : undefined;
  const findings: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of files) for (const k of ['error', 'warning', 'info'] as const) findings[k] += f.counts[k];
  const perRubric = rubricSummaries(files);
  const one = perRubric.length === 1 ? perRubric[0]! : undefined;
  return {
    rubric: only ? { id: only.id, title: only.title, regulation: only.regulation, uncertain: uncertainFacts(only) } : null,
    summary: {
      files: files.length,
      scored: files.filter((f) => f.status === 'scored').length,
      failed: files.filter((f) => f.status === 'error').length,
      index: one ? one.index : null,
      predikat: one ? one.predikat : {},
      rubrics: perRubric,
      areas: weakestAreas(files),
      duplicateOpds: duplicateOpds(files),
      findings,
    },
  };
}

/** The scored files of each rubric, rubrics in id order. */
function byRubric(files: ReportFile[]): [string, ReportFile[]][] {
  const out = new Map<string, ReportFile[]>();
  for (const f of files) {
    if (f.status !== 'scored' || !f.rubric || f.index === null) continue;
    const list = out.get(f.rubric.id);
    if (list) list.push(f);
    else out.set(f.rubric.id, [f]);
  }
  return [...out].sort((a, b) => compareText(a[0], b[0]));
}

/** Index statistics and predikat distribution per rubric: an Indeks RB and a ZI total are not one population. */
export function rubricSummaries(files: ReportFile[]): RubricSummary[] {
  return byRubric(files).map(([, list]) => {
    const indices = list.map((f) => f.index!);
    const predikat: Record<string, number> = {};
    for (const f of list) if (f.predikat) predikat[f.predikat.code] = (predikat[f.predikat.code] ?? 0) + 1;
    return {
      rubric: list[0]!.rubric!,
      scored: list.length,
      index: { mean: indices.reduce((a, b) => a + b, 0) / indices.length, median: median(indices), min: Math.min(...indices), max: Math.max(...indices) },
      predikat,
    };
  });
}

/** The same OPD (any case and spacing) for more than one file of a rubric and year. */
export function duplicateOpds(files: ReportFile[]): DuplicateOpd[] {
  const groups = new Map<string, DuplicateOpd>();
  for (const [rubric, list] of byRubric(files)) {
    for (const f of list) {
      if (!f.opd) continue;
      const key = `${rubric}\u0000${f.year ?? ''}\u0000${f.opd.toLowerCase().replace(/\s+/g, ' ').trim()}`;
      const g = groups.get(key);
      if (g) g.files.push(f.file);
      else groups.set(key, { rubric, opd: f.opd.trim(), year: f.year, files: [f.file] });
    }
  }
  return [...groups.values()].filter((g) => g.files.length > 1);
}

/**
 * How much of a file a run keeps once it is scored: `summary` what a batch's summary, ranking and table show (nodes
 * down to the areas, the counts, the gap's target and path), `exports` that and the whole gap (what the html and
 * xlsx of a batch show), `findings` the summary and the findings (what the CI formats show), `all` everything.
 */
export type Keep = 'summary' | 'exports' | 'findings' | 'all';

export function keepOf(f: ReportFile, keep: Keep): ReportFile {
  if (keep === 'all') return f;
  const gap = f.gap && keep !== 'exports' ? slimGap(f.gap) : f.gap;
  return { ...f, nodes: f.nodes.filter((n) => n.level !== 'indicator'), answers: [], findings: keep === 'findings' ? f.findings : [], gap };
}

/**
 * A gap reduced to its target and path: ~60 KB less per file in memory, which over thousands of files is what a
 * batch can hold (bench/README.md). The areas, minima and conditions stay with the exports that draw them.
 */
function slimGap(g: ReportGap): ReportGap {
  return { ...g, bands: [], areas: [], weakest: [], minima: [], confirm: [] };
}

/** Indicators with the largest gap (over 0.005), largest first: where a worksheet loses most. */
export function weakestIndicators(f: ReportFile, count = 5): ReportNode[] {
  return f.nodes
    .filter((n) => n.level === 'indicator' && n.gap > 0.005)
    .sort((a, b) => b.gap - a.gap || compareText(a.code, b.code))
    .slice(0, count);
}

export interface Ranking {
  rubric: { id: string; title: string };
  /** The rubric's first-level nodes below the root (the columns of % per area). */
  columns: ReportNode[];
  /** Scored files, index descending, then file name. */
  files: ReportFile[];
}

/** A ranking per rubric over the scored files, rubrics in id order. */
export function rankings(files: ReportFile[]): Ranking[] {
  return byRubric(files).map(([, list]) => ({
      rubric: list[0]!.rubric!,
      // an adjustment (the koefisien) has no capaian to compare
      columns: list[0]!.nodes.filter((n) => n.depth === 1 && !n.adjustment),
      files: [...list].sort((a, b) => b.index! - a.index! || compareText(a.file, b.file)),
    }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Mean % capaian per area over the scored files, weakest first: where the instansi as a whole falls short.
 * Areas are the rubric's `area` nodes (the change areas); a rubric without them uses its second level.
 */
export function weakestAreas(files: ReportFile[]): AreaSummary[] {
  const acc = new Map<string, Omit<AreaSummary, 'lowest'> & { sum: number; all: AreaSummary['lowest'] }>();
  for (const f of files) {
    if (f.status !== 'scored' || !f.rubric) continue;
    const hasAreas = f.nodes.some((n) => n.level === 'area');
    for (const n of f.nodes) {
      // an adjustment (the koefisien) has no capaian to fall short of
      if ((hasAreas ? n.level !== 'area' : n.depth !== 1) || n.adjustment) continue;
      const key = `${f.rubric.id} ${n.code}`;
      const a = acc.get(key) ?? { rubric: f.rubric.id, code: n.code, name: n.name, bobot: n.bobot, meanPercent: 0, files: 0, sum: 0, all: [] };
      a.sum += n.percent;
      a.files++;
      a.all.push({ file: f.file, opd: f.opd, percent: n.percent });
      acc.set(key, a);
    }
  }
  return [...acc.values()]
    .map(({ sum, all, ...a }) => ({
      ...a,
      meanPercent: sum / a.files,
      lowest: all.sort((x, y) => x.percent - y.percent || compareText(x.file, y.file)).slice(0, LAGGARDS),
    }))
    .sort((x, y) => x.meanPercent - y.meanPercent || compareText(x.rubric, y.rubric) || compareText(x.code, y.code));
}

/** Every fact the rubric marks uncertain, in rubric order: scales, then the tree, then the predikat bands. */
export function uncertainFacts(r: Rubric): { code: string; text: string }[] {
  const out: { code: string; text: string }[] = [];
  for (const s of r.scales.values()) if (s.uncertain) out.push({ code: `scale:${s.key}`, text: s.uncertain });
  for (const it of r.items) if (it.kind !== 'input' && it.uncertain) out.push({ code: it.code, text: it.uncertain });
  if (r.predikat.uncertain) out.push({ code: 'predikat', text: r.predikat.uncertain });
  return out;
}

/** A file that was not scored: its one line says why. */
export function failedFile(file: string, error: { code: string; message: string }): ReportFile {
  return { file, status: 'error', opd: null, year: null, rubric: null, sheet: null, index: null, predikat: null, nodes: [], answers: [], findings: [], counts: { error: 0, warning: 0, info: 0 }, gap: null, error };
}
