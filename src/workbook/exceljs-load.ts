// exceljs, loaded on demand (only reading for cross-checks and writing templates need it). Its own single-file
// build of the pinned version (no polyfills) loads one file instead of hundreds of CommonJS modules.
type ExcelJsModule = typeof import('exceljs');

let excelJs: Promise<ExcelJsModule> | undefined;
const EXCELJS_BUNDLE = 'exceljs/dist/exceljs.bare.min.js';

export const loadExcelJs = (): Promise<ExcelJsModule> =>
  (excelJs ??= import(EXCELJS_BUNDLE)
    .catch(() => import('exceljs'))
    .then((m) => ((m as { default?: ExcelJsModule }).default ?? m) as ExcelJsModule));
