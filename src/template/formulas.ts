// The worksheet's own formulas for a rubric, so Excel or LibreOffice computes what lke's scorer does: a
// question's score from its answer cell (the same points, the same reading of blanks), ratio questions from
// their sub-inputs, the dependent-question rules, indicator means × bobot, sums, %, the predikat. Pure: cells
// come in as A1 references. Every formula yields a number or "" (no score), never an error value.
import type { Expr } from '../rubric/expression.js';
import type { Question, Rule, Scale } from '../rubric/model.js';
import type { BandDef } from '../rubric/schema.js';

export const excelString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A number as Excel reads it back to the same double (shortest round-trip text). */
export function excelNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(n).replace('e', 'E');
}

/** `a` compared with a choice code: Excel compares text without case, as lke does; a numeric code as text. */
function equalsCode(ref: string, code: string): string {
  return /^-?\d+([.,]\d+)?$/.test(code) ? `${ref}&""=${excelString(code)}` : `${ref}=${excelString(code)}`;
}

/** An option's score (points / max) as Excel computes it: the same division lke does. */
function optionScore(points: number, max: number): string {
  return max === 1 ? excelNumber(points) : `${excelNumber(points)}/${excelNumber(max)}`;
}

/** The score (0..1) of a typed answer in cell `ans` on a scale, "" when blank or not an answer of the scale. */
export function answerScore(scale: Scale, ans: string): string {
  switch (scale.type) {
    case 'choice':
      // an option whose points are not known scores nothing, as lke leaves it unscored
      return scale.options.reduceRight((rest, o) => `IF(${equalsCode(ans, o.code)},${o.score === undefined ? '""' : optionScore(o.score, scale.max)},${rest})`, '""');
    case 'percent':
      // 75 typed on a percentage question means 75%, as lke reads it; the result is kept within 0..1
      return `IF(ISNUMBER(${ans}),MAX(0,MIN(1,IF(AND(${ans}>1,${ans}<=100),${ans}/100,${ans}))),"")`;
    case 'number': {
      const [lo, hi] = scale.range;
      const s = `(${ans}-${paren(excelNumber(lo))})/(${excelNumber(hi)}-${paren(excelNumber(lo))})`;
      return `IF(ISNUMBER(${ans}),${scale.clamp ? `MAX(0,MIN(1,${s}))` : s},"")`;
    }
    case 'count':
      return `IF(ISNUMBER(${ans}),MAX(0,MIN(1,${ans})),"")`;
  }
}

const paren = (s: string) => (s.startsWith('-') ? `(${s})` : s);

/** A rubric expression over sub-input keys as an Excel expression over their cells (fully bracketed). */
export function excelExpr(e: Expr, ref: (key: string) => string): string {
  switch (e.kind) {
    case 'num':
      return excelNumber(e.value);
    case 'var':
      return ref(e.name);
    case 'neg':
      return `(-${excelExpr(e.arg, ref)})`;
    case 'call': {
      const args = e.args.map((a) => excelExpr(a, ref));
      if (e.fn === 'if') return `IF((${args[0]})<>0,${args[1]},${args[2]})`;
      return `${e.fn.toUpperCase()}(${args.join(',')})`;
    }
    case 'bin': {
      const l = excelExpr(e.left, ref);
      const r = excelExpr(e.right, ref);
      if (e.op === 'and' || e.op === 'or') return `IF(${e.op.toUpperCase()}((${l})<>0,(${r})<>0),1,0)`;
      if (['=', '<>', '<', '>', '<=', '>='].includes(e.op)) return `IF((${l})${e.op}(${r}),1,0)`;
      return `(${l}${e.op}${r})`;
    }
  }
}

/**
 * A ratio question's value from its sub-inputs: "" until every input holds a number ≥ 0 (lke leaves the question
 * unscored then), "" on a division by zero (lke: zero-denominator), the clamp applied as lke applies it.
 */
export function ratioValue(q: Question, ref: (key: string) => string): string {
  const cells = q.inputs.map((i) => ref(i.key)).join(',');
  let v = excelExpr(q.formula!.expr, ref);
  const [lo, hi] = q.clamp ?? [null, null];
  if (lo !== null) v = `MAX(${excelNumber(lo)},${v})`;
  if (hi !== null) v = `MIN(${excelNumber(hi)},${v})`;
  return `IF(COUNT(${cells})<${q.inputs.length},"",IF(MIN(${cells})<0,"",IFERROR(${v},"")))`;
}

