import { describe, expect, it } from 'vitest';
import { loadRubric } from '../src/engine/rubrics.js';
import { predikatOf } from '../src/rubric/model.js';
import { predikatForIndex, score } from '../src/score/score.js';
import { answerSheet, bestAnswer } from './helpers/answers.js';
import { mini } from './helpers/mini-rubric.js';
import { a1Of } from '../src/findings/position.js';

const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('aggregation (mini rubric)', () => {
  const r = mini();
  const all = {
    'A.I.1.a': 'Ya', 'A.I.1.b': 'B', 'A.I.1.c': 'C', // mean (1 + 0.5 + 0.33) / 3 × 30
    'A.I.2.a': 'B', 'A.I.2.b': 'Ya', // 0.75, then b = 1 × 0.75
    'A.II.1.a(a)': 10, 'A.II.1.a(b)': 6, 'A.II.1.a(c)': 4, 'A.II.1.a(d)': 8, 'A.II.1.b': '50%',
    'B.I': 3, 'B.II': 'WDP',
  };
  it('indicator nilai = mean of question scores × bobot; parents are sums; % and gap', () => {
    const s = score(r, answerSheet(r, all), { blankPolicy: 'skip' });
    const n = (c: string) => s.byCode.get(c)!;
    expect(n('A.I.1').nilai).toBeCloseTo(((1 + 0.5 + 0.33) / 3) * 30, 12);
    expect(n('A.I.2').nilai).toBeCloseTo(((0.75 + 0.75) / 2) * 10, 12);
    expect(n('A.I').nilai).toBeCloseTo(n('A.I.1').nilai + n('A.I.2').nilai, 12);
    expect(n('A.II.1').nilai).toBeCloseTo(((0.8 + 0.5) / 2) * 20, 12);
    expect(n('B.I').nilai).toBeCloseTo((3 / 4) * 30, 12);
    expect(n('B.II').nilai).toBeCloseTo((2 / 3) * 10, 12);
    expect(s.index).toBeCloseTo(n('A').nilai + n('B').nilai, 12);
    expect(n('A.I.1').percent).toBeCloseTo(n('A.I.1').nilai / 30, 12);
    expect(n('A.I.1').gap).toBeCloseTo(30 - n('A.I.1').nilai, 12);
    expect(s.findings).toEqual([]);
  });
  it('leaves a blank out of the mean by default and counts it as 0 with --blank zero', () => {
    const answers = { ...all, 'A.I.1.b': null };
    const skip = score(r, answerSheet(r, answers), { blankPolicy: 'skip' });
    expect(skip.byCode.get('A.I.1')!.nilai).toBeCloseTo(((1 + 0.33) / 2) * 30, 12);
    expect(codes(skip.findings)).toEqual(['answer-missing']);
    expect(a1Of(skip.findings[0]!)).toBe('K3');
    const zero = score(r, answerSheet(r, answers), { blankPolicy: 'zero' });
    expect(zero.byCode.get('A.I.1')!.nilai).toBeCloseTo(((1 + 0 + 0.33) / 3) * 30, 12);
    expect(codes(zero.findings)).toEqual(['answer-missing']);
  });
  it('an invalid answer is a finding and is not scored', () => {
    const s = score(r, answerSheet(r, { ...all, 'A.I.1.b': 'D' }), { blankPolicy: 'skip' });
    expect(codes(s.findings)).toEqual(['answer-invalid']);
    expect(s.questions.get('A.I.1.b')!.status).toBe('invalid');
    expect(s.byCode.get('A.I.1')!.nilai).toBeCloseTo(((1 + 0.33) / 2) * 30, 12);
  });
  it('an indicator with no answer at all scores 0 and says so', () => {
    const s = score(r, answerSheet(r, { ...all, 'A.I.2.a': null, 'A.I.2.b': null }), { blankPolicy: 'skip' });
    expect(s.byCode.get('A.I.2')!.nilai).toBe(0);
    expect(codes(s.findings)).toContain('indicator-unscored');
  });
  it('applies dependent-question rules as data: zeroWhen and multiplyBy', () => {
    const zeroed = score(r, answerSheet(r, { ...all, 'A.I.1.a': 'Tidak', 'A.I.1.c': 'A' }), { blankPolicy: 'skip' });
    expect(zeroed.questions.get('A.I.1.c')).toMatchObject({ base: 1, score: 0 });
    const chained = score(r, answerSheet(r, { ...all, 'A.I.2.a': 'C' }), { blankPolicy: 'skip' });
    expect(chained.questions.get('A.I.2.b')).toMatchObject({ base: 1, score: 0.5 });
    const dep = score(r, answerSheet(r, { ...all, 'A.I.2.a': null }), { blankPolicy: 'skip' });
    expect(codes(dep.findings)).toEqual(['answer-missing', 'rule-dependency-blank']);
    expect(dep.questions.get('A.I.2.b')!.score).toBe(1);
  });
  it('computes ratios from their sub-inputs, clamps them and checks breakdowns', () => {
    const over = score(r, answerSheet(r, { ...all, 'A.II.1.a(d)': 15 }), { blankPolicy: 'skip' });
    expect(over.questions.get('A.II.1.a')!.score).toBe(1);
    const check = score(r, answerSheet(r, { ...all, 'A.II.1.a(a)': 11 }), { blankPolicy: 'skip' });
    expect(codes(check.findings)).toEqual(['input-check']);
    expect(check.questions.get('A.II.1.a')!.score).toBeCloseTo(8 / 11, 12);
  });
  it('a zero denominator or a missing sub-input leaves the ratio unscored, with a finding', () => {
    const zero = score(r, answerSheet(r, { ...all, 'A.II.1.a(a)': 0, 'A.II.1.a(b)': 0, 'A.II.1.a(c)': 0 }), { blankPolicy: 'skip' });
    expect(codes(zero.findings)).toEqual(['zero-denominator']);
    expect(zero.questions.get('A.II.1.a')!.status).toBe('unscored');
    const missing = score(r, answerSheet(r, { ...all, 'A.II.1.a(d)': null }), { blankPolicy: 'skip' });
    expect(codes(missing.findings)).toEqual(['input-missing']);
    expect(a1Of(missing.findings[0]!)).toBe('K11');
  });
  it('flags 75 typed on a percentage question; a survey value off its scale is an error and left out', () => {
    const s = score(r, answerSheet(r, { ...all, 'A.II.1.b': 75, 'B.I': 4.5 }), { blankPolicy: 'skip' });
    expect(codes(s.findings)).toEqual(['percent-ambiguous', 'answer-out-of-range', 'indicator-unscored', 'index-incomplete']);
    expect(s.findings.find((f) => f.code === 'answer-out-of-range')!.severity).toBe('error');
    expect(s.questions.get('A.II.1.b')!.score).toBe(0.75);
    // the official sheet would score 4.5 / 4 (no clamp): lke does not follow it past the scale
    expect(s.questions.get('B.I')!.status).toBe('invalid');
    expect(s.questions.get('B.I')!.score).toBeUndefined();
    expect(s.leftOut).toHaveLength(1);
  });
  it('with --off-scale clamp, a value off its scale is scored at the bound (and still an error)', () => {
    const s = score(r, answerSheet(r, { ...all, 'B.I': 4.5 }), { blankPolicy: 'skip', offScale: 'clamp' });
    expect(codes(s.findings)).toEqual(['answer-out-of-range']);
    expect(s.findings[0]!.args).toMatchObject({ answer: '4.5', range: '0–4', clampedTo: '4' });
    expect(s.questions.get('B.I')!.score).toBe(1);
  });
});

