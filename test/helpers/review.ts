// An assessor's review of a real worksheet, written as a real workbook: a copy of the file (through exceljs, as a
// script or another office app would save it) with some answer cells changed. Tests then diff the original and the
// copy. The cells to change come from the test, which picks them from lke's own report of the original.
import ExcelJS from 'exceljs';

export interface Edit {
  /** A1 address of the answer cell. */
  cell: string;
  value: ExcelJS.CellValue;
  /** A note written into this cell of the same row (the reviewer's Catatan), if any. */
  note?: { cell: string; text: string } | undefined;
}

export async function writeReviewed(src: string, dest: string, sheet: string, edits: Edit[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${src}: no sheet ${sheet}`);
  for (const e of edits) {
    ws.getCell(e.cell).value = e.value;
    if (e.note) ws.getCell(e.note.cell).value = e.note.text;
  }
  await wb.xlsx.writeFile(dest);
}