/**
 * The question's score after its rules, applied in order as lke applies them: nothing when it has no score;
 * multiplyBy skipped while the other question has none; zeroWhen on the other question's answer.
 */
export function withRules(base: string, rules: Rule[], dep: (code: string) => { score: string; answer: string }): string {
  let s = base;
  for (const rule of rules) {
    const d = dep(rule.question);
    if (rule.kind === 'multiplyBy') s = `IF(AND(ISNUMBER(${s}),ISNUMBER(${d.score})),(${s})*${d.score},${s})`;
    else s = `IF(AND(ISNUMBER(${s}),OR(${rule.answers.map((a) => equalsCode(d.answer, a)).join(',')})),0,${s})`;
  }
  return s;
}

/** An indicator: the mean of its questions' scores × bobot; 0 while none is scored (as lke reports it). */
export function indicatorNilai(scores: string, bobot: string): string {
  return `IF(COUNT(${scores})=0,0,AVERAGE(${scores})*${bobot})`;
}

/** A hasil indicator answered on its own row: its score × bobot, 0 while blank. */
export function soleNilai(score: string, bobot: string): string {
  return `IF(ISNUMBER(${score}),(${score})*${bobot},0)`;
}

export const sumOf = (cells: string[]): string => `SUM(${cells.join(',')})`;

export const percentOf = (nilai: string, bobot: string): string => `IF(${bobot}=0,"",${nilai}/${bobot})`;

/** The predikat of the index as lke gives it: the bands top down on the index rounded half-up to 2 decimals. */
export function predikatFormula(bands: BandDef[], index: string): string {
  const rounded = `ROUND(${index},2)`;
  return bands.reduceRight((rest, b) => {
    const label = excelString(b.code);
    if (b.above !== undefined) return `IF(${rounded}>${excelNumber(b.above)},${label},${rest})`;
    if (b.atLeast !== undefined) return `IF(${rounded}>=${excelNumber(b.atLeast)},${label},${rest})`;
    return label;
  }, '""');
}

/**
 * A line's share of its bobot (rubric of lines) from its raw value in `ans`, "" when blank, not a number of the
 * scale's range or an option without known points: what lke counts 0 (with a finding). A range whose scale says
 * fromZero divides by the maximum only (SPIP 2.845 on 1–5 → 2.845 / 5).
 */
export function lineShare(scale: Scale, ans: string): string {
  if (scale.type === 'choice') return answerScore(scale, ans);
  if (scale.type !== 'number') throw new Error(`a line's scale is a number or a choice, not ${scale.type}`);
  const [lo, hi] = scale.range;
  const share = scale.fromZero ? `${ans}/${excelNumber(hi)}` : `(${ans}-${paren(excelNumber(lo))})/(${excelNumber(hi)}-${paren(excelNumber(lo))})`;
  return `IF(ISNUMBER(${ans}),IF(AND(${ans}>=${excelNumber(lo)},${ans}<=${excelNumber(hi)}),${share},""),"")`;
}

/**
 * A line's points as lke gives them: share × bobot × each pengali line's rounded points / its bobot, rounded to
 * `decimals`; 0 when the share is "" or the line is excluded. The inner ROUND to 10 decimals drops the binary
 * floating-point residue first, so a tie (2.05 / 5 × 1.5 = 0.615) rounds half-up as lke's exact decimals do.
 */
export function linePoints(share: string, bobot: string, pengali: { points: string; bobot: string }[], excluded: string | undefined, decimals: number | undefined): string {
  const product = [`(${share})`, bobot, ...pengali.map((p) => `${p.points}/${p.bobot}`)].join('*');
  const rounded = decimals === undefined ? product : `ROUND(ROUND(${product},10),${decimals})`;
  const points = `IF(ISNUMBER(${share}),${rounded},0)`;
  return excluded ? `IF(${excluded},0,${points})` : points;
}

/** Whether the remark in `cell` excludes the line, as lke reads it ("tidak dikecualikan" does not). */
export function excludedRemark(cell: string, remarks: readonly string[]): string {
  const has = (t: string) => `ISNUMBER(SEARCH(${excelString(t)},${cell}))`;
  return `OR(${remarks.map((t) => (t === 'dikecualikan' ? `AND(${has(t)},NOT(${has(`tidak ${t}`)}))` : has(t))).join(',')})`;
}

/** A node scaled to its bobot over the lines that apply: nilai / denominator × bobot, 0 when nothing applies. */
export function adjustedNilai(nilai: string, denominator: string, bobot: string): string {
  return `IF(${denominator}>0,${nilai}/${denominator}*${bobot},0)`;
}