const RB = await loadRubric('rb-2014');
const ZI = await loadRubric('zi-2021');

describe('predikat bands: lower bound exclusive, upper inclusive', () => {
  const rb = RB;
  it.each([
    [100, 'AA'], [90.01, 'AA'], [90, 'A'], [80.01, 'A'], [80, 'BB'], [71.41, 'BB'], [70, 'B'], [60.01, 'B'],
    [60, 'CC'], [59.73, 'CC'], [50.01, 'CC'], [50, 'C'], [30.01, 'C'], [30, 'D'], [0, 'D'],
  ])('%s is %s', (index, code) => {
    expect(predikatOf(rb, index)?.code).toBe(code);
  });
  it('uses the index as presented: 60.004 shows as 60.00 and is CC, 60.005 shows as 60.01 and is B', () => {
    expect(predikatForIndex(rb, 60.004)?.code).toBe('CC');
    expect(predikatForIndex(rb, 60.005)?.code).toBe('B');
    expect(predikatForIndex(rb, 59.7349)?.code).toBe('CC');
  });
});

describe('worked examples with published numbers', () => {
  it('PN Serang (LKE ZI 2022): 0.50 / 0.6667 / 3.6667 and 91.67%', () => {
    const zi = ZI;
    const best = bestAnswer(zi);
    const s = score(zi, answerSheet(zi, { 'A.I.1.i.a': 'Ya', 'A.I.1.i.b': 'A', 'A.I.1.ii.a': 'Ya', 'A.I.1.ii.b': 'C', 'A.I.1.ii.c': 'A' }, best), { blankPolicy: 'skip' });
    expect(s.byCode.get('A.I.1.i')!.nilai).toBeCloseTo(0.5, 12);
    expect(s.byCode.get('A.I.1.ii')!.nilai).toBeCloseTo(2 / 3, 12);
    expect(s.byCode.get('A.I.1.iii')!.nilai).toBeCloseTo(1, 12);
    expect(s.byCode.get('A.I.1.iv')!.nilai).toBeCloseTo(1.5, 12);
    expect(s.byCode.get('A.I.1')!.nilai).toBeCloseTo(3 + 2 / 3, 12);
    // the % is computed from the unrounded nilai: 3.6667 / 4 = 91.67%, not 3.67 / 4 = 91.75%
    expect((s.byCode.get('A.I.1')!.percent * 100).toFixed(2)).toBe('91.67');
    // with every other answer at its best the ZI total is 100 minus this gap
    expect(s.index).toBeCloseTo(100 - (4 - (3 + 2 / 3)), 9);
  });
  it('KPPU (LKE RB 14/2014): Road Map b B → 0.5, c A → 1, d and e C → 0.33; Pemantauan dan Evaluasi 0.14 (7.14%)', () => {
    const rb = RB;
    const answers = {
      'A.I.2.a': 'Ya', 'A.I.2.b': 'B', 'A.I.2.c': 'A', 'A.I.2.d': 'C', 'A.I.2.e': 'C',
      'A.I.3.a': 'D', 'A.I.3.b': 'D', 'A.I.3.c': 'D', 'A.I.3.d': 'D', 'A.I.3.e': 'B', 'A.I.3.f': 'C', 'A.I.3.g': 'C',
    };
    const s = score(rb, answerSheet(rb, answers, bestAnswer(rb)), { blankPolicy: 'skip' });
    expect(['b', 'c', 'd', 'e'].map((l) => s.questions.get(`A.I.2.${l}`)!.score)).toEqual([0.5, 1, 0.33, 0.33]);
    const pe = s.byCode.get('A.I.3')!;
    expect(pe.bobot).toBe(2);
    expect(pe.nilai).toBeCloseTo(1 / 7, 12);
    expect((pe.percent * 100).toFixed(2)).toBe('7.14');
  });
  it('RB Road Map d is zeroed when the road map is not formalised (A.I.2.a = Tidak)', () => {
    const rb = RB;
    const s = score(rb, answerSheet(rb, { 'A.I.2.a': 'Tidak', 'A.I.2.d': 'A' }, bestAnswer(rb)), { blankPolicy: 'skip' });
    expect(s.questions.get('A.I.2.d')).toMatchObject({ base: 1, score: 0 });
  });
  it('RB open promotion chains c × b, d × c, e × d', () => {
    const rb = RB;
    const q = (c: string) => rb.questions.get(c)!;
    expect(q('A.V.4.c').rules).toEqual([{ kind: 'multiplyBy', question: 'A.V.4.b' }]);
    expect(q('A.VIII.4.b').rules).toEqual([{ kind: 'multiplyBy', question: 'A.VIII.4.a' }]);
    const bScale = q('A.V.4.b').scale;
    const lowB = bScale.type === 'choice' ? bScale.options.find((o) => o.score !== undefined && o.score > 0 && o.score < 1)! : undefined;
    const s = score(rb, answerSheet(rb, { 'A.V.4.b': lowB!.code, 'A.V.4.c': 'Ya', 'A.V.4.d': 'Ya', 'A.V.4.e': 'Ya' }, bestAnswer(rb)), { blankPolicy: 'skip' });
    const b = lowB!.score! / (bScale.type === 'choice' ? bScale.max : 1);
    expect(s.questions.get('A.V.4.c')!.score).toBeCloseTo(b, 12);
    expect(s.questions.get('A.V.4.d')!.score).toBeCloseTo(b, 12);
    expect(s.questions.get('A.V.4.e')!.score).toBeCloseTo(b, 12);
  });
  it('every built-in rubric totals 100 with every answer at its best', () => {
    for (const id of ['zi-2021', 'rb-2014']) {
      const r = id === 'zi-2021' ? ZI : RB;
      const s = score(r, answerSheet(r, {}, bestAnswer(r)), { blankPolicy: 'skip' });
      expect(s.index, id).toBeCloseTo(100, 9);
      expect(s.findings, id).toEqual([]);
    }
  });
});
