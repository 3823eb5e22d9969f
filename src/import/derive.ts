// `lke rubric import`: a rubric derived from an official template or a filled worksheet. The reader's layout
// knowledge finds the header and the rows; the hierarchy comes from the numbering and the Nilai formulas (a
// parent's SUM lists its children, an indicator's AVERAGE its questions); the bobot from the Bobot column (a
// node without one sums its children); the scales from what each row's own Nilai formula gives for each answer
// it knows (evaluated, whatever its shape), labelled by Pilihan Jawaban; ratios from the Jawaban formulas over
// the "Jumlah" rows; dependent-question rules from formulas that read another row's answer or score; names
// cleaned of bracketed old weights. What cannot be derived is a TODO. Pure: a read workbook in, rubric data out.
import { findHeader, type Header } from '../layout/header.js';
import { readEntries, type Entry } from '../layout/entries.js';
import { NUMBERING, stylesOf, tokenOf, type NumberingStyle } from '../layout/canonical.js';
import type { Rubric } from '../rubric/model.js';
import type { BandDef, LevelName, NodeInput, QuestionDef, RubricInput, ScaleDef, SubInputDef } from '../rubric/schema.js';
import { address, cellAt, textOf, type Cell, type Sheet, type Workbook } from '../workbook/grid.js';
import { comparedWith, evaluateFormula, FormulaUnsupported, isError, parseFormula, refsOf, type FNode, type XValue } from './formula.js';
import { toRubricExpression } from './expression.js';
import { todo, type ImportTodo } from './todos.js';

export interface ImportOptions {
  id: string;
  /** Built-in rubrics: where a predikat is copied from, for a sheet of the same kind. */
  builtins?: Rubric[] | undefined;
}

export interface Imported {
  input: RubricInput;
  todos: ImportTodo[];
  sheet: string;
  headerRow: number;
}

export class ImportError extends Error {}

type Kind = 'node' | 'question' | 'input';

interface Row {
  row: number;
  entry: Entry;
  kind: Kind;
  depth: number;
  token?: string | undefined;
  text: string;
  bobot?: number | undefined;
  pilihan?: string | undefined;
  /** Formulas of the row's Nilai and Jawaban cells, parsed (undefined: none, or unreadable). */
  nilaiF?: FNode | undefined;
  nilaiSrc?: string | undefined;
  jawabanF?: FNode | undefined;
  /** A node answered on its own row (a hasil value). */
  sole?: boolean;
  /** No Bobot cell: the bobot is its children's sum. */
  bobotFromChildren?: boolean;
  parent?: Row | undefined;
  children: Row[];
  inputs: Row[];
  code?: string;
}

const COUNT_LABEL = /^(jumlah|rupiah|orang|angka)$/i;
const BRACKET_WEIGHT = /\s*\((\d+(?:[.,]\d+)?)\)\s*$/;
const num = (s: string) => Number(s.replace(',', '.'));
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const near = (a: number, b: number, tol = 1e-9) => Math.abs(a - b) <= tol;
/** Numbers from formulas as a person would write them (0.1 + 0.2 → 0.3). */
const tidy = (n: number) => +n.toPrecision(12);

