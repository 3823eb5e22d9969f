// Answers + rubric → nilai per node, the index and its predikat. Pure and synchronous.
// Indicator nilai = mean of its question scores × bobot; parents are sums; % = nilai / bobot.
// Full precision throughout; rounding happens only in presenters.
import { DivisionByZero, evaluate, type Expr } from '../rubric/expression.js';
import { predikatOf, type Node, type Question, type Rubric, type SubInput } from '../rubric/model.js';
import { finding, type Finding } from '../findings/codes.js';
import { allowedAnswers, parseAnswer, parseCount } from './answer.js';
import { roundHalfUp } from '../words/round.js';
import { scoreLines } from './lines.js';
import type { AnswerSheet, BlankPolicy, NodeResult, OffScalePolicy, QuestionAnswer, QuestionResult, RawValue, Scored, Where } from './types.js';

export interface ScoreOptions {
  blankPolicy: BlankPolicy;
  /** Values off their scale: left out (default) or clamped to the scale's bounds; an error finding either way. */
  offScale?: OffScalePolicy | undefined;
}

const fmt = (n: number) => String(+n.toFixed(4));
/** 0.7005 × 100 is 70.05000000000001 in binary: a percentage read on a 0-100 scale keeps the digits typed. */
const clean = (n: number) => Number(n.toPrecision(15));

/** What scoring one worksheet collects besides the results: findings, and the cells the index leaves out. */
interface Run {
  findings: Finding[];
  leftOut: Where[];
  blankPolicy: BlankPolicy;
  offScale: OffScalePolicy;
}

export function score(rubric: Rubric, sheet: AnswerSheet, opts: ScoreOptions): Scored {
  if (rubric.form === 'lines') return scoreLines(rubric, sheet, opts);
  const run: Run = { findings: [], leftOut: [], blankPolicy: opts.blankPolicy, offScale: opts.offScale ?? 'skip' };
  const { findings } = run;
  const questions = new Map<string, QuestionResult>();

  for (const q of rubric.questions.values()) {
    questions.set(q.code, scoreQuestion(q, sheet.questions.get(q.code), run));
  }
  applyRules(rubric, questions, sheet, findings);

  const nodes: NodeResult[] = [];
  const byCode = new Map<string, NodeResult>();
  const visit = (node: Node): NodeResult => {
    const res: NodeResult = { code: node.code, level: node.level, name: node.name, bobot: node.bobot, nilai: 0, percent: 0, gap: 0, node, blanks: 0 };
    nodes.push(res);
    byCode.set(node.code, res);
    if (node.children.length > 0) {
      for (const c of node.children) {
        const r = visit(c);
        res.nilai += r.nilai;
        res.blanks += r.blanks;
      }
    } else {
      const m = indicatorMean(node, questions, opts.blankPolicy);
      res.blanks += m.blanks;
      if (m.counted === 0) {
        const where = sheet.nodes.get(node.code)?.where ?? {};
        findings.push(finding('indicator-unscored', where, { code: node.code }));
      }
      res.nilai = m.nilai;
    }
    res.percent = res.bobot === 0 ? 0 : res.nilai / res.bobot;
    res.gap = res.bobot - res.nilai;
    return res;
  };
  let index = 0;
  let max = 0;
  for (const root of rubric.tree) {
    index += visit(root).nilai;
    max += root.bobot;
  }
  // Every question score is within 0..1 by construction (values off their scale are left out or clamped): an
  // index above the rubric's total would be a bug in lke, never something to print.
  if (index > max + 1e-9) throw new Error(`internal: index ${index} above the rubric's total ${max}`);
  if (run.leftOut.length > 0) {
    const cells = run.leftOut.flatMap((w) => (w.row !== undefined && w.col !== undefined ? [{ row: w.row, col: w.col }] : []));
    const first = run.leftOut[0]!;
    findings.push(finding('index-incomplete', { sheet: first.sheet, row: first.row, col: first.col }, { count: run.leftOut.length, cells: cells.slice(0, 8) }));
  }
  return { nodes, byCode, questions, index, predikat: predikatForIndex(rubric, index), blankPolicy: opts.blankPolicy, offScale: run.offScale, leftOut: run.leftOut, findings };
}

