// The typed rubric tree the rest of lke works with, compiled from a validated rubric file.
// Pure: no file access. Structural checks that zod cannot express (weight sums, unique codes,
// references between questions) live here and report the path of the offending YAML node.
import { parseExpression, variablesOf, ExpressionError, type Expr } from './expression.js';
import type { BandDef, ConditionDef, LevelName, NodeInput, QuestionDef, RubricInput, RuleDef, ScaleDef } from './schema.js';
import { problem, type RubricProblem } from './problems.js';
import { rubricProblemMessage } from '../words/rubric.js';

export type Scale = ScaleDef & { key: string };

export interface Formula {
  source: string;
  expr: Expr;
}

export interface SubInput {
  kind: 'input';
  key: string;
  code: string;
  text: string;
  check?: Formula | undefined;
  note?: string | undefined;
  question: Question;
  order: number;
}

export type Rule =
  | { kind: 'multiplyBy'; question: string }
  | { kind: 'zeroWhen'; question: string; answers: string[] };

export interface Question {
  kind: 'question';
  code: string;
  /** The last segment of the code: the letter the sheet numbers the row with ("a"). */
  label: string;
  text: string;
  aliases: string[];
  scale: Scale;
  bukti: boolean;
  explanation?: string | undefined;
  optionTexts?: Record<string, string> | undefined;
  inputs: SubInput[];
  formula?: Formula | undefined;
  clamp?: [number | null, number | null] | undefined;
  rules: Rule[];
  note?: string | undefined;
  uncertain?: string | undefined;
  parent: Node;
  /** Position in the rubric's reading order (pre-order over nodes, questions and inputs). */
  order: number;
}

export interface Node {
  kind: 'node';
  code: string;
  label: string;
  level: LevelName;
  name: string;
  aliases: string[];
  bobot: number;
  /** Scaled to its bobot over the lines that apply (see the rubric format: adjustForExcluded). */
  adjustForExcluded: boolean;
  /** Added on top of the index, outside the total bobot. */
  onTop: boolean;
  /** An adjustment line or branch: outside its parent's bobot, its nilai may be negative. */
  adjustment: boolean;
  /** Measured outside the worksheet (this node or an ancestor says `outcome: true`): never on a gap path. */
  outcome: boolean;
  rekomendasi?: string | undefined;
  children: Node[];
  questions: Question[];
  parent?: Node | undefined;
  depth: number;
  note?: string | undefined;
  uncertain?: string | undefined;
  order: number;
}

export type Item = Node | Question | SubInput;

/** One node's minimum nilai for a target (a share of its bobot, already turned into points). */
export interface TargetMinimum {
  node: Node;
  nilai: number;
  /** The share of bobot it was given as (0..1), when it was. */
  percent?: number | undefined;
  note?: string | undefined;
}

/** A target beside the predikat bands (ZI: WBK, WBBM): minima per node, conditions to confirm. */
export interface RubricTarget {
  code: string;
  label?: string | undefined;
  source: string;
  uncertain?: string | undefined;
  minima: TargetMinimum[];
  confirm: ConditionDef[];
}

export interface Rubric {
  id: string;
  title: string;
  regulation: string;
  /** questionnaire: the LKE layout; lines: one raw value per indicator, read from a table. */
  form: 'questionnaire' | 'lines';
  /** Indicator nilai rounded half-up to this many decimals before summing (the instrument's own rounding). */
  roundIndicators?: number | undefined;
  years?: [number, number] | undefined;
  detectTitles: string[];
  scales: Map<string, Scale>;
  predikat: { name: string; bands: BandDef[]; note?: string | undefined; uncertain?: string | undefined };
  targets: RubricTarget[];
  tree: Node[];
  nodes: Map<string, Node>;
  questions: Map<string, Question>;
  inputs: Map<string, SubInput>;
  /** Every node, question and sub-input in the order an official sheet lists them. */
  items: Item[];
  /** The rubric file's data as validated (defaults applied): what its version is computed from. */
  input: RubricInput;
}

export type RubricIssue = RubricProblem;

export class RubricInvalid extends Error {
  constructor(readonly issues: RubricProblem[]) {
    super(issues.map((i) => rubricProblemMessage(i, 'en')).join('; '));
  }
}

