// A worker thread of the floor pool (bench/batch.mjs): reads each file it is sent and runs the bare
// unzip+SAX floor on it (fflate unzipSync of the sheets + sharedStrings, a counting saxes pass), nothing else.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { floorFflate } from './lib.mjs';

parentPort.on('message', async ({ i, file }) => {
  parentPort.postMessage({ i, n: floorFflate(await readFile(file)) });
});
