// The option groups the use-cases share, defined once (the CLI's flag groups in src/cli/flags.ts fill them), and
// the start of a run both use-cases share.
import { availableParallelism } from 'node:os';
import { DEFAULT_LIMITS, type ReadLimits } from '../workbook/limits.js';
import type { BlankPolicy, OffScalePolicy } from '../score/types.js';
import { langFromEnv, type Lang } from '../words/lang.js';
import type { Rubric } from '../rubric/model.js';
import { RubricLoadError } from '../rubric/compiled.js';
import { loadRubric } from '../engine/rubrics.js';
import { loadRubrics, type Rubrics } from '../engine/job.js';
import { startEngine, type Engine } from '../engine/pool.js';
import type { Keep } from '../document/score-report.js';
import type { GapRequest } from '../engine/file-document.js';
import { ExitError } from './errors.js';

/** Which rubric and how blanks count. */
export interface RubricOptions {
  /** A built-in id or a YAML path; detected per file when absent. */
  rubric?: string | undefined;
  blank?: BlankPolicy | undefined;
  /** Values off their scale: not scored (skip, the default) or scored at the bound (clamp). */
  offScale?: OffScalePolicy | undefined;
}

/** What the title block or the file name would say, overridden. */
export interface MetaOptions {
  opd?: string | undefined;
  year?: number | undefined;
  /** The sheet to score, by name. */
  sheet?: string | undefined;
}

/** The reader's limits against broken or hostile files. */
export interface LimitOptions {
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
}

/** How a run uses the machine. */
export interface JobOptions {
  /** Worker threads (default: the number of cores). */
  jobs?: number | undefined;
}

export interface RunOptions extends RubricOptions, MetaOptions, LimitOptions, JobOptions {
  lang?: Lang | undefined;
  /** lke's version, for the report's tool field. */
  version: string;
}

/** The read limits, the defaults changed by whatever options were given. */
export function limitsFrom(opts: LimitOptions): ReadLimits {
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

/**
 * Starts the engine for a run (its workers load while this thread loads the rubrics) and loads the rubrics: a
 * broken rubric is one usage error, and the workers are stopped.
 */
export async function startRun(
  files: string[],
  opts: MetaOptions & LimitOptions & JobOptions & { rubric?: string | undefined; blank: BlankPolicy; offScale?: OffScalePolicy | undefined; lang: Lang; keep: Keep; json?: boolean | undefined; gap?: GapRequest | undefined },
): Promise<{ engine: Engine; rubrics: Rubrics }> {
  const engine = startEngine(
    {
      rubric: opts.rubric,
      blankPolicy: opts.blank,
      offScale: opts.offScale,
      opd: opts.opd,
      year: opts.year,
      sheet: opts.sheet,
      limits: limitsFrom(opts),
      lang: opts.lang,
      keep: opts.keep,
      json: opts.json,
      gap: opts.gap,
      jobs: opts.jobs ?? availableParallelism(),
      timeoutMs: (opts.timeout ?? 60) * 1000,
    },
    files.length,
  );
  try {
    return { engine, rubrics: await rubricsOrExit(opts.rubric, opts.lang) };
  } catch (e) {
    engine.cancel();
    throw e;
  }
}

/** A broken rubric is one usage error (exit 2), not a failure per file; said in the environment's language. */
export async function rubricOrExit(ref: string): Promise<Rubric> {
  return orExit(() => loadRubric(ref), langFromEnv());
}

export async function rubricsOrExit(ref: string | undefined, lang: Lang = langFromEnv()): Promise<Rubrics> {
  return orExit(() => loadRubrics(ref), lang);
}

async function orExit<T>(load: () => Promise<T>, lang: Lang): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof RubricLoadError) throw new ExitError(e.say?.(lang) ?? e.message);
    throw e;
  }
}
