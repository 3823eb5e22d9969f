#!/usr/bin/env node
// The `lke` command. It runs the bundled CLI (dist/bundle/cli.cjs, scripts/bundle.mjs) with V8's code cache: the
// build scores the quick-start worksheet once and keeps the bytecode of every function that run compiled
// (dist/bundle/cli.v8cache), so a run starts from compiled code instead of parsing ~100 modules and compiling each
// function on its first call. Node 20 has no compile cache of its own for this (bench/README.md).
import { join } from 'node:path';
import { loadCachedScript } from './cached-script.cjs';

const dir = join(__dirname, '..', 'bundle');
// `lke --help`, `lke score -h`, `lke --version`: only commander's wiring runs, and loading the cache of a whole
// scoring run costs more than it saves there; the build keeps a cache of a help run too
const ASKS_HELP = new Set(['--help', '-h', '--version', '-V', 'help']);
const helpOnly = process.argv.length <= 2 || process.argv.slice(2).some((a) => ASKS_HELP.has(a));
const cli = loadCachedScript(join(dir, 'cli.cjs'), join(dir, helpOnly ? 'cli.help.v8cache' : 'cli.v8cache'));
if (process.env['LKE_CODE_CACHE_WRITE'] === 'cli') process.once('exit', () => cli.writeCache());
// for the build's tests and the bench: whether V8 took the cache
if (process.env['LKE_CODE_CACHE_CHECK']) process.stderr.write(`lke code cache: ${cli.said}\n`);
cli.run();
