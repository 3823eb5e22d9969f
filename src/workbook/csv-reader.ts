// Adapter: a .csv file → the same plain grid as a workbook (one sheet named after the file). Written the way Excel
// on Indonesian Windows writes it too: `;` between fields (decimal commas stay inside the values), UTF-8 with or
// without BOM; also `,` or tab separated, an Excel "sep=;" first line, UTF-16 ("Unicode text") and, when the bytes
// are not UTF-8, Windows-1252 (Excel's plain "CSV"). Values stay text: the reader of the table parses numbers.
import { basename } from 'node:path';
import { WorkbookError } from './errors.js';
import { address, type Cell, type Sheet, type Workbook } from './grid.js';
import type { GridLimits } from './limits.js';

function decode(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
  else if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('windows-1252').decode(buf);
  }
}

/** The separator of the first line that holds one: the most frequent of `;`, `,` and tab outside quotes. */
function separatorOf(text: string): string {
  const counts = { ';': 0, ',': 0, '\t': 0 } as Record<string, number>;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts[';']! + counts[',']! + counts['\t']! > 0) break;
    } else if (!quoted && ch in counts) counts[ch]!++;
  }
  // on a tie `;` wins: Excel's separator wherever the decimal sign is a comma
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

export function readCsvWorkbook(buf: Buffer, file: string, limits: GridLimits): Workbook {
  if (buf.length === 0) throw new WorkbookError(file, { why: 'empty' });
  let text = decode(buf);
  if (text.includes('\0')) throw new WorkbookError(file, { why: 'csv-binary' });
  let sep: string;
  const hint = /^sep=(.)\r?\n/i.exec(text);
  let row = 1;
  if (hint) {
    sep = hint[1]!;
    text = text.slice(hint[0].length);
    row = 2;
  } else sep = separatorOf(text);

  const sheet: Sheet = { name: basename(file), rows: new Map(), maxRow: 0, maxCol: 0, merges: [] };
  let cells = 0;
  let col = 1;
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    if (field !== '' || wasQuoted) {
      if (col > limits.maxColumns) throw new WorkbookError(file, { why: 'table-too-many-columns', limit: limits.maxColumns });
      if (++cells > limits.maxCells) throw new WorkbookError(file, { why: 'too-many-cells', limit: limits.maxCells });
      let r = sheet.rows.get(row);
      if (!r) sheet.rows.set(row, (r = new Map()));
      const cell: Cell = { row, col, address: address(row, col), value: field };
      r.set(col, cell);
      sheet.maxRow = Math.max(sheet.maxRow, row);
      sheet.maxCol = Math.max(sheet.maxCol, col);
    }
    field = '';
    wasQuoted = false;
    col++;
  };
  const endRow = () => {
    endField();
    row++;
    col = 1;
    if (row > limits.maxRows + 1) throw new WorkbookError(file, { why: 'table-too-many-rows', limit: limits.maxRows });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') {
      quoted = wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || wasQuoted || col > 1) endRow();
  return { file, sheets: [sheet], stamps: {} };
}