export function deriveRubric(wb: Workbook, opts: ImportOptions): Imported {
  const header = findHeader(wb.sheets);
  if (!header) throw new ImportError('no LKE sheet found (no header row with Penilaian/Uraian and Jawaban in the first 30 rows of any sheet)');
  const sheet = header.sheet;
  const cols = header.columns;
  const todos: ImportTodo[] = [];
  const at = (r: number, c: number | undefined) => (c === undefined ? undefined : cellAt(sheet, r, c));
  const a1 = (r: number, c: number) => address(r, c);
  const parse = (cell: Cell | undefined): { f?: FNode; src?: string; why?: string } => {
    if (!cell?.formulaText) return {};
    try {
      return { f: parseFormula(cell.formulaText), src: cell.formulaText };
    } catch (e) {
      return { src: cell.formulaText, why: (e as Error).message };
    }
  };

  // ── rows ──────────────────────────────────────────────────────────────────────────────────────────────────
  const entries = readEntries(header).filter((e) => !e.total);
  const rows: Row[] = [];
  const byRow = new Map<number, Row>();
  const totals = new Map<number, FNode>();
  for (const e of readEntries(header)) {
    if (!e.total || cols.nilai === undefined) continue;
    const f = parse(at(e.row, cols.nilai)).f;
    if (f) totals.set(e.row, f);
  }
  for (const e of entries) {
    const bobotCell = at(e.row, cols.bobot);
    const pilihan = clean(textOf(at(e.row, cols.pilihan)));
    const n = parse(at(e.row, cols.nilai));
    const j = parse(at(e.row, cols.jawaban));
    if (n.why) todos.push(todo('formula-unknown', { code: `row ${e.row}`, cell: a1(e.row, cols.nilai!), formula: n.src!, why: n.why }));
    const r: Row = {
      row: e.row,
      entry: e,
      kind: 'question',
      depth: e.depth,
      token: e.token === '-' ? undefined : e.token,
      text: clean(e.text),
      bobot: typeof bobotCell?.value === 'number' ? bobotCell.value : undefined,
      pilihan: pilihan || undefined,
      nilaiF: n.f,
      nilaiSrc: n.src,
      jawabanF: j.f,
      children: [],
      inputs: [],
    };
    rows.push(r);
    byRow.set(r.row, r);
  }

  // sub-inputs: rows a Jawaban formula reads (a ratio's counts, and the counts those add up), and "Jumlah" rows
  const inputOf = new Map<Row, Row>();
  const jawabanRefs = (r: Row) => (r.jawabanF && cols.jawaban !== undefined ? safeRefs(r.jawabanF).filter((x) => !x.sheet && x.col === cols.jawaban && x.row !== r.row) : []);
  for (const r of rows) {
    if (!r.jawabanF || inputOf.has(r)) continue;
    const seen = new Set<Row>();
    const visit = (x: Row) => {
      for (const ref of jawabanRefs(x)) {
        const y = byRow.get(ref.row);
        if (y && !seen.has(y) && y.bobot === undefined) {
          seen.add(y);
          visit(y);
        }
      }
    };
    visit(r);
    for (const y of seen) inputOf.set(y, r);
  }
  let lastRatio: Row | undefined;
  for (const r of rows) {
    if (inputOf.has(r)) {
      r.kind = 'input';
      continue;
    }
    if (r.pilihan && COUNT_LABEL.test(r.pilihan) && r.bobot === undefined && lastRatio) {
      r.kind = 'input';
      inputOf.set(r, lastRatio);
      continue;
    }
    const readsOwnAnswer = r.nilaiF && cols.jawaban !== undefined ? safeRefs(r.nilaiF).some((x) => !x.sheet && x.row === r.row && x.col === cols.jawaban) : false;
    const answered = !!at(r.row, cols.jawaban) || r.jawabanF !== undefined;
    if (r.bobot !== undefined) {
      r.kind = 'node';
      r.sole = readsOwnAnswer || (!r.nilaiF && answered && !!r.pilihan);
    } else if (r.pilihan || answered || r.nilaiF) {
      r.kind = 'question';
    } else if (r.token !== undefined) {
      r.kind = 'node';
    } else {
      if (r.text) todos.push(todo('row-ignored', { row: r.row, text: r.text.slice(0, 60) }));
      byRow.delete(r.row);
      continue;
    }
    lastRatio = r.kind === 'question' && r.jawabanF && jawabanRefs(r).length > 0 ? r : undefined;
  }
  const items = rows.filter((r) => byRow.has(r.row));
  for (const [input, q] of inputOf) q.inputs.push(input);
  for (const q of items) q.inputs.sort((x, y) => x.row - y.row);

  // ── the hierarchy: a row's parent is the nearest node above it whose Nilai formula reads it ──────────────────
  const nilaiRows = (f: FNode | undefined, depth = 0): Set<number> => {
    const out = new Set<number>();
    if (!f || cols.nilai === undefined) return out;
    for (const ref of safeRefs(f)) {
      if (ref.sheet || ref.col !== cols.nilai) continue;
      const total = totals.get(ref.row);
      // a component's Nilai that points at its TOTAL row reads what that row sums
      if (total && depth < 3) for (const x of nilaiRows(total, depth + 1)) out.add(x);
      else out.add(ref.row);
    }
    return out;
  };
  const reads = new Map<Row, Set<number>>();
  for (const r of items) if (r.kind === 'node' && !r.sole) reads.set(r, nilaiRows(r.nilaiF));
  const structural = items.filter((r) => r.kind !== 'input');
  const stack: Row[] = [];
  const bobotOf = (r: Row) => r.bobot ?? 0;
  const room = (p: Row, r: Row) => p.bobot === undefined || r.bobot === undefined || p.children.reduce((s, c) => s + bobotOf(c), 0) + r.bobot <= p.bobot + 0.011;
  const canHold = (p: Row, r: Row) =>
    p.kind === 'node' && !p.sole && (r.kind === 'question' ? !p.children.some((c) => c.kind === 'node') : !p.children.some((c) => c.kind === 'question') && room(p, r));
  for (const r of structural) {
    let parent: Row | undefined;
    for (const [p, set] of reads) if (p.row < r.row && set.has(r.row) && (!parent || p.row > parent.row) && canHold(p, r)) parent = p;
    if (!parent) {
      // no formula names it: the numbering's depth, then room in the bobot, decide
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        // a question may stand in its indicator's own column; a node deeper than its parent, or in the same column
        // when the parent's formula reads rows past it (the sub-blocks of an indicator, numbered anew)
        const same = top.depth === r.depth && (r.kind === 'question' || (top.children.length === 0 && claims(top, r)));
        if ((r.depth < 0 || top.depth < r.depth || same) && canHold(top, r)) break;
        stack.pop();
      }
      parent = stack[stack.length - 1];
    }
    r.parent = parent;
    if (parent) parent.children.push(r);
    if (r.kind === 'node') {
      // the stack is the path to this node
      const path: Row[] = [];
      for (let p: Row | undefined = r; p; p = p.parent) path.unshift(p);
      stack.length = 0;
      stack.push(...path);
    }
  }
  const roots = structural.filter((r) => !r.parent);

  /** Whether a node's Nilai formula reads rows below another row (so that row stands inside it). */
  function claims(p: Row, r: Row): boolean {
    const set = reads.get(p);
    return !!set && [...set].some((x) => x > r.row);
  }

  // ── bobot and names ───────────────────────────────────────────────────────────────────────────────────────
  const fillBobot = (r: Row): number => {
    const kids = r.children.filter((c) => c.kind === 'node');
    const sum = kids.reduce((s, c) => s + fillBobot(c), 0);
    if (r.bobot === undefined) {
      r.bobot = tidy(sum);
      r.bobotFromChildren = true;
    }
    return r.bobot;
  };
  roots.forEach(fillBobot);

  // ── codes ─────────────────────────────────────────────────────────────────────────────────────────────────
  const assign = (siblings: Row[], prefix: string, depth: number) => {
    const used = new Set(siblings.map((s) => s.token).filter((t): t is string => t !== undefined));
    const questions = siblings.filter((s) => s.kind === 'question');
    const nodes = siblings.filter((s) => s.kind === 'node');
    const styles = commonStyles(nodes.map((n) => n.token).filter((t): t is string => t !== undefined));
    let qn = 0;
    let nn = 0;
    const taken = new Set<string>();
    for (const s of siblings) {
      let seg = s.token;
      if (seg === undefined || taken.has(seg)) {
        if (s.kind === 'question') {
          do seg = tokenOf('lower-letter', ++qn);
          while (used.has(seg!) || taken.has(seg!));
          if (questions.length > 1 || s.token !== undefined) todos.push(todo('code-generated', { code: `${prefix}${seg}`, row: s.row }, `${prefix}${seg}`));
        } else {
          const style: NumberingStyle = styles[0] ?? NUMBERING[Math.min(depth, NUMBERING.length - 1)]!.style;
          do seg = tokenOf(style, ++nn);
          while (used.has(seg!) || taken.has(seg!));
          todos.push(todo('code-generated', { code: `${prefix}${seg}`, row: s.row }, `${prefix}${seg}`));
        }
      }
      taken.add(seg!);
      s.code = `${prefix}${seg}`;
      if (s.kind === 'node') assign(s.children, `${s.code}.`, depth + 1);
    }
  };
  assign(roots, '', 0);

  // ── levels ────────────────────────────────────────────────────────────────────────────────────────────────
  const depthOf = (r: Row): number => (r.parent ? depthOf(r.parent) + 1 : 0);
  const leafDepths = items.filter((r) => r.kind === 'node' && (r.sole || r.children.some((c) => c.kind === 'question'))).map(depthOf);
  const indicatorDepth = mode(leafDepths) ?? 2;
  const levelOf = (r: Row): LevelName => {
    const d = depthOf(r);
    if (r.sole || r.children.some((c) => c.kind === 'question') || d >= indicatorDepth) return 'indicator';
    if (d === 0) return 'component';
    return indicatorDepth >= 3 && d === 1 ? 'category' : 'area';
  };

  // ── scales and questions ──────────────────────────────────────────────────────────────────────────────────
  const scales = new Map<string, ScaleDef>();
  const scaleKeyOf = new Map<string, string>();
  const labelScales = new Map<string, string>();
  const addScale = (def: ScaleDef): string => {
    const sig = JSON.stringify(def);
    const hit = scaleKeyOf.get(sig);
    if (hit) return hit;
    let key = scaleKey(def);
    for (let i = 2; scales.has(key); i++) key = `${scaleKey(def)}-${i}`;
    scales.set(key, def);
    scaleKeyOf.set(sig, key);
    if (!labelScales.has(def.label.toLowerCase())) labelScales.set(def.label.toLowerCase(), key);
    return key;
  };
  const valueAt = (r: number, c: number): XValue => {
    const cell = cellAt(sheet, r, c);
    if (!cell) return null;
    if (cell.error) return { error: cell.error };
    return cell.value;
  };
  const evalWith = (f: FNode, overrides: Map<string, XValue>): XValue => {
    try {
      return evaluateFormula(f, (r, c, s) => (s ? null : overrides.has(`${r},${c}`) ? overrides.get(`${r},${c}`)! : valueAt(r, c)));
    } catch {
      return { error: '#UNSUPPORTED' };
    }
  };
  const key = (r: number, c: number) => `${r},${c}`;
  const bukti = cols.bukti.length > 0;
  if (!bukti) todos.push(todo('bukti-column-absent', {}));

  const pending: { q: Row; def: QuestionDef; deps: { row: Row; kind: 'answer' | 'score'; answers?: string[] }[] }[] = [];
  /** `final`: a row whose formula says nothing gets a scale by its label; before that, undefined (tried again later). */
  const questionOf = (r: Row, final: boolean): QuestionDef | undefined => {
    const code = r.code!;
    const text = r.sole ? cleanName(r.text) : r.text;
    const label = r.pilihan ?? '';
    const def: QuestionDef = { code, text, scale: '' };
    const penjelasan = clean(textOf(at(r.row, cols.penjelasan)).replace(/\n/g, ' ')) ? textOf(at(r.row, cols.penjelasan)) : '';
    // a ratio: its Jawaban computed from the rows below it
    if (r.jawabanF && r.inputs.length > 0) {
      const keys = new Map(r.inputs.map((x, i) => [x.row, String.fromCharCode(97 + i)]));
      const expr = toRubricExpression(r.jawabanF, (row, col) => (col === cols.jawaban ? keys.get(row) : undefined));
      def.scale = addScale({ type: 'percent', label: label || '%' });
      def.inputs = r.inputs.map((x): SubInputDef => {
        const k = keys.get(x.row)!;
        const sub: SubInputDef = { key: k, code: `${code}(${k})`, text: x.text.replace(/^[-\u2013\u2022]\s*/, '') };
        if (x.jawabanF) {
          const check = toRubricExpression(x.jawabanF, (row, col) => (col === cols.jawaban ? keys.get(row) : undefined));
          if (check.ok) sub.check = check.formula;
        }
        return sub;
      });
      if (expr.ok) {
        def.formula = expr.formula;
        if (expr.clamp) def.clamp = expr.clamp;
      } else {
        def.formula = '0';
        todos.push(todo('formula-unknown', { code, cell: a1(r.row, cols.jawaban), formula: textOf(at(r.row, cols.jawaban)) || '', why: expr.why }, code));
      }
      if (penjelasan) def.explanation = penjelasan;
      return def;
    }
    const f = r.nilaiF;
    const J = cols.jawaban;
    const ownAnswer = J !== undefined && f ? safeRefs(f).some((x) => !x.sheet && x.row === r.row && x.col === J) : false;
    if (!f || !ownAnswer || J === undefined) {
      const k = labelScales.get(label.toLowerCase());
      const fallback = k ?? addScale(scaleFromLabel(label));
      def.scale = fallback;
      if (f && J !== undefined) {
        const other = safeRefs(f).find((x) => !x.sheet && x.col === J && x.row !== r.row);
        todos.push(todo('formula-other-row', { code, cell: a1(r.row, cols.nilai!), row: other?.row ?? r.row, scale: label }, code));
      } else todos.push(todo('scale-from-label', { code, label, scale: fallback }, code));
      setTexts(def, penjelasan, scales.get(def.scale)!);
      return def;
    }
    // the formula's answers: every text it holds, tried in the answer cell with other rows held neutral
    const deps = [...new Map(safeRefs(f).filter((x) => !x.sheet && x.row !== r.row && byRow.has(x.row) && (x.col === J || x.col === cols.nilai)).map((x) => [`${x.row},${x.col}`, x])).values()];
    const depsOut: { row: Row; kind: 'answer' | 'score'; answers?: string[] }[] = [];
    const neutral = new Map<string, XValue>();
    for (const d of deps) neutral.set(key(d.row, d.col), d.col === J ? '\u0001' : 1);
    const divisor = r.sole ? r.bobot! : 1;
    const scoreWith = (answer: XValue, extra?: Map<string, XValue>) => {
      const o = new Map(neutral);
      o.set(key(r.row, J), answer);
      for (const [k2, v] of extra ?? []) o.set(k2, v);
      const v = evalWith(f, o);
      return typeof v === 'number' ? v : undefined;
    };
    const options: { code: string; points: number }[] = [];
    for (const s of comparedWith(f, r.row, J)) {
      const v = scoreWith(s);
      if (v !== undefined && !options.some((o) => o.code.toLowerCase() === s.toLowerCase())) options.push({ code: s, points: v });
    }
    let scaleDef: ScaleDef | undefined;
    if (options.length >= 2) {
      scaleDef = choiceScale(label, options, divisor);
    } else {
      const at01 = [0, 0.25, 0.5, 1].map((x) => scoreWith(x));
      const identity = at01.every((y, i) => y !== undefined && near(y / divisor, [0, 0.25, 0.5, 1][i]!));
      const xs = [0, 1, 2, 3.5, 4, 10, 100];
      const ys = xs.map((x) => scoreWith(x));
      const slope = ys[0] !== undefined && ys[1] !== undefined ? ys[1] - ys[0] : 0;
      const linear = slope !== 0 && xs.every((x, i) => ys[i] !== undefined && near(ys[i]!, ys[0]! + slope * x, 1e-9 * Math.max(1, Math.abs(ys[i]!))));
      if (identity && (/%|persen/i.test(label) || !linear)) scaleDef = { type: 'percent', label: label || '%' };
      else if (linear) {
        const width = tidy(divisor / slope);
        const lo = tidy(-ys[0]! / slope);
        scaleDef = { type: 'number', label, range: [lo, tidy(lo + width)], clamp: false };
      }
    }
    if (!scaleDef) {
      if (!final) return undefined;
      const k = labelScales.get(label.toLowerCase()) ?? [...scales.entries()].find(([, s]) => s.type === 'choice' && s.options.some((o) => o.code.toLowerCase() === label.toLowerCase()))?.[0];
      def.scale = k ?? addScale(scaleFromLabel(label));
      def.uncertain = `The sheet's formula (${a1(r.row, cols.nilai!)}) scores no answer of "${label}"; the scale ${def.scale} is a guess.`;
      todos.push(todo('scale-guessed', { code, label, scale: def.scale }, code));
      setTexts(def, penjelasan, scales.get(def.scale)!);
      return def;
    }
    def.scale = addScale(scaleDef);
    // dependent-question rules: what another row's answer or score does to this one
    for (const d of deps) {
      const dep = byRow.get(d.row)!;
      if (d.col === J) {
        const answers: string[] = [];
        for (const s of comparedWith(f, d.row, d.col)) {
          const extra = new Map<string, XValue>([[key(d.row, d.col), s]]);
          const changed = options.length > 0 ? options.map((o) => scoreWith(o.code, extra)) : [];
          const base = options.map((o) => scoreWith(o.code));
          if (changed.length > 0 && changed.every((v, i) => v === 0 && base[i] !== undefined) && base.some((v) => v !== 0)) answers.push(s);
          else if (!changed.every((v, i) => v === base[i])) todos.push(todo('dependency-unknown', { code, cell: a1(r.row, cols.nilai!), ref: a1(d.row, d.col) }, code));
        }
        if (answers.length > 0) depsOut.push({ row: dep, kind: 'answer', answers });
      } else {
        const ok = [0.5, 0.25].every((m) =>
          options.every((o) => {
            const base = scoreWith(o.code);
            const v = scoreWith(o.code, new Map([[key(d.row, d.col), m]]));
            return base !== undefined && v !== undefined && near(v, base * m);
          }),
        );
        if (ok) depsOut.push({ row: dep, kind: 'score' });
        else todos.push(todo('dependency-unknown', { code, cell: a1(r.row, cols.nilai!), ref: a1(d.row, d.col) }, code));
      }
    }
    if (depsOut.length > 0) pending.push({ q: r, def, deps: depsOut });
    setTexts(def, penjelasan, scales.get(def.scale)!);
    if (r.sole && scaleDef.type === 'number' && bukti) def.bukti = false;
    return def;
  };

  // two passes: rows whose own formula says how they score first, so a row scored by its label reuses their scales
  const defs = new Map<Row, QuestionDef>();
  const questionRows = structural.filter((r) => r.kind === 'question' || r.sole);
  const byFormula = (r: Row) => !!(r.jawabanF && r.inputs.length > 0) || !!(r.nilaiF && cols.jawaban !== undefined && safeRefs(r.nilaiF).some((x) => !x.sheet && x.row === r.row && x.col === cols.jawaban));
  for (const r of questionRows) {
    const d = byFormula(r) ? questionOf(r, false) : undefined;
    if (d) defs.set(r, d);
  }
  for (const r of questionRows) if (!defs.has(r)) defs.set(r, questionOf(r, true)!);

  // rules name questions by code, and only earlier ones
  for (const p of pending) {
    p.def.rules = [];
    for (const d of p.deps) {
      const depDef = defs.get(d.row);
      if (!depDef || d.row.row >= p.q.row) {
        todos.push(todo('dependency-unknown', { code: p.def.code, cell: a1(p.q.row, cols.nilai!), ref: a1(d.row.row, cols.jawaban) }, p.def.code));
        continue;
      }
      if (d.kind === 'score') {
        p.def.rules.push({ multiplyBy: depDef.code });
        continue;
      }
      const scale = scales.get(depDef.scale);
      const answers: string[] = [];
      for (const a of d.answers ?? []) {
        const lower = a.toLowerCase();
        const option = scale?.type === 'choice' ? scale.options.find((o) => o.code.toLowerCase() === lower || (o.aliases ?? []).some((x) => x.toLowerCase() === lower)) : undefined;
        if (option) answers.push(option.code);
        // the sheet tests for an answer the other question does not have: the test never holds
        else todos.push(todo('rule-inert', { code: p.def.code, dep: depDef.code, answer: a }, p.def.code));
      }
      if (answers.length > 0) p.def.rules.push({ zeroWhen: { question: depDef.code, answers } });
    }
    if (p.def.rules.length === 0) delete p.def.rules;
    else p.def.uncertain = `Rule read from the sheet's formula ${a1(p.q.row, cols.nilai!)}: confirm it is the instrument's own.`;
  }

  // ── the tree, with what the sheet's own formulas say about it ────────────────────────────────────────────
  /** A node of the rubric; undefined for a node with nothing under it (left out, a TODO). */
  const nodeOf = (r: Row): NodeInput | undefined => {
    const code = r.code!;
    const m = BRACKET_WEIGHT.exec(r.text);
    const node: NodeInput = { code, level: levelOf(r), name: cleanName(r.text) || code, bobot: r.bobot! };
    if (m && !near(num(m[1]!), r.bobot!, 1e-6)) todos.push(todo('bracket-weight', { code, bracket: m[1]!, bobot: r.bobot! }, code));
    if (r.bobotFromChildren) todos.push(todo('bobot-from-children', { code, bobot: r.bobot! }, code));
    if (r.sole) {
      node.questions = [defs.get(r)!];
      return node;
    }
    const kids = r.children;
    if (kids.length === 0) {
      todos.push(todo('node-empty', { code, row: r.row }, code));
      return undefined;
    }
    if (kids.every((c) => c.kind === 'question')) {
      node.questions = kids.map((c) => defs.get(c)!);
      checkIndicator(r, kids);
    } else {
      node.children = kids.filter((c) => c.kind === 'node').map(nodeOf).filter((c): c is NodeInput => c !== undefined);
      const sum = kids.reduce((s, c) => s + bobotOf(c), 0);
      if (!near(sum, r.bobot!, 0.011)) todos.push(todo('bobot-sum', { code, bobot: r.bobot!, sum: tidy(sum) }, code));
      checkSum(r, kids);
    }
    return node;
  };

  // an indicator's formula should be the mean of its questions' scores × bobot, blanks left out
  const checkIndicator = (r: Row, qs: Row[]) => {
    if (!r.nilaiF || cols.nilai === undefined) return;
    const o = new Map<string, XValue>();
    const vals = qs.map((_, i) => [0.3, 0.9, 0.55, 0.15, 0.8][i % 5]!);
    qs.forEach((q, i) => o.set(key(q.row, cols.nilai!), vals[i]!));
    for (const x of r.inputs) o.set(key(x.row, cols.nilai!), null);
    const expect = (vals.reduce((s, v) => s + v, 0) / vals.length) * r.bobot!;
    const got = evalWith(r.nilaiF, o);
    const sheetSays = (got: XValue) => (typeof got === 'number' ? String(tidy(got)) : isError(got) ? got.error : String(got));
    if (typeof got !== 'number' || !near(got, expect, 1e-9)) {
      todos.push(todo('formula-defective', { code: r.code!, cell: a1(r.row, cols.nilai), formula: `=${r.nilaiSrc}`, imported: `mean of ${qs.length} question(s) × ${r.bobot} (the sheet's formula gives ${sheetSays(got)} where that gives ${tidy(expect)})` }, r.code));
      return;
    }
    if (qs.length > 1) {
      // a blank question: the official sheets leave it out of the mean
      o.set(key(qs[0]!.row, cols.nilai), 'Blm Diisi');
      const rest = vals.slice(1);
      const skip = (rest.reduce((s, v) => s + v, 0) / rest.length) * r.bobot!;
      const v = evalWith(r.nilaiF, o);
      if (typeof v === 'number' && !near(v, skip, 1e-9)) todos.push(todo('blank-counted', { code: r.code!, cell: a1(r.row, cols.nilai) }, r.code));
    }
  };
  // a parent's formula should be the sum of its children's nilai
  // a parent's formula should be the sum of its children's nilai: checked on one consistent sheet, every
  // question given a score and every node below the nilai lke gives it (a formula may read any level)
  const checkSum = (r: Row, kids: Row[]) => {
    if (!r.nilaiF || cols.nilai === undefined) return;
    const o = new Map<string, XValue>();
    let n = 0;
    const fill = (x: Row): number => {
      if (x.kind === 'question') {
        const v = [0.3, 0.9, 0.55, 0.15, 0.8][n++ % 5]!;
        o.set(key(x.row, cols.nilai!), v);
        return v;
      }
      if (x.sole) {
        const v = [0.3, 0.9, 0.55, 0.15, 0.8][n++ % 5]! * x.bobot!;
        o.set(key(x.row, cols.nilai!), v);
        return v;
      }
      const qs = x.children.filter((c) => c.kind === 'question');
      const v = qs.length > 0 ? (qs.map(fill).reduce((a, b) => a + b, 0) / qs.length) * x.bobot! : x.children.filter((c) => c.kind === 'node').map(fill).reduce((a, b) => a + b, 0);
      o.set(key(x.row, cols.nilai!), v);
      return v;
    };
    const nodes = kids.filter((c) => c.kind === 'node');
    const expect = nodes.map(fill).reduce((a, b) => a + b, 0);
    const resolve = (f: FNode): XValue =>
      evaluateFormulaSafe(f, (row, col) => {
        if (o.has(key(row, col))) return o.get(key(row, col))!;
        const t = totals.get(row);
        if (t && col === cols.nilai) return resolve(t);
        return valueAt(row, col);
      });
    const got = resolve(r.nilaiF);
    if (typeof got !== 'number' || !near(got, expect, 1e-9)) {
      todos.push(todo('formula-defective', { code: r.code!, cell: a1(r.row, cols.nilai), formula: `=${r.nilaiSrc}`, imported: `the sum of ${nodes.map((c) => c.code).join(', ')}` }, r.code));
    }
  };

  const tree = roots.filter((r) => r.kind === 'node').map(nodeOf).filter((c): c is NodeInput => c !== undefined);
  for (const r of roots) if (r.kind !== 'node') todos.push(todo('row-ignored', { row: r.row, text: r.text.slice(0, 60) }));

  // ── the rubric's head ─────────────────────────────────────────────────────────────────────────────────────
  const titleText = titleRows(sheet, header);
  const all = `${titleText} ${sheet.name} ${readEntries(header).filter((e) => e.total).map((e) => e.text).join(' ')}`.toUpperCase();
  const kind: 'rb' | 'zi' = /ZONA INTEGRITAS|\bWBK\b|\bWBBM\b|\bZI\b/.test(all) ? 'zi' : 'rb';
  if (!/ZONA INTEGRITAS|\bWBK\b|\bWBBM\b|\bZI\b|REFORMASI BIROKRASI|INDEKS RB|PMPRB/.test(all)) todos.push(todo('kind-guessed', { kind }));
  const regulation = regulationOf(titleText);
  if (!regulation) todos.push(todo('regulation-unknown', {}));
  const builtin = (opts.builtins ?? []).find((b) => b.input.kind === kind && b.form !== 'lines');
  let predikat: RubricInput['predikat'];
  if (builtin) {
    predikat = { name: builtin.predikat.name, bands: builtin.predikat.bands.map((b) => ({ ...b })) as BandDef[], ...(builtin.predikat.uncertain ? { uncertain: builtin.predikat.uncertain } : {}) };
    todos.push(todo('predikat-copied', { from: builtin.id }));
  } else {
    predikat = { name: 'Predikat', bands: [{ code: '-' }] };
    todos.push(todo('predikat-unknown', {}));
  }
  const detectWords = (kind === 'zi' ? ['ZONA INTEGRITAS', 'WBK', 'WBBM'] : ['REFORMASI BIROKRASI', 'INDEKS RB', 'PMPRB']).filter((w) => all.includes(w));
  const input: RubricInput = {
    id: opts.id,
    title: titleOf(titleText) || `LKE ${sheet.name}`,
    regulation: regulation ?? '',
    kind,
    detect: { titles: detectWords },
    defaults: { bukti },
    scales: Object.fromEntries(scales),
    predikat,
    tree,
  };
  return { input, todos, sheet: sheet.name, headerRow: header.row };
}

