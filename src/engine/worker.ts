// An engine worker: loads the rubrics once, then scores the files it is sent one at a time, in the order sent, and
// posts back each file's JobResult. Runs inside worker_threads (see pool.ts), which sends the next file before
// this one is done: the chain keeps them in order.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRubrics, runJob, type JobSetup } from './job.js';

const setup = workerData as JobSetup;
const rubrics = loadRubrics(setup.rubric);
// a broken rubric fails each file (the main thread has said so once already); never an unhandled rejection
rubrics.catch(() => undefined);
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: { i: number; file: string }) => {
  chain = chain.then(async () => {
    const result = await runJob(msg.file, setup, rubrics);
    parentPort!.postMessage({ i: msg.i, result });
  });
});
