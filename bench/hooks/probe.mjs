// Preloaded with `node --import` into a child the bench starts. Writes, at exit, a JSON line to the file named by
// LKE_BENCH_PROBE: the process's peak RSS (process.resourceUsage().maxRSS, KiB), its CPU time (user + system, all
// threads, ms) and whether exceljs was loaded
// through CommonJS (it is a CommonJS package, so any load lands in the require cache), and the CommonJS packages loaded. With LKE_BENCH_TRACE set it
// also registers a resolve hook that appends every ESM resolution of exceljs to that file (module.register, Node ≥ 20.6).
// The hook runs on a loader thread, which costs memory: the bench leaves it off when it measures RSS.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

if (process.env.LKE_BENCH_TRACE) register('./trace-exceljs-hook.mjs', import.meta.url);

const out = process.env.LKE_BENCH_PROBE;
if (out) {
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    const cjsExceljs = Object.keys(cache).some((k) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(k));
    const cjsPackages = [...new Set(Object.keys(cache).map((k) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(k)?.[1]).filter(Boolean))];
    const u = process.resourceUsage();
    appendFileSync(out, `${JSON.stringify({ maxRSS: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, cjsExceljs, cjsPackages })}\n`);
  });
}
