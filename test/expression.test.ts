import { describe, expect, it } from 'vitest';
import { DivisionByZero, ExpressionError, evaluate, parseExpression, variablesOf } from '../src/rubric/expression.js';

const ev = (src: string, vars: Record<string, number> = {}) => evaluate(parseExpression(src), vars);

describe('formula language', () => {
  it('does arithmetic with precedence and brackets', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('-a + 4', { a: 1 })).toBe(3);
    expect(ev('b / a', { a: 4, b: 3 })).toBe(0.75);
  });
  it('has min, max and if with comparisons and and/or', () => {
    expect(ev('min(b / a, 1)', { a: 2, b: 3 })).toBe(1);
    expect(ev('max(0, (a - b) / a)', { a: 2, b: 3 })).toBe(0);
    const disiplin = 'if(a = 0 and b = 0, 1, (a - b) / a)';
    expect(ev(disiplin, { a: 0, b: 0 })).toBe(1);
    expect(ev(disiplin, { a: 4, b: 1 })).toBe(0.75);
    expect(() => ev(disiplin, { a: 0, b: 2 })).toThrow(DivisionByZero);
    expect(ev('if(a <> 0 or b >= 2, 5, 6)', { a: 0, b: 2 })).toBe(5);
    expect(ev('if(a < 1, 5, 6)', { a: 1 })).toBe(6);
  });
  it('lists the variables a formula reads', () => {
    expect([...variablesOf(parseExpression('if(a = 0, e / c, b)'))].sort()).toEqual(['a', 'b', 'c', 'e']);
  });
  it('rejects anything that is not arithmetic', () => {
    for (const bad of ['process.exit(1)', 'require("fs")', 'a +', '1 2', 'foo(1)', 'a; b', '`x`', 'if(1, 2)']) {
      expect(() => parseExpression(bad), bad).toThrow(ExpressionError);
    }
  });
  it('divides by zero as a typed error, not Infinity', () => {
    expect(() => ev('b / a', { a: 0, b: 1 })).toThrow(DivisionByZero);
  });
});
