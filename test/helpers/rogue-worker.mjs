// A stand-in for dist/pipeline/worker.js that misbehaves on purpose, to test the pool (test/batch.test.ts):
// "hang" never answers, "crash" kills its thread, "throw" fails with an uncaught error, "answer-then-throw" answers
// and then fails; any other file is answered at once with a summary naming the file and the worker's thread, in the
// real worker's message shape.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', ({ i, file }) => {
  if (file.includes('hang')) for (;;);
  if (file.includes('crash')) process.exit(3);
  if (file.includes('throw') && !file.includes('answer-then-throw')) throw new Error('rogue failure');
  const summary = { file, status: 'scored', opd: `thread ${threadId}`, year: null, rubric: null, sheet: null, index: i, predikat: null, nodes: [], answers: [], findings: [], counts: { error: 0, warning: 0, info: 0 } };
  // a big answer, as a real worksheet's JSON is: it can reach the main thread after the failure that follows it
  parentPort.postMessage({ i, result: { file: summary, json: file.includes('answer-then-throw') ? `"${file}${' '.repeat(4 << 20)}"` : `"${file}"` } });
  if (file.includes('answer-then-throw')) throw new Error('rogue failure after its answer');
});