function safeRefs(f: FNode) {
  try {
    return refsOf(f);
  } catch (e) {
    if (e instanceof FormulaUnsupported) return [];
    throw e;
  }
}

function evaluateFormulaSafe(f: FNode, cell: (row: number, col: number) => XValue): XValue {
  try {
    return evaluateFormula(f, (r, c, s) => (s ? null : cell(r, c)));
  } catch {
    return { error: '#UNSUPPORTED' };
  }
}

function mode(xs: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: number | undefined;
  for (const [x, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && x > best)) best = x;
  return best;
}

/** The numbering styles every token of a sibling group can be read as. */
function commonStyles(tokens: string[]): NumberingStyle[] {
  if (tokens.length === 0) return [];
  let styles = stylesOf(tokens[0]!);
  for (const t of tokens.slice(1)) styles = styles.filter((s) => stylesOf(t).includes(s));
  // "i", "ii" read as roman; "I" alone is more likely the letter after H only when letters run before it
  return styles.sort((a, b) => (a.includes('roman') ? -1 : 0) - (b.includes('roman') ? -1 : 0));
}

/** A node's name without the weight the official sheets keep in brackets ("Harmonisasi (2,5)"). */
export function cleanName(s: string): string {
  return s.replace(BRACKET_WEIGHT, '').trim();
}

