import { describe, expect, it } from 'vitest';
import { fixed, roundHalfUp } from '../src/words/round.js';

describe('half-up rounding for presentation', () => {
  it('rounds halves up where toFixed would not', () => {
    expect((1.005).toFixed(2)).toBe('1.00'); // the trap
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(59.725)).toBe(59.73);
    expect(roundHalfUp(71.406286)).toBe(71.41);
    expect(roundHalfUp(3.6666667)).toBe(3.67);
    expect(roundHalfUp(0.9166666 * 100)).toBe(91.67);
  });
  it('keeps sign, tiny and exact values', () => {
    expect(roundHalfUp(-1.005)).toBe(-1.01);
    expect(roundHalfUp(1e-9)).toBe(0);
    expect(roundHalfUp(60)).toBe(60);
    expect(fixed(60)).toBe('60.00');
    expect(fixed(0.5)).toBe('0.50');
  });
});