/**
 * An indicator's nilai: the mean of its question scores × bobot. A question without a score is left out of the
 * mean (`skip`, as the official formulas do) or counted as 0 (`zero`); with nothing to count the nilai is 0.
 */
export function indicatorMean(node: Node, questions: Pick<ReadonlyMap<string, QuestionResult>, 'get'>, policy: BlankPolicy): { nilai: number; counted: number; blanks: number } {
  let sum = 0;
  let counted = 0;
  let blanks = 0;
  for (const q of node.questions) {
    const score = questions.get(q.code)!.score;
    if (score !== undefined) {
      sum += score;
      counted++;
    } else {
      blanks++;
      if (policy === 'zero') counted++;
    }
  }
  return { nilai: counted === 0 ? 0 : (sum / counted) * node.bobot, counted, blanks };
}

/** The predikat goes with the index as published (2 decimals, half-up): 60.004 shows as 60.00 and is CC. */
export function predikatForIndex(rubric: Pick<Rubric, 'predikat'>, index: number) {
  return predikatOf(rubric, roundHalfUp(index, 2));
}

/** An Excel error, or a formula whose value lke could not work out: the question is not scored, and says so. */
function cellProblem(rv: RawValue, q: Question, run: Run): boolean {
  if (rv.error) {
    run.findings.push(finding('excel-error', { ...rv.where, question: q.code }, { error: rv.error }));
    return true;
  }
  if (rv.noCache) {
    run.findings.push(finding('formula-no-cache', { ...rv.where, question: q.code }, { formula: clip(rv.formulaText) }));
    run.leftOut.push(rv.where);
    return true;
  }
  if (rv.evaluated) run.findings.push(finding('formula-evaluated', { ...rv.where, question: q.code }, { formula: clip(rv.formulaText), value: String(rv.value) }));
  return false;
}

const clip = (s: string | undefined) => (s === undefined ? undefined : s.length > 60 ? `${s.slice(0, 57)}…` : s);

function scoreQuestion(q: Question, qa: QuestionAnswer | undefined, run: Run): QuestionResult {
  const res: QuestionResult = { code: q.code, status: 'blank' };
  const { findings } = run;
  const policy = run.blankPolicy;
  if (!qa) return res; // absent from the sheet: reported by the matcher
  if (q.formula && q.inputs.length > 0 && (qa.inputs.size > 0 || !qa.answer)) return scoreRatio(q, qa, run);
  const rv = qa.answer;
  if (!rv) {
    findings.push(finding('answer-missing', { ...qa.where, question: q.code }, { policy }));
    return res;
  }
  if (cellProblem(rv, q, run)) {
    res.status = 'invalid';
    return res;
  }
  const p = parseAnswer(rv.value, q);
  if (p.kind === 'blank') {
    findings.push(finding('answer-missing', { ...rv.where, question: q.code }, { policy }));
    return res;
  }
  if (p.kind === 'invalid') {
    findings.push(finding('answer-invalid', { ...rv.where, question: q.code }, { answer: p.shown, allowed: allowedAnswers(q.scale) }));
    res.status = 'invalid';
    return res;
  }
  if (p.kind === 'uncertain') {
    findings.push(finding('option-uncertain', { ...rv.where, question: q.code }, { answer: p.option, note: p.note }));
    res.status = 'invalid';
    res.answer = p.option;
    return res;
  }
  res.status = 'scored';
  if (p.kind === 'option') {
    res.answer = p.option;
    res.base = res.score = p.score;
    return res;
  }
  const scale = q.scale;
  const where = { ...rv.where, question: q.code };
  if (p.flag === 'percent-ambiguous') {
    findings.push(finding('percent-ambiguous', where, { answer: String(rv.value), read: `${fmt(p.value * 100)}%` }));
  }
  let s: number | undefined;
  if (scale.type === 'number') {
    const [lo, hi] = scale.range;
    const v = onScale(p.value, p.typedPercent || rv.percentFormat === true, String(rv.value), lo, hi, where, run, scale.clamp);
    if (v !== undefined) {
      res.answer = v;
      s = scale.fromZero ? v / hi : (v - lo) / (hi - lo);
    }
  } else {
    res.answer = p.value;
    const v = inBounds(p.value, 0, 1, `${fmt(p.value * 100)}%`, '0–100%', undefined, where, run, false);
    s = v;
  }
  if (s === undefined) {
    res.status = 'invalid';
    return res;
  }
  res.base = res.score = s;
  return res;
}

