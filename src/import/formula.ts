// Excel formulas as `lke rubric import` reads them: parsed into a tree, their cell references listed, and
// evaluated with Excel's rules (text compared without case, blanks as "" or 0, AVERAGE and COUNT skipping text,
// IF evaluating only the branch it takes) over a sheet whose cells the caller may override. That is how the
// import learns what a Nilai formula computes: by trying answers and reading what comes out, whatever the
// formula's shape. Only the functions LKE sheets use; anything else is "unsupported", never guessed.

export type FNode =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'ref'; row: number; col: number; sheet?: string | undefined }
  | { t: 'range'; r1: number; c1: number; r2: number; c2: number; sheet?: string | undefined }
  | { t: 'neg'; a: FNode }
  | { t: 'pct'; a: FNode }
  | { t: 'bin'; op: string; a: FNode; b: FNode }
  | { t: 'call'; fn: string; args: FNode[] };

export class FormulaUnsupported extends Error {}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!))|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][\w.]*)\s*\(|(TRUE|FALSE)\b|(<=|>=|<>|[-+*/^&=<>%(),]))/y;

type Tok = { kind: 'str' | 'err' | 'ref' | 'num' | 'fn' | 'bool' | 'op'; text: string; sheet?: string | undefined };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let pos = 0;
  const s = src.startsWith('=') ? src.slice(1) : src;
  while (pos < s.length) {
    if (/^\s*$/.test(s.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(s);
    if (!m) throw new FormulaUnsupported(`cannot read "${s.slice(pos, pos + 12)}…"`);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: 'str', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2] !== undefined) out.push({ kind: 'err', text: m[2] });
    else if (m[4] !== undefined) out.push({ kind: 'ref', text: m[4], sheet: m[3] ? m[3].slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") : undefined });
    else if (m[5] !== undefined) out.push({ kind: 'num', text: m[5] });
    else if (m[6] !== undefined) out.push({ kind: 'fn', text: m[6].toUpperCase() });
    else if (m[7] !== undefined) out.push({ kind: 'bool', text: m[7] });
    else out.push({ kind: 'op', text: m[8]! });
  }
  return out;
}

const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function cellOf(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1)!;
  return { row: Number(m[2]), col: colOf(m[1]!) };
}

/** Excel's precedence, loosest first: comparison, &, + -, * /, ^, unary minus, %. */
export function parseFormula(src: string): FNode {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (t: Tok | undefined, ...ops: string[]) => t !== undefined && t.kind === 'op' && ops.includes(t.text);
  const expect = (op: string) => {
    if (!isOp(peek(), op)) throw new FormulaUnsupported(`expected ${op}`);
    i++;
  };
  const level = (next: () => FNode, ops: string[]) => (): FNode => {
    let a = next();
    while (isOp(peek(), ...ops)) {
      const op = toks[i++]!.text;
      a = { t: 'bin', op, a, b: next() };
    }
    return a;
  };
  const atom = (): FNode => {
    const t = toks[i++];
    if (!t) throw new FormulaUnsupported('formula ends too early');
    switch (t.kind) {
      case 'num':
        return { t: 'num', v: Number(t.text) };
      case 'str':
        return { t: 'str', v: t.text };
      case 'bool':
        return { t: 'bool', v: t.text === 'TRUE' };
      case 'err':
        return { t: 'err', v: t.text };
      case 'ref': {
        const [a, b] = t.text.split(':');
        const p = cellOf(a!);
        if (!b) return { t: 'ref', ...p, sheet: t.sheet };
        const q = cellOf(b);
        return { t: 'range', r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col), sheet: t.sheet };
      }
      case 'fn': {
        const args: FNode[] = [];
        if (!isOp(peek(), ')')) {
          for (;;) {
            // an empty argument (IF(a,,b)) is a blank
            args.push(isOp(peek(), ',', ')') ? { t: 'str', v: '' } : cmp());
            if (!isOp(peek(), ',')) break;
            i++;
          }
        }
        expect(')');
        return { t: 'call', fn: t.text, args };
      }
      case 'op':
        if (t.text === '(') {
          const e = cmp();
          expect(')');
          return e;
        }
        throw new FormulaUnsupported(`unexpected "${t.text}"`);
    }
  };
  const postfix = (): FNode => {
    let a = atom();
    while (isOp(peek(), '%')) {
      i++;
      a = { t: 'pct', a };
    }
    return a;
  };
  const unary = (): FNode => {
    if (isOp(peek(), '-')) {
      i++;
      return { t: 'neg', a: unary() };
    }
    if (isOp(peek(), '+')) {
      i++;
      return unary();
    }
    return postfix();
  };
  const pow = level(unary, ['^']);
  const prod = level(pow, ['*', '/']);
  const sum = level(prod, ['+', '-']);
  const concat = level(sum, ['&']);
  const cmp = level(concat, ['=', '<>', '<', '>', '<=', '>=']);
  const e = cmp();
  if (i !== toks.length) throw new FormulaUnsupported(`unexpected "${toks[i]!.text}"`);
  return e;
}

