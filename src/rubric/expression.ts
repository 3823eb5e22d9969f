// A tiny, safe expression language for ratio formulas written in rubric YAML.
// Rubrics are data: a formula can only do arithmetic over named sub-inputs, never call code.
//   expr   := or ; or := and ('or' and)* ; and := cmp ('and' cmp)*
//   cmp    := sum (('=' | '<>' | '<' | '>' | '<=' | '>=') sum)?
//   sum    := prod (('+'|'-') prod)* ; prod := unary (('*'|'/') unary)*
//   unary  := '-' unary | atom ; atom := number | name | name '(' args ')' | '(' expr ')'
// Functions: min(x, y, …), max(x, y, …), if(cond, then, else).

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'var'; name: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: string; left: Expr; right: Expr }
  | { kind: 'call'; fn: 'min' | 'max' | 'if'; args: Expr[] };

export class ExpressionError extends Error {}

/** Thrown while evaluating when a divisor is zero; the caller turns it into a finding. */
export class DivisionByZero extends Error {
  /** Made without a stack trace: it is an answer, not a bug, and the gap search meets it often (a count set to 0). */
  static make(): DivisionByZero {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = new DivisionByZero('division by zero');
    Error.stackTraceLimit = limit;
    return e;
  }
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|<>|[-+*/(),=<>]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new ExpressionError(`unexpected character at ${pos + 1} in "${src}"`);
    out.push(m[1] ?? m[2] ?? m[3]!);
    pos = TOKEN.lastIndex;
  }
  return out;
}

export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const take = (t?: string): string => {
    const tok = toks[i];
    if (tok === undefined || (t !== undefined && tok !== t)) {
      throw new ExpressionError(`expected ${t ?? 'more'} but found ${tok ?? 'the end'} in "${src}"`);
    }
    i++;
    return tok;
  };
  const binary = (next: () => Expr, ops: string[]) => (): Expr => {
    let left = next();
    while (peek() !== undefined && ops.includes(peek()!.toLowerCase())) {
      const op = take().toLowerCase();
      left = { kind: 'bin', op, left, right: next() };
    }
    return left;
  };
  const atom = (): Expr => {
    const t = take();
    if (/^\d/.test(t)) return { kind: 'num', value: Number(t) };
    if (t === '(') {
      const e = expr();
      take(')');
      return e;
    }
    if (/^[A-Za-z_]/.test(t)) {
      const name = t.toLowerCase();
      if (peek() === '(') {
        if (name !== 'min' && name !== 'max' && name !== 'if') throw new ExpressionError(`unknown function ${t} in "${src}"`);
        take('(');
        const args: Expr[] = [expr()];
        while (peek() === ',') {
          take(',');
          args.push(expr());
        }
        take(')');
        if (name === 'if' && args.length !== 3) throw new ExpressionError(`if() takes 3 arguments in "${src}"`);
        return { kind: 'call', fn: name, args };
      }
      return { kind: 'var', name: t };
    }
    throw new ExpressionError(`unexpected "${t}" in "${src}"`);
  };
  const unary = (): Expr => (peek() === '-' ? (take(), { kind: 'neg', arg: unary() }) : atom());
  const prod = binary(unary, ['*', '/']);
  const sum = binary(prod, ['+', '-']);
  const cmp = (): Expr => {
    const left = sum();
    const op = peek();
    if (op !== undefined && ['=', '<>', '<', '>', '<=', '>='].includes(op)) {
      take();
      return { kind: 'bin', op, left, right: sum() };
    }
    return left;
  };
  const and = binary(cmp, ['and']);
  const expr = binary(and, ['or']);
  const e = expr();
  if (i !== toks.length) throw new ExpressionError(`unexpected "${toks[i]}" in "${src}"`);
  return e;
}

/** The variable names an expression reads. */
export function variablesOf(e: Expr, into = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'var':
      into.add(e.name);
      break;
    case 'neg':
      variablesOf(e.arg, into);
      break;
    case 'bin':
      variablesOf(e.left, into);
      variablesOf(e.right, into);
      break;
    case 'call':
      e.args.forEach((a) => variablesOf(a, into));
      break;
  }
  return into;
}

export function evaluate(e: Expr, vars: Readonly<Record<string, number>>): number {
  switch (e.kind) {
    case 'num':
      return e.value;
    case 'var': {
      const v = vars[e.name];
      if (v === undefined) throw new ExpressionError(`no value for ${e.name}`);
      return v;
    }
    case 'neg':
      return -evaluate(e.arg, vars);
    case 'call': {
      if (e.fn === 'if') return evaluate(e.args[0]!, vars) !== 0 ? evaluate(e.args[1]!, vars) : evaluate(e.args[2]!, vars);
      const vals = e.args.map((a) => evaluate(a, vars));
      return e.fn === 'min' ? Math.min(...vals) : Math.max(...vals);
    }
    case 'bin': {
      if (e.op === 'and') return evaluate(e.left, vars) !== 0 && evaluate(e.right, vars) !== 0 ? 1 : 0;
      if (e.op === 'or') return evaluate(e.left, vars) !== 0 || evaluate(e.right, vars) !== 0 ? 1 : 0;
      const l = evaluate(e.left, vars);
      const r = evaluate(e.right, vars);
      switch (e.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/':
          if (r === 0) throw DivisionByZero.make();
          return l / r;
        case '=': return l === r ? 1 : 0;
        case '<>': return l !== r ? 1 : 0;
        case '<': return l < r ? 1 : 0;
        case '>': return l > r ? 1 : 0;
        case '<=': return l <= r ? 1 : 0;
        case '>=': return l >= r ? 1 : 0;
      }
      throw new ExpressionError(`unknown operator ${e.op}`);
    }
  }
}
