// A batch worker: loads the rubrics once, then scores the files it is sent one at a time, in the order sent, and
// posts back each file's BatchResult. Runs inside worker_threads (see batch.ts), which sends the next file before
// this one is done: the chain keeps them in order.
import { parentPort, workerData } from 'node:worker_threads';
import { scoreOneForBatch, type WorkerSetup } from './batch-file.js';

const setup = workerData as WorkerSetup;
let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (msg: { i: number; file: string }) => {
  chain = chain.then(async () => {
    const result = await scoreOneForBatch(msg.file, setup);
    parentPort!.postMessage({ i: msg.i, result });
  });
});
