// ESM resolve hook (registered by probe.mjs): records every resolution of exceljs, whatever imports it, in the
// file LKE_BENCH_TRACE; and the name of every package resolved from node_modules in LKE_BENCH_TRACE.pkgs.
import { appendFileSync } from 'node:fs';

const out = process.env.LKE_BENCH_TRACE;
const seen = new Set();

export async function resolve(specifier, context, next) {
  const res = await next(specifier, context);
  if (out && (/^exceljs(\/|$)/.test(specifier) || /[\\/]node_modules[\\/]exceljs[\\/]/.test(res.url))) {
    appendFileSync(out, `${specifier} -> ${res.url} (from ${context.parentURL ?? '?'})\n`);
  }
  const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(res.url)?.[1];
  if (out && pkg && !seen.has(pkg)) {
    seen.add(pkg);
    appendFileSync(`${out}.pkgs`, `${pkg}\n`);
  }
  return res;
}