/** Every cell a formula reads, ranges expanded (ranges larger than `maxCells` are refused). */
export function refsOf(n: FNode, maxCells = 5000): { row: number; col: number; sheet?: string | undefined }[] {
  const out: { row: number; col: number; sheet?: string | undefined }[] = [];
  const walk = (x: FNode) => {
    switch (x.t) {
      case 'ref':
        out.push({ row: x.row, col: x.col, sheet: x.sheet });
        break;
      case 'range':
        if ((x.r2 - x.r1 + 1) * (x.c2 - x.c1 + 1) > maxCells) throw new FormulaUnsupported('a range too large to follow');
        for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) out.push({ row: r, col: c, sheet: x.sheet });
        break;
      case 'neg':
      case 'pct':
        walk(x.a);
        break;
      case 'bin':
        walk(x.a);
        walk(x.b);
        break;
      case 'call':
        x.args.forEach(walk);
        break;
    }
  };
  walk(n);
  return out;
}

/** The texts a formula compares one cell with (K8="A", "A"=K8, K8&""="1"): the answers it knows for that cell. */
export function comparedWith(n: FNode, row: number, col: number): string[] {
  const out = new Set<string>();
  const isCell = (x: FNode): boolean => (x.t === 'ref' && !x.sheet && x.row === row && x.col === col) || (x.t === 'bin' && x.op === '&' && isCell(x.a) && x.b.t === 'str' && x.b.v === '');
  const walk = (x: FNode) => {
    if (x.t === 'bin') {
      if ((x.op === '=' || x.op === '<>') && isCell(x.a) && x.b.t === 'str') out.add(x.b.v);
      if ((x.op === '=' || x.op === '<>') && isCell(x.b) && x.a.t === 'str') out.add(x.a.v);
      walk(x.a);
      walk(x.b);
    } else if (x.t === 'neg' || x.t === 'pct') walk(x.a);
    else if (x.t === 'call') x.args.forEach(walk);
  };
  walk(n);
  return [...out].filter((v) => v !== '');
}

// ── evaluation ───────────────────────────────────────────────────────────────────────────────────────────────

export type XValue = number | string | boolean | null | { error: string };
type Arg = XValue | XValue[];

export const isError = (v: unknown): v is { error: string } => typeof v === 'object' && v !== null && 'error' in v;
const err = (e: string): { error: string } => ({ error: e });

function toNumber(v: XValue): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t === '') return err('#VALUE!');
  const n = Number(t);
  return Number.isFinite(n) ? n : err('#VALUE!');
}

function toBool(v: XValue): boolean | { error: string } {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const t = v.trim().toUpperCase();
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  return err('#VALUE!');
}