/** Published weights are shown to 2 decimals, so siblings may sum to 4.99 for a parent of 5. */
export const BOBOT_TOLERANCE = 0.011;

export function lastSegment(code: string): string {
  const m = /([^.]+)$/.exec(code);
  return m ? m[1]! : code;
}

export function compileRubric(input: RubricInput): Rubric {
  const { rubric, issues } = compileRubricChecked(input);
  if (!rubric) throw new RubricInvalid(issues);
  return rubric;
}

/** The compiled rubric, or every problem that keeps it from compiling (each with the path of its YAML node). */
export function compileRubricChecked(input: RubricInput): { rubric?: Rubric | undefined; issues: RubricProblem[] } {
  const issues: RubricProblem[] = [];
  const scales = new Map<string, Scale>();
  for (const [key, def] of Object.entries(input.scales)) {
    const scale = { ...def, key } as Scale;
    if (scale.type === 'choice') {
      const seen = new Set<string>();
      scale.options.forEach((o, i) => {
        if (seen.has(o.code.toLowerCase())) issues.push(problem('scale-option-duplicate', ['scales', key, 'options', i, 'code'], { scale: key, option: o.code }));
        seen.add(o.code.toLowerCase());
        if (o.score !== undefined && o.score > scale.max) issues.push(problem('scale-option-above-max', ['scales', key, 'options', i, 'score'], { scale: key, option: o.code, score: o.score, max: scale.max }));
      });
    }
    if ((scale.type === 'number' || scale.type === 'choice') && scale.range && !(scale.range[1] > scale.range[0])) {
      issues.push(problem('scale-range-order', ['scales', key, 'range'], { scale: key }));
    }
    scales.set(key, scale);
  }

  const nodes = new Map<string, Node>();
  const questions = new Map<string, Question>();
  const inputs = new Map<string, SubInput>();
  const items: Item[] = [];
  const pendingRules: { q: Question; defs: RuleDef[]; path: (string | number)[] }[] = [];

  const compileQuestion = (def: QuestionDef, parent: Node, path: (string | number)[]): Question => {
    const scale = scales.get(def.scale);
    if (!scale) issues.push(problem('scale-unknown', [...path, 'scale'], { question: def.code, scale: def.scale }));
    const q: Question = {
      kind: 'question',
      code: def.code,
      label: lastSegment(def.code),
      text: def.text,
      aliases: def.aliases ?? [],
      scale: scale ?? ({ type: 'percent', label: '%', key: def.scale } as Scale),
      bukti: def.bukti ?? input.defaults.bukti,
      explanation: def.explanation,
      optionTexts: def.optionTexts,
      inputs: [],
      clamp: def.clamp,
      rules: [],
      note: def.note,
      uncertain: def.uncertain,
      parent,
      order: items.length,
    };
    if (questions.has(q.code)) issues.push(problem('code-duplicate', [...path, 'code'], { code: q.code, what: 'question' }));
    if (nodes.has(q.code) && !(parent.code === q.code && (parent as { _sole?: boolean })._sole)) {
      issues.push(problem('code-shared', [...path, 'code'], { code: q.code }));
    }
    questions.set(q.code, q);
    items.push(q);
    if (scale?.type === 'choice' && def.optionTexts) {
      for (const k of Object.keys(def.optionTexts)) {
        if (!scale.options.some((o) => o.code === k)) issues.push(problem('option-text-unknown', [...path, 'optionTexts', k], { question: q.code, option: k, scale: scale.key }));
      }
    }
    const keys = new Set<string>();
    (def.inputs ?? []).forEach((inDef, i) => {
      if (keys.has(inDef.key)) issues.push(problem('input-key-duplicate', [...path, 'inputs', i, 'key'], { question: q.code, key: inDef.key }));
      keys.add(inDef.key);
      if (inputs.has(inDef.code) || questions.has(inDef.code)) issues.push(problem('code-duplicate', [...path, 'inputs', i, 'code'], { code: inDef.code, what: 'input' }));
      const sub: SubInput = { kind: 'input', key: inDef.key, code: inDef.code, text: inDef.text, note: inDef.note, question: q, order: items.length };
      if (inDef.check) sub.check = compileFormula(inDef.check, keys, [...path, 'inputs', i, 'check'], q.code);
      inputs.set(sub.code, sub);
      items.push(sub);
      q.inputs.push(sub);
    });
    // checks may name inputs listed after them, so validate them once all keys are known
    q.inputs.forEach((sub, i) => {
      if (sub.check) for (const v of variablesOf(sub.check.expr)) if (!keys.has(v)) issues.push(problem('check-unknown-input', [...path, 'inputs', i, 'check'], { question: q.code, key: sub.key, name: v }));
    });
    if (def.formula !== undefined) {
      if (scale && scale.type !== 'percent') issues.push(problem('formula-needs-percent', [...path, 'formula'], { question: q.code }));
      q.formula = compileFormula(def.formula, keys, [...path, 'formula'], q.code, true);
    } else if (q.inputs.length > 0) {
      issues.push(problem('inputs-without-formula', [...path, 'inputs'], { question: q.code }));
    }
    if (def.rules) pendingRules.push({ q, defs: def.rules, path: [...path, 'rules'] });
    return q;
  };

  const compileFormula = (src: string, keys: Set<string>, path: (string | number)[], code: string, strict = false): Formula | undefined => {
    try {
      const expr = parseExpression(src);
      if (strict) for (const v of variablesOf(expr)) if (!keys.has(v)) issues.push(problem('formula-unknown-input', path, { question: code, name: v }));
      return { source: src, expr };
    } catch (e) {
      issues.push(problem('formula-syntax', path, { question: code, detail: e instanceof ExpressionError ? e.message : String(e) }));
      return undefined;
    }
  };

  const compileNode = (def: NodeInput, parent: Node | undefined, path: (string | number)[]): Node => {
    const node: Node & { _sole?: boolean } = {
      kind: 'node',
      code: def.code,
      label: lastSegment(def.code),
      level: def.level,
      name: def.name,
      aliases: def.aliases ?? [],
      bobot: def.bobot,
      adjustForExcluded: def.adjustForExcluded ?? false,
      onTop: def.onTop ?? false,
      adjustment: def.adjustment ?? parent?.adjustment ?? false,
      outcome: def.outcome ?? parent?.outcome ?? false,
      rekomendasi: def.rekomendasi,
      children: [],
      questions: [],
      parent,
      depth: parent ? parent.depth + 1 : 0,
      note: def.note,
      uncertain: def.uncertain,
      order: items.length,
    };
    if (nodes.has(node.code)) issues.push(problem('code-duplicate', [...path, 'code'], { code: node.code, what: 'node' }));
    nodes.set(node.code, node);
    items.push(node);
    if (def.children) {
      def.children.forEach((c, i) => node.children.push(compileNode(c, node, [...path, 'children', i])));
      // an adjustment branch (the koefisien) is kept outside its parent's bobot
      const sum = node.children.reduce((s, c) => s + (c.adjustment && !node.adjustment ? 0 : c.bobot), 0);
      if (Math.abs(sum - node.bobot) > BOBOT_TOLERANCE) {
        issues.push(problem('bobot-sum', [...path, 'bobot'], { code: node.code, bobot: node.bobot, sum: +sum.toFixed(6) }));
      }
    }
    if (def.questions) {
      node._sole = def.questions.length === 1 && def.questions[0]!.code === def.code;
      def.questions.forEach((q, i) => node.questions.push(compileQuestion(q, node, [...path, 'questions', i])));
      delete node._sole;
    }
    return node;
  };

  const tree = input.tree.map((n, i) => compileNode(n, undefined, ['tree', i]));
  const form = input.form ?? 'questionnaire';
  if (form === 'lines') checkLines(tree, issues);

  for (const { q, defs, path } of pendingRules) {
    defs.forEach((def, i) => {
      const ref = 'multiplyBy' in def ? def.multiplyBy : def.zeroWhen.question;
      const target = questions.get(ref);
      if (!target) {
        issues.push(problem('rule-unknown-question', [...path, i], { question: q.code, ref }));
        return;
      }
      if (target.order >= q.order) {
        issues.push(problem('rule-forward', [...path, i], { question: q.code, ref }));
        return;
      }
      if ('multiplyBy' in def) q.rules.push({ kind: 'multiplyBy', question: ref });
      else {
        const sc = target.scale;
        for (const a of def.zeroWhen.answers) {
          if (sc.type !== 'choice' || !sc.options.some((o) => o.code === a)) {
            issues.push(problem('rule-unknown-answer', [...path, i, 'zeroWhen', 'answers'], { question: q.code, ref, answer: a }));
          }
        }
        q.rules.push({ kind: 'zeroWhen', question: ref, answers: def.zeroWhen.answers });
      }
    });
  }

  input.predikat.bands.forEach((b, i) => {
    const last = i === input.predikat.bands.length - 1;
    if (b.above !== undefined && b.atLeast !== undefined) issues.push(problem('band-both-bounds', ['predikat', 'bands', i], { band: b.code }));
    if (b.above === undefined && b.atLeast === undefined && !last) issues.push(problem('band-no-bound', ['predikat', 'bands', i], { band: b.code }));
  });

  const targets: RubricTarget[] = [];
  (input.targets ?? []).forEach((t, i) => {
    if (input.predikat.bands.some((b) => b.code === t.code) || targets.some((x) => x.code === t.code)) {
      issues.push(problem('target-code-taken', ['targets', i, 'code'], { target: t.code }));
    }
    const minima: TargetMinimum[] = [];
    t.minima.forEach((m, j) =>
      m.nodes.forEach((code, k) => {
        const node = nodes.get(code);
        if (!node) issues.push(problem('target-node-unknown', ['targets', i, 'minima', j, 'nodes', k], { target: t.code, code }));
        else minima.push({ node, nilai: m.nilai ?? (m.percent! / 100) * node.bobot, percent: m.percent !== undefined ? m.percent / 100 : undefined, note: m.note });
      }),
    );
    targets.push({ code: t.code, label: t.label, source: t.source, uncertain: t.uncertain, minima, confirm: t.confirm });
  });

  if (issues.length > 0) return { issues };
  const rubric: Rubric = {
    id: input.id,
    title: input.title,
    regulation: input.regulation,
    form,
    roundIndicators: input.roundIndicators,
    years: input.years,
    detectTitles: input.detect.titles,
    scales,
    predikat: input.predikat,
    targets,
    tree,
    nodes,
    questions,
    inputs,
    items,
    input,
  };
  return { rubric, issues };
}