/** The scale a question's answers score on, from the points its formula gives (per bobot on a hasil row). */
function choiceScale(label: string, options: { code: string; points: number }[], divisor: number): ScaleDef {
  const parts = label.split('/').map((p) => p.trim());
  // long lookup texts ("Wajar Tanpa Pengecualian") are named by the label's short forms when they pair up
  const named = parts.length === options.length && parts.every((p) => p.length > 0) && options.filter((o) => /\s/.test(o.code)).length * 2 >= options.length;
  const points = options.map((o) => o.points);
  const nice = (x: number) => near(x, +x.toFixed(4));
  const useMax = divisor !== 1 && points.every(nice) && !points.every((p) => nice(p / divisor));
  const max = useMax ? divisor : 1;
  return {
    type: 'choice',
    label,
    max,
    options: options.map((o, i) => {
      const score = useMax ? tidy(o.points) : tidy(o.points / divisor);
      return named && parts[i]!.toLowerCase() !== o.code.toLowerCase() ? { code: parts[i]!, score, aliases: [o.code] } : { code: o.code, score };
    }),
  };
}

/** A scale from its Pilihan Jawaban label alone ("Ya/Tidak", "A/B/C/D"), the points the official sheets use. */
function scaleFromLabel(label: string): ScaleDef {
  const t = label.replace(/\s+/g, '').toUpperCase();
  if (/^(YA\/TIDAK|Y\/T|YA)$/.test(t)) return { type: 'choice', label, max: 1, options: [{ code: 'Ya', score: 1 }, { code: 'Tidak', score: 0 }] };
  const letters = /^([A-E])(\/[A-E])+$/.test(t) ? t.split('/') : undefined;
  const table: Record<number, number[]> = { 2: [1, 0], 3: [1, 0.5, 0], 4: [1, 0.67, 0.33, 0], 5: [1, 0.75, 0.5, 0.25, 0] };
  if (letters && table[letters.length]) return { type: 'choice', label, max: 1, options: letters.map((c, i) => ({ code: c, score: table[letters.length]![i]! })) };
  if (t === '%' || t === '') return { type: 'percent', label: label || '%' };
  const range = /(-?\d+(?:[.,]\d+)?)\s*[-\u2013]\s*(\d+(?:[.,]\d+)?)/.exec(label);
  if (range) return { type: 'number', label, range: [num(range[1]!), num(range[2]!)], clamp: false };
  return { type: 'choice', label, max: 1, options: [{ code: 'Ya', score: 1 }, { code: 'Tidak', score: 0 }] };
}

