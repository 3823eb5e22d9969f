// A rubric of lines (the Indeks RB from the 2023 evaluation on) scored by its rule. Pure and synchronous.
//   points(line) = value / max × bobot (the range's low end is not subtracted when the scale says fromZero),
//                  × points(P) / bobot(P) for each pengali line P (a multiplyBy rule), each line rounded half-up
//                  to the rubric's roundIndicators decimals before anything sums it (exact decimals, no binary
//                  floating point: 0.615 is a tie and rounds to 0.62);
//   a node's nilai = the sum of its lines; a node with adjustForExcluded is scaled back to its bobot over the lines
//   that apply: nilai / (bobot − bobot of the excluded lines) × bobot; the index = the top-level nodes summed
//   (adjusted where adjusted), an onTop node (RB Tematik) added on top.
// An empty value counts 0 and keeps its bobot; only a line the evaluator excluded leaves the denominator.
import { predikatOf, type Node, type Question, type Rubric } from '../rubric/model.js';
import { finding, type Finding } from '../findings/codes.js';
import { allowedAnswers, parseAnswer, parseNumberText } from './answer.js';
import { add, div, exact, mul, roundExact, sub, toNumber, ZERO, type Exact } from './exact.js';
import type { AnswerSheet, BlankPolicy, LineResult, NodeResult, PublishedTotals, QuestionAnswer, QuestionResult, RawValue, Scored, Where } from './types.js';

const fmt = (n: number) => String(+n.toFixed(4));

/** Whether an ancestor (or the node) scales itself over the lines that apply: only there may a line be excluded. */
export function adjustingAncestor(node: Node): Node | undefined {
  for (let n: Node | undefined = node; n; n = n.parent) if (n.adjustForExcluded) return n;
  return undefined;
}

/** Whether a cell is empty: a line whose published points are empty is not compared (a projection fills none). */
export const isBlankCell = (rv: RawValue | undefined): boolean => !rv || (!rv.error && !rv.noCache && (rv.value === null || (typeof rv.value === 'string' && rv.value.trim() === '')));

/** A published points cell: its number, 0 when empty, undefined when it holds something else. */
export function publishedValue(rv: RawValue | undefined): Exact | undefined {
  if (isBlankCell(rv)) return ZERO;
  if (!rv) return ZERO;
  if (rv.error || rv.noCache) return undefined;
  if (typeof rv.value === 'number') return exact(rv.value);
  if (typeof rv.value === 'string') {
    const n = parseNumberText(rv.value);
    return n && !n.percent ? exact(n.value) : undefined;
  }
  return undefined;
}

interface Read {
  status: QuestionResult['status'];
  value?: number | string | undefined;
  fraction?: Exact | undefined;
}

