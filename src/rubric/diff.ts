// `lke rubric diff A B`: what differs between two rubrics, node by node and question by question: nodes and
// questions added, removed, moved (the same wording under another code) or renamed (the same code, other
// wording); bobot, answer scales, ratio formulas, rules and evidence changed; the predikat bands. Only what truly
// differs: wording is compared without case, spacing and trailing punctuation; scales by what each answer
// scores, not by their keys; formulas by what they compute (evaluated on the same inputs). Pure.
import { DivisionByZero, evaluate } from './expression.js';
import { rubricVersion } from './fingerprint.js';
import { soleQuestion, type Item, type Node, type Question, type Rubric, type Scale } from './model.js';

export type DiffItem = 'node' | 'question';

export type Change =
  | { kind: 'added'; item: DiffItem; code: string; text: string; parent?: string | undefined }
  | { kind: 'removed'; item: DiffItem; code: string; text: string; parent?: string | undefined }
  | { kind: 'moved'; item: DiffItem; from: string; to: string; text: string }
  | { kind: 'renamed'; item: DiffItem; code: string; from: string; to: string }
  | { kind: 'bobot'; code: string; from: number; to: number }
  | { kind: 'level'; code: string; from: string; to: string }
  | { kind: 'scale'; code: string; from: string; to: string }
  | { kind: 'formula'; code: string; from: string; to: string }
  | { kind: 'inputs'; code: string; from: string; to: string }
  | { kind: 'rules'; code: string; from: string; to: string }
  /** Evidence required or not; `codes` when many questions changed alike (a rubric-wide default). */
  | { kind: 'bukti'; code: string; from: boolean; to: boolean; codes?: string[] | undefined }
  | { kind: 'predikat'; from: string; to: string };

export interface RubricDiff {
  a: { id: string; version: string; source: string };
  b: { id: string; version: string; source: string };
  changes: Change[];
}

/** Wording as compared: the words only (no case, spacing or punctuation: "Whistle-Blowing" is "whistle blowing"). */
export const sameWords = (x: string, y: string): boolean => squash(x) === squash(y);
const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const fmt = (n: number) => String(+n.toFixed(6));

/** A scale as what its answers score: "A/B/C/D: A 1, B 0.67, C 0.33, D 0". */
export function scaleMeaning(s: Scale): string {
  switch (s.type) {
    case 'choice':
      return `${s.label}: ${s.options.map((o) => `${o.code} ${o.score === undefined ? '?' : fmt(o.score / s.max)}`).join(', ')}`;
    case 'number':
      return `${s.label}: (x − ${fmt(s.range[0])}) / ${fmt(s.range[1] - s.range[0])}${s.clamp ? ', clamped' : ''}`;
    case 'percent':
      return `${s.label}: 0–100%`;
    case 'count':
      return `${s.label}: ≥ 0`;
  }
}

/** Whether two scales score every answer alike (the labels may differ: lke reads answers, not labels). */
function sameScale(a: Scale, b: Scale): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'choice' && b.type === 'choice') {
    if (a.options.length !== b.options.length) return false;
    // the same answer: one option's code is the other's code, alias or text ("WTP-DPP" is "WTP dengan paragraph penjelas")
    const names = (o: (typeof a.options)[number]) => [o.code, ...(o.aliases ?? []), ...(o.text ? [o.text] : [])].map(squash);
    return a.options.every((o) => {
      const mine = names(o);
      const p = b.options.find((x) => squash(x.code) === squash(o.code)) ?? b.options.find((x) => names(x).some((n) => mine.includes(n)));
      if (p === undefined) return false;
      // an option whose points are not known is the same only as another not known
      if (o.score === undefined || p.score === undefined) return o.score === p.score;
      return Math.abs(o.score / a.max - p.score / b.max) < 1e-12;
    });
  }
  if (a.type === 'number' && b.type === 'number') return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.clamp === b.clamp;
  return true;
}

/** The inputs a formula reads, as compared: their keys in order. */
const inputKeys = (q: Question) => q.inputs.map((i) => i.key).join(',');

