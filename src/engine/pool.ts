// The one engine of `lke score` and `lke check`: one file or many, in this thread (--jobs 1, or a single file) or
// in a pool of worker_threads (never a process per file: that costs 30-50× more). Results are handed on in input
// order whatever the workers' timing; a file that hangs past the time limit or kills its worker is reported as
// failed and the pool goes on.
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ReportFile } from '../document/score-report.js';
import { failed, loadRubrics, resultOf, runJob, type JobResult, type JobSetup, type Rubrics } from './job.js';

export interface EngineOptions extends JobSetup {
  jobs: number;
  /**
   * Per file, in milliseconds. The reader stops itself at this limit (with its own message); the worker is
   * stopped only GRACE_MS later, when something else hangs.
   */
  timeoutMs: number;
  /** Heap limit of each worker, in MiB (a hostile file cannot take the machine). */
  workerHeapMb?: number | undefined;
  /** The worker script (tests put a misbehaving one in its place); lke's own by default. */
  workerUrl?: URL | undefined;
}

export interface RunHandlers {
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
  /** The rubrics the caller has loaded, for scoring in this thread (the workers load their own). */
  rubrics?: Rubrics | undefined;
  /** Each file's result, in input order, as soon as it and every file before it are done. */
  onResult?: ((i: number, result: JobResult) => void) | undefined;
}

export type RunOptions = EngineOptions & RunHandlers;

const WORKER_URL = new URL('./worker.js', import.meta.url);
const GRACE_MS = 1000;

/** Files a worker holds at once: the one it scores and the next, so it never waits for the main thread. */
const PREFETCH = 2;
/**
 * Results that may wait for an earlier, slower file before being handed on; past it no new file is started.
 * Keeps memory flat when one file takes its whole time limit while the others fly by.
 */
const REORDER_WINDOW = 256;

export interface Engine {
  /** Scores the files (once per engine); resolves with each file's kept document in input order. */
  run(files: string[], handlers?: RunHandlers): Promise<ReportFile[]>;
  /** Stops the workers without running (the caller failed while they were starting). */
  cancel(): void;
}

/**
 * Workers leave V8's optimising compiler to the truly hot code (a larger interrupt budget): each worker compiles
 * its own copy of the pipeline and, with every core scoring, the compiler has no idle core (bench/README.md).
 * Set once before the first worker starts (or the one file is scored); --jobs 1 over several files keeps V8's
 * default, its compiler runs on the idle core. LKE_V8_DEFAULTS=1 keeps V8's defaults.
 */
function tuneWorkerIsolates(): void {
  if (tuned || process.env['LKE_V8_DEFAULTS']) return;
  tuned = true;
  setFlagsFromString(`--interrupt-budget=${WORKER_INTERRUPT_BUDGET}`);
}
/** V8's default is 67,584 bytes of bytecode (Node 20); the value is measured in bench/README.md. */
const WORKER_INTERRUPT_BUDGET = 600_000;
let tuned = false;

/**
 * Starts the workers at once (they load the pipeline and rubrics while the caller gets on with its own set-up);
 * `run` then feeds them. `jobs` 1 scores in this thread, with no worker.
 */
export function startEngine(opts: EngineOptions, maxJobs = Infinity): Engine {
  const jobs = Math.max(1, Math.min(opts.jobs, maxJobs));
  const setup: JobSetup = { rubric: opts.rubric, blankPolicy: opts.blankPolicy, offScale: opts.offScale, opd: opts.opd, year: opts.year, sheet: opts.sheet, limits: opts.limits, lang: opts.lang, keep: opts.keep, json: opts.json, gap: opts.gap };
  // a small young generation keeps each worker's RSS down; a larger one trades RSS for less GC (bench/README.md)
  const resourceLimits = { maxOldGenerationSizeMb: opts.workerHeapMb ?? 512, maxYoungGenerationSizeMb: 16 };
  // one file: the process ends with it, and V8 would optimise the reader's loops part-way through it only to
  // throw the code away (callgrind, lke score FILE: 1,248 -> 1,031 M instructions; bare node 505 M)
  if (jobs > 1 || maxJobs === 1) tuneWorkerIsolates();
  const spawn = () => new Worker(opts.workerUrl ?? WORKER_URL, { workerData: setup, resourceLimits });
  const warm = jobs > 1 ? Array.from({ length: jobs }, spawn) : [];
  return {
    run: (files, handlers = {}) => {
      const run = { ...opts, ...handlers };
      return jobs > 1 ? runPool(files, run, setup, warm, spawn) : runHere(files, run, setup, run.rubrics);
    },
    cancel: () => {
      for (const w of warm) letGo(w);
    },
  };
}

export async function scoreFiles(files: string[], opts: RunOptions): Promise<ReportFile[]> {
  return startEngine(opts, files.length).run(files, opts);
}

