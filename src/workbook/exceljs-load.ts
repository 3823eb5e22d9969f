// exceljs, loaded on demand (only reading for cross-checks and writing templates need it). Its own single-file
// build of the pinned version (no polyfills) loads one file instead of hundreds of CommonJS modules. It is a
// CommonJS package, so it is required: the CLI runs as one classic script with a code cache (src/cli/bin.cts),
// where an import() has no loader to go to.
import { createRequire } from 'node:module';

type ExcelJsModule = typeof import('exceljs');

const EXCELJS_BUNDLE = 'exceljs/dist/exceljs.bare.min.js';

function requireExcelJs(): ExcelJsModule {
  const require = createRequire(import.meta.url);
  try {
    return require(EXCELJS_BUNDLE) as ExcelJsModule;
  } catch {
    return require('exceljs') as ExcelJsModule;
  }
}

/** A loader that requires its module on the first call and hands every call the same promise. */
function once(load: () => ExcelJsModule): () => Promise<ExcelJsModule> {
  let loaded: Promise<ExcelJsModule> | undefined;
  return () => (loaded ??= Promise.resolve().then(load));
}

export const loadExcelJs = once(requireExcelJs);

/** The package's own Node build, as the writers (the xlsx presenters) have always used it. */
export const loadExcelJsPackage = once(() => createRequire(import.meta.url)('exceljs') as ExcelJsModule);
