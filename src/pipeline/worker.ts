// A batch worker: loads the rubrics once, then scores the files it is sent, one at a time, and posts back the
// serialisable ReportFile of each. Runs inside worker_threads (see batch.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { scoreOneForBatch, type WorkerSetup } from './batch-file.js';

const setup = workerData as WorkerSetup;
parentPort!.on('message', async (msg: { i: number; file: string }) => {
  const report = await scoreOneForBatch(msg.file, setup);
  parentPort!.postMessage({ i: msg.i, report });
});
