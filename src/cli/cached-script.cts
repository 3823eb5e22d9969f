// One CommonJS script run with V8's code cache (the bin's CLI, the batch worker: scripts/bundle.mjs builds both and
// their caches). A cache that does not fit (another Node, other V8 flags) is refused by V8 and the script compiles
// as usual.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { Script } from 'node:vm';

export interface CachedScript {
  /** What V8 did with the cache, as the build's tests and the bench ask for it: "used cli.v8cache". */
  readonly said: string;
  /** Runs the script as Node runs a CommonJS module. */
  run(): void;
  /** Writes the cache of every function compiled so far (the build's runs), atomically. */
  writeCache(): void;
}

export function loadCachedScript(file: string, cacheFile: string): CachedScript {
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
  return {
    said: `${!cachedData ? 'none' : script.cachedDataRejected ? 'refused' : 'used'} ${basename(cacheFile)}`,
    run() {
      const mod = { exports: {} };
      (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
    },
    writeCache() {
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    },
  };
}
