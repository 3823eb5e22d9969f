// `lke score FILE…`: score worksheets and print the report. A plain function the tests call without a process.
import { builtinRubricIds, loadRubricAsync } from '../../rubric/builtin.js';
import type { Rubric } from '../../rubric/model.js';
import type { FileResult } from '../../pipeline/score-file.js';
import { assembleReport, buildReport, reportHead, type Report } from '../../report/model.js';
import { JsonReportWriter } from '../../report/json.js';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { presenter } from '../../report/registry.js';
import { langFromEnv, type Lang } from '../../words/lang.js';
import type { BlankPolicy } from '../../score/types.js';
import { EXIT, ExitError } from '../exit.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../../workbook/limits.js';
import { expandInputs } from '../inputs.js';
import { useColor } from '../color.js';
import { GC_FLAG, respawn, shouldRespawn } from '../respawn.js';

export interface ScoreCommandOptions {
  rubric?: string | undefined;
  format?: string | undefined;
  blank?: BlankPolicy | undefined;
  /** Same as blank (the name the config file uses). */
  blankPolicy?: BlankPolicy | undefined;
  opd?: string | undefined;
  year?: number | undefined;
  lang?: Lang | undefined;
  detail?: boolean | undefined;
  /** Largest workbook accepted, in MiB. */
  maxFileSize?: number | undefined;
  /** Most bytes the workbook's parts may unpack to, in MiB. */
  maxUnpacked?: number | undefined;
  /** Highest compression ratio of a part. */
  maxRatio?: number | undefined;
  maxRows?: number | undefined;
  maxColumns?: number | undefined;
  maxCells?: number | undefined;
  /** Seconds per file. */
  timeout?: number | undefined;
  version: string;
}

export interface ScoreRun {
  report: Report;
  results: FileResult[];
  exitCode: number;
}

export async function loadRubricOrExit(ref: string): Promise<Rubric> {
  try {
    return await loadRubricAsync(ref);
  } catch (e) {
    if (e instanceof Error && e.name === 'RubricLoadError') throw new ExitError(e.message);
    throw e;
  }
}

/** The read limits, the defaults changed by whatever flags were given. */
export function limitsFrom(opts: Pick<ScoreCommandOptions, 'maxFileSize' | 'maxUnpacked' | 'maxRatio' | 'maxRows' | 'maxColumns' | 'maxCells' | 'timeout'>): ReadLimits {
  const MiB = 1024 * 1024;
  return {
    maxFileBytes: opts.maxFileSize !== undefined ? opts.maxFileSize * MiB : DEFAULT_LIMITS.maxFileBytes,
    maxUncompressedBytes: opts.maxUnpacked !== undefined ? opts.maxUnpacked * MiB : DEFAULT_LIMITS.maxUncompressedBytes,
    maxCompressionRatio: opts.maxRatio ?? DEFAULT_LIMITS.maxCompressionRatio,
    maxRows: opts.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: opts.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxCells: opts.maxCells ?? DEFAULT_LIMITS.maxCells,
    maxSeconds: opts.timeout ?? DEFAULT_LIMITS.maxSeconds,
  };
}

export async function scoreFiles(files: string[], opts: ScoreCommandOptions): Promise<ScoreRun> {
  // the pipeline is loaded here, not with this module: a batch's main thread never scores (its workers do)
  const { scoreFile } = await import('../../pipeline/score-file.js');
  const blankPolicy = opts.blank ?? 'skip';
  const rubric = opts.rubric ? await loadRubricOrExit(opts.rubric) : undefined;
  const candidates = rubric ? [rubric] : await Promise.all(builtinRubricIds().map(loadRubricOrExit));
  const results: FileResult[] = [];
  const limits = limitsFrom(opts);
  for (const file of files) {
    results.push(await scoreFile(file, { rubric, candidates, blankPolicy, opd: opts.opd, year: opts.year, limits }));
  }
  const report = buildReport(results, { blankPolicy, lang: opts.lang ?? langFromEnv(), version: opts.version });
  const failed = results.some((r) => r.status === 'error');
  const errors = results.some((r) => r.findings.some((f) => f.severity === 'error'));
  // One file that cannot be scored is lke unable to do its job (2); in a batch it is one bad file among many (1).
  const exitCode = failed && files.length === 1 ? EXIT.usage : failed || errors ? EXIT.findings : EXIT.ok;
  return { report, results, exitCode };
}

export interface BatchCommandOptions {
  jobs?: number | undefined;
  /** The CLI's --debug: also say when a big batch restarted itself (src/cli/respawn.ts). */
  debug?: boolean | undefined;
  quiet?: boolean | undefined;
  /** Seconds per file. */
  timeout?: number | undefined;
}

