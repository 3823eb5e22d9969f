// What a run counts: the findings after the severity overrides (a code set to off is dropped) and without the
// accepted ones (the baseline), and the thresholds that decide the exit code. Pure.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FindingCode, Severity } from '../findings/codes.js';
import { a1Of, cellRef } from '../findings/position.js';
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
  /** The accepted entries (indices into policy.accepted) that accepted a finding here. */
  hits: number[];
}

const GLOB = /[*?{[]/;

/** `file` (as given, relative to `cwd`) matches the accepted entry's file (relative to the config's folder)? */
function sameFile(entry: string, file: string, baseDir: string, cwd: string): boolean {
  const abs = resolve(cwd, file);
  if (!GLOB.test(entry)) return abs === resolve(baseDir, entry);
  const rel = relative(baseDir, abs).split(sep).join('/');
  return !isAbsolute(rel) && globToRegExp(entry.replace(/^\.\//, '')).test(rel);
}

/** An entry's cell as sheet (unquoted, or undefined) and A1. */
function splitCell(entry: string): { sheet: string | undefined; cell: string } {
  const bang = entry.lastIndexOf('!');
  if (bang < 0) return { sheet: undefined, cell: entry };
  return { sheet: entry.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"), cell: entry.slice(bang + 1) };
}

function sameCell(entry: string, f: PolicyFinding): boolean {
  const e = splitCell(entry);
  return e.cell === a1Of(f) && (e.sheet === undefined || e.sheet === f.sheet);
}

export function applyPolicy<F extends PolicyFinding>(file: string, findings: F[], policy: FindingPolicy, cwd: string): Applied<F> {
  const kept: F[] = [];
  const accepted: F[] = [];
  const hits = new Set<number>();
  const entries = [...policy.accepted.entries()].filter(([, a]) => sameFile(a.file, file, policy.baseDir, cwd));
  for (const f of findings) {
    const setting = policy.severity[f.code];
    if (setting === 'off') continue;
    const g = setting ? { ...f, severity: setting } : f;
    const by = entries.filter(([, a]) => a.code === f.code && (a.question === undefined || a.question === f.question) && (a.cell === undefined || sameCell(a.cell, f)));
    for (const [i] of by) hits.add(i);
    (by.length > 0 ? accepted : kept).push(g);
  }
  return { kept, accepted, hits: [...hits] };
}

/** Why an accepted entry accepted nothing in a run, most specific first. */
export type StaleReason =
  | { kind: 'no-file' }
  | { kind: 'no-question'; rubrics: string[] }
  | { kind: 'no-sheet'; sheets: string[]; expected: string }
  | { kind: 'cell-form'; expected: string }
  | { kind: 'no-finding' };

/** A checked worksheet as the baseline check sees it. */
export interface CheckedFile {
  file: string;
  /** The LKE sheet that was read, and the rubric it was scored with (absent when the file was not scored). */
  sheet: string | null;
  rubric: string | null;
  hasQuestion: (code: string) => boolean;
}

/**
 * The accepted entries that accepted no finding in the run (`hits`: those that did), each with why: its file names
 * nothing that exists (`exists`, of the entry's file), its question is in none of its worksheets' rubrics, its
 * cell names another sheet or is not written as Excel writes it ('LKE ZI'!F176), or nothing it describes was
 * found (fixed since: the entry can go). An entry for worksheets that exist but were not checked in this run, or
 * could not be read, is not stale. An entry that did accept a finding but whose cell is not written as Excel writes it is listed too
 * (`accepted` true, reason cell-form): lke reads it, a person comparing it with the report may not.
 */
export function staleEntries(
  policy: FindingPolicy,
  files: CheckedFile[],
  hits: ReadonlySet<number>,
  cwd: string,
  exists: (entryFile: string) => boolean,
): { index: number; reason: StaleReason; accepted: boolean }[] {
  const out: { index: number; reason: StaleReason; accepted: boolean }[] = [];
  policy.accepted.forEach((a, index) => {
    if (hits.has(index)) {
      const c = a.cell === undefined ? undefined : splitCell(a.cell);
      if (c?.sheet !== undefined && cellRef(c.sheet, c.cell) !== a.cell) out.push({ index, reason: { kind: 'cell-form', expected: cellRef(c.sheet, c.cell) }, accepted: true });
      return;
    }
    const mine = files.filter((f) => sameFile(a.file, f.file, policy.baseDir, cwd));
    const scored = mine.filter((f) => f.rubric !== null);
    // its worksheets exist but were not checked in this run, or could not be read: nothing to say about it
    if ((mine.length === 0 && exists(a.file)) || (mine.length > 0 && scored.length === 0)) return;
    const reason = ((): StaleReason => {
      if (mine.length === 0) return { kind: 'no-file' };
      if (a.question !== undefined && scored.length > 0 && !scored.some((f) => f.hasQuestion(a.question!))) return { kind: 'no-question', rubrics: [...new Set(scored.map((f) => f.rubric!))] };
      if (a.cell !== undefined) {
        const { sheet, cell } = splitCell(a.cell);
        const sheets = [...new Set(scored.map((f) => f.sheet).filter((s): s is string => s !== null))];
        if (sheet !== undefined && sheets.length > 0 && !sheets.includes(sheet)) return { kind: 'no-sheet', sheets, expected: cellRef(sheets[0], cell) };
        if (sheet !== undefined && cellRef(sheet, cell) !== a.cell) return { kind: 'cell-form', expected: cellRef(sheet, cell) };
      }
      return { kind: 'no-finding' };
    })();
    out.push({ index, reason, accepted: false });
  });
  return out;
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
 * --fail-under as given: one threshold for every rubric that can hold it (an index: all of them; a predikat: those
 * whose bands have it), or one per rubric id (`{ rb-2014: B, zi-2021: WBK }` in the config file,
 * `rb-2014=B,zi-2021=WBK` on the command line).
 */
export interface Thresholds {
  all?: Threshold | undefined;
  byRubric: Map<string, Threshold>;
  /** As the user gave it, for messages. */
  text: string;
}

export function parseThresholds(v: string | number | Record<string, string | number>): Thresholds {
  if (typeof v === 'object') {
    const byRubric = new Map(Object.entries(v).map(([id, t]) => [id.trim(), parseThreshold(t)] as const));
    return { byRubric, text: [...byRubric].map(([id, t]) => `${id}: ${t.text}`).join(', ') };
  }
  const text = String(v).trim();
  if (typeof v === 'string' && /[=:]/.test(text)) {
    const pairs = text.split(/[,;]/).map((p) => p.split(/[=:]/).map((x) => x.trim()));
    if (pairs.every((p) => p.length === 2 && p[0] && p[1])) return parseThresholds(Object.fromEntries(pairs));
  }
  return { all: parseThreshold(v), byRubric: new Map(), text };
}

/**
 * The threshold a rubric's worksheets are held to: its own, else the one for all when the rubric can hold it (an
 * index always, a predikat only when the rubric has that band). Undefined: no threshold applies to this rubric.
 */
export function thresholdFor(t: Thresholds, rubric: string, bands: readonly { code: string }[], targets: readonly string[] = []): Threshold | undefined {
  const own = t.byRubric.get(rubric);
  if (own) return own;
  if (!t.all) return undefined;
  if (t.all.kind === 'index') return t.all;
  const code = t.all.code.toUpperCase();
  return bands.some((b) => b.code.toUpperCase() === code) || targets.some((x) => x.toUpperCase() === code) ? t.all : undefined;
}

/** A target of minima the rubric names by this threshold's code (ZI: WBK, WBBM), if it is one and no band is. */
export function targetOf(t: Threshold, bands: readonly { code: string }[], targets: readonly string[]): string | undefined {
  if (t.kind !== 'predikat' || bands.some((b) => b.code.toUpperCase() === t.code.toUpperCase())) return undefined;
  return targets.find((x) => x.toUpperCase() === t.code.toUpperCase());
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
