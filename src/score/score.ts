// Answers + rubric → nilai per node, the index and its predikat. Pure and synchronous.
// Indicator nilai = mean of its question scores × bobot; parents are sums; % = nilai / bobot.
// Full precision throughout; rounding happens only in presenters.
import { DivisionByZero, evaluate } from '../rubric/expression.js';
import { predikatOf, type Node, type Question, type Rubric } from '../rubric/model.js';
import { finding, type Finding } from '../findings/codes.js';
import { allowedAnswers, parseAnswer, parseCount } from './answer.js';
import { roundHalfUp } from '../words/round.js';
import { scoreLines } from './lines.js';
import type { AnswerSheet, BlankPolicy, NodeResult, QuestionAnswer, QuestionResult, RawValue, Scored } from './types.js';

export interface ScoreOptions {
  blankPolicy: BlankPolicy;
}

const fmt = (n: number) => String(+n.toFixed(4));

export function score(rubric: Rubric, sheet: AnswerSheet, opts: ScoreOptions): Scored {
  if (rubric.form === 'lines') return scoreLines(rubric, sheet, opts);
  const findings: Finding[] = [];
  const questions = new Map<string, QuestionResult>();

  for (const q of rubric.questions.values()) {
    questions.set(q.code, scoreQuestion(q, sheet.questions.get(q.code), opts.blankPolicy, findings));
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
  for (const root of rubric.tree) index += visit(root).nilai;
  return { nodes, byCode, questions, index, predikat: predikatForIndex(rubric, index), blankPolicy: opts.blankPolicy, findings };
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

function cellProblem(rv: RawValue, q: Question, findings: Finding[]): boolean {
  if (rv.error) {
    findings.push(finding('excel-error', { ...rv.where, question: q.code }, { error: rv.error }));
    return true;
  }
  if (rv.noCache) {
    findings.push(finding('formula-no-cache', { ...rv.where, question: q.code }));
    return true;
  }
  return false;
}

function scoreQuestion(q: Question, qa: QuestionAnswer | undefined, policy: BlankPolicy, findings: Finding[]): QuestionResult {
  const res: QuestionResult = { code: q.code, status: 'blank' };
  if (!qa) return res; // absent from the sheet: reported by the matcher
  if (q.formula && q.inputs.length > 0 && (qa.inputs.size > 0 || !qa.answer)) return scoreRatio(q, qa, policy, findings);
  const rv = qa.answer;
  if (!rv) {
    findings.push(finding('answer-missing', { ...qa.where, question: q.code }, { policy }));
    return res;
  }
  if (cellProblem(rv, q, findings)) {
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
  res.answer = p.value;
  const scale = q.scale;
  if (p.flag === 'percent-ambiguous') {
    findings.push(finding('percent-ambiguous', { ...rv.where, question: q.code }, { answer: String(rv.value), read: `${fmt(p.value * 100)}%` }));
  }
  let s: number;
  if (scale.type === 'number') {
    const [lo, hi] = scale.range;
    if (p.value < lo || p.value > hi) findings.push(finding('answer-out-of-range', { ...rv.where, question: q.code }, { answer: fmt(p.value), range: `${lo}–${hi}` }));
    s = scale.fromZero ? p.value / hi : (p.value - lo) / (hi - lo);
    if (scale.clamp) s = Math.min(1, Math.max(0, s));
  } else {
    if (p.value < 0 || p.value > 1) findings.push(finding('answer-out-of-range', { ...rv.where, question: q.code }, { answer: `${fmt(p.value * 100)}%`, range: '0–100%' }));
    s = Math.min(1, Math.max(0, p.value));
  }
  res.base = res.score = s;
  return res;
}

function scoreRatio(q: Question, qa: QuestionAnswer, policy: BlankPolicy, findings: Finding[]): QuestionResult {
  const res: QuestionResult = { code: q.code, status: 'blank' };
  const vars: Record<string, number> = {};
  let complete = true;
  let bad = false;
  for (const sub of q.inputs) {
    const rv = qa.inputs.get(sub.key);
    const where = rv?.where ?? qa.where;
    if (rv && cellProblem(rv, q, findings)) {
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
  if (!complete) {
    res.status = bad ? 'invalid' : 'blank';
    return res;
  }
  for (const sub of q.inputs) {
    if (!sub.check) continue;
    try {
      const expected = evaluate(sub.check.expr, vars);
      if (Math.abs(expected - vars[sub.key]!) > 1e-9) {
        const rv = qa.inputs.get(sub.key)!;
        findings.push(finding('input-check', { ...rv.where, question: q.code }, { text: sub.text, value: fmt(vars[sub.key]!), check: sub.check.source, expected: fmt(expected) }));
      }
    } catch {
      /* a check that cannot be evaluated is not a finding of the worksheet */
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
  res.status = 'scored';
  res.answer = v;
  res.base = res.score = v;
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
