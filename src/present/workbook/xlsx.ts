// The xlsx presenter: a workbook document (document/workbook-plan.ts: what `lke template` builds) → .xlsx bytes,
// through exceljs, imported here and only when a workbook is written.
import { a1 } from '../../findings/position.js';
import type { CellPlan, CellStyle, SheetPlan, Validation, WorkbookPlan } from '../../document/workbook-plan.js';
import { loadExcelJsPackage } from '../../workbook/exceljs-load.js';


type XWorksheet = import('exceljs').Worksheet;
type XCell = import('exceljs').Cell;

/** A fixed date for the document properties: the same plan gives the same workbook. */
const EPOCH = new Date(Date.UTC(2020, 0, 1));

export async function renderXlsx(plan: WorkbookPlan): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJsPackage();
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.properties.creator ?? 'lke';
  wb.lastModifiedBy = wb.creator;
  wb.created = EPOCH;
  wb.modified = EPOCH;
  if (plan.properties.title) wb.title = plan.properties.title;
  if (plan.properties.subject) wb.subject = plan.properties.subject;
  if (plan.properties.description) wb.description = plan.properties.description;
  // formulas are written without results: every app that opens the file computes them
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of plan.sheets) await writeSheet(wb.addWorksheet(sheet.name, { state: sheet.state ?? 'visible' }), sheet);
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!${absolute(n.row, n.col)}`, n.name);
  if (plan.activeSheet !== undefined) wb.views = [{ activeTab: plan.activeSheet, firstSheet: 0, visibility: 'visible', x: 0, y: 0, width: 20000, height: 12000 }];
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

const absolute = (row: number, col: number) => a1(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

async function writeSheet(ws: XWorksheet, plan: SheetPlan): Promise<void> {
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [r, cells] of plan.cells) {
    for (const [c, cell] of cells) writeCell(ws.getCell(r, c), cell);
  }
  for (const m of plan.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  if (plan.freezeRows) ws.views = [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0, topLeftCell: a1(plan.freezeRows + 1, 1), activeCell: a1(plan.freezeRows + 1, 1) }];
  if (plan.print) {
    ws.pageSetup = {
      paperSize: 9, // A4
      orientation: plan.print.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      ...(plan.print.repeatRows ? { printTitlesRow: `${plan.print.repeatRows[0]}:${plan.print.repeatRows[1]}` } : {}),
    };
    ws.headerFooter = { oddFooter: '&L&A&R&P / &N' };
  }
  if (plan.protect) {
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: false,
      deleteRows: false,
      insertColumns: false,
      deleteColumns: false,
      sort: false,
      autoFilter: false,
    });
  }
}

function writeCell(xc: XCell, cell: CellPlan): void {
  if (cell.formula) {
    xc.value = { formula: cell.formula } as never;
  } else if (cell.value !== undefined) {
    xc.value = cell.value;
  }
  if (cell.style) applyStyle(xc, cell.style);
  if (cell.unlocked) xc.protection = { locked: false };
  if (cell.validation) xc.dataValidation = validation(cell.validation);
}

function applyStyle(xc: XCell, s: CellStyle): void {
  if (s.bold || s.italic || s.size || s.color) {
    xc.font = { name: 'Calibri', size: s.size ?? 11, bold: s.bold, italic: s.italic, ...(s.color ? { color: { argb: `FF${s.color}` } } : {}) };
  }
  if (s.fill) xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } };
  if (s.wrap || s.align || s.valign) xc.alignment = { wrapText: s.wrap, horizontal: s.align, vertical: s.valign ?? 'top' };
  if (s.numFmt) xc.numFmt = s.numFmt;
  if (s.border) {
    const thin = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
    xc.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function validation(v: Validation): import('exceljs').DataValidation {
  const prompt = v.prompt ? { showInputMessage: true, prompt: v.prompt } : {};
  if (v.type === 'list') {
    const formula = v.range ?? `"${v.values.join(',')}"`;
    return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: !v.free, errorStyle: 'stop', ...prompt };
  }
  const between = v.min !== undefined && v.max !== undefined;
  return {
    type: 'decimal',
    allowBlank: true,
    operator: between ? 'between' : v.min !== undefined ? 'greaterThanOrEqual' : 'lessThanOrEqual',
    formulae: between ? [v.min!, v.max!] : [v.min ?? v.max!],
    showErrorMessage: true,
    errorStyle: 'stop',
    ...prompt,
  };
}