/**
 * Many files: the worker pool, a progress bar on a terminal, one report over all of them. With `writeJson` the JSON
 * report goes out file by file as the files are done (in input order) and the returned report holds only each
 * file's summary: memory stays flat over thousands of files.
 */
export async function scoreMany(
  files: string[],
  opts: ScoreCommandOptions & BatchCommandOptions,
  writeJson?: (chunk: string) => void,
): Promise<{ report: Report; exitCode: number }> {
  const blankPolicy = opts.blankPolicy ?? opts.blank ?? 'skip';
  const lang = opts.lang ?? langFromEnv();
  const { startPool } = await import('../../pipeline/batch.js');
  // the workers start loading now, while this thread loads the rubrics and the presenter
  const pool = startPool(
    {
      rubric: opts.rubric,
      blankPolicy,
      opd: opts.opd,
      year: opts.year,
      limits: limitsFrom(opts),
      lang,
      jobs: opts.jobs ?? availableParallelism(),
      timeoutMs: (opts.timeout ?? 60) * 1000,
      json: writeJson !== undefined,
    },
    files.length,
  );
  // load here too: a broken rubric is one usage error, not a failure per file; and the report needs the objects
  let forced: Rubric | undefined;
  let rubrics: Map<string, Rubric>;
  try {
    forced = opts.rubric ? await loadRubricOrExit(opts.rubric) : undefined;
    rubrics = new Map((forced ? [forced] : await Promise.all(builtinRubricIds().map(loadRubricOrExit))).map((r) => [r.id, r]));
  } catch (e) {
    pool.cancel();
    throw e;
  }
  const head = { blankPolicy, lang, version: opts.version };
  const writer = writeJson ? new JsonReportWriter(writeJson) : undefined;
  writer?.begin(reportHead(head));
  const bar = !opts.quiet && process.stderr.isTTY && !(writeJson && process.stdout.isTTY) ? await progressBar(files.length) : undefined;
  const summaries = await pool.run(files, {
    onResult: writer ? (_i, r) => writer.file(r.json!) : undefined,
    onProgress: bar ? (done, _total, file) => bar.update(done, { file: basename(file) }) : undefined,
  });
  bar?.stop();
  const report = assembleReport(summaries, rubrics, head);
  writer?.end(report);
  const failed = summaries.some((r) => r.status === 'error');
  const errors = summaries.some((r) => r.counts.error > 0);
  return { report, exitCode: failed || errors ? EXIT.findings : EXIT.ok };
}

async function progressBar(total: number) {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' {bar} {value}/{total} files | {rate}/s | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { file: '', rate: '0.0' });
  return {
    update: (done: number, payload: { file: string }) => bar.update(done, { ...payload, rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) }),
    stop: () => bar.stop(),
  };
}

export async function runScore(args: string[], opts: ScoreCommandOptions & BatchCommandOptions): Promise<number> {
  const { files, missing } = expandInputs(args);
  const globsWithoutMatch = missing.filter((m) => !files.includes(m));
  if (globsWithoutMatch.length > 0) throw new ExitError(`no worksheet matches ${globsWithoutMatch.join(', ')}`);
  if (files.length === 0) throw new ExitError(`no .xlsx worksheet found in ${args.join(', ')}`);
  const format = opts.format ?? 'table';
  const render = await presenter(format);
  if (!render) throw new ExitError(`unknown format ${format}`);
  const jobs = opts.jobs ?? availableParallelism();
  if (files.length > 1 && shouldRespawn(files.length, jobs)) {
    const code = await respawn();
    // the copy could not be started: score here, as it would have
    if (code >= 0) return code;
  }
  if (process.env['LKE_RESPAWNED'] && opts.debug) process.stderr.write(`lke: scoring ${files.length} files with ${GC_FLAG} (restarted for a big batch)\n`);
  // a batch's JSON report is written file by file as the files are done
  const streamed = files.length > 1 && format === 'json';
  const { report, exitCode } =
    files.length > 1 ? await scoreMany(files, { ...opts, jobs }, streamed ? (chunk) => process.stdout.write(chunk) : undefined) : await scoreFiles(files, opts);
  for (const f of report.files) if (f.error) process.stderr.write(`lke: ${f.error.message}\n`);
  const onlyErrors = report.files.every((f) => f.status === 'error');
  // A table with nothing scored would only repeat stderr; json always prints the report for machines.
  if (!streamed && !(format === 'table' && onlyErrors)) process.stdout.write(render(report, { color: useColor(process.stdout), detail: opts.detail }));
  return exitCode;
}
