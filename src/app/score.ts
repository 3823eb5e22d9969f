// `lke score`: worksheets → the score report. A plain function: no process, no stdout; the command picks the
// presenter and writes. A run of many files can hand each file's JSON on as it is done (`onFileJson`), so the
// report is written file by file and memory stays flat however many files there are.
import { assembleReport, reportHead, type Keep, type Report } from '../document/score-report.js';
import { scoreExitCode } from '../document/exit.js';
import { langFromEnv } from '../words/lang.js';
import { startRun, type RunOptions } from './options.js';
import { ExitError } from './errors.js';
import { parseTarget, targetCodes } from '../gap/target.js';
import { rubricOf, rubricsById } from '../rubric/candidate.js';

export interface ScoreOptions extends RunOptions {
  /** How much of each file the report keeps (default: everything for one file, the summary for several). */
  keep?: Keep | undefined;
  /** What each file's gap report aims at (--target BB, 75, WBK); the next band or target up when absent. */
  target?: string | undefined;
}

export interface RunHooks {
  /** The report's head, known before any file is scored (a streamed report starts with it). */
  onBegin?: ((head: Pick<Report, 'schemaVersion' | 'tool' | 'blankPolicy' | 'lang'>) => void) | undefined;
  /** Each file's whole document as JSON text, in input order, as soon as it is done. */
  onFileJson?: ((json: string) => void) | undefined;
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
}

export interface ScoreRun {
  report: Report;
  exitCode: number;
}

export async function score(files: string[], opts: ScoreOptions, hooks: RunHooks = {}): Promise<ScoreRun> {
  const blankPolicy = opts.blank ?? 'skip';
  const lang = opts.lang ?? langFromEnv();
  const keep = opts.keep ?? (files.length === 1 ? 'all' : 'summary');
  const target = opts.target === undefined ? undefined : parseTarget(opts.target);
  if (opts.target !== undefined && !target) throw new ExitError('--target: give a predikat (BB), a target (WBK) or an index (75)');
  const { engine, rubrics } = await startRun(files, { ...opts, blank: blankPolicy, lang, keep, json: hooks.onFileJson !== undefined, gap: { target } });
  if (target?.kind === 'code') {
    // a code some rubric of the run knows; a file of another rubric (a mixed batch) reports it as not applicable
    const known = [...new Set(rubrics.candidates.map(rubricOf).flatMap(targetCodes))];
    if (!known.some((c) => c.toUpperCase() === target.code.toUpperCase())) {
      engine.cancel();
      throw new ExitError(`--target ${target.code}: not a predikat or target of ${rubrics.candidates.map((r) => r.id).join(', ')} (they have: ${known.join(', ')})`);
    }
  }
  const head = { blankPolicy, lang, version: opts.version };
  hooks.onBegin?.(reportHead(head));
  const onFileJson = hooks.onFileJson;
  const docs = await engine.run(files, { rubrics, onResult: onFileJson ? (_i, r) => onFileJson(r.json!) : undefined, onProgress: hooks.onProgress });
  const report = assembleReport(docs, rubricsById(rubrics.candidates), head);
  return { report, exitCode: scoreExitCode(docs, files.length) };
}
