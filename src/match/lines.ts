// Rows of a table of values ↔ the lines of a rubric of lines, by the indicator's name (the official name, typos
// included, or an alias; case and punctuation aside), else its code; which rubric (the instansi group) a table
// follows, told by the names; and the AnswerSheet the scorer reads, with the findings about the table's rows.
import { lineKey, type Rubric } from '../rubric/model.js';
import { finding, type Finding } from '../findings/codes.js';
import type { TableAsk } from '../findings/file-problems.js';
import { textOf, type NumberFormats } from '../workbook/grid.js';
import { isExcludedRemark, type ValueRow, type ValueTable } from '../layout/value-table.js';
import type { AnswerSheet, QuestionAnswer, RawValue } from '../score/types.js';
import { toRaw, withPercentFormat } from './collect.js';
import { dice, words } from './similarity.js';

/** Rows that total or head the table rather than name a line. */
const TOTALS = /^(total|jumlah|sub ?total|indeks rb|indeks reformasi birokrasi|nilai akhir|nilai total|penyesuaian|nilai penyesuaian|rb general|rb tematik)\b/;

/** A close name is taken only when it is this similar (Dice over words) and clearly closer than the next. */
const APPROX = 0.85;
const APPROX_MARGIN = 0.1;

interface LineIndex {
  byName: Map<string, string>;
  byCode: Map<string, string>;
  /** Names and codes of the tree's other nodes: heading rows. */
  headings: Set<string>;
  names: { code: string; name: string }[];
}

const indexCache = new WeakMap<Rubric, LineIndex>();

function indexOf(rubric: Rubric): LineIndex {
  let ix = indexCache.get(rubric);
  if (ix) return ix;
  ix = { byName: new Map(), byCode: new Map(), headings: new Set(), names: [] };
  for (const n of rubric.nodes.values()) {
    if (n.level === 'indicator') {
      for (const name of [n.name, ...n.aliases]) {
        ix.byName.set(lineKey(name), n.code);
        ix.names.push({ code: n.code, name });
      }
      ix.byCode.set(n.code.toLowerCase(), n.code);
    } else {
      ix.headings.add(lineKey(n.name));
      ix.headings.add(n.code.toLowerCase());
    }
  }
  indexCache.set(rubric, ix);
  return ix;
}

export interface RowMatch {
  row: ValueRow;
  code: string;
  how: 'name' | 'code' | 'approximate';
  text: string;
}

export interface LineMatch {
  lines: Map<string, RowMatch>;
  /** Rows matched by their exact name (or alias): what tells one rubric from another. */
  byName: number;
  byCode: number;
  named: number;
  unmatched: { row: ValueRow; text: string }[];
  unnamed: ValueRow[];
  duplicates: { match: RowMatch; first: RowMatch }[];
  conflicts: { match: RowMatch; given: string; other: string }[];
}

/**
 * A row's name as compared: a leading number ("1.", "A.", "II.", "1.2") and a weight kept in brackets ("(2,5)"),
 * as tables copied from the tree carry them, are left out.
 */
export function rowName(text: string): string {
  return text
    .replace(/^\s*(?:[A-Za-z]|[IVXivx]+|\d+(?:\.\d+)*)[.)]\s+/, '')
    .replace(/\(\s*\d+(?:[.,]\d+)?\s*\)/g, ' ')
    .trim();
}

const has = (row: ValueRow, role: 'skor' | 'nilai' | 'keterangan') => textOf(row.cells[role]) !== '' || !!row.cells[role]?.error;

export function matchLines(rubric: Rubric, rows: ValueRow[], opts: { approximate?: boolean } = {}): LineMatch {
  const ix = indexOf(rubric);
  const m: LineMatch = { lines: new Map(), byName: 0, byCode: 0, named: 0, unmatched: [], unnamed: [], duplicates: [], conflicts: [] };
  for (const row of rows) {
    const text = rowName(textOf(row.cells.indikator));
    const given = textOf(row.cells.kode);
    if (!text && !given) {
      if (has(row, 'skor') || has(row, 'nilai') || has(row, 'keterangan')) m.unnamed.push(row);
      continue;
    }
    if (text) m.named++;
    const key = lineKey(text);
    const byCode = ix.byCode.get(given.toLowerCase());
    let match: RowMatch | undefined;
    if (text && ix.byName.has(key)) {
      match = { row, code: ix.byName.get(key)!, how: 'name', text };
      m.byName++;
    } else if (ix.headings.has(key) || ix.headings.has(given.toLowerCase()) || TOTALS.test(key)) {
      continue;
    } else if (byCode) {
      match = { row, code: byCode, how: 'code', text: text || given };
      m.byCode++;
    } else if (text && opts.approximate) {
      const close = closest(ix, text);
      if (close) match = { row, code: close, how: 'approximate', text };
    }
    if (!match) {
      m.unmatched.push({ row, text: text || given });
      continue;
    }
    if (byCode && byCode !== match.code && match.how !== 'code') m.conflicts.push({ match, given, other: byCode });
    const first = m.lines.get(match.code);
    if (!first) m.lines.set(match.code, match);
    else if (!has(first.row, 'skor') && !has(first.row, 'keterangan') && has(row, 'skor')) {
      // the first was a heading or subtotal row of the same name (a sub-element named like its line)
      m.lines.set(match.code, match);
    } else if (has(row, 'skor') || has(row, 'keterangan')) {
      m.duplicates.push({ match, first });
    }
    // a repeat with no skor and no remark is a heading or a subtotal of the same name: nothing to count
  }
  return m;
}