/**
 * A number answered on a scale [lo, hi], as it is meant: a percentage typed on a 0-100 scale is read as its
 * number (70,05% is 70.05, said in a warning); a percentage on another scale, or a bare fraction on a 0-100 scale,
 * is a unit that does not fit (an error, not scored); a value off the scale is an error, with its likely cause.
 * Undefined when the value is not scored.
 */
function onScale(value: number, percent: boolean, shown: string, lo: number, hi: number, where: Where & { question: string }, run: Run, clampScale: boolean): number | undefined {
  const range = `${fmt(lo)}–${fmt(hi)}`;
  let v = value;
  if (percent) {
    if (lo === 0 && hi === 100) {
      v = clean(value * 100);
      run.findings.push(finding('answer-percent-read', where, { answer: `${fmt(value * 100)}%`, read: fmt(v), range }));
    } else {
      run.findings.push(finding('answer-unit-mismatch', where, { answer: `${fmt(value * 100)}%`, range }));
      run.leftOut.push(where);
      return undefined;
    }
  } else if (lo === 0 && hi >= 100 && value > 0 && value < 1) {
    // 0,7005 for a 0-100 index: a percentage typed as a fraction (or a cell formatted so), not a score of 0.7
    run.findings.push(finding('answer-unit-mismatch', where, { answer: fmt(value), range, hint: fmt(clean(value * 100)) }));
    run.leftOut.push(where);
    return undefined;
  }
  return inBounds(v, lo, hi, percent ? `${fmt(value * 100)}%` : fmt(v), range, likelyDecimal(v, lo, hi, shown), where, run, clampScale);
}

/** v within [lo, hi]; else an error finding and, by policy (or a scale that clamps), undefined or the bound. */
function inBounds(v: number, lo: number, hi: number, answer: string, range: string, hint: string | undefined, where: Where & { question: string }, run: Run, clampScale: boolean | undefined): number | undefined {
  if (v >= lo && v <= hi) return v;
  const clamp = run.offScale === 'clamp' || clampScale === true;
  const to = Math.min(hi, Math.max(lo, v));
  run.findings.push(finding('answer-out-of-range', where, { answer, range, hint, clampedTo: clamp ? fmt(to) : undefined }));
  if (!clamp) {
    run.leftOut.push(where);
    return undefined;
  }
  return to;
}

/**
 * The likely cause of a whole number above its scale: a decimal point taken for a thousands separator (3.31 typed
 * in an Indonesian-locale Excel is 331). The first of v/10, v/100, … that fits the scale, or undefined.
 */
function likelyDecimal(v: number, lo: number, hi: number, shown: string): string | undefined {
  if (v <= hi || !Number.isInteger(v) || /[,.]/.test(shown.trim().replace(/[,.]0+$/, ''))) return undefined;
  for (let k = 1; k <= 6; k++) {
    const c = clean(v / 10 ** k);
    if (c >= lo && c <= hi) return fmt(c);
  }
  return undefined;
}

