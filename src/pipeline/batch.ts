// Scores many files with a pool of worker_threads (never a process per file: that costs 30-50× more). Results
// come back in input order whatever the workers' timing; a file that hangs past the time limit or kills its
// worker is reported as failed and the pool goes on.
import { Worker } from 'node:worker_threads';
import type { ReportFile } from '../report/model.js';
import { errorFile, scoreOneForBatch, type WorkerSetup } from './batch-file.js';

export interface BatchOptions extends WorkerSetup {
  jobs: number;
  /** Per file, in milliseconds. */
  timeoutMs: number;
  /** Heap limit of each worker, in MiB (a hostile file cannot take the machine). */
  workerHeapMb?: number | undefined;
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function scoreBatch(files: string[], opts: BatchOptions): Promise<ReportFile[]> {
  const out = new Array<ReportFile>(files.length);
  let done = 0;
  const finish = (i: number, r: ReportFile) => {
    out[i] = r;
    done++;
    opts.onProgress?.(done, files.length, files[i]!);
  };
  const jobs = Math.max(1, Math.min(opts.jobs, files.length));
  if (jobs === 1) {
    for (let i = 0; i < files.length; i++) finish(i, await scoreOneForBatch(files[i]!, opts));
    return out;
  }
  const setup: WorkerSetup = { rubric: opts.rubric, blankPolicy: opts.blankPolicy, opd: opts.opd, year: opts.year, limits: opts.limits, lang: opts.lang, compact: opts.compact };
  let next = 0;
  await new Promise<void>((resolveAll) => {
    let running = 0;
    const spawn = () => {
      const w = new Worker(WORKER_URL, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: opts.workerHeapMb ?? 512 } });
      let current: { i: number; timer: NodeJS.Timeout } | undefined;
      const feed = () => {
        if (next >= files.length) {
          current = undefined;
          void w.terminate();
          if (--running === 0) resolveAll();
          return;
        }
        const i = next++;
        current = {
          i,
          timer: setTimeout(() => {
            // a file that takes too long: stop its worker, report it, carry on with a fresh worker
            const c = current!;
            current = undefined;
            w.removeAllListeners();
            void w.terminate();
            finish(c.i, errorFile(files[c.i]!, 'timeout', `${files[c.i]}: not scored within ${opts.timeoutMs / 1000} s; the file is stopped and skipped (raise it with --timeout)`));
            running--;
            running++;
            spawn();
          }, opts.timeoutMs),
        };
        w.postMessage({ i, file: files[i] });
      };
      w.on('message', (m: { i: number; report: ReportFile }) => {
        if (!current || current.i !== m.i) return;
        clearTimeout(current.timer);
        finish(m.i, m.report);
        feed();
      });
      w.on('error', (e) => {
        if (!current) return;
        const c = current;
        clearTimeout(c.timer);
        current = undefined;
        w.removeAllListeners();
        void w.terminate();
        const why = /heap|memory/i.test(e.message) ? 'ran out of memory' : e.message;
        finish(c.i, errorFile(files[c.i]!, 'internal', `${files[c.i]}: the worker scoring it stopped (${why}); the file is skipped`));
        spawn();
      });
      w.on('exit', () => {
        if (current) {
          const c = current;
          clearTimeout(c.timer);
          current = undefined;
          finish(c.i, errorFile(files[c.i]!, 'internal', `${files[c.i]}: the worker scoring it exited unexpectedly; the file is skipped`));
          spawn();
        }
      });
      feed();
    };
    for (let k = 0; k < jobs; k++) {
      running++;
      spawn();
    }
  });
  return out;
}
