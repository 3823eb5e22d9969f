// What a run counts: the findings after the severity overrides (a code set to off is dropped) and without the
// accepted ones (the baseline), and the thresholds that decide the exit code. Pure.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FindingCode, Severity } from '../findings/codes.js';
import { a1Of } from '../findings/position.js';
import { globToRegExp } from './glob.js';
import { roundHalfUp } from '../words/round.js';
import type { AcceptedFinding, SeveritySetting } from './schema.js';

export interface FindingPolicy {
  severity: Partial<Record<FindingCode, SeveritySetting>>;
  accepted: AcceptedFinding[];
  /** The folder accepted[].file is relative to (the config file's). */
  baseDir: string;
}

/** A finding as the policy sees it: raised by a check, or already in a document. */
export interface PolicyFinding {
  code: FindingCode;
  severity: Severity;
  sheet?: string | null | undefined;
  row?: number | null | undefined;
  col?: number | null | undefined;
  question?: string | null | undefined;
}

export interface Applied<F extends PolicyFinding> {
  kept: F[];
  accepted: F[];
}

const GLOB = /[*?{[]/;

/** `file` (as given, relative to `cwd`) matches the accepted entry's file (relative to the config's folder)? */
function sameFile(entry: string, file: string, baseDir: string, cwd: string): boolean {
  const abs = resolve(cwd, file);
  if (!GLOB.test(entry)) return abs === resolve(baseDir, entry);
  const rel = relative(baseDir, abs).split(sep).join('/');
  return !isAbsolute(rel) && globToRegExp(entry.replace(/^\.\//, '')).test(rel);
}

function sameCell(entry: string, f: PolicyFinding): boolean {
  const bang = entry.lastIndexOf('!');
  const cell = a1Of(f);
  if (bang < 0) return entry === cell;
  return entry.slice(bang + 1) === cell && entry.slice(0, bang).replace(/^'(.*)'$/, '$1') === f.sheet;
}

export function applyPolicy<F extends PolicyFinding>(file: string, findings: F[], policy: FindingPolicy, cwd: string): Applied<F> {
  const kept: F[] = [];
  const accepted: F[] = [];
  const entries = policy.accepted.filter((a) => sameFile(a.file, file, policy.baseDir, cwd));
  for (const f of findings) {
    const setting = policy.severity[f.code];
    if (setting === 'off') continue;
    const g = setting ? { ...f, severity: setting } : f;
    const hit = entries.some((a) => a.code === f.code && (a.question === undefined || a.question === f.question) && (a.cell === undefined || sameCell(a.cell, f)));
    (hit ? accepted : kept).push(g);
  }
  return { kept, accepted };
}

export type Threshold = { kind: 'index'; value: number; text: string } | { kind: 'predikat'; code: string; text: string };

/** "60", "72.5" → an index; anything else → a predikat code (B, BB, WBK). */
export function parseThreshold(v: string | number): Threshold {
  const text = String(v).trim();
  if (typeof v === 'number' || /^[-+]?\d+([.,]\d+)?$/.test(text)) return { kind: 'index', value: Number(text.replace(',', '.')), text };
  return { kind: 'predikat', code: text, text };
}

/** An index in 0–100, or what could be a predikat code (letters first: B, BB, WBK); "-5" or "150" is neither. */
export function isValidThreshold(t: Threshold): boolean {
  return t.kind === 'index' ? t.value >= 0 && t.value <= 100 : /^[A-Za-z][A-Za-z0-9+-]*$/.test(t.code);
}

/**
 * Whether a scored worksheet is under the threshold: its index (rounded half-up to 2 decimals, as published)
 * below the number, or its predikat ranked below the band (bands are listed best first in the rubric).
 * Undefined when the rubric has no band of that code.
 */
export function isBelow(t: Threshold, index: number, predikat: string | undefined, bands: readonly { code: string }[]): boolean | undefined {
  if (t.kind === 'index') return roundHalfUp(index, 2) < t.value;
  const rank = (code: string | undefined) => bands.findIndex((b) => b.code.toUpperCase() === code?.toUpperCase());
  const limit = rank(t.code);
  if (limit < 0) return undefined;
  const at = rank(predikat);
  return at < 0 || at > limit;
}
