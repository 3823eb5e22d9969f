// What `lke rubric show` and `lke rubric list` present: a rubric as plain data (the tree with bobot and answer
// scales, the predikat, the uncertain facts), and one summary line per rubric. Pure; the JSON format is this data.
import { rubricVersion } from './fingerprint.js';
import { BOBOT_TOLERANCE, soleQuestion, totalBobotOf, type Node, type Question, type Rubric, type Scale } from './model.js';
import type { BandDef, LevelName } from './schema.js';
import { uncertainFacts } from './uncertain.js';

export interface ScaleView {
  key: string;
  type: Scale['type'];
  label: string;
  /** choice: each option's points and its score (points / max). */
  options?: { code: string; points: number | null; score: number | null; text?: string | undefined }[] | undefined;
  range?: [number, number] | undefined;
  clamp?: boolean | undefined;
  uncertain?: string | undefined;
}

export interface QuestionView {
  code: string;
  text: string;
  scale: string;
  bukti: boolean;
  /** A ratio question: its sub-inputs, formula and clamp. */
  inputs?: { key: string; code: string; text: string; check?: string | undefined }[] | undefined;
  formula?: string | undefined;
  clamp?: [number | null, number | null] | undefined;
  rules?: string[] | undefined;
  /** Answered on its indicator's own row (a hasil value). */
  sole?: boolean | undefined;
  uncertain?: string | undefined;
}

export interface NodeView {
  code: string;
  level: LevelName;
  name: string;
  bobot: number;
  uncertain?: string | undefined;
  children?: NodeView[] | undefined;
  questions?: QuestionView[] | undefined;
}

/** What names a rubric, in every view of it. */
export interface RubricIdentity {
  id: string;
  title: string;
  regulation: string;
  kind: string;
  years?: [number, number] | undefined;
  version: string;
}

const identity = (r: Rubric): RubricIdentity => ({ id: r.id, title: r.title, regulation: r.regulation, kind: r.input.kind, years: r.years, version: rubricVersion(r.input) });

export interface RubricView extends RubricIdentity {
  source: string;
  totalBobot: number;
  counts: { nodes: number; questions: number; inputs: number };
  scales: ScaleView[];
  predikat: { name: string; bands: BandDef[]; uncertain?: string | undefined };
  tree: NodeView[];
  uncertain: { where: string; text: string }[];
}

export function scaleView(s: Scale): ScaleView {
  const v: ScaleView = { key: s.key, type: s.type, label: s.label, uncertain: s.uncertain };
  if (s.type === 'choice') v.options = s.options.map((o) => ({ code: o.code, points: o.score ?? null, score: o.score === undefined ? null : o.score / s.max, text: o.text }));
  if (s.type === 'number') {
    v.range = s.range;
    v.clamp = s.clamp;
  }
  return v;
}

function ruleText(q: Question): string[] {
  return q.rules.map((r) => (r.kind === 'multiplyBy' ? `× ${r.question}` : `0 ⇐ ${r.question} ∈ {${r.answers.join(', ')}}`));
}

function questionView(q: Question): QuestionView {
  return {
    code: q.code,
    text: q.text,
    scale: q.scale.key,
    bukti: q.bukti,
    inputs: q.inputs.length > 0 ? q.inputs.map((i) => ({ key: i.key, code: i.code, text: i.text, check: i.check?.source })) : undefined,
    formula: q.formula?.source,
    clamp: q.clamp,
    rules: q.rules.length > 0 ? ruleText(q) : undefined,
    sole: soleQuestion(q.parent) === q || undefined,
    uncertain: q.uncertain,
  };
}

function nodeView(n: Node): NodeView {
  return {
    code: n.code,
    level: n.level,
    name: n.name,
    bobot: n.bobot,
    uncertain: n.uncertain,
    children: n.children.length > 0 ? n.children.map(nodeView) : undefined,
    questions: n.questions.length > 0 ? n.questions.map(questionView) : undefined,
  };
}

/** `source`: how the rubric was named (a built-in id or a path). */
export function rubricView(r: Rubric, source: string = r.id): RubricView {
  return {
    ...identity(r),
    source,
    totalBobot: totalBobotOf(r),
    counts: { nodes: r.nodes.size, questions: r.questions.size, inputs: r.inputs.size },
    scales: [...r.scales.values()].map(scaleView),
    predikat: { name: r.predikat.name, bands: r.predikat.bands, uncertain: r.predikat.uncertain },
    tree: r.tree.map(nodeView),
    uncertain: uncertainFacts(r),
  };
}

export interface RubricSummary extends RubricIdentity {
  /** questionnaire: answered in the LKE layout; lines: one value per indicator, read from a table. */
  form: 'questionnaire' | 'lines';
  /** The instansi group a rubric is for (kabupaten/kota, provinsi, K/L), when it is for one. */
  group?: string | undefined;
  questions: number;
  /** The share of 100 points its top-level bobot cover (1 for a complete instrument). */
  completeness: number;
  uncertain: number;
}

export function rubricSummary(r: Rubric): RubricSummary {
  const total = totalBobotOf(r);
  return {
    ...identity(r),
    form: r.form,
    group: groupOf(r.title),
    questions: r.questions.size,
    completeness: Math.abs(total - 100) <= BOBOT_TOLERANCE ? 1 : Math.min(1, total / 100),
    uncertain: uncertainFacts(r).length,
  };
}

/** The instansi group a rubric names in its title (the RB 2023 rubrics are one per group), if it names one. */
function groupOf(title: string): string | undefined {
  const m = /\b(Kabupaten\/Kota|Provinsi|Kementerian\/Lembaga|K\/L|Pemda)\b/i.exec(title);
  return m ? m[1] : undefined;
}
