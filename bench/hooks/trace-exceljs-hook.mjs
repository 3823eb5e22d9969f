// ESM resolve hook (registered by probe.mjs): records every resolution of exceljs, whatever imports it.
import { appendFileSync } from 'node:fs';

const out = process.env.LKE_BENCH_TRACE;

export async function resolve(specifier, context, next) {
  const res = await next(specifier, context);
  if (out && (/^exceljs(\/|$)/.test(specifier) || /[\\/]node_modules[\\/]exceljs[\\/]/.test(res.url))) {
    appendFileSync(out, `${specifier} -> ${res.url} (from ${context.parentURL ?? '?'})\n`);
  }
  return res;
}
