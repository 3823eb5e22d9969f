// `lke diff`: what the user named (one workbook with two assessment blocks, two workbooks, or two folders) → the
// diff report. Each worksheet is scored once, in this thread; no process, no stdout.
import { statSync } from 'node:fs';
import { readWorkbook } from '../workbook/read.js';
import { WorkbookError } from '../workbook/errors.js';
import { blockYear, findHeader } from '../layout/header.js';
import { scoreFile, scoreWorkbook, type FileResult, type ScoreOptions as FileOptions } from '../engine/score-file.js';
import { toDiffSide } from '../engine/diff-side.js';
import { expandInputs } from '../engine/inputs.js';
import type { Rubrics } from '../engine/job.js';
import { compareSides } from '../diff/compare.js';
import { fileKey, pairFiles } from '../diff/pair.js';
import type { DiffSide } from '../diff/side.js';
import { diffHead, folderReport, pairReport, type Diff, type DiffReport, type Failure } from '../document/diff-report.js';
import { EXIT } from '../document/exit.js';
import { fileProblemText, readProblemText } from '../words/errors.js';
import { DIFF_MESSAGES } from '../words/diff.js';
import { langFromEnv, type Lang } from '../words/lang.js';
import type { ReadLimits } from '../workbook/limits.js';
import type { BlankPolicy } from '../score/types.js';
import { ExitError } from './errors.js';
import { limitsFrom, rubricsOrExit, type LimitOptions, type RubricOptions } from './options.js';

export interface DiffOptions extends RubricOptions, LimitOptions {
  lang?: Lang | undefined;
  version: string;
}

export interface DiffRun {
  report: DiffReport;
  /** 0 whatever the differences; 1 when a worksheet of a folder could not be read (the others are compared). */
  exitCode: number;
}

interface Setup {
  rubrics: Rubrics;
  blankPolicy: BlankPolicy;
  limits: ReadLimits;
  lang: Lang;
}

export async function diff(args: string[], opts: DiffOptions): Promise<DiffRun> {
  const lang = opts.lang ?? langFromEnv();
  const say = DIFF_MESSAGES[lang];
  if (args.length < 1 || args.length > 2) throw new ExitError(say.arity);
  const setup: Setup = { rubrics: await rubricsOrExit(opts.rubric), blankPolicy: opts.blank ?? 'skip', limits: limitsFrom(opts), lang };
  const head = diffHead(lang, setup.blankPolicy, opts.version);
  if (args.length === 1) return { report: pairReport(head, 'blocks', await diffBlocks(args[0]!, setup)), exitCode: EXIT.ok };
  const [a, b] = args as [string, string];
  if (isDir(a) !== isDir(b)) throw new ExitError(say.mixed(a, b));
  if (isDir(a)) return diffFolders(a, b, setup, head);
  const from = side(await scoreFile(a, fileOptions(setup)), setup);
  const to = side(await scoreFile(b, fileOptions(setup)), setup);
  return { report: pairReport(head, 'files', compareSides(from, to)), exitCode: EXIT.ok };
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const fileOptions = (s: Setup, block?: number): FileOptions => ({ rubric: s.rubrics.forced, candidates: s.rubrics.candidates, blankPolicy: s.blankPolicy, limits: s.limits, block });

/** A scored side, or the file's one line (exit 2): nothing to compare without it. */
function side(r: FileResult, s: Setup, block?: number): DiffSide {
  if (r.status !== 'scored') throw new ExitError(fileProblemText(r.file, r.error ?? { code: 'no-lke-sheet' }, s.lang).message);
  return toDiffSide(r, block);
}

/**
 * The two blocks of one workbook. The older block comes first when both titles name a year; otherwise left to right
 * (the self-assessment, then the reviewer's block beside it).
 */
async function diffBlocks(file: string, s: Setup): Promise<Diff> {
  let wb;
  try {
    wb = await readWorkbook(file, s.limits);
  } catch (e) {
    if (e instanceof WorkbookError) throw new ExitError(readProblemText(e.file, e.problem, s.lang));
    throw e;
  }
  const h = findHeader(wb.sheets);
  if (!h) throw new ExitError(fileProblemText(file, { code: 'no-lke-sheet' }, s.lang).message);
  if (h.blocks.length < 2) throw new ExitError(DIFF_MESSAGES[s.lang].oneBlock(file, h.sheet.name.trim()));
  const [y0, y1] = [blockYear(h.blocks[0]!), blockYear(h.blocks[1]!)];
  const [i, j] = y0 !== undefined && y1 !== undefined && y1 < y0 ? [1, 0] : [0, 1];
  return compareSides(side(scoreWorkbook(wb, fileOptions(s, i)), s, i), side(scoreWorkbook(wb, fileOptions(s, j)), s, j));
}

/** Two folders: every worksheet scored once, OPDs paired, each pair compared; a bad worksheet is listed, not fatal. */
async function diffFolders(dirA: string, dirB: string, s: Setup, head: ReturnType<typeof diffHead>): Promise<DiffRun> {
  const list = (dir: string) => {
    const { files } = expandInputs([dir]);
    if (files.length === 0) throw new ExitError(DIFF_MESSAGES[s.lang].emptyFolder(dir));
    return files;
  };
  const [filesA, filesB] = [list(dirA), list(dirB)];
  const failed: Failure[] = [];
  const readable = async (files: string[]) => {
    const out: DiffSide[] = [];
    for (const f of files) {
      const r = await scoreFile(f, fileOptions(s));
      if (r.status === 'scored') out.push(toDiffSide(r));
      else failed.push({ file: f, error: fileProblemText(f, r.error ?? { code: 'no-lke-sheet' }, s.lang) });
    }
    return out;
  };
  // only readable worksheets are paired: one whose counterpart could not be read is listed unpaired
  const [as, bs] = [await readable(filesA), await readable(filesB)];
  const named = (x: DiffSide) => ({ file: x.file, opd: x.opdSource !== 'file name' ? x.opd : null });
  const pairing = pairFiles(as.map(named), bs.map(named));
  const compared = pairing.pairs.map((p) => {
    const [from, to] = [as[p.from]!, bs[p.to]!];
    return { opd: named(to).opd ?? named(from).opd ?? (fileKey(to.file) || to.file), by: p.by, diff: compareSides(from, to) };
  });
  const unpaired = { from: pairing.onlyFrom.map((i) => as[i]!.file), to: pairing.onlyTo.map((i) => bs[i]!.file) };
  return { report: folderReport(head, compared, unpaired, failed), exitCode: failed.length > 0 ? EXIT.findings : EXIT.ok };
}
