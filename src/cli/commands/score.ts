// `lke score FILE…`: score worksheets and print the report. A plain function the tests call without a process.
import { builtinPath, builtinRubricIds, loadCompiledBuiltin } from '../../rubric/builtin.js';
import type { Rubric } from '../../rubric/model.js';
import { scoreFile, type FileResult } from '../../pipeline/score-file.js';
import { buildReport, type Report } from '../../report/model.js';
import { PRESENTERS } from '../../report/registry.js';
import { langFromEnv, type Lang } from '../../findings/codes.js';
import type { BlankPolicy } from '../../score/types.js';
import { EXIT, ExitError } from '../exit.js';
import { DEFAULT_LIMITS } from '../../workbook/read.js';
import { expandInputs } from '../inputs.js';
import { useColor } from '../color.js';

export interface ScoreCommandOptions {
  rubric?: string | undefined;
  format?: string | undefined;
  blank?: BlankPolicy | undefined;
  opd?: string | undefined;
  year?: number | undefined;
  lang?: Lang | undefined;
  detail?: boolean | undefined;
  /** Largest workbook accepted, in MiB. */
  maxFileSize?: number | undefined;
  version: string;
}

export interface ScoreRun {
  report: Report;
  results: FileResult[];
  exitCode: number;
}

/** A built-in from its precompiled JSON; anything else (a YAML path, a stale build) through the YAML loader. */
export async function loadRubricOrExit(ref: string): Promise<Rubric> {
  const fast = builtinPath(ref) ? loadCompiledBuiltin(ref) : undefined;
  if (fast) return fast;
  const { loadRubric, RubricLoadError } = await import('../../rubric/load.js');
  try {
    return loadRubric(ref);
  } catch (e) {
    if (e instanceof RubricLoadError) throw new ExitError(e.message);
    throw e;
  }
}

export async function scoreFiles(files: string[], opts: ScoreCommandOptions): Promise<ScoreRun> {
  const blankPolicy = opts.blank ?? 'skip';
  const rubric = opts.rubric ? await loadRubricOrExit(opts.rubric) : undefined;
  const candidates = rubric ? [rubric] : await Promise.all(builtinRubricIds().map(loadRubricOrExit));
  const results: FileResult[] = [];
  for (const file of files) {
    const limits = { ...DEFAULT_LIMITS, ...(opts.maxFileSize ? { maxFileBytes: opts.maxFileSize * 1024 * 1024 } : {}) };
    results.push(await scoreFile(file, { rubric, candidates, blankPolicy, opd: opts.opd, year: opts.year, limits }));
  }
  const report = buildReport(results, { blankPolicy, lang: opts.lang ?? langFromEnv(), version: opts.version });
  const failed = results.some((r) => r.status === 'error');
  const errors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  // One file that cannot be scored is lke unable to do its job (2); in a batch it is one bad file among many (1).
  const exitCode = failed && files.length === 1 ? EXIT.usage : failed || errors ? EXIT.findings : EXIT.ok;
  return { report, results, exitCode };
}

export async function runScore(args: string[], opts: ScoreCommandOptions): Promise<number> {
  const { files, missing } = expandInputs(args);
  const globsWithoutMatch = missing.filter((m) => !files.includes(m));
  if (globsWithoutMatch.length > 0) throw new ExitError(`no worksheet matches ${globsWithoutMatch.join(', ')}`);
  if (files.length === 0) throw new ExitError(`no .xlsx worksheet found in ${args.join(', ')}`);
  const run = await scoreFiles(files, opts);
  for (const r of run.results) if (r.error) process.stderr.write(`lke: ${r.error.message}\n`);
  const format = opts.format ?? 'table';
  const presenter = PRESENTERS[format];
  if (!presenter) throw new ExitError(`unknown format ${format}`);
  const onlyErrors = run.results.every((r) => r.status === 'error');
  // A table with nothing scored would only repeat stderr; json always prints the report for machines.
  if (!(format === 'table' && onlyErrors)) process.stdout.write(presenter(run.report, { color: useColor(process.stdout), detail: opts.detail }));
  return run.exitCode;
}
