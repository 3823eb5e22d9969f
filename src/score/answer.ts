// Answers as people type them → what the scale means. Pure: takes a raw value, never a cell object.
import type { Question, Scale } from '../rubric/model.js';

export type Raw = string | number | boolean | null;

export type Parsed =
  | { kind: 'blank' }
  | { kind: 'option'; option: string; points: number; score: number }
  /** An option whose points the rubric does not know (its `uncertain` says why). */
  | { kind: 'uncertain'; option: string; note: string }
  | { kind: 'number'; value: number; flag?: 'percent-ambiguous' | undefined; typedPercent?: boolean | undefined }
  | { kind: 'invalid'; shown: string };

const YA = new Set(['ya', 'y', 'yes', 'iya', 'ada', 'sudah', '✓', '✔', '☑', '√', 'v', 'true']);
const TIDAK = new Set(['tidak', 't', 'tdk', 'no', 'n', 'belum', 'tidak ada', '✗', '✘', '☒', 'false']);

const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Parses "0,75", "75%", "75 %", "1.234,5" the way Indonesian sheets write numbers. */
export function parseNumberText(s: string): { value: number; percent: boolean } | undefined {
  let t = s.trim().replace(/\u00a0/g, ' ');
  let percent = false;
  if (/%\s*$/.test(t)) {
    percent = true;
    t = t.replace(/\s*%\s*$/, '');
  }
  t = t.replace(/\s+/g, '');
  if (!/^[-+]?[0-9.,]+$/.test(t) || !/[0-9]/.test(t)) return undefined;
  if (t.includes(',') && t.includes('.')) {
    // the later separator is the decimal one: 1.234,5 (id) or 1,234.5 (en)
    t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (t.includes(',')) {
    if ((t.match(/,/g) ?? []).length > 1) return undefined;
    t = t.replace(',', '.');
  }
  const v = Number(t);
  if (!Number.isFinite(v)) return undefined;
  return { value: percent ? v / 100 : v, percent };
}

type ChoiceScale = Extract<Scale, { type: 'choice' }>;

/**
 * A number on a choice scale that reads numbers (`range`): the option with that score, else a fraction of the
 * range. Undefined when the scale reads no numbers or the text is not one.
 */
function choiceNumber(raw: Raw, scale: ChoiceScale): Parsed | undefined {
  if (!scale.range) return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberText(raw)?.value : undefined;
  if (value === undefined) return undefined;
  const o = scale.options.find((x) => x.score !== undefined && Math.abs(x.score - value) < 1e-9);
  if (o) return { kind: 'option', option: o.code, points: o.score!, score: o.score! / scale.max };
  return { kind: 'number', value };
}

function parseChoice(raw: Raw, scale: ChoiceScale, q: Question): Parsed {
  const num = choiceNumber(raw, scale);
  if (num) return num;
  if (typeof raw === 'boolean') raw = raw ? 'ya' : 'tidak';
  const shown = String(raw);
  const s = squash(shown);
  const pick = (code: string): Parsed | undefined => {
    const o = scale.options.find((x) => x.code.toLowerCase() === code.toLowerCase());
    if (!o) return undefined;
    if (o.score === undefined) return { kind: 'uncertain', option: o.code, note: o.uncertain ?? '' };
    return { kind: 'option', option: o.code, points: o.score, score: o.score / scale.max };
  };
  // 1. the option code itself, with or without a dot or bracket: "A", "a.", "(b)", "C)"
  const bare = s.replace(/^\(\s*/, '').replace(/\s*[.)]\s*$/, '').trim();
  const direct = pick(bare);
  if (direct) return direct;
  // 2. aliases written in the rubric, then the usual ways to write Ya / Tidak
  for (const o of scale.options) {
    if ((o.aliases ?? []).some((a) => squash(a) === s || squash(a) === bare)) return pick(o.code)!;
  }
  const hasYa = scale.options.some((o) => o.code.toLowerCase() === 'ya');
  if (hasYa) {
    const head = bare.split(/[,.;:(]/)[0]!.trim();
    if (YA.has(bare) || YA.has(head)) return pick('Ya')!;
    if (TIDAK.has(bare) || TIDAK.has(head)) return pick('Tidak')!;
  }
  // 3. "A. Jika …" or the option's own text
  const lead = /^\(?([a-e])[.)]\s+\S/i.exec(s);
  if (lead) {
    const r = pick(lead[1]!);
    if (r) return r;
  }
  for (const o of scale.options) {
    const texts = [o.text, q.optionTexts?.[o.code]].filter((t): t is string => !!t).map(squash);
    if (texts.some((t) => t === s || (s.length >= 12 && t.startsWith(s)))) return pick(o.code)!;
  }
  return { kind: 'invalid', shown };
}

function parseNumeric(raw: Raw, scale: Scale): Parsed {
  let value: number;
  let typedPercent = false;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    const n = parseNumberText(raw);
    if (!n) return { kind: 'invalid', shown: raw };
    value = n.value;
    typedPercent = n.percent;
  } else return { kind: 'invalid', shown: String(raw) };
  if (scale.type === 'percent' && !typedPercent && value > 1 && value <= 100) {
    // 75 on a percentage question almost always means 75%
    return { kind: 'number', value: value / 100, flag: 'percent-ambiguous' };
  }
  return typedPercent ? { kind: 'number', value, typedPercent } : { kind: 'number', value };
}

export function parseAnswer(raw: Raw, q: Question): Parsed {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { kind: 'blank' };
  if (typeof raw === 'string' && /^(blm diisi|belum diisi|-)$/i.test(raw.trim())) return { kind: 'blank' };
  const scale = q.scale;
  if (scale.type === 'choice') return parseChoice(raw, scale, q);
  return parseNumeric(raw, scale);
}

/** A sub-input count: a number ≥ 0 (decimal comma accepted). */
export function parseCount(raw: Raw): Parsed {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { kind: 'blank' };
  if (typeof raw === 'number') return raw >= 0 ? { kind: 'number', value: raw } : { kind: 'invalid', shown: String(raw) };
  if (typeof raw === 'string') {
    const n = parseNumberText(raw);
    if (n && !n.percent && n.value >= 0) return { kind: 'number', value: n.value };
  }
  return { kind: 'invalid', shown: String(raw) };
}

export function allowedAnswers(scale: Scale): string {
  if (scale.type === 'choice') return scale.options.map((o) => o.code).join('/') + (scale.range ? ` ${scale.range[0]}–${scale.range[1]}` : '');
  if (scale.type === 'number') return `${scale.range[0]}–${scale.range[1]}`;
  if (scale.type === 'percent') return '0–100%';
  return '≥ 0';
}
