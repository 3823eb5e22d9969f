#!/usr/bin/env node
// The indexOf-scan floor as a whole process, the baseline of `lke score DIR`: the least any scorer must do with a
// folder of worksheets — read each file, inflate its sheets and shared strings with node's zlib and find every
// <c> cell with its reference, type and value, shared strings resolved (floorScan in ./lib.mjs) — on `--jobs N`
// worker threads fed one file at a time, as lke's pool is. Prints "<files> files, <cells> cells, <chars> chars".
//
//   node bench/floor.mjs [--jobs N] DIR|FILE...
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { floorScan } from './lib.mjs';

if (!isMainThread) {
  parentPort.on('message', (file) => parentPort.postMessage(floorScan(readFileSync(file))));
} else {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { jobs: { type: 'string', default: '1' } } });
  const jobs = Math.max(1, Number.parseInt(values.jobs, 10) || 1);
  const files = positionals.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.xlsx'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
  let cells = 0;
  let chars = 0;
  const add = (r) => {
    cells += r.cells;
    chars += r.chars;
  };
  if (jobs === 1) for (const f of files) add(floorScan(readFileSync(f)));
  else {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(jobs, files.length) }, () => new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url));
        const feed = () => {
          if (next < files.length) w.postMessage(files[next++]);
          else void w.terminate().then(resolve);
        };
        w.on('message', (r) => {
          add(r);
          feed();
        });
        w.once('error', reject);
        feed();
      })),
    );
  }
  process.stdout.write(`${files.length} files, ${cells} cells, ${chars} chars\n`);
}
