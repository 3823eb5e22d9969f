// A stand-in for dist/pipeline/worker.js that misbehaves on purpose, to test the pool (test/batch.test.ts):
// "hang" never answers, "crash" kills its thread, "throw" fails with an uncaught error; any other file is
// answered at once with a summary naming the file and the worker's thread, in the real worker's message shape.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', ({ i, file }) => {
  if (file.includes('hang')) for (;;);
  if (file.includes('crash')) process.exit(3);
  if (file.includes('throw')) throw new Error('rogue failure');
  const summary = { file, status: 'scored', opd: `thread ${threadId}`, year: null, rubric: null, sheet: null, index: i, predikat: null, nodes: [], answers: [], findings: [], counts: { error: 0, warning: 0, info: 0 } };
  parentPort.postMessage({ i, result: { file: summary, json: `"${file}"` } });
});