function scaleKey(s: ScaleDef): string {
  if (s.type === 'percent') return 'percent';
  if (s.type === 'count') return 'count';
  if (s.type === 'number') return `number-${s.range[0]}-${s.range[1]}`.replace(/\./g, '_');
  const codes = s.options.map((o) => o.code.toLowerCase());
  if (codes.join('/') === 'ya/tidak') return 'ya-tidak';
  if (codes.every((c) => /^[a-e]$/.test(c))) return codes.join('');
  return (
    s.label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24)
      .replace(/-$/, '') || 'choice'
  );
}

/** The Penjelasan as option texts ("a. …" per line) when it lists the scale's options, else as the explanation. */
function setTexts(def: QuestionDef, penjelasan: string, scale: ScaleDef): void {
  const text = penjelasan.trim();
  if (!text) return;
  if (scale.type === 'choice' && scale.options.every((o) => /^[A-E]$/.test(o.code))) {
    const parts = text.split(/\n(?=\s*[a-e][.)]\s)/i).map((p) => p.trim());
    const texts: Record<string, string> = {};
    for (const p of parts) {
      const m = /^([a-e])[.)]\s*(.+)$/is.exec(p);
      if (!m) return void (def.explanation = clean(text));
      texts[m[1]!.toUpperCase()] = clean(m[2]!);
    }
    if (Object.keys(texts).every((k) => scale.options.some((o) => o.code === k)) && Object.keys(texts).length > 0) def.optionTexts = texts;
    else def.explanation = clean(text);
    return;
  }
  def.explanation = clean(text);
}

function titleRows(sheet: Sheet, header: Header): string {
  const parts: string[] = [];
  for (let r = 1; r < header.row; r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    for (const c of [...cells.keys()].sort((a, b) => a - b)) {
      const t = textOf(cells.get(c));
      // words, not a row counter; not the title block's fields
      if (/[A-Za-z]{3}/.test(t) && !/^(instansi|unit kerja|tahun|opd|penilaian tahun)\b/i.test(t)) parts.push(t);
    }
  }
  return parts.join('\n');
}

function titleOf(text: string): string {
  const about = /\bTENTANG\s+([\s\S]+)/i.exec(text);
  const t = clean(about ? about[1]! : (text.split('\n')[0] ?? ''));
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

function regulationOf(text: string): string | undefined {
  const m = /(PERATURAN\s+MENTERI[\s\S]*?NOMOR\s+\d+\s+TAHUN\s+\d{4})/i.exec(text);
  if (!m) return undefined;
  return clean(m[1]!)
    .toLowerCase()
    .replace(/\b([a-z])/g, (c) => c.toUpperCase())
    .replace(/\b(Dan|Di|Dari)\b/g, (w) => w.toLowerCase());
}
