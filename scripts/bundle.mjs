// The shipped CLI, from tsc's module tree (dist/cli, dist/engine, …):
// - dist/bundle/cli.cjs: the CLI bundled by esbuild into one CommonJS script, the packages in it but exceljs, zod
//   and yaml (big, required only where a command reads or writes a workbook with exceljs, or a rubric or config
//   file: in the script they would be compiled, cached and set up on every run). Each module reached only through
//   an import() is still initialised only when the import runs.
// - dist/bundle/cli.v8cache: V8's code cache of that script after one run of the README's first command, written
//   by dist/cli/bin.cjs (the `lke` bin, src/cli/bin.cts), which loads the script with it; cli.help.v8cache the same
//   after `lke --help`, for help and --version.
// - dist/bundle/worker.cjs + worker.v8cache: the batch worker the same way; dist/bundle/worker.js is its loader
//   (src/engine/worker-loader.ts), which the pool starts by URL.
// dist/bundle/ sits at dist/cli's depth, so every path the code builds from import.meta.url (../../rubrics,
// ../rubrics, ../../package.json, ./worker.js) points where it does in the module tree.
// Why: Node 20 resolves, reads and compiles each ES module apart, has no compile cache for them, and compiles each
// function on its first call; in a one-file run that was most of what lke added to Node's own start (bench/README.md).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const at = (p) => fileURLToPath(new URL(p, import.meta.url));
const OUT = at('../dist/bundle/');
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', minifyWhitespace: true, minifySyntax: true };

rmSync(OUT, { recursive: true, force: true });

/** One entry of the module tree as one CommonJS script in dist/bundle/, as src/cli/cached-script.cts runs it. */
async function script(entry, name) {
  await build({
    ...common,
    entryPoints: [at(entry)],
    outfile: `${OUT}${name}`,
    format: 'cjs',
    external: ['exceljs', 'exceljs/*', 'zod', 'zod/*', 'yaml'],
    // a CommonJS script has no import.meta: the one property lke reads, from the script's own path (declared below)
    define: { 'import.meta.url': '__lkeScriptUrl' },
  });
  // the loader wraps the script in a function, where a hashbang would not parse; the ES modules' strict mode stays
  // the script's first statement, before the one declaration it needs
  const USE_STRICT = '"use strict";';
  const body = readFileSync(`${OUT}${name}`, 'utf8').replace(/^#!.*\n/, '');
  if (!body.startsWith(USE_STRICT)) throw new Error(`dist/bundle/${name}: esbuild no longer starts it with "use strict"`);
  const text = `${USE_STRICT}const __lkeScriptUrl = require('node:url').pathToFileURL(__filename).href;${body.slice(USE_STRICT.length)}`;
  // every import() must have become a require: a classic script run by vm has no module loader behind import()
  if (/\bimport\(\s*["'`a-zA-Z_]/.test(text)) throw new Error(`dist/bundle/${name} still holds an import(): load that module with require`);
  // esbuild escapes what is not ASCII in strings but leaves it in regular expressions: the loader reads the script
  // as one byte a character (no UTF-8 decoding, a one-byte string: ~3 ms less per run), so a character past ASCII
  // stops here
  const wide = /[^\0-\x7f]/.exec(text);
  if (wide) throw new Error(`dist/bundle/${name}: "${wide[0]}" (U+${wide[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}) near "${text.slice(Math.max(0, wide.index - 40), wide.index + 10)}": write it as \\u${wide[0].codePointAt(0).toString(16).padStart(4, '0')} in the source`);
  writeFileSync(`${OUT}${name}`, text);
}
await script('../dist/cli/main.js', 'cli.cjs');
await script('../dist/engine/worker.js', 'worker.cjs');
// the pool starts ./worker.js beside its code: the loader of the bundled worker
copyFileSync(at('../dist/engine/worker-loader.js'), `${OUT}worker.js`);

const BIN = at('../dist/cli/bin.cjs');
chmodSync(BIN, 0o755);
// the caches: one run of the README's first command (cli.v8cache) and one of `lke --help` (cli.help.v8cache, what
// the bin loads for help and --version), on V8's default flags (the flags are part of a cache's key, and a one-file
// run changes them only after the script is compiled); and a batch of two worksheets on two workers (worker.v8cache),
// with the flags a batch gives its workers
const QUICK = at('../fixtures/lke-rb-2014-kalteng-2021.xlsx');
const runs = [
  { args: ['score', QUICK], cache: 'cli.v8cache', env: { LKE_CODE_CACHE_WRITE: 'cli', LKE_V8_DEFAULTS: '1' } },
  { args: ['--help'], cache: 'cli.help.v8cache', env: { LKE_CODE_CACHE_WRITE: 'cli', LKE_V8_DEFAULTS: '1' } },
  { args: ['score', QUICK, at('../fixtures/lke-zi-2021-sample-opd.xlsx'), '--jobs', '2'], cache: 'worker.v8cache', env: { LKE_CODE_CACHE_WRITE: 'worker', LKE_NO_RESPAWN: '1' } },
];
for (const { args, cache, env } of runs) {
  const train = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, NODE_OPTIONS: '' }, stdio: 'ignore', timeout: 60_000 });
  // exit 1 is a worksheet's error findings (the ZI fixture has some); 2 and up, or a signal, is a failed run
  if (train.status === null || train.status > 1 || !existsSync(`${OUT}${cache}`)) throw new Error(`bundle: the run that writes ${cache} failed (exit ${train.status ?? train.signal})`);
}