/** The name a line goes by, as compared: case, accents and punctuation left out ("(Rencana Aksi" is "(Rencana Aksi)"). */
export function lineKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A rubric of lines is read from a table by the indicators' names: every indicator is one line (a sole question
 * with a number or choice scale), and no two lines go by the same name or alias.
 */
function checkLines(tree: Node[], issues: RubricIssue[]): void {
  const names = new Map<string, string>();
  const visit = (n: Node, path: (string | number)[]) => {
    n.children.forEach((c, i) => visit(c, [...path, 'children', i]));
    if (n.level !== 'indicator') {
      if (n.questions.length > 0) issues.push(problem('lines-not-indicator', path, { code: n.code }));
      return;
    }
    const q = soleQuestion(n);
    if (!q || n.questions.length !== 1) {
      issues.push(problem('lines-not-one-line', path, { code: n.code }));
      return;
    }
    if (q.scale.type !== 'number' && q.scale.type !== 'choice') issues.push(problem('lines-scale', [...path, 'questions', 0, 'scale'], { code: n.code }));
    for (const name of [n.name, ...n.aliases]) {
      const key = lineKey(name);
      const other = names.get(key);
      if (other && other !== n.code) issues.push(problem('lines-name-twice', [...path, 'aliases'], { code: n.code, name, other }));
      names.set(key, n.code);
    }
  };
  tree.forEach((n, i) => visit(n, ['tree', i]));
}

/** Predikat of an index by the rubric's bands (checked top down). */
export function predikatOf(rubric: Pick<Rubric, 'predikat'>, index: number): BandDef | undefined {
  for (const b of rubric.predikat.bands) {
    if (b.above !== undefined ? index > b.above : b.atLeast !== undefined ? index >= b.atLeast : true) return b;
  }
  return undefined;
}

/** A hasil indicator answered on its own row: the node and its sole question share the code. */
export function soleQuestion(node: Node): Question | undefined {
  const q = node.questions[0];
  return node.questions.length === 1 && q && q.code === node.code ? q : undefined;
}

/** The points the index is out of: the top-level bobot added up (100 for a complete instrument). */
export function totalBobotOf(rubric: Pick<Rubric, 'tree'>): number {
  return rubric.tree.reduce((s, n) => s + n.bobot, 0);
}
