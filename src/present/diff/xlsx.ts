// lke diff as a workbook (for the assessor who works in Excel): a summary sheet, the changed answers (highlighted:
// a gain green, a loss red), the delta per node; for folders the OPD table first and an OPD column on every row.
// Numbers are stored at full precision and shown with 2 decimals. exceljs is loaded only when this format is asked for.
import type ExcelJS from 'exceljs';
import type { Diff, DiffReport } from '../../document/diff-report.js';
import { DIFF_WORDS, type DiffWords } from '../../words/diff.js';
import { answerText, predikatText, sideLabel, sideWho, signed, cellText } from './shared.js';
import { loadExcelJsPackage } from '../../workbook/exceljs-load.js';

const NUM = '0.00';
const SIGNED = '+0.00;−0.00;0.00';
const GAIN = 'FFE8F6EA';
const LOSS = 'FFFBE9E9';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

function sheet(wb: ExcelJS.Workbook, name: string, head: { header: string; width: number; fmt?: string }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = head.map((h) => ({ header: h.header, width: h.width, style: h.fmt ? { numFmt: h.fmt } : {} }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

export async function renderDiffXlsx(doc: DiffReport): Promise<Uint8Array> {
  const Excel = await loadExcelJsPackage();
  const wb = new Excel.Workbook();
  wb.creator = `lke ${doc.tool.version}`;
  const w = DIFF_WORDS[doc.lang];
  const pairs: { opd: string | null; d: Diff }[] = doc.mode === 'folders' ? doc.pairs.map((d, i) => ({ opd: doc.opds[i]!.opd, d })) : [{ opd: null, d: doc }];
  const withOpd = doc.mode === 'folders';
  const opdCol = withOpd ? [{ header: 'OPD', width: 30 }] : [];

  if (doc.mode === 'folders') {
    const ws = sheet(wb, w.sheetOpds, [
      { header: 'No', width: 5 },
      { header: 'OPD', width: 36 },
      { header: w.indexFrom, width: 12, fmt: NUM },
      { header: w.indexTo, width: 12, fmt: NUM },
      { header: w.delta, width: 10, fmt: SIGNED },
      { header: 'Predikat', width: 12 },
      { header: w.changed, width: 12 },
      { header: `${w.file} (${w.from})`, width: 40 },
      { header: `${w.file} (${w.to})`, width: 40 },
    ]);
    doc.opds.forEach((r, i) => {
      const pred = r.predikatFrom === r.predikatTo ? (r.predikatTo ?? '-') : `${r.predikatFrom ?? '-'} → ${r.predikatTo ?? '-'}`;
      const row = ws.addRow([i + 1, r.opd, r.indexFrom, r.indexTo, r.delta, pred, r.level === 'area' ? null : r.changed, r.fileFrom, r.fileTo]);
      highlight(row, r.delta);
    });
    for (const f of doc.unpaired.from) ws.addRow([null, `${w.unpaired}: ${w.inFrom}`, null, null, null, null, null, f]);
    for (const f of doc.unpaired.to) ws.addRow([null, `${w.unpaired}: ${w.inTo}`, null, null, null, null, null, null, f]);
    for (const f of doc.failed) ws.addRow([null, w.failed, null, null, null, null, null, f.error.message]);
  }

  const summary = sheet(wb, w.sheetSummary, [...opdCol, { header: '', width: 10 }, { header: 'OPD', width: 30 }, { header: w.file, width: 60 }, { header: w.rubric, width: 12 }, { header: w.index, width: 10, fmt: NUM }, { header: 'Predikat', width: 10 }, { header: w.delta, width: 10, fmt: SIGNED }, { header: '', width: 60 }]);
  for (const { opd, d } of pairs) {
    const pre = withOpd ? [opd] : [];
    summary.addRow([...pre, w.from, sideWho(d.from), sideLabel(d.from, w), d.from.rubric.id, d.from.index, d.from.predikat?.code ?? '-']);
    const to = summary.addRow([...pre, w.to, sideWho(d.to), sideLabel(d.to, w), d.to.rubric.id, d.to.index, d.to.predikat?.code ?? '-', d.index.delta, [predikatText(d, w), d.level === 'area' ? w.versions(d.from.rubric.id, d.to.rubric.id) : ''].filter(Boolean).join(' ')]);
    highlight(to, d.index.delta);
  }

  const changes = sheet(wb, w.sheetChanges, [
    ...opdCol,
    { header: w.code, width: 12 },
    { header: w.question, width: 60 },
    { header: `${w.cell} (${w.from})`, width: 10 },
    { header: `${w.cell} (${w.to})`, width: 10 },
    { header: w.answerFrom, width: 14 },
    { header: w.answerTo, width: 14 },
    { header: w.nilaiFrom, width: 11, fmt: NUM },
    { header: w.nilaiTo, width: 11, fmt: NUM },
    { header: w.delta, width: 10, fmt: SIGNED },
    { header: w.note, width: 60 },
  ]);
  for (const { opd, d } of pairs) {
    for (const x of d.changes) {
      const moved = (x.nilaiTo ?? 0) - (x.nilaiFrom ?? 0);
      const pre = withOpd ? [opd] : [];
      const row = changes.addRow([...pre, x.question, x.text, cellText(x.atFrom), cellText(x.at), answerText(x.from, w), answerText(x.to, w), x.nilaiFrom, x.nilaiTo, moved, x.note]);
      highlight(row, moved);
    }
    for (const x of d.oneSided) changes.addRow([...(withOpd ? [opd] : []), x.question, x.text, x.side === 'from' ? cellText(x.at) : null, x.side === 'to' ? cellText(x.at) : null, x.side === 'from' ? answerText(x.answer, w) : w.onlyTo, x.side === 'to' ? answerText(x.answer, w) : w.onlyFrom]);
  }

  const nodes = sheet(wb, w.sheetNodes, [...opdCol, { header: w.code, width: 12 }, { header: w.name, width: 60 }, { header: 'Bobot', width: 9, fmt: NUM }, { header: w.nilaiFrom, width: 11, fmt: NUM }, { header: w.nilaiTo, width: 11, fmt: NUM }, { header: w.delta, width: 10, fmt: SIGNED }]);
  for (const { opd, d } of pairs) {
    for (const n of d.nodes) {
      const pre = withOpd ? [opd] : [];
      const row = nodes.addRow([...pre, n.code === n.codeFrom ? n.code : `${n.codeFrom} → ${n.code}`, n.name, n.bobotTo, n.nilaiFrom, n.nilaiTo, n.delta]);
      row.getCell(pre.length + 2).alignment = { indent: n.depth };
      if (n.depth === 0) row.font = { bold: true };
    }
    for (const u of d.unmatched) nodes.addRow([...(withOpd ? [opd] : []), u.code, `${u.name} (${u.side === 'from' ? w.onlyFrom : w.onlyTo})`, null, u.side === 'from' ? u.nilai : null, u.side === 'to' ? u.nilai : null]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A gain green, a loss red (as shown, at 2 decimals). */
function highlight(row: ExcelJS.Row, delta: number): void {
  const s = signed(delta);
  if (s.startsWith('+')) row.fill = fill(GAIN);
  else if (s.startsWith('−')) row.fill = fill(LOSS);
}