/** Excel's comparison: blank equals "" and 0; text without case; numbers < text < booleans. */
function compare(a: XValue, b: XValue): number {
  const rank = (v: XValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number') return a === b ? 0 : a < (b as number) ? -1 : 1;
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a ? 1 : -1;
}

export type CellReader = (row: number, col: number, sheet?: string) => XValue;

/** The numbers among arguments as SUM/AVERAGE/COUNT read them: in ranges only numbers; direct arguments coerced. */
function numbersOf(args: Arg[]): number[] | { error: string } {
  const out: number[] = [];
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const v of a) {
        if (isError(v)) return v;
        if (typeof v === 'number') out.push(v);
      }
    } else if (a !== null) {
      if (isError(a)) return a;
      if (typeof a === 'string' && a.trim() === '') continue;
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

export function evaluateFormula(n: FNode, cell: CellReader): XValue {
  const scalar = (x: FNode): XValue => {
    const v = ev(x);
    return Array.isArray(v) ? (v.length === 1 ? v[0]! : err('#VALUE!')) : v;
  };
  const num = (x: FNode) => toNumber(scalar(x));
  const ev = (x: FNode): Arg => {
    switch (x.t) {
      case 'num':
        return x.v;
      case 'str':
        return x.v;
      case 'bool':
        return x.v;
      case 'err':
        return err(x.v);
      case 'ref':
        return cell(x.row, x.col, x.sheet);
      case 'range': {
        const vals: XValue[] = [];
        for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) vals.push(cell(r, c, x.sheet));
        return vals;
      }
      case 'neg': {
        const v = num(x.a);
        return isError(v) ? v : -v;
      }
      case 'pct': {
        const v = num(x.a);
        return isError(v) ? v : v / 100;
      }
      case 'bin':
        return binary(x.op, scalar(x.a), scalar(x.b));
      case 'call':
        return call(x.fn, x.args);
    }
  };
  const binary = (op: string, a: XValue, b: XValue): XValue => {
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (op === '&') return `${a === null ? '' : typeof a === 'boolean' ? (a ? 'TRUE' : 'FALSE') : a}${b === null ? '' : typeof b === 'boolean' ? (b ? 'TRUE' : 'FALSE') : b}`;
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      const c = compare(a, b);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? err('#DIV/0!') : x / y;
      case '^':
        return x ** y;
    }
    throw new FormulaUnsupported(`operator ${op}`);
  };
  const aggregate = (fn: string, args: Arg[]): XValue => {
    const ns = numbersOf(args);
    if (isError(ns)) return ns;
    switch (fn) {
      case 'SUM':
        return ns.reduce((s, v) => s + v, 0);
      case 'AVERAGE':
        return ns.length === 0 ? err('#DIV/0!') : ns.reduce((s, v) => s + v, 0) / ns.length;
      case 'COUNT':
        return ns.length;
      case 'MIN':
        return ns.length === 0 ? 0 : Math.min(...ns);
      case 'MAX':
        return ns.length === 0 ? 0 : Math.max(...ns);
    }
    throw new FormulaUnsupported(`function ${fn}`);
  };
  const call = (fn: string, argNodes: FNode[]): XValue => {
    switch (fn) {
      case 'IF': {
        const c = toBool(scalar(argNodes[0]!));
        if (isError(c)) return c;
        const branch = c ? argNodes[1] : argNodes[2];
        return branch === undefined ? (c ? true : false) : scalar(branch);
      }
      case 'IFERROR': {
        const v = scalar(argNodes[0]!);
        return isError(v) ? scalar(argNodes[1]!) : v;
      }
      case 'AND':
      case 'OR': {
        const vals: boolean[] = [];
        for (const a of argNodes.map(ev)) {
          for (const v of Array.isArray(a) ? a.filter((y) => typeof y === 'boolean' || typeof y === 'number' || isError(y)) : [a]) {
            const b = toBool(v);
            if (isError(b)) return b;
            vals.push(b);
          }
        }
        return fn === 'AND' ? vals.every(Boolean) : vals.some(Boolean);
      }
      case 'NOT': {
        const b = toBool(scalar(argNodes[0]!));
        return isError(b) ? b : !b;
      }
      case 'ISNUMBER':
        return typeof scalar(argNodes[0]!) === 'number';
      case 'ISBLANK':
        return scalar(argNodes[0]!) === null;
      case 'ISTEXT':
        return typeof scalar(argNodes[0]!) === 'string';
      case 'ISERROR':
        return isError(scalar(argNodes[0]!));
      case 'ABS':
      case 'INT': {
        const v = num(argNodes[0]!);
        return isError(v) ? v : fn === 'ABS' ? Math.abs(v) : Math.floor(v);
      }
      case 'ROUND': {
        const v = num(argNodes[0]!);
        const d = num(argNodes[1] ?? { t: 'num', v: 0 });
        if (isError(v)) return v;
        if (isError(d)) return d;
        const f = 10 ** d;
        return (Math.sign(v) * Math.round(Math.abs(v) * f + 1e-9)) / f;
      }
      case 'SUBTOTAL': {
        const code = num(argNodes[0]!);
        if (isError(code)) return code;
        const which: Record<number, string> = { 1: 'AVERAGE', 2: 'COUNT', 4: 'MAX', 5: 'MIN', 9: 'SUM' };
        const f = which[code % 100];
        if (!f) throw new FormulaUnsupported(`SUBTOTAL(${code})`);
        return aggregate(f, argNodes.slice(1).map(ev));
      }
      case 'SUM':
      case 'AVERAGE':
      case 'COUNT':
      case 'MIN':
      case 'MAX':
        return aggregate(fn, argNodes.map(ev));
      case 'COUNTA': {
        let n = 0;
        for (const a of argNodes.map(ev)) for (const v of Array.isArray(a) ? a : [a]) if (v !== null && v !== '') n++;
        return n;
      }
    }
    throw new FormulaUnsupported(`function ${fn}`);
  };
  return scalar(n);
}

/** A formula as text again (for messages and comments): Excel's own notation, references in A1 style. */
export function formulaText(n: FNode): string {
  const a1 = (row: number, col: number) => {
    let s = '';
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return `${s}${row}`;
  };
  switch (n.t) {
    case 'num':
      return String(n.v);
    case 'str':
      return `"${n.v.replace(/"/g, '""')}"`;
    case 'bool':
      return n.v ? 'TRUE' : 'FALSE';
    case 'err':
      return n.v;
    case 'ref':
      return a1(n.row, n.col);
    case 'range':
      return `${a1(n.r1, n.c1)}:${a1(n.r2, n.c2)}`;
    case 'neg':
      return `-${formulaText(n.a)}`;
    case 'pct':
      return `${formulaText(n.a)}%`;
    case 'bin': {
      const side = (x: FNode) => (x.t === 'bin' ? `(${formulaText(x)})` : formulaText(x));
      return `${side(n.a)}${n.op}${side(n.b)}`;
    }
    case 'call':
      return `${n.fn}(${n.args.map(formulaText).join(',')})`;
  }
}
