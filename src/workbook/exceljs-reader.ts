// The exceljs read path: the same grid as the lean reader, through exceljs (pinned in package.json). Used to
// cross-check the lean reader in tests; imported lazily so nothing pays for exceljs unless it runs.
import { WorkbookError } from './errors.js';
import { sniffWorkbook } from './sniff.js';
import { address, isStampName, resolveName, type Cell, type Merge, type Scalar, type Sheet, type Workbook } from './grid.js';
import { loadExcelJs } from './exceljs-load.js';
import { constantFormula } from './constant-formula.js';

/** `formulas`: keep each formula's text (lke rubric import reads them); scoring never needs it. */
export async function readWorkbookExcelJs(buf: Buffer, file: string, opts: { formulas?: boolean } = {}): Promise<Workbook> {
  sniffWorkbook(buf, file);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  try {
    // Whole-column dropdowns (common in official templates) make exceljs hang or run out of memory
    // (exceljs issues 1283, 1842); lke never needs them.
    await wb.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] } as never);
  } catch (e) {
    throw new WorkbookError(file, { why: 'damaged', detail: (e as Error).message?.split('\n')[0] ?? String(e) });
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    if ((ws as { type?: string }).type === 'chartsheet') continue;
    sheets.push(convertSheet(ws, opts.formulas ?? false));
  }
  if (sheets.length === 0) throw new WorkbookError(file, { why: 'no-worksheet' });
  // The document's Keywords (File > Info > Tags in Excel) may carry a stamp such as "lke-rubric=zi-2021".
  const stamps: Record<string, string> = {};
  const keywords = (wb as unknown as { keywords?: string }).keywords;
  if (keywords) stamps['keywords'] = String(keywords);
  for (const n of (wb.definedNames.model ?? []) as { name: string; ranges: string[] }[]) {
    if (!isStampName(n.name) || n.ranges.length !== 1) continue;
    const v = resolveName(n.ranges[0]!, sheets);
    if (v !== undefined) stamps[n.name] = v;
  }
  return { file, sheets, stamps };
}

type XWorksheet = import('exceljs').Worksheet;
type XCell = import('exceljs').Cell;

function convertSheet(ws: XWorksheet, formulas: boolean): Sheet {
  const merges: Merge[] = [];
  const rawMerges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  for (const m of Object.values(rawMerges)) {
    if (m.model) merges.push({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right });
  }
  const rows = new Map<number, Map<number, Cell>>();
  let maxRow = 0;
  let maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = new Map<number, Cell>();
    row.eachCell({ includeEmpty: false }, (xc, c) => {
      // exceljs repeats a merged value in every covered cell: keep it once, at the merge's top-left.
      if (xc.isMerged && xc.master.address !== xc.address) return;
      const cell = convertCell(xc, r, c, formulas);
      if (cell) {
        cells.set(c, cell);
        if (c > maxCol) maxCol = c;
      }
    });
    if (cells.size > 0) {
      rows.set(r, cells);
      maxRow = r;
    }
  });
  return { name: ws.name, rows, maxRow, maxCol, merges };
}

function convertCell(xc: XCell, row: number, col: number, formulas: boolean): Cell | undefined {
  const v = xc.value as unknown;
  const cell: Cell = { row, col, address: address(row, col), value: null };
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      cell.formula = true;
      if (formulas) cell.formulaText = (xc as unknown as { formula?: string }).formula;
      // cell.value drops falsy results (a cached 0, false or ""); cell.result keeps them
      const result = (xc as unknown as { result?: unknown }).result;
      if (result === undefined) {
        // no cached result: a constant formula is worked out as the lean reader does
        const text = (xc as unknown as { formula?: string }).formula ?? '';
        const c = text ? constantFormula(text) : undefined;
        if (text) cell.formulaText = text;
        if (c === undefined || c === null) cell.noCache = true;
        else {
          cell.value = c;
          cell.evaluated = true;
        }
        return cell;
      }
      setScalar(cell, result);
      return cell;
    }
    if ('richText' in o && Array.isArray(o.richText)) {
      cell.value = (o.richText as { text?: string }[]).map((p) => p.text ?? '').join('');
      return cell;
    }
    if ('hyperlink' in o) {
      cell.hyperlink = String(o.hyperlink);
      const t = o.text as unknown;
      cell.value = typeof t === 'object' && t && 'richText' in (t as object) ? ((t as { richText: { text: string }[] }).richText.map((p) => p.text).join('')) : t === undefined || t === null ? String(o.hyperlink) : String(t);
      return cell;
    }
    if ('error' in o) {
      cell.error = String(o.error);
      return cell;
    }
    setScalar(cell, o);
    return cell;
  }
  setScalar(cell, v);
  if (xc.hyperlink && !cell.hyperlink) cell.hyperlink = xc.hyperlink;
  return cell;
}

function setScalar(cell: Cell, v: unknown): void {
  if (v === null || v === undefined) cell.value = null;
  else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') cell.value = v as Scalar;
  else if (v instanceof Date) cell.value = v.toISOString().slice(0, 10);
  else if (typeof v === 'object' && v && 'error' in v) cell.error = String((v as { error: unknown }).error);
  else if (typeof v === 'object' && v && 'richText' in v) cell.value = ((v as { richText: { text: string }[] }).richText.map((p) => p.text).join(''));
  else cell.value = String(v);
}
