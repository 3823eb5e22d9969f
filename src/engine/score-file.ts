// One worksheet through the whole pipe: workbook → layout → match → score → checks. The result keeps the grid
// (tests and benches look into it); a run keeps only the document made of it (file-document.ts).
import { readWorkbook, DEFAULT_LIMITS, type ReadLimits } from '../workbook/read.js';
import { WorkbookError } from '../workbook/errors.js';
import type { Workbook } from '../workbook/grid.js';
import { blockYear, findHeader, headerOfBlock, type Header } from '../layout/header.js';
import { a1 } from '../findings/position.js';
import { readEntries, type Entry } from '../layout/entries.js';
import { fileNameFindings, readMetadata, type Metadata } from '../layout/metadata.js';
import { matchEntries, type MatchResult } from '../match/match.js';
import { collectAnswers } from '../match/collect.js';
import { score } from '../score/score.js';
import type { AnswerSheet, BlankPolicy, OffScalePolicy, Scored } from '../score/types.js';
import { runChecks, type CheckInput } from '../checks/list.js';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Finding } from '../findings/codes.js';
import type { FileProblem } from '../findings/file-problems.js';
import type { Rubric } from '../rubric/model.js';
import { findValueTable } from '../layout/value-table.js';
import { scoreValueTable } from './score-table.js';
import type { Candidate } from '../rubric/candidate.js';
import { detectRubric, workbookStamp, type RubricChoice } from './detect-rubric.js';

export interface ScoreOptions {
  /** A rubric to use; when absent it is detected among `candidates`. */
  rubric?: Rubric | undefined;
  candidates: readonly Candidate[];
  blankPolicy: BlankPolicy;
  /** Values off their scale: left out (default) or clamped. */
  offScale?: OffScalePolicy | undefined;
  opd?: string | undefined;
  year?: number | undefined;
  /** The sheet to score, by name; else the best LKE sheet of the workbook. */
  sheet?: string | undefined;
  limits?: ReadLimits | undefined;
  /** Score this assessment block of the sheet (0 = the first, the default) instead of the first. */
  block?: number | undefined;
}

export interface FileResult {
  file: string;
  status: 'scored' | 'error';
  rubric?: Rubric | undefined;
  rubricChoice?: RubricChoice | undefined;
  meta?: Metadata | undefined;
  header?: Header | undefined;
  scored?: Scored | undefined;
  answers?: AnswerSheet | undefined;
  /** The sheet read when it was not an LKE worksheet (a table of values). */
  sheetName?: string | undefined;
  findings: Finding[];
  error?: FileProblem | undefined;
}

export async function scoreFile(file: string, opts: ScoreOptions): Promise<FileResult> {
  let wb: Workbook;
  try {
    wb = await readWorkbook(file, opts.limits ?? DEFAULT_LIMITS);
  } catch (e) {
    if (e instanceof WorkbookError) return { file, status: 'error', findings: [], error: { code: 'unreadable', readCode: e.code, problem: e.problem } };
    throw e;
  }
  return scoreWorkbook(wb, opts);
}

export function scoreWorkbook(wb: Workbook, opts: ScoreOptions): FileResult {
  const file = wb.file;
  const sheets = opts.sheet === undefined ? wb.sheets : wb.sheets.filter((s) => s.name === opts.sheet);
  if (sheets.length === 0) {
    const names = wb.sheets.map((s) => `"${s.name}"`).join(', ');
    return { file, status: 'error', findings: [], error: { code: 'no-such-sheet', sheet: opts.sheet!, sheets: names } };
  }
  const found = findHeader(sheets);
  const header = found && opts.block !== undefined ? headerOfBlock(found, opts.block) : found;
  // a caller asking for a block checks first that the sheet has it (app/diff.ts)
  if (found && !header) throw new RangeError(`${file}: no assessment block ${opts.block! + 1} (the sheet has ${found.blocks.length})`);
  if (!header) {
    // not an LKE worksheet: a table of values (a rubric of lines, the Indeks RB from 2023)?
    const table = findValueTable(wb.sheets);
    if (table) return scoreValueTable(wb, table, opts);
    return { file, status: 'error', findings: [], error: { code: 'no-lke-sheet' } };
  }
  const entries = readEntries(header);
  const meta = readMetadata(header.sheet, header.row, file);
  const block = opts.block !== undefined ? header.blocks[opts.block] : undefined;
  const titleYear = block && blockYear(block);
  if (titleYear !== undefined) {
    // a chosen block's title names its own year ("PENILAIAN TAHUN 2014"), which the title block cannot
    const at = block!.title!;
    meta.year = titleYear;
    meta.sources.year = `${header.sheet.name}!${a1(at.row, at.col)}`;
    meta.yearAt = { sheet: header.sheet.name, row: at.row, col: at.col };
  }
  withOverrides(meta, opts);
  let rubric = opts.rubric;
  let choice: RubricChoice | undefined;
  let match: MatchResult | undefined;
  if (!rubric) {
    // a rubric of lines is read from a table of values, not from an LKE worksheet
    choice = detectRubric(wb, meta.title, entries, opts.candidates.filter((c) => c.form !== 'lines'));
    if (!choice.rubric) {
      const error: FileProblem = choice.stampProblem ?? { code: choice.code ?? 'rubric-ambiguous', found: choice.found ?? '' };
      return { file, status: 'error', meta, header, findings: [], rubricChoice: choice, error };
    }
    rubric = choice.rubric;
    match = choice.match;
  }
  return scoreMatched(wb, rubric, header, entries, meta, match ?? matchEntries(rubric, entries), opts, choice, workbookStamp(wb));
}

function scoreMatched(wb: Workbook, rubric: Rubric, header: Header, _entries: Entry[], meta: Metadata, m: MatchResult, opts: ScoreOptions, choice: RubricChoice | undefined, stamp: CheckInput['stamp']): FileResult {
  const file = wb.file;
  const { answers, findings: structural } = collectAnswers(rubric, header, m, wb.formats);
  const scored = score(rubric, answers, { blankPolicy: opts.blankPolicy, offScale: opts.offScale });
  const folder = dirname(resolve(file));
  const checks = runChecks({
    rubric,
    answers,
    scored,
    sheet: header.sheet.name,
    year: meta.year,
    yearAt: meta.yearAt,
    yearSource: meta.sources.year,
    exists: (p) => existsSync(resolve(folder, p)),
    stamp,
  });
  const findings = sortFindings([...structural, ...scored.findings, ...checks, ...fileNameFindings(meta, header.sheet.name)]);
  return { file, status: 'scored', rubric, rubricChoice: choice, meta, header, scored, answers, findings };
}

/** The title block's OPD and year, unless --opd / --year say otherwise. */
export function withOverrides(meta: Metadata, opts: Pick<ScoreOptions, 'opd' | 'year'>): Metadata {
  if (opts.opd) {
    meta.opd = opts.opd;
    meta.sources.opd = '--opd';
  }
  if (opts.year) {
    meta.year = opts.year;
    meta.sources.year = '--year';
    meta.yearAt = undefined;
  }
  return meta;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Sheet order (row, then column), errors first within a cell. */
export function sortFindings(fs: Finding[]): Finding[] {
  const pos = (f: Finding) => (f.row !== undefined && f.col !== undefined ? [f.row, f.col] : [Number.MAX_SAFE_INTEGER, 0]);
  return fs
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => a.p[0]! - b.p[0]! || a.p[1]! - b.p[1]! || SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
