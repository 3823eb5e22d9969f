// An Excel ratio formula (the Jawaban of a % row over its "Jumlah" rows) as a rubric formula: the guards that
// give text instead of a number (IF(OR(K129="",…),"Blm Diisi",…), IFERROR(…,"")) dropped, since lke requires
// every input and leaves a division by zero unscored anyway; a cap or floor at the top
// (IF(x>1,1,x), MIN(x,1)) as the rubric's clamp; the rest in the rubric's expression language, cells as input
// keys. Anything the language cannot say is refused with the reason, never approximated.
import type { FNode } from './formula.js';

export type Translated = { ok: true; formula: string; clamp?: [number | null, number | null] | undefined } | { ok: false; why: string };

class Untranslatable extends Error {}

const CMP = new Set(['=', '<>', '<', '>', '<=', '>=']);

/** A test whether inputs are blank: ref = "", "" = ref, ISBLANK(ref), and OR/AND of those. */
function isBlankTest(n: FNode): boolean {
  if (n.t === 'bin' && n.op === '=' && ((n.a.t === 'ref' && n.b.t === 'str' && n.b.v === '') || (n.b.t === 'ref' && n.a.t === 'str' && n.a.v === ''))) return true;
  if (n.t === 'call' && n.fn === 'ISBLANK') return true;
  if (n.t === 'call' && (n.fn === 'OR' || n.fn === 'AND')) return n.args.every(isBlankTest);
  return false;
}

/** A test lke makes itself: an input blank (isBlankTest), fewer numbers than inputs (COUNT(…)<n), one negative (MIN(…)<0). */
function isGuard(n: FNode): boolean {
  if (isBlankTest(n)) return true;
  if (n.t === 'bin' && n.op === '<' && n.a.t === 'call' && (n.a.fn === 'COUNT' || n.a.fn === 'MIN') && n.b.t === 'num') return n.a.fn === 'COUNT' || n.b.v === 0;
  if (n.t === 'call' && (n.fn === 'OR' || n.fn === 'AND')) return n.args.every(isGuard);
  return false;
}

const same = (a: FNode, b: FNode) => JSON.stringify(a) === JSON.stringify(b);

export function toRubricExpression(f: FNode, keyOf: (row: number, col: number) => string | undefined): Translated {
  let n = f;
  let lo: number | null = null;
  let hi: number | null = null;
  // peel the guard and the clamps off the top, in whatever order the sheet wrote them
  for (let changed = true; changed; ) {
    changed = false;
    if (n.t === 'call' && n.fn === 'IF' && n.args.length === 3) {
      const [c, a, b] = n.args as [FNode, FNode, FNode];
      // text instead of a score while an input is blank or negative: lke leaves those unscored itself
      if (isGuard(c) && a.t === 'str') {
        n = b;
        changed = true;
        continue;
      }
      if (c.t === 'bin' && (c.op === '>' || c.op === '>=') && a.t === 'num' && c.b.t === 'num' && c.b.v === a.v && same(c.a, b)) {
        hi = hi === null ? a.v : Math.min(hi, a.v);
        n = b;
        changed = true;
        continue;
      }
      if (c.t === 'bin' && (c.op === '<' || c.op === '<=') && a.t === 'num' && c.b.t === 'num' && c.b.v === a.v && same(c.a, b)) {
        lo = lo === null ? a.v : Math.max(lo, a.v);
        n = b;
        changed = true;
        continue;
      }
    }
    // IFERROR(x, "") is lke's division by zero: the question is not scored
    if (n.t === 'call' && n.fn === 'IFERROR' && n.args.length === 2 && n.args[1]!.t === 'str') {
      n = n.args[0]!;
      changed = true;
      continue;
    }
    if (n.t === 'call' && (n.fn === 'MIN' || n.fn === 'MAX') && n.args.length === 2) {
      const k = n.args.findIndex((x) => x.t === 'num');
      if (k >= 0 && n.args[1 - k]!.t !== 'num') {
        const v = (n.args[k] as { v: number }).v;
        if (n.fn === 'MIN') hi = hi === null ? v : Math.min(hi, v);
        else lo = lo === null ? v : Math.max(lo, v);
        n = n.args[1 - k]!;
        changed = true;
      }
    }
  }
  try {
    const formula = print(n, keyOf, 0);
    return { ok: true, formula, clamp: lo === null && hi === null ? undefined : [lo, hi] };
  } catch (e) {
    if (e instanceof Untranslatable) return { ok: false, why: e.message };
    throw e;
  }
}

/** Precedence, loosest first: or 1, and 2, comparison 3, + - 4, * / 5, unary minus 6, atoms 7. */
function print(n: FNode, keyOf: (row: number, col: number) => string | undefined, outer: number): string {
  const wrap = (s: string, p: number) => (p < outer ? `(${s})` : s);
  switch (n.t) {
    case 'num':
      if (!/^\d+(\.\d+)?$/.test(String(n.v))) throw new Untranslatable(`the number ${n.v}`);
      return String(n.v);
    case 'ref': {
      const k = keyOf(n.row, n.col);
      if (!k || n.sheet) throw new Untranslatable('it reads a cell that is not one of its inputs');
      return k;
    }
    case 'neg':
      return wrap(`-${print(n.a, keyOf, 6)}`, 6);
    case 'bin': {
      if (CMP.has(n.op)) return wrap(`${print(n.a, keyOf, 4)} ${n.op} ${print(n.b, keyOf, 4)}`, 3);
      if (n.op === '+' || n.op === '-') return wrap(`${print(n.a, keyOf, 4)} ${n.op} ${print(n.b, keyOf, n.op === '-' ? 5 : 4)}`, 4);
      if (n.op === '*' || n.op === '/') return wrap(`${print(n.a, keyOf, 5)} ${n.op} ${print(n.b, keyOf, n.op === '/' ? 6 : 5)}`, 5);
      throw new Untranslatable(`the operator ${n.op}`);
    }
    case 'call': {
      if (n.fn === 'IF' && n.args.length === 3) return `if(${n.args.map((a) => print(a, keyOf, 0)).join(', ')})`;
      if ((n.fn === 'MIN' || n.fn === 'MAX') && n.args.length > 0) return `${n.fn.toLowerCase()}(${n.args.map((a) => print(a, keyOf, 0)).join(', ')})`;
      if ((n.fn === 'AND' || n.fn === 'OR') && n.args.length > 0) {
        const p = n.fn === 'AND' ? 2 : 1;
        return wrap(n.args.map((a) => print(a, keyOf, p + 1)).join(` ${n.fn.toLowerCase()} `), p);
      }
      throw new Untranslatable(`the function ${n.fn}`);
    }
    default:
      throw new Untranslatable(n.t === 'str' ? `the text "${n.v}"` : `a ${n.t}`);
  }
}
