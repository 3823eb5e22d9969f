// The value of a formula made only of constants — `="Ya"`, `=70+0.05`, `=-(3,5*2)` as stored: `"Ya"`, `70+0.05` —
// for cells written without a cached result (openpyxl and other scripts never calculate). Anything else (a
// function, a reference, a name, a comparison, an error) is not worked out: lke does not re-implement Excel.

import type { Scalar } from './grid.js';

/** Formulas longer than this are never "simple arithmetic of constants" in an LKE answer cell. */
const MAX_LENGTH = 200;

type Value = number | string | boolean;

/** The formula's value (its text as stored, without the leading "="), or undefined when it is not a constant. */
export function constantFormula(text: string): Scalar | undefined {
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  const p = new Parser(text);
  try {
    const v = p.concat();
    p.space();
    if (p.i !== text.length) return undefined;
    if (typeof v === 'number' && !Number.isFinite(v)) return undefined;
    return v;
  } catch {
    return undefined;
  }
}

/** Excel's operators by precedence, low to high: &, + -, * /, ^, unary - +, %. */
class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private eat(ch: string): boolean {
    this.space();
    if (this.s[this.i] === ch) {
      this.i++;
      return true;
    }
    return false;
  }

  concat(): Value {
    let v = this.sum();
    while (this.eat('&')) v = text(v) + text(this.sum());
    return v;
  }

  private sum(): Value {
    let v = this.product();
    for (;;) {
      if (this.eat('+')) v = num(v) + num(this.product());
      else if (this.eat('-')) v = num(v) - num(this.product());
      else return v;
    }
  }

  private product(): Value {
    let v = this.power();
    for (;;) {
      if (this.eat('*')) v = num(v) * num(this.power());
      else if (this.eat('/')) {
        const d = num(this.power());
        if (d === 0) throw new Error('#DIV/0!');
        v = num(v) / d;
      } else return v;
    }
  }

  private power(): Value {
    let v = this.unary();
    while (this.eat('^')) v = num(v) ** num(this.unary());
    return v;
  }

  private unary(): Value {
    if (this.eat('-')) return -num(this.unary());
    if (this.eat('+')) return num(this.unary());
    let v = this.primary();
    while (this.eat('%')) v = num(v) / 100;
    return v;
  }

  private primary(): Value {
    this.space();
    const s = this.s;
    if (this.eat('(')) {
      const v = this.concat();
      if (!this.eat(')')) throw new Error('unclosed bracket');
      return v;
    }
    if (s[this.i] === '"') {
      let out = '';
      for (this.i++; ; this.i++) {
        if (this.i >= s.length) throw new Error('unclosed string');
        if (s[this.i] === '"') {
          if (s[this.i + 1] !== '"') break;
          this.i++;
        }
        out += s[this.i];
      }
      this.i++;
      return out;
    }
    const n = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i.exec(s.slice(this.i));
    if (n) {
      this.i += n[0].length;
      return Number(n[0]);
    }
    const b = /^(TRUE|FALSE)(?![A-Za-z0-9_.(])/i.exec(s.slice(this.i));
    if (b) {
      this.i += b[0].length;
      return b[1]!.toUpperCase() === 'TRUE';
    }
    // a function, a reference, a name, an error literal: not a constant
    throw new Error('not a constant');
  }
}

/** Arithmetic takes numbers only: Excel's coercions of text and truth values are not followed. */
function num(v: Value): number {
  if (typeof v !== 'number') throw new Error('#VALUE!');
  return v;
}

function text(v: Value): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
