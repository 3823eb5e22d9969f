// The batch worker as the bundle ships it: the build copies this file to dist/bundle/worker.js, where the pool
// starts it (pool.ts: ./worker.js beside the pool's code), and it runs the bundled worker (dist/bundle/worker.cjs)
// with V8's code cache (dist/bundle/worker.v8cache), as the bin runs the CLI: each worker of a batch starts from
// compiled code. The cache is written by a batch the build runs, when a worker hands on its first result.
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from '../cli/cached-script.cjs';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const worker = loadCachedScript(here('./worker.cjs'), here('./worker.v8cache'));
if (process.env['LKE_CODE_CACHE_CHECK']) process.stderr.write(`lke worker code cache: ${worker.said}\n`);
if (process.env['LKE_CODE_CACHE_WRITE'] === 'worker' && parentPort) {
  const port = parentPort;
  const post = port.postMessage.bind(port);
  port.postMessage = (message: unknown, transfer?: readonly TransferListItem[]) => {
    worker.writeCache();
    post(message, transfer);
  };
}
worker.run();
