import { describe, expect, it } from 'vitest';
import { parseAnswer, parseCount, parseNumberText } from '../src/score/answer.js';
import { mini } from './helpers/mini-rubric.js';

const r = mini();
const q = (code: string) => r.questions.get(code)!;
const opt = (raw: string | number | boolean | null, code: string) => {
  const p = parseAnswer(raw, q(code));
  return p.kind === 'option' ? p.option : p.kind;
};

describe('answers as people type them', () => {
  it('reads Ya in every usual spelling', () => {
    for (const v of ['Ya', 'YA', 'ya', 'Y', 'y', ' Ya ', '✓', '✔', 'Ya, jika tim telah dibentuk', true]) expect(opt(v, 'A.I.1.a'), String(v)).toBe('Ya');
  });
  it('reads Tidak in every usual spelling', () => {
    for (const v of ['Tidak', 'TIDAK', 'T', 't', 'TDK', 'tdk', 'Tdk.', false]) expect(opt(v, 'A.I.1.a'), String(v)).toBe('Tidak');
  });
  it('reads option letters with or without a dot or bracket, in any case', () => {
    for (const v of ['A', 'a', 'A.', 'a.', '(a)', 'A)', ' b ', 'B.', '(C)', 'c)']) expect(opt(v, 'A.I.1.b'), v).toBe(v.replace(/[^a-zA-Z]/g, '').toUpperCase());
  });
  it('reads an option written as its own text', () => {
    expect(opt('Jika sebagian', 'A.I.1.b')).toBe('B');
    expect(opt('b. Jika sebagian', 'A.I.1.b')).toBe('B');
    expect(opt('Wajar Tanpa Pengecualian', 'B.II')).toBe('WTP');
    expect(opt('wajar dengan pengecualian', 'B.II')).toBe('WDP');
    expect(opt('WDP', 'B.II')).toBe('WDP');
  });
  it('rejects letters outside the scale and noise', () => {
    expect(opt('D', 'A.I.1.b')).toBe('invalid');
    expect(opt('E', 'A.I.1.c')).toBe('invalid');
    expect(opt('Mungkin', 'A.I.1.a')).toBe('invalid');
    expect(opt(1, 'A.I.1.b')).toBe('invalid');
  });
  it('treats empty, "Blm Diisi" and "-" as blank', () => {
    for (const v of [null, '', '   ', 'Blm Diisi', '-']) expect(parseAnswer(v, q('A.I.1.a')).kind).toBe('blank');
  });
  it('scores the official point values, literally 0.67 and 0.33', () => {
    const score = (raw: string, code: string) => {
      const p = parseAnswer(raw, q(code));
      return p.kind === 'option' ? p.score : NaN;
    };
    expect([score('Ya', 'A.I.1.a'), score('Tidak', 'A.I.1.a')]).toEqual([1, 0]);
    expect(['A', 'B', 'C'].map((x) => score(x, 'A.I.1.b'))).toEqual([1, 0.5, 0]);
    expect(['A', 'B', 'C', 'D'].map((x) => score(x, 'A.I.1.c'))).toEqual([1, 0.67, 0.33, 0]);
    expect(['A', 'B', 'C', 'D', 'E'].map((x) => score(x, 'A.I.2.a'))).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(score('WDP', 'B.II')).toBeCloseTo(2 / 3, 12);
  });
});

describe('numbers as people type them', () => {
  it('reads a decimal comma, percent signs and thousands separators', () => {
    expect(parseNumberText('0,75')).toEqual({ value: 0.75, percent: false });
    expect(parseNumberText('75%')).toEqual({ value: 0.75, percent: true });
    expect(parseNumberText('75 %')).toEqual({ value: 0.75, percent: true });
    expect(parseNumberText('3,25')!.value).toBe(3.25);
    expect(parseNumberText('1.234,5')!.value).toBe(1234.5);
    expect(parseNumberText('1,234.5')!.value).toBe(1234.5);
    expect(parseNumberText('abc')).toBeUndefined();
    expect(parseNumberText('1,2,3')).toBeUndefined();
  });
  it('reads 75 on a percentage question as 75% and flags it', () => {
    expect(parseAnswer(75, q('A.II.1.b'))).toEqual({ kind: 'number', value: 0.75, flag: 'percent-ambiguous' });
    expect(parseAnswer('75%', q('A.II.1.b'))).toEqual({ kind: 'number', value: 0.75, typedPercent: true });
    expect(parseAnswer(0.75, q('A.II.1.b'))).toEqual({ kind: 'number', value: 0.75 });
    expect(parseAnswer('0,75', q('A.II.1.b'))).toEqual({ kind: 'number', value: 0.75 });
  });
  it('reads survey values with a decimal comma', () => {
    expect(parseAnswer('3,25', q('B.I'))).toEqual({ kind: 'number', value: 3.25 });
    expect(parseAnswer('tinggi', q('B.I')).kind).toBe('invalid');
  });
  it('reads sub-input counts and refuses negatives and percentages', () => {
    expect(parseCount(12)).toEqual({ kind: 'number', value: 12 });
    expect(parseCount('12')).toEqual({ kind: 'number', value: 12 });
    expect(parseCount(null).kind).toBe('blank');
    expect(parseCount(-1).kind).toBe('invalid');
    expect(parseCount('50%').kind).toBe('invalid');
  });
});
