// The Petunjuk Pengisian sheet: how to fill the worksheet, the answer scales with what each answer scores, the
// dependent-question rules, the predikat bands and the facts the rubric leaves uncertain.
import type { Rubric, Scale } from '../rubric/model.js';
import { uncertainFacts } from '../rubric/uncertain.js';
import { SheetBuilder, type CellStyle } from '../document/workbook-plan.js';
import type { TemplateWords } from '../words/template.js';

const fmt = (n: number) => String(+n.toFixed(6));

function scaleMeaning(s: Scale): string {
  switch (s.type) {
    case 'choice':
      return s.options.map((o) => `${o.code} = ${o.score === undefined ? '?' : fmt(o.score / s.max)}`).join(' · ');
    case 'number':
      return s.fromZero ? `x / ${s.range[1]}` : `(x − ${s.range[0]}) / ${s.range[1] - s.range[0]}${s.clamp ? ', 0–1' : ''}`;
    case 'percent':
      return '0–100% → 0–1';
    case 'count':
      return '≥ 0';
  }
}

/** `steps`: how to fill this kind of sheet (a questionnaire's by default). */
export function petunjukSheet(rubric: Rubric, version: string, w: TemplateWords, steps?: string[]): SheetBuilder {
  const p = w.petunjuk;
  const sb = new SheetBuilder(p.sheet, [4, 34, 90]);
  const head: CellStyle = { bold: true, size: 12 };
  let r = 1;
  const line = (text: string, style: CellStyle = {}, col = 2, to = 3) => {
    sb.set(r, col, { value: text, style: { wrap: true, ...style } });
    if (to > col) sb.merge(r, col, r, to);
    r++;
  };
  line(p.title, { bold: true, size: 14 }, 1);
  line(`${rubric.title} · ${rubric.regulation} · ${rubric.id} (${version})`, { italic: true }, 1);
  r++;
  (steps ?? p.steps({ title: rubric.title, regulation: rubric.regulation, id: rubric.id, version })).forEach((s, i) => {
    sb.set(r, 1, { value: `${i + 1}.`, style: { align: 'right' } });
    line(s);
  });
  r++;
  line(p.scales, head, 1);
  sb.set(r, 2, { value: p.scaleHead[0], style: { bold: true, border: true } });
  sb.set(r, 3, { value: p.scaleHead[1], style: { bold: true, border: true } });
  r++;
  const used = new Set([...rubric.questions.values()].map((q) => q.scale.key));
  for (const s of rubric.scales.values()) {
    if (!used.has(s.key)) continue;
    sb.set(r, 2, { value: s.label, style: { border: true, wrap: true } });
    sb.set(r, 3, { value: scaleMeaning(s), style: { border: true, wrap: true } });
    r++;
  }
  const rules = [...rubric.questions.values()].flatMap((q) =>
    q.rules.map((rule) => (rule.kind === 'multiplyBy' ? p.multiplyBy(q.code, rule.question) : p.zeroWhen(q.code, rule.question, rule.answers.join('/')))),
  );
  if (rules.length > 0) {
    r++;
    line(p.rules, head, 1);
    for (const t of rules) line(`• ${t}`);
  }
  r++;
  line(p.predikat, head, 1);
  for (const b of rubric.predikat.bands) {
    const when = b.above !== undefined ? p.above(b.above) : b.atLeast !== undefined ? p.atLeast(b.atLeast) : p.rest;
    sb.set(r, 2, { value: b.label ? `${b.code} (${b.label})` : b.code, style: { border: true } });
    sb.set(r, 3, { value: when, style: { border: true } });
    r++;
  }
  const uncertain = uncertainFacts(rubric);
  if (uncertain.length > 0) {
    r++;
    line(p.uncertain, head, 1);
    for (const u of uncertain) line(`! ${u.where}: ${u.text}`, { color: '9C5700' });
  }
  sb.plan.print = { landscape: false };
  sb.plan.protect = true;
  return sb;
}
