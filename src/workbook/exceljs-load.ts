// exceljs, loaded on demand (only reading for cross-checks and writing templates need it). Its own single-file
// build of the pinned version (no polyfills) loads one file instead of hundreds of CommonJS modules. It is a
// CommonJS package, so it is required: the CLI runs as one classic script with a code cache (src/cli/bin.cts),
// where an import() has no loader to go to.
import { createRequire } from 'node:module';

type ExcelJsModule = typeof import('exceljs');

let excelJs: Promise<ExcelJsModule> | undefined;
const EXCELJS_BUNDLE = 'exceljs/dist/exceljs.bare.min.js';

function requireExcelJs(): ExcelJsModule {
  const require = createRequire(import.meta.url);
  try {
    return require(EXCELJS_BUNDLE) as ExcelJsModule;
  } catch {
    return require('exceljs') as ExcelJsModule;
  }
}

export const loadExcelJs = (): Promise<ExcelJsModule> => (excelJs ??= Promise.resolve().then(requireExcelJs));

let excelJsPackage: Promise<ExcelJsModule> | undefined;

/** The package's own Node build, as the writers (the xlsx presenters) have always used it. */
export const loadExcelJsPackage = (): Promise<ExcelJsModule> =>
  (excelJsPackage ??= Promise.resolve().then(() => createRequire(import.meta.url)('exceljs') as ExcelJsModule));
