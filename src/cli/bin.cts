#!/usr/bin/env node
// The `lke` command. It runs the bundled CLI (dist/bundle/cli.cjs, scripts/bundle.mjs) as one classic script with
// V8's code cache: the build scores the quick-start worksheet once and keeps the bytecode of every function that
// run compiled (dist/bundle/cli.v8cache), so a run starts from compiled code instead of parsing ~100 modules and
// compiling each function on its first call. Node 20 has no compile cache of its own for this (bench/README.md).
// A cache that does not fit (another Node, other V8 flags) is refused by V8 and the script compiles as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Script } from 'node:vm';

const dir = join(__dirname, '..', 'bundle');
const file = join(dir, 'cli.cjs');
// `lke --help`, `lke score -h`, `lke --version`: only commander's wiring runs, and loading the cache of a whole
// scoring run costs more than it saves there; the build keeps a cache of a help run too
const ASKS_HELP = new Set(['--help', '-h', '--version', '-V', 'help']);
const helpOnly = process.argv.length <= 2 || process.argv.slice(2).some((a) => ASKS_HELP.has(a));
const cacheFile = join(dir, helpOnly ? 'cli.help.v8cache' : 'cli.v8cache');

let source: string;
try {
  // the build keeps the script ASCII (scripts/bundle.mjs): one byte a character, nothing to decode
  source = readFileSync(file, 'latin1');
} catch {
  // a broken install, not a user's input: said in both languages, as lke has not read --lang yet
  process.stderr.write(`lke: ${file} tidak ada / is missing: npm run build\n`);
  process.exit(2);
}
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// the same wrapper Node gives a CommonJS module, so the bundle runs as it would under require()
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
if (process.env['LKE_CODE_CACHE_WRITE']) process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
// for the build's test and the bench: whether V8 took the cache
if (process.env['LKE_CODE_CACHE_CHECK']) process.stderr.write(`lke code cache: ${!cachedData ? 'none' : script.cachedDataRejected ? 'refused' : 'used'} ${basename(cacheFile)}\n`);
const mod = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dir);