function scoreRatio(q: Question, qa: QuestionAnswer, run: Run): QuestionResult {
  const { findings } = run;
  const policy = run.blankPolicy;
  const res: QuestionResult = { code: q.code, status: 'blank' };
  const vars: Record<string, number> = {};
  let complete = true;
  let bad = false;
  /** Sub-inputs written as formulas without a cached value that the rubric defines (check: b + c + d). */
  const computed: SubInput[] = [];
  for (const sub of q.inputs) {
    const rv = qa.inputs.get(sub.key);
    const where = rv?.where ?? qa.where;
    if (rv?.noCache && sub.check) {
      computed.push(sub);
      continue;
    }
    if (rv && cellProblem(rv, q, run)) {
      bad = true;
      complete = false;
      continue;
    }
    const p = parseCount(rv?.value ?? null);
    if (p.kind === 'number') vars[sub.key] = p.value;
    else if (p.kind === 'invalid') {
      findings.push(finding('input-invalid', { ...where, question: q.code }, { text: sub.text, answer: p.shown }));
      bad = true;
      complete = false;
    } else {
      findings.push(finding('input-missing', { ...where, question: q.code }, { text: sub.text, policy }));
      complete = false;
    }
  }
  for (const sub of computed) {
    const rv = qa.inputs.get(sub.key)!;
    const value = complete ? tryEvaluate(sub.check!.expr, vars) : undefined;
    if (value === undefined) {
      cellProblem(rv, q, run);
      bad = true;
      complete = false;
      continue;
    }
    vars[sub.key] = value;
    findings.push(finding('input-computed', { ...rv.where, question: q.code }, { text: sub.text, check: sub.check!.source, value: fmt(value) }));
  }
  if (!complete) {
    res.status = bad ? 'invalid' : 'blank';
    return res;
  }
  for (const sub of q.inputs) {
    if (!sub.check || computed.includes(sub)) continue;
    const expected = tryEvaluate(sub.check.expr, vars);
    // a check that cannot be evaluated is not a finding of the worksheet
    if (expected !== undefined && Math.abs(expected - vars[sub.key]!) > 1e-9) {
      const rv = qa.inputs.get(sub.key)!;
      findings.push(finding('input-check', { ...rv.where, question: q.code }, { text: sub.text, value: fmt(vars[sub.key]!), check: sub.check.source, expected: fmt(expected) }));
    }
  }
  let v: number;
  try {
    v = ratioValue(q, vars);
  } catch (e) {
    if (e instanceof DivisionByZero) {
      findings.push(finding('zero-denominator', { ...(qa.answer?.where ?? qa.where), question: q.code }, { formula: q.formula!.source }));
      res.status = 'unscored';
      return res;
    }
    throw e;
  }
  // a rubric formula without a clamp may still leave 0..1 (more reported than required): off its scale
  const where = { ...(qa.answer?.where ?? qa.where), question: q.code };
  const s = inBounds(v, 0, 1, `${fmt(v * 100)}%`, '0–100%', undefined, where, run, false);
  if (s === undefined) {
    res.status = 'invalid';
    return res;
  }
  res.status = 'scored';
  res.answer = v;
  res.base = res.score = s;
  return res;
}

/** A ratio question's score from its sub-inputs: the formula, clamped as the rubric says. Throws DivisionByZero. */
export function ratioValue(q: Question, vars: Record<string, number>): number {
  let v = evaluate(q.formula!.expr, vars);
  const [lo, hi] = q.clamp ?? [null, null];
  if (lo !== null) v = Math.max(lo, v);
  if (hi !== null) v = Math.min(hi, v);
  return v;
}

/**
 * A question's score after its dependent-question rules, from its score before them and the (already adjusted)
 * results of the earlier questions it names. `skipped` hears of a multiplyBy rule whose question has no score.
 */
export function ruleScore(q: Question, base: number, resultOf: (code: string) => QuestionResult, skipped?: (dependsOn: string) => void): number {
  let s = base;
  for (const rule of q.rules) {
    const dep = resultOf(rule.question);
    if (rule.kind === 'multiplyBy') {
      if (dep.score === undefined) {
        skipped?.(rule.question);
        continue;
      }
      s *= dep.score;
    } else if (dep.status === 'scored' && typeof dep.answer === 'string' && rule.answers.includes(dep.answer)) {
      s = 0;
    }
  }
  return s;
}

function tryEvaluate(expr: Expr, vars: Record<string, number>): number | undefined {
  try {
    const v = evaluate(expr, vars);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function applyRules(rubric: Rubric, results: Map<string, QuestionResult>, sheet: AnswerSheet, findings: Finding[]): void {
  for (const q of rubric.questions.values()) {
    if (q.rules.length === 0) continue;
    const r = results.get(q.code)!;
    if (r.score === undefined) continue;
    r.score = ruleScore(q, r.score, (code) => results.get(code)!, (dependsOn) =>
      findings.push(finding('rule-dependency-blank', { ...(sheet.questions.get(q.code)?.where ?? {}), question: q.code }, { dependsOn })),
    );
  }
}