export function scoreLines(rubric: Rubric, sheet: AnswerSheet, opts: { blankPolicy: BlankPolicy }): Scored {
  const findings: Finding[] = [];
  /** Values the index leaves out because lke cannot stand behind them (a formula without a result, off range). */
  const leftOut: Where[] = [];
  const questions = new Map<string, QuestionResult>();
  const lines = new Map<string, LineResult>();
  const decimals = rubric.roundIndicators;
  const round = (e: Exact) => (decimals === undefined ? e : roundExact(e, decimals));

  // rubric order: a pengali line comes before the lines it multiplies (rules name earlier questions only)
  for (const q of rubric.questions.values()) {
    const node = q.parent;
    const qa = sheet.questions.get(q.code);
    const adjusting = adjustingAncestor(node);
    const where = { ...(qa?.answer?.where ?? qa?.where ?? {}), question: q.code };
    const remark = qa?.remark && qa.remark.value !== null ? String(qa.remark.value).trim() : '';
    const excluded = !!qa?.excluded && !!adjusting;
    const read = readLine(q, qa, excluded, !!adjusting, findings, leftOut);
    if (qa?.excluded) {
      const at = { ...(qa.remark?.where ?? where), question: q.code };
      if (excluded) findings.push(finding('line-excluded', at, { code: q.code, name: node.name, remark, bobot: fmt(node.bobot), value: read.value === undefined ? undefined : String(read.value) }));
      else findings.push(finding('line-exclusion-ignored', at, { code: q.code, name: node.name, remark }));
    }
    const factors: LineResult['factors'] = [];
    let points = read.fraction ? mul(read.fraction, exact(node.bobot)) : ZERO;
    for (const rule of q.rules) {
      const dep = lines.get(rule.question);
      if (!dep) continue;
      if (rule.kind === 'multiplyBy') {
        const bobot = exact(rubric.questions.get(rule.question)!.parent.bobot);
        const f = { code: rule.question, rounded: div(dep.points, bobot), unrounded: div(dep.exact, bobot) };
        factors.push(f);
        points = mul(points, f.rounded);
      } else if (rule.answers.includes(String(questions.get(rule.question)?.answer ?? ''))) {
        points = ZERO;
      }
    }
    if (excluded) points = ZERO;
    const line: LineResult = { code: q.code, value: read.value, fraction: read.fraction, factors, exact: points, points: round(points), excluded };
    lines.set(q.code, line);
    const counted = toNumber(line.points);
    if (node.adjustment && read.status === 'scored' && counted !== 0) {
      findings.push(finding('adjustment-used', where, { code: q.code, name: node.name, value: String(read.value), points: fmt(counted) }));
    }
    // as for a questionnaire, answer and score only when scored (the line's raw value as read is in `lines`)
    const scored = read.status === 'scored' && !excluded;
    questions.set(q.code, {
      code: q.code,
      status: excluded ? 'excluded' : read.status,
      answer: scored ? read.value : undefined,
      base: scored && read.fraction ? toNumber(read.fraction) : undefined,
      score: scored ? counted / node.bobot : undefined,
    });
  }

  const own = sumTree(rubric, lines, questions, (l) => l.points);
  let published: PublishedTotals | undefined;
  if ([...sheet.questions.values()].some((qa) => !isBlankCell(qa.nilai))) {
    // the published points, summed and adjusted the same way (an empty or unreadable cell counts 0)
    const pub = sumTree(rubric, lines, questions, (l) => publishedValue(sheet.questions.get(l.code)?.nilai) ?? ZERO);
    published = {
      index: toNumber(pub.index),
      predikat: predikatOf(rubric, toNumber(roundExact(pub.index, 2))),
      nodes: new Map(pub.nodes.map((n) => [n.code, { nilai: n.nilai, adjusted: n.adjusted }])),
    };
  }
  const { nodes, index } = own;
  if (leftOut.length > 0) {
    const first = leftOut[0]!;
    const cells = leftOut.flatMap((w) => (w.row !== undefined && w.col !== undefined ? [{ row: w.row, col: w.col }] : []));
    findings.push(finding('index-incomplete', { sheet: first.sheet, row: first.row, col: first.col }, { count: leftOut.length, cells: cells.slice(0, 8) }));
  }
  return {
    nodes,
    byCode: new Map(nodes.map((n) => [n.code, n])),
    questions,
    index: toNumber(index),
    indexExact: index,
    predikat: predikatOf(rubric, toNumber(roundExact(index, 2))),
    blankPolicy: opts.blankPolicy,
    offScale: 'skip',
    leftOut,
    findings,
    lines,
    published,
  };
}

/** The line's raw value → its share of the bobot (before pengali), or why it counts 0 (with a finding). */
function readLine(q: Question, qa: QuestionAnswer | undefined, excluded: boolean, divisor: boolean, findings: Finding[], leftOut: Where[]): Read {
  const node = q.parent;
  const args = { code: q.code, name: node.name, bobot: fmt(node.bobot), divisor };
  if (!qa) {
    if (!node.adjustment) findings.push(finding('line-absent', { question: q.code }, args));
    return { status: 'blank' };
  }
  const rv = qa.answer;
  const where = { ...(rv?.where ?? qa.where), question: q.code };
  const blank = (): Read => {
    // an excluded line needs no value; an empty koefisien is the published norm
    if (!excluded && !node.adjustment) findings.push(finding('line-empty', where, args));
    return { status: 'blank' };
  };
  if (!rv) return blank();
  if (rv.error) {
    findings.push(finding('excel-error', where, { error: rv.error }));
    return { status: 'invalid' };
  }
  if (rv.noCache) {
    findings.push(finding('formula-no-cache', where, { formula: rv.formulaText }));
    leftOut.push(where);
    return { status: 'invalid' };
  }
  const scale = q.scale;
  const p = percentOfHundred(rv.value, rv.percentFormat === true, scale) ?? parseAnswer(rv.value, q);
  switch (p.kind) {
    case 'blank':
      return blank();
    case 'invalid':
      findings.push(finding('value-invalid', where, { ...args, value: p.shown, allowed: allowedAnswers(scale) }));
      return { status: 'invalid', value: p.shown };
    case 'uncertain':
      findings.push(finding('option-uncertain', where, { answer: p.option, note: p.note }));
      return { status: 'invalid', value: p.option };
    case 'option':
      if (scale.type !== 'choice') return { status: 'invalid' };
      return { status: 'scored', value: p.option, fraction: div(exact(p.points), exact(scale.max)) };
    case 'number': {
      const range = scale.type === 'number' || scale.type === 'choice' ? scale.range : undefined;
      if (!range) return { status: 'invalid', value: p.value };
      const [lo, hi] = range;
      if (p.value < lo || p.value > hi) {
        findings.push(finding('value-out-of-range', where, { ...args, value: fmt(p.value), range: `${lo}–${hi}` }));
        leftOut.push(where);
        return { status: 'invalid', value: p.value };
      }
      const x = exact(p.value);
      const fraction = scale.type === 'number' && scale.fromZero ? div(x, exact(hi)) : div(sub(x, exact(lo)), sub(exact(hi), exact(lo)));
      return { status: 'scored', value: p.value, fraction };
    }
  }
}