/** Sample points for comparing formulas: the same pseudo-random counts (0 included) for both. */
function samples(keys: string[]): Record<string, number>[] {
  const out: Record<string, number>[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 14;
  for (let i = 0; i < 200; i++) out.push(Object.fromEntries(keys.map((k) => [k, i < 3 ? i : next()])));
  return out;
}

function valueOf(q: Question, vars: Record<string, number>): number | 'div0' {
  try {
    let v = evaluate(q.formula!.expr, vars);
    const [lo, hi] = q.clamp ?? [null, null];
    if (lo !== null) v = Math.max(lo, v);
    if (hi !== null) v = Math.min(hi, v);
    return v;
  } catch (e) {
    if (e instanceof DivisionByZero) return 'div0';
    throw e;
  }
}

function sameFormula(a: Question, b: Question): boolean {
  if (!a.formula || !b.formula) return !a.formula && !b.formula;
  for (const vars of samples(a.inputs.map((i) => i.key))) {
    const x = valueOf(a, vars);
    const y = valueOf(b, vars);
    if (x === 'div0' || y === 'div0' ? x !== y : Math.abs(x - y) > 1e-12) return false;
  }
  return true;
}

const formulaText = (q: Question) => (q.formula ? `${q.formula.source}${q.clamp ? ` clamp [${q.clamp.map((c) => c ?? '—').join(', ')}]` : ''}` : '—');
const rulesText = (q: Question) => q.rules.map((r) => (r.kind === 'multiplyBy' ? `× ${r.question}` : `0 ⇐ ${r.question} ∈ {${r.answers.join(', ')}}`)).join('; ') || '—';
const textOf = (it: Node | Question) => (it.kind === 'node' ? it.name : it.text);
const kindOf = (it: Node | Question): DiffItem => (it.kind === 'node' ? 'node' : 'question');

/** `sources`: how the two were named (an id or a path), for the header of the diff. */
export function diffRubrics(a: Rubric, b: Rubric, sources: { a: string; b: string } = { a: a.id, b: b.id }): RubricDiff {
  const changes: Change[] = [];
  const items = (r: Rubric) => r.items.filter((it): it is Node | Question => it.kind !== 'input');
  const inA = items(a);
  const inB = items(b);
  const byCodeB = new Map(inB.map((it) => [`${it.kind}:${it.code}`, it]));
  const pairs: [Node | Question, Node | Question][] = [];
  const lostA: (Node | Question)[] = [];
  const pairedB = new Set<Item>();
  for (const x of inA) {
    const y = byCodeB.get(`${x.kind}:${x.code}`);
    if (y) {
      pairs.push([x, y]);
      pairedB.add(y);
    } else lostA.push(x);
  }
  const newB = inB.filter((y) => !pairedB.has(y));
  // the same wording under another code: moved (first come, first paired)
  const moved = new Set<Item>();
  for (const x of lostA) {
    const y = newB.find((c) => !moved.has(c) && c.kind === x.kind && sameWords(textOf(c), textOf(x)));
    if (y) {
      moved.add(x).add(y);
      pairs.push([x, y]);
      changes.push({ kind: 'moved', item: kindOf(x), from: x.code, to: y.code, text: textOf(y) });
    }
  }
  for (const x of lostA) if (!moved.has(x)) changes.push({ kind: 'removed', item: kindOf(x), code: x.code, text: textOf(x), parent: x.parent?.code });
  for (const y of newB) if (!moved.has(y)) changes.push({ kind: 'added', item: kindOf(y), code: y.code, text: textOf(y), parent: y.parent?.code });

  for (const [x, y] of pairs) {
    const code = y.code;
    // a question answered on its indicator's row is renamed with the indicator: one change, said once
    const sole = x.kind === 'question' && soleQuestion(x.parent) === x;
    if (!moved.has(x) && !sole && !sameWords(textOf(x), textOf(y))) changes.push({ kind: 'renamed', item: kindOf(x), code, from: textOf(x), to: textOf(y) });
    if (x.kind === 'node' && y.kind === 'node') {
      if (Math.abs(x.bobot - y.bobot) > 1e-9) changes.push({ kind: 'bobot', code, from: x.bobot, to: y.bobot });
      if (x.level !== y.level) changes.push({ kind: 'level', code, from: x.level, to: y.level });
      continue;
    }
    if (x.kind !== 'question' || y.kind !== 'question') continue;
    if (!sameScale(x.scale, y.scale)) changes.push({ kind: 'scale', code, from: scaleMeaning(x.scale), to: scaleMeaning(y.scale) });
    if (inputKeys(x) !== inputKeys(y)) changes.push({ kind: 'inputs', code, from: inputKeys(x) || '—', to: inputKeys(y) || '—' });
    else if (!sameFormula(x, y)) changes.push({ kind: 'formula', code, from: formulaText(x), to: formulaText(y) });
    if (rulesText(x) !== rulesText(y)) changes.push({ kind: 'rules', code, from: rulesText(x), to: rulesText(y) });
    if (x.bukti !== y.bukti) changes.push({ kind: 'bukti', code, from: x.bukti, to: y.bukti });
  }
  const bands = (r: Rubric) => r.predikat.bands.map((band) => `${band.code}${band.above !== undefined ? ` > ${band.above}` : band.atLeast !== undefined ? ` ≥ ${band.atLeast}` : ''}`).join(', ');
  if (bands(a) !== bands(b)) changes.push({ kind: 'predikat', from: bands(a), to: bands(b) });

  // in the reading order of B (removed items: of A), so a reader goes through the tree once
  const order = new Map<string, number>();
  inA.forEach((it) => order.set(it.code, it.order));
  inB.forEach((it) => order.set(it.code, it.order));
  const codeOf = (c: Change) => ('code' in c ? c.code : 'to' in c && c.kind === 'moved' ? c.to : '');
  const ranked = changes.map((c, i) => ({ c, i, o: order.get(codeOf(c)) ?? Number.MAX_SAFE_INTEGER }));
  ranked.sort((p, q) => p.o - q.o || p.i - q.i);
  return {
    a: { id: a.id, version: rubricVersion(a.input), source: sources.a },
    b: { id: b.id, version: rubricVersion(b.input), source: sources.b },
    changes: grouped(ranked.map((r) => r.c)),
  };
}

/** Many questions whose evidence changed alike are one change (a default that differs), not a line each. */
function grouped(changes: Change[]): Change[] {
  const alike = (c: Change) => (c.kind === 'bukti' ? `${c.from}>${c.to}` : undefined);
  const groups = new Map<string, Extract<Change, { kind: 'bukti' }>[]>();
  for (const c of changes) if (c.kind === 'bukti') groups.set(alike(c)!, [...(groups.get(alike(c)!) ?? []), c]);
  const out: Change[] = [];
  for (const c of changes) {
    if (c.kind !== 'bukti') {
      out.push(c);
      continue;
    }
    const g = groups.get(alike(c)!)!;
    if (g.length <= 3) out.push(c);
    else if (g[0] === c) out.push({ ...c, codes: g.map((x) => x.code) });
  }
  return out;
}
