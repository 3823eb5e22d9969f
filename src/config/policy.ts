// What a run counts: the findings after the severity overrides (a code set to off is dropped) and without the
// accepted ones (the baseline), and the thresholds that decide the exit code. Pure.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, FindingCode } from '../findings/codes.js';
import { a1Of } from '../findings/position.js';
import { globToRegExp } from './glob.js';
import { roundHalfUp } from '../words/round.js';
import type { AcceptedFinding, FailOn, SeveritySetting } from './schema.js';

export interface FindingPolicy {
  severity: Partial<Record<FindingCode, SeveritySetting>>;
  accepted: AcceptedFinding[];
  /** The folder accepted[].file is relative to (the config file's). */
  baseDir: string;
}

export interface Applied {
  kept: Finding[];
  accepted: Finding[];
}

const GLOB = /[*?{[]/;

/** `file` (as given, relative to `cwd`) matches the accepted entry's file (relative to the config's folder)? */
function sameFile(entry: string, file: string, baseDir: string, cwd: string): boolean {
  const abs = resolve(cwd, file);
  if (!GLOB.test(entry)) return abs === resolve(baseDir, entry);
  const rel = relative(baseDir, abs).split(sep).join('/');
  return !isAbsolute(rel) && globToRegExp(entry.replace(/^\.\//, '')).test(rel);
}

function sameCell(entry: string, f: Finding): boolean {
  const bang = entry.lastIndexOf('!');
  const cell = a1Of(f);
  if (bang < 0) return entry === cell;
  return entry.slice(bang + 1) === cell && entry.slice(0, bang).replace(/^'(.*)'$/, '$1') === f.sheet;
}

export function applyPolicy(file: string, findings: Finding[], policy: FindingPolicy, cwd: string): Applied {
  const kept: Finding[] = [];
  const accepted: Finding[] = [];
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
  if (typeof v === 'number' || /^\d+([.,]\d+)?$/.test(text)) return { kind: 'index', value: Number(text.replace(',', '.')), text };
  return { kind: 'predikat', code: text, text };
}

export interface GateInput {
  failOn: FailOn;
  maxWarnings?: number | undefined;
  failUnder?: Threshold | undefined;
}

export type GateReason = 'unreadable' | 'errors' | 'warnings' | 'max-warnings' | 'fail-under';

export interface GateResult {
  reasons: GateReason[];
  /** Files (as given) whose index or predikat is under --fail-under. */
  below: string[];
}

export interface GateFile {
  file: string;
  failed: boolean;
  errors: number;
  warnings: number;
  /** Whether the worksheet is under the threshold (undefined when not scored or no threshold). */
  below?: boolean | undefined;
}

export function evaluateGate(files: GateFile[], gate: GateInput): GateResult {
  const errors = files.reduce((n, f) => n + f.errors, 0);
  const warnings = files.reduce((n, f) => n + f.warnings, 0);
  const below = files.filter((f) => f.below).map((f) => f.file);
  const reasons: GateReason[] = [];
  if (files.some((f) => f.failed)) reasons.push('unreadable');
  if (gate.failOn !== 'never' && errors > 0) reasons.push('errors');
  if (gate.failOn === 'warning' && warnings > 0) reasons.push('warnings');
  if (gate.maxWarnings !== undefined && warnings > gate.maxWarnings) reasons.push('max-warnings');
  if (below.length > 0) reasons.push('fail-under');
  return { reasons, below };
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
