// Builds an AnswerSheet from plain values for testing the pure core without a workbook.
import type { Rubric } from '../../src/rubric/model.js';
import type { AnswerSheet, RawValue } from '../../src/score/types.js';

type Value = string | number | boolean | null;

export function answerSheet(rubric: Rubric, answers: Record<string, Value>, fill?: (code: string) => Value): AnswerSheet {
  const sheet: AnswerSheet = { questions: new Map(), nodes: new Map(), hasBukti: false };
  let row = 1;
  for (const q of rubric.questions.values()) {
    row++;
    const where = { sheet: 'T', row, col: 11 };
    const inputs = new Map<string, RawValue>();
    for (const sub of q.inputs) {
      row++;
      const v = sub.code in answers ? answers[sub.code]! : fill ? fill(sub.code) : null;
      inputs.set(sub.key, { value: v, where: { sheet: 'T', row, col: 11 } });
    }
    const v = q.code in answers ? answers[q.code]! : fill ? fill(q.code) : null;
    sheet.questions.set(q.code, { where, answer: { value: v, where }, inputs });
  }
  return sheet;
}

/** The best answer of every question (first option; top of numeric ranges; ratio inputs 1 of 1). */
export function bestAnswer(rubric: Rubric): (code: string) => Value {
  return (code) => {
    const q = rubric.questions.get(code);
    if (q) {
      const s = q.scale;
      if (s.type === 'choice') return s.options.reduce((a, b) => ((b.score ?? -1) > (a.score ?? -1) ? b : a)).code;
      if (s.type === 'number') return s.range[1];
      return 1;
    }
    const sub = rubric.inputs.get(code)!;
    const q2 = sub.question;
    // disiplin: 0 last year, 0 this year scores 1; other ratios b/a with a = b
    if (q2.formula?.source.includes('(a - b)')) return 0;
    // LHKPN-like: a = b + c + d, all of whom reported (e = a)
    const checked = q2.inputs.find((i) => i.check);
    if (checked && (sub === checked || sub === q2.inputs[q2.inputs.length - 1])) return 5 * (q2.inputs.length - 2);
    return 5;
  };
}