/**
 * Stops a worker the pool is done with. An error it raises while it stops (one thrown just after its last answer)
 * is no longer the pool's, but an 'error' event with no listener would end the whole process.
 */
function letGo(w: Worker): void {
  w.removeAllListeners();
  w.on('error', () => undefined);
  void w.terminate();
}

/** Hands results on in input order; remembers only the compact summaries. */
function inOrder(files: string[], opts: RunOptions) {
  const summaries = new Array<ReportFile>(files.length);
  const waiting = new Map<number, JobResult>();
  let delivered = 0;
  let done = 0;
  return {
    summaries,
    get delivered() {
      return delivered;
    },
    finish(i: number, r: JobResult) {
      done++;
      opts.onProgress?.(done, files.length, files[i]!);
      waiting.set(i, r);
      for (let next = waiting.get(delivered); next; next = waiting.get(delivered)) {
        waiting.delete(delivered);
        summaries[delivered] = next.file;
        opts.onResult?.(delivered, next);
        delivered++;
      }
    },
  };
}

async function runHere(files: string[], opts: RunOptions, setup: JobSetup, loaded: Rubrics | undefined): Promise<ReportFile[]> {
  const out = inOrder(files, opts);
  const rubrics = loaded ?? (await loadRubrics(setup.rubric));
  for (let i = 0; i < files.length; i++) out.finish(i, await runJob(files[i]!, setup, rubrics));
  return out.summaries;
}

function runPool(files: string[], opts: RunOptions, setup: JobSetup, warm: Worker[], spawn: () => Worker): Promise<ReportFile[]> {
  const out = inOrder(files, opts);
  /** Files handed back by a worker that stopped, to be scored again before new ones. */
  const retry: number[] = [];
  let next = 0;
  let finished = 0;
  const lost = (i: number, problem: Parameters<typeof failed>[1]) => resultOf(failed(files[i]!, problem, setup), setup);

  return new Promise<ReportFile[]>((resolveAll) => {
    const take = (): number | undefined => {
      if (retry.length > 0) return retry.shift();
      if (next < files.length && next - out.delivered < REORDER_WINDOW) return next++;
      return undefined;
    };
    /** The workers at work, each with what hands it files. */
    const live = new Map<Worker, () => void>();
    const refill = () => {
      for (const feed of live.values()) feed();
    };
    const complete = (i: number, r: JobResult) => {
      out.finish(i, r);
      finished++;
      if (finished === files.length) {
        for (const w of live.keys()) letGo(w);
        resolveAll(out.summaries);
        return;
      }
      // a result handed on may reopen the reorder window for idle workers
      refill();
    };

    const attach = (w: Worker) => {
      /** The files this worker holds, the first being scored; its timer runs for the first only. */
      const held: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let gone = false;
      const arm = () => {
        clearTimeout(timer);
        timer = held.length > 0 ? setTimeout(onTimeout, opts.timeoutMs + GRACE_MS) : undefined;
      };
      const retire = (why: (i: number) => JobResult) => {
        // the file being scored is lost with the worker; the ones waiting behind it go to a fresh worker
        gone = true;
        clearTimeout(timer);
        live.delete(w);
        letGo(w);
        const [lost, ...rest] = held;
        held.length = 0;
        retry.unshift(...rest);
        if (retry.length > 0 || next < files.length) attach(spawn());
        if (lost !== undefined) complete(lost, why(lost));
      };
      const onTimeout = () =>
        retire((i) => lost(i, { code: 'timeout', seconds: opts.timeoutMs / 1000 }));
      const feed = () => {
        if (gone) return;
        while (held.length < PREFETCH) {
          const i = take();
          if (i === undefined) break;
          held.push(i);
          if (held.length === 1) arm();
          w.postMessage({ i, file: files[i] });
        }
      };
      w.on('message', (m: { i: number; result: JobResult }) => {
        if (held[0] !== m.i) return;
        held.shift();
        arm();
        complete(m.i, m.result);
        feed();
      });
      // A worker that fails (an uncaught error, out of memory) also exits, and Node hands on the results it posted
      // before 'exit', not always before 'error': the file to blame is known only at 'exit' (a file scored just
      // before was reported lost, and the one that failed went to the next worker).
      let failure: string | undefined;
      w.on('error', (e) => {
        failure = /heap|memory/i.test(e.message) ? 'out of memory' : e.message;
      });
      w.on('exit', () => {
        if (gone) return;
        const detail = failure;
        retire((i) => lost(i, detail === undefined ? { code: 'internal', cause: 'worker-exited' } : { code: 'internal', cause: 'worker-stopped', detail }));
      });
      live.set(w, feed);
      feed();
    };

    if (files.length === 0) {
      for (const w of warm) letGo(w);
      resolveAll(out.summaries);
      return;
    }
    for (const w of warm) attach(w);
  });
}