function closest(ix: LineIndex, text: string): string | undefined {
  const w = words(text);
  let best: { code: string; d: number } | undefined;
  let second = 0;
  for (const { code, name } of ix.names) {
    const d = dice(w, words(name));
    if (!best || d > best.d) {
      if (best && best.code !== code) second = Math.max(second, best.d);
      best = { code, d };
    } else if (code !== best.code) second = Math.max(second, d);
  }
  return best && best.d >= APPROX && best.d - second >= APPROX_MARGIN ? best.code : undefined;
}

export interface LineRubricChoice {
  rubric?: Rubric | undefined;
  match?: LineMatch | undefined;
  code?: 'rubric-ambiguous' | 'rubric-unknown' | undefined;
  /** Lines named per candidate: "rb-2023-kabkota 12, rb-2023-kl 4". */
  found: string;
  /** Why none was taken, and which to choose from. */
  table?: TableAsk | undefined;
}

/**
 * Which rubric of lines (the instansi group) a table follows: the one whose lines its names fit best (provinsi and
 * K/L have lines kab/kota has not, and the groups spell their lines differently). A table that names its lines by
 * codes only is told only when exactly one rubric has every code. A tie is asked, never guessed.
 */
export function detectLineRubric(rows: ValueRow[], candidates: Rubric[]): LineRubricChoice {
  const fits = candidates
    .map((r) => ({ r, m: matchLines(r, rows) }))
    .sort((a, b) => b.m.byName - a.m.byName || a.m.unmatched.length - b.m.unmatched.length);
  const found = fits.map((f) => `${f.r.id} ${f.m.byName}`).join(', ');
  const all = candidates.map((c) => c.id);
  const best = fits[0];
  if (!best) return { code: 'rubric-unknown', found, table: { by: 'few', ids: all } };
  if (best.m.byName === 0) {
    const most = Math.max(...fits.map((x) => x.m.byCode));
    const full = fits.filter((f) => f.m.byCode > 0 && f.m.unmatched.length === 0 && f.m.byCode === most);
    if (full.length === 1 && best.m.named === 0) return { rubric: full[0]!.r, match: full[0]!.m, found };
    if (full.length > 1 && best.m.named === 0) return { code: 'rubric-ambiguous', found, table: { by: 'codes', ids: full.map((f) => f.r.id).sort() } };
    return { code: 'rubric-unknown', found, table: { by: 'few', ids: all } };
  }
  const tied = fits.filter((f) => f.m.byName === best.m.byName && f.m.unmatched.length === best.m.unmatched.length);
  if (tied.length > 1) return { code: 'rubric-ambiguous', found, table: { by: 'names', ids: tied.map((f) => f.r.id).sort() } };
  if (best.m.byName < Math.max(3, 0.3 * best.m.named)) return { code: 'rubric-unknown', found, table: { by: 'few', ids: all } };
  return { rubric: best.r, match: best.m, found };
}

/** The matched rows → the AnswerSheet of a rubric of lines, and the findings about the rows. */
export function collectLines(rubric: Rubric, table: ValueTable, m: LineMatch, formats?: NumberFormats): { answers: AnswerSheet; findings: Finding[] } {
  const sheet = table.sheet.name;
  const answers: AnswerSheet = { questions: new Map(), nodes: new Map(), hasBukti: false };
  const findings: Finding[] = [];
  /** The row's cell of a role, or of the nearest column the table has (a finding always names a cell). */
  const at = (role: keyof ValueTable['columns'], row: number, fallback: 'skor' | 'indikator' = 'skor') => ({
    sheet,
    row,
    col: table.columns[role] ?? table.columns[fallback] ?? table.columns.indikator ?? table.columns.kode!,
  });
  const raw = (match: RowMatch, role: 'skor' | 'nilai' | 'keterangan' | 'bobot'): RawValue | undefined =>
    toRaw(match.row.cells[role], sheet) ?? (table.columns[role] !== undefined ? { value: null, where: at(role, match.row.row) } : undefined);
  const name = (code: string) => rubric.nodes.get(code)?.name ?? '';
  for (const [code, match] of m.lines) {
    const remark = raw(match, 'keterangan');
    const qa: QuestionAnswer = {
      where: at('skor', match.row.row),
      answer: withPercentFormat(raw(match, 'skor'), match.row.cells.skor, formats),
      inputs: new Map(),
      nilai: raw(match, 'nilai'),
      remark,
      excluded: remark && typeof remark.value === 'string' ? isExcludedRemark(remark.value) : false,
    };
    answers.questions.set(code, qa);
    const bobot = raw(match, 'bobot');
    if (bobot && bobot.value !== null) answers.nodes.set(code, { where: bobot.where, bobot });
    if (match.how === 'approximate') {
      findings.push(finding('line-name-approximate', { ...at('indikator', match.row.row, 'indikator'), question: code }, { row: match.row.row, text: match.text, code, name: name(code) }));
    }
  }
  for (const u of m.unmatched) {
    findings.push(finding('row-unmatched', at('indikator', u.row.row, 'indikator'), { row: u.row.row, text: u.text.length > 60 ? `${u.text.slice(0, 57)}…` : u.text }));
  }
  for (const row of m.unnamed) findings.push(finding('line-unnamed', at('indikator', row.row, 'indikator'), { row: row.row }));
  for (const d of m.duplicates) {
    const c = d.match.code;
    findings.push(finding('line-duplicate', { ...at('indikator', d.match.row.row, 'indikator'), question: c }, { code: c, name: name(c), row: d.match.row.row, firstRow: d.first.row.row }));
  }
  for (const c of m.conflicts) {
    const code = c.match.code;
    findings.push(finding('line-code-conflict', { ...at('kode', c.match.row.row, 'indikator'), question: code }, { row: c.match.row.row, given: c.given, other: c.other, code, name: name(code) }));
  }
  return { answers, findings };
}
