// The use-case of `lke diff`: what the user named (one workbook with two assessment blocks, two workbooks, or two
// folders) → the diff document. Scores each worksheet once; touches no stdout and no process.
import { statSync } from 'node:fs';
import { readWorkbook, DEFAULT_LIMITS, type ReadLimits } from '../workbook/read.js';
import { WorkbookError } from '../workbook/errors.js';
import { blockYear, findHeader } from '../layout/header.js';
import { scoreFile, scoreWorkbook, type FileResult, type ScoreOptions } from '../pipeline/score-file.js';
import { toDiffSide } from '../pipeline/diff-side.js';
import { expandInputs } from '../cli/inputs.js';
import { compareSides } from '../diff/compare.js';
import { pairFiles } from '../diff/pair.js';
import type { DiffSide } from '../diff/side.js';
import { diffHead, folderReport, pairReport, type DiffReport, type Failure } from '../diff/document.js';
import { DIFF_MESSAGES } from '../words/diff.js';
import type { Lang } from '../words/lang.js';
import type { Rubric } from '../rubric/model.js';
import type { BlankPolicy } from '../score/types.js';

export interface DiffOptions {
  rubric?: Rubric | undefined;
  candidates: Rubric[];
  blankPolicy: BlankPolicy;
  limits?: ReadLimits | undefined;
  lang: Lang;
  version: string;
}

/** lke cannot compare what it was given: one line for the user (the command exits 2). */
export class DiffInputError extends Error {}

export interface DiffOutcome {
  document: DiffReport;
  /** Files of a folder that could not be scored (the others are compared). */
  failed: Failure[];
}

export async function runDiff(args: string[], opts: DiffOptions): Promise<DiffOutcome> {
  const m = DIFF_MESSAGES[opts.lang];
  const head = diffHead(opts.lang, opts.blankPolicy, opts.version);
  if (args.length === 1) return { document: pairReport(head, 'blocks', await diffBlocks(args[0]!, opts)), failed: [] };
  if (args.length !== 2) throw new DiffInputError(m.arity);
  const [a, b] = args as [string, string];
  const dirA = isDir(a);
  const dirB = isDir(b);
  if (dirA !== dirB) throw new DiffInputError(m.mixed(a, b));
  if (!dirA) {
    const [sa, sb] = [side(await scoreFile(a, scoreOptions(opts))), side(await scoreFile(b, scoreOptions(opts)))];
    return { document: pairReport(head, 'files', compareSides(sa, sb)), failed: [] };
  }
  return diffFolders(a, b, opts);
}

const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const scoreOptions = (opts: DiffOptions, block?: number): ScoreOptions => ({ rubric: opts.rubric, candidates: opts.candidates, blankPolicy: opts.blankPolicy, limits: opts.limits, block });

/** A scored side, or the file's one-line error. */
function side(r: FileResult, block?: number): DiffSide {
  if (r.status !== 'scored') throw new DiffInputError(r.error?.message ?? r.file);
  return toDiffSide(r, block);
}

/**
 * The two blocks of one workbook. The older block comes first when both titles name a year; otherwise left to right
 * (the self-assessment, then the reviewer's block beside it).
 */
async function diffBlocks(file: string, opts: DiffOptions) {
  let wb;
  try {
    wb = await readWorkbook(file, opts.limits ?? DEFAULT_LIMITS);
  } catch (e) {
    if (e instanceof WorkbookError) throw new DiffInputError(e.message);
    throw e;
  }
  const h = findHeader(wb.sheets);
  // no LKE sheet: the reader's own line says so
  if (!h) throw new DiffInputError(scoreWorkbook(wb, scoreOptions(opts)).error?.message ?? file);
  if (h.blocks.length < 2) throw new DiffInputError(DIFF_MESSAGES[opts.lang].oneBlock(file, h.sheet.name));
  const [y0, y1] = [blockYear(h.blocks[0]!), blockYear(h.blocks[1]!)];
  const order = y0 !== undefined && y1 !== undefined && y1 < y0 ? [1, 0] : [0, 1];
  const [from, to] = order.map((i) => side(scoreWorkbook(wb, scoreOptions(opts, i)), i)) as [DiffSide, DiffSide];
  return compareSides(from, to);
}

/** Two folders: every worksheet scored once, OPDs paired, each pair compared; a bad file is listed, not fatal. */
async function diffFolders(dirA: string, dirB: string, opts: DiffOptions): Promise<DiffOutcome> {
  const list = (dir: string) => {
    const { files } = expandInputs([dir]);
    if (files.length === 0) throw new DiffInputError(DIFF_MESSAGES[opts.lang].emptyFolder(dir));
    return files;
  };
  const [filesA, filesB] = [list(dirA), list(dirB)];
  const failed: Failure[] = [];
  const scoreAll = async (files: string[]) => {
    const out: (DiffSide | undefined)[] = [];
    for (const f of files) {
      const r = await scoreFile(f, scoreOptions(opts));
      if (r.status === 'scored') out.push(toDiffSide(r));
      else {
        failed.push({ file: f, error: r.error ?? { code: 'internal', message: f } });
        out.push(undefined);
      }
    }
    return out;
  };
  const [sidesA, sidesB] = [await scoreAll(filesA), await scoreAll(filesB)];
  // only readable worksheets are paired; one whose counterpart could not be read is listed unpaired
  const readable = (files: string[], sides: (DiffSide | undefined)[]) => files.flatMap((file, i) => (sides[i] ? [{ file, side: sides[i] }] : []));
  const [as, bs] = [readable(filesA, sidesA), readable(filesB, sidesB)];
  const pairing = pairFiles(
    as.map((x) => ({ file: x.file, opd: x.side.opdSource !== 'file name' ? x.side.opd : null })),
    bs.map((x) => ({ file: x.file, opd: x.side.opdSource !== 'file name' ? x.side.opd : null })),
  );
  const compared = pairing.pairs.map((p) => ({ from: as[p.from]!.side, to: bs[p.to]!.side, by: p.by, diff: compareSides(as[p.from]!.side, bs[p.to]!.side) }));
  const unpaired = { from: pairing.onlyFrom.map((i) => as[i]!.file), to: pairing.onlyTo.map((i) => bs[i]!.file) };
  const head = diffHead(opts.lang, opts.blankPolicy, opts.version);
  return { document: folderReport(head, compared, unpaired, failed), failed };
}