/**
 * "95,05%" on a line whose range is 0–100 (a capaian, a percentage) is 95.05, not 0.9505; on any other range a
 * percent sign has no meaning, so the value is invalid rather than guessed. A number the cell shows as a
 * percentage (95,05% typed in Excel is 0.9505) is read the same way.
 */
function percentOfHundred(raw: unknown, percentFormat: boolean, scale: Question['scale']): ReturnType<typeof parseAnswer> | undefined {
  if (percentFormat && typeof raw === 'number' && scale.type === 'number') {
    return scale.range[0] === 0 && scale.range[1] === 100 ? { kind: 'number', value: Number((raw * 100).toPrecision(15)) } : { kind: 'invalid', shown: `${+(raw * 100).toFixed(4)}%` };
  }
  if (typeof raw !== 'string' || !/%\s*$/.test(raw) || scale.type !== 'number') return undefined;
  const n = parseNumberText(raw.replace(/%\s*$/, ''));
  return n && scale.range[0] === 0 && scale.range[1] === 100 ? { kind: 'number', value: n.value } : { kind: 'invalid', shown: raw };
}

/** Nodes in pre-order with their nilai from the lines' points as `take` gives them, and the index. */
function sumTree(rubric: Rubric, lines: Map<string, LineResult>, questions: Map<string, QuestionResult>, take: (l: LineResult) => Exact): { nodes: NodeResult[]; index: Exact } {
  const nodes: NodeResult[] = [];
  const visit = (node: Node): { counts: Exact; excl: Exact; blanks: number } => {
    const res: NodeResult = { code: node.code, level: node.level, name: node.name, bobot: node.bobot, nilai: 0, percent: 0, gap: 0, node, blanks: 0 };
    nodes.push(res);
    let sum = ZERO;
    let excl = ZERO;
    if (node.children.length > 0) {
      for (const c of node.children) {
        const r = visit(c);
        sum = add(sum, r.counts);
        // an adjustment branch is outside its parent's bobot, so none of it leaves the parent's denominator
        if (!c.adjustment || node.adjustment) excl = add(excl, r.excl);
        res.blanks += r.blanks;
      }
    } else {
      const line = lines.get(node.code);
      if (line) {
        sum = take(line);
        if (line.excluded) {
          excl = exact(node.bobot);
          res.excluded = true;
        }
      }
      const st = questions.get(node.code)?.status;
      if (st === 'blank' || st === 'invalid') res.blanks = 1;
    }
    const bobot = exact(node.bobot);
    const applies = sub(bobot, excl);
    res.nilai = toNumber(sum);
    res.excludedBobot = toNumber(excl);
    let counts = sum;
    if (node.adjustForExcluded) {
      counts = applies.n > 0n ? mul(div(sum, applies), bobot) : ZERO;
      res.denominator = toNumber(applies);
      res.adjusted = toNumber(counts);
    }
    // % capaian and the points lost are over the lines that apply; an adjustment line loses nothing
    res.percent = applies.n > 0n ? toNumber(div(sum, applies)) : 0;
    res.gap = node.adjustment || res.excluded ? 0 : toNumber(node.adjustForExcluded ? sub(bobot, counts) : sub(applies, sum));
    return { counts, excl, blanks: res.blanks };
  };
  let index = ZERO;
  for (const root of rubric.tree) index = add(index, visit(root).counts);
  return { nodes, index };
}
