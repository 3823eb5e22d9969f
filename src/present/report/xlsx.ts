// The score report as an Excel workbook (exceljs, loaded only here). One file: a summary sheet (who, index,
// predikat, the area table, the path to the target, a ZI target's minima), a sheet per area (its indicators and
// questions with the answers as written, and the path's changes there), the findings. Several files: the summary,
// the ranking, an OPD × area matrix per rubric with a colour scale, every OPD's path. Numbers are numbers with a
// 2-decimal format (percent as a fraction shown 0.00%), never text.
import { rankings, type Report, type ReportAnswer, type ReportFile } from '../../document/score-report.js';
import type { ReportGap } from '../../document/gap.js';
import type { Lang } from '../../words/lang.js';
import type { Workbook, Worksheet } from 'exceljs';
import { areaRows, cellOf, opdOf, pathOutcome, stepQuestion, targetText, wordsOf, targetLabel } from './shared.js';
import type { ExportWords } from '../../words/export.js';
import { loadExcelJsPackage } from '../../workbook/exceljs-load.js';

type Value = string | number | null | undefined;

const NUM = '0.00';
const PCT = '0.00%';
const HEAD_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FF0F2A44' } };
const HEAD_FONT = { bold: true, color: { argb: 'FFFFFFFF' } };
/** Red, yellow, green over 0 %, 50 %, 100 %: the same reading as the html's colours. */
const SCALE_COLOURS = [{ argb: 'FFE0574F' }, { argb: 'FFFFE28A' }, { argb: 'FF3A9C55' }];

export async function renderReportXlsx(report: Report): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJsPackage();
  const wb = new ExcelJS.Workbook();
  wb.creator = `lke ${report.tool.version}`;
  const w = wordsOf(report);
  if (report.files.length > 1) batchWorkbook(wb, report, w);
  else for (const f of report.files) fileWorkbook(wb, f, report, w);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wb: Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  return name;
}

/** Writes a table at the sheet's next row: a header row, then rows; `formats` by column (NUM, PCT or none). */
function table(ws: Worksheet, head: string[], rows: Value[][], formats: (string | undefined)[] = []): { from: number; to: number } {
  const h = ws.addRow(head);
  h.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.font = HEAD_FONT;
  });
  const from = h.number + 1;
  for (const r of rows) {
    const row = ws.addRow(r.map((v) => (v === undefined ? null : v)));
    formats.forEach((fmt, i) => {
      if (fmt && typeof r[i] === 'number') row.getCell(i + 1).numFmt = fmt;
    });
  }
  return { from, to: from + rows.length - 1 };
}

function title(ws: Worksheet, text: string, sub?: string): void {
  ws.addRow([text]).font = { bold: true, size: 14, color: { argb: 'FF0F2A44' } };
  if (sub) ws.addRow([sub]).font = { italic: true, color: { argb: 'FF5B6B7C' } };
  ws.addRow([]);
}

function widths(ws: Worksheet, cols: number[]): void {
  cols.forEach((wdt, i) => (ws.getColumn(i + 1).width = wdt));
}

function colourScale(ws: Worksheet, ref: string): void {
  ws.addConditionalFormatting({
    ref,
    rules: [{ type: 'colorScale', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 0.5 }, { type: 'num', value: 1 }], color: SCALE_COLOURS }],
  });
}

const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

function fileWorkbook(wb: Workbook, f: ReportFile, report: Report, w: ExportWords): void {
  const lang = report.lang;
  const ws = wb.addWorksheet(sheetName(wb, w.summary));
  widths(ws, [14, 48, 12, 12, 12, 12, 12]);
  title(ws, `${w.title}: ${opdOf(f)}`, w.generated(report.tool.version));
  if (f.status === 'error') {
    ws.addRow([w.error, f.error?.message ?? '']);
    return;
  }
  const info: Value[][] = [
    [w.opd, opdOf(f)],
    [w.year, f.year],
    [w.rubric, f.rubric ? `${f.rubric.id}: ${f.rubric.title}` : null],
    [w.file, f.file],
    [w.sheet, f.sheet],
    [w.index, f.index],
    [w.predikat, f.predikat ? `${f.predikat.code}${f.predikat.label ? ` (${f.predikat.label})` : ''}` : w.noPredikat],
  ];
  for (const r of info) {
    const row = ws.addRow(r);
    row.getCell(1).font = { bold: true };
    if (typeof r[1] === 'number' && r[0] === w.index) {
      row.getCell(2).numFmt = NUM;
      row.getCell(2).font = { bold: true, size: 13 };
      row.getCell(2).alignment = { horizontal: 'left' };
    }
  }
  const g = f.gap;
  if (g) {
    ws.addRow([w.target, targetText(g, lang)]).getCell(1).font = { bold: true };
    for (const s of pathOutcome(g, lang)) ws.addRow(['', s]);
  }
  ws.addRow([]);
  const areas = areaRows(f);
  const t = table(ws, [w.code, w.area, w.bobot, w.nilai, w.capaian, w.lost], areas.map((a) => [a.code, a.name, a.bobot, a.nilai, a.percent, a.gap]), [undefined, undefined, NUM, NUM, PCT, NUM]);
  if (areas.length > 0) colourScale(ws, `E${t.from}:E${t.to}`);
  if (g) gapTables(ws, g, w, lang);
  for (const a of areas) areaSheet(wb, f, a.code, a.name, w, lang);
  const fs = wb.addWorksheet(sheetName(wb, w.findings));
  widths(fs, [12, 12, 10, 14, 24, 90]);
  table(fs, [w.status, w.sheet, w.cell, w.question, w.code, w.message], f.findings.map((x) => [w.severity[x.severity], x.sheet, cellOf(x), x.question, x.code, x.message]));
  fs.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The path's steps (all, or those in one area) under a heading, numbered as on the whole path. */
function pathTable(ws: Worksheet, g: ReportGap, steps: ReportGap['path'], w: ExportWords, lang: Lang): void {
  if (steps.length === 0) return;
  ws.addRow([]);
  ws.addRow([g.target ? w.pathTo(targetLabel(g, lang)) : w.path]).font = { bold: true, size: 12 };
  table(ws, [w.no, w.question, w.cell, w.from, w.to, w.gain, w.index, w.text], steps.map((s) => [g.path.indexOf(s) + 1, stepQuestion(s), cellOf(s), s.from, s.to, s.gain, s.index, s.text]), [undefined, undefined, undefined, undefined, undefined, NUM, NUM]);
}

function gapTables(ws: Worksheet, g: ReportGap, w: ExportWords, lang: Lang): void {
  pathTable(ws, g, g.path, w, lang);
  if (g.minima.length > 0) {
    ws.addRow([]);
    ws.addRow([`${w.minimum} ${g.target?.label ?? ''}`]).font = { bold: true, size: 12 };
    table(
      ws,
      [w.code, w.area, w.minimum, w.nilai, w.status, w.after],
      g.minima.map((m) => [m.node, m.name, m.required, m.nilai, m.met ? w.met : `${w.notMet}${m.outcome ? ` (${w.outcome})` : ''}`, m.after]),
      [undefined, undefined, NUM, NUM, undefined, NUM],
    );
    ws.addRow([]);
    ws.addRow([w.confirm]).font = { bold: true };
    for (const c of g.confirm) ws.addRow(['☐', c.text]);
    ws.addRow(['', w.noVerdict]).font = { italic: true };
  }
  if (g.target?.source) ws.addRow([w.source, `${g.target.source}${g.target.uncertain ? ` ${w.uncertain}: ${g.target.uncertain}` : ''}`]);
}

/** One area: its indicators, each followed by its questions as answered, then the path's changes in the area. */
function areaSheet(wb: Workbook, f: ReportFile, code: string, name: string, w: ExportWords, lang: Lang): void {
  const ws = wb.addWorksheet(sheetName(wb, code));
  widths(ws, [14, 60, 10, 10, 11, 11, 12, 10, 9, 30, 40]);
  title(ws, `${code} ${name}`);
  const under = (c: string) => c === code || c.startsWith(`${code}.`);
  const indicators = f.nodes.filter((n) => n.level === 'indicator' && under(n.code));
  const byIndicator = new Map<string, ReportAnswer[]>();
  const codes = new Set(indicators.map((n) => n.code));
  for (const a of f.answers) {
        const key = codes.has(a.question) ? a.question : a.question.slice(0, a.question.lastIndexOf('.'));
    if (codes.has(key)) byIndicator.set(key, [...(byIndicator.get(key) ?? []), a]);
  }
  const rows: Value[][] = [];
  const bold: number[] = [];
  for (const n of indicators) {
    bold.push(rows.length);
    rows.push([n.code, n.name, n.bobot, n.nilai, n.percent, n.gap]);
    for (const a of byIndicator.get(n.code) ?? []) rows.push([a.question, null, null, null, null, null, a.written ?? a.answer, a.score, cellOf(a), a.note, a.evidence.join(' | ')]);
  }
  const t = table(ws, [w.code, `${w.indicator} / ${w.question}`, w.bobot, w.nilai, w.capaian, w.lost, w.answer, w.score, w.cell, w.note, w.evidence], rows, [undefined, undefined, NUM, NUM, PCT, NUM, undefined, NUM]);
  for (const i of bold) ws.getRow(t.from + i).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: t.from - 1 }];
  const g = f.gap;
  const area = g?.areas.find((a) => a.code === code);
  if (g) pathTable(ws, g, g.path.filter((s) => under(s.question)), w, lang);
  for (const [label, refs] of [[w.unanswered, area?.unanswered ?? []], [w.noEvidence, area?.noEvidence ?? []]] as const) {
    if (refs.length === 0) continue;
    ws.addRow([]);
    ws.addRow([`${label}: ${refs.length}`]).font = { bold: true };
    for (const r of refs) ws.addRow([r.question, cellOf(r) ? `${r.sheet ?? ''}!${cellOf(r)}` : '']);
  }
}

function batchWorkbook(wb: Workbook, report: Report, w: ExportWords): void {
  const s = report.summary;
  const sum = wb.addWorksheet(sheetName(wb, w.summary));
  widths(sum, [16, 46, 14, 60]);
  title(sum, w.batchTitle, w.generated(report.tool.version));
  const facts: Value[][] = [[w.count, s.files], [w.scored, s.scored], [w.failed, s.failed]];
  if (s.index) facts.push([w.mean, s.index.mean], [w.median, s.index.median], [w.min, s.index.min], [w.max, s.index.max]);
  for (const r of facts) {
    const row = sum.addRow(r);
    row.getCell(1).font = { bold: true };
    if (r[0] !== w.count && r[0] !== w.scored && r[0] !== w.failed) row.getCell(2).numFmt = NUM;
  }
  sum.addRow([]);
  sum.addRow([w.distribution]).font = { bold: true, size: 12 };
  table(sum, [w.predikat, w.count], Object.entries(s.predikat).map(([k, v]) => [k, v]));
  if (s.areas.length > 0) {
    sum.addRow([]);
    sum.addRow([w.weakestAreas]).font = { bold: true, size: 12 };
    const t = table(
      sum,
      [w.code, w.area, w.capaian, w.lowestOpds],
      s.areas.map((a) => [a.code, a.name, a.meanPercent, 'lowest' in a ? a.lowest.map((x) => `${x.opd ?? x.file} (${(x.percent * 100).toFixed(1)}%)`).join('; ') : null]),
      [undefined, undefined, PCT],
    );
    colourScale(sum, `C${t.from}:C${t.to}`);
  }

  const rank = wb.addWorksheet(sheetName(wb, w.ranking));
  widths(rank, [6, 44, 40, 8, 10, 10, 10, 10, 11, 12, 8, 11]);
  const rows: Value[][] = [];
  for (const g of rankings(report.files)) {
    g.files.forEach((f, i) => {
      rows.push([i + 1, opdOf(f), f.file, f.year, g.rubric.id, f.index, f.predikat?.code ?? null, f.gap?.target?.label ?? null, f.gap ? f.gap.path.length : null, f.gap?.target ? (f.gap.reachable ? w.yes : w.no_) : null, f.counts.error, f.counts.warning]);
    });
  }
  for (const f of report.files) if (f.status === 'error') rows.push([null, null, f.file, null, null, null, null, null, null, null, null, null, f.error?.message ?? w.error]);
  const rt = table(rank, [w.no, w.opd, w.file, w.year, w.rubric, w.index, w.predikat, w.target, w.changes, w.reachable, w.severity.error, w.severity.warning], rows, [undefined, undefined, undefined, undefined, undefined, NUM]);
  rank.views = [{ state: 'frozen', ySplit: rt.from - 1 }];
  rank.autoFilter = { from: { row: rt.from - 1, column: 1 }, to: { row: rt.from - 1, column: 12 } };

  for (const g of rankings(report.files)) {
    const areas = areaRows(g.files[0]!);
    const m = wb.addWorksheet(sheetName(wb, rankings(report.files).length > 1 ? `${w.matrix} ${g.rubric.id}` : w.matrix));
    widths(m, [6, 44, 10, 10, ...areas.map(() => 9)]);
    const mrows = g.files.map((f, i) => {
      const pcts = new Map(areaRows(f).map((a) => [a.code, a.percent]));
      return [i + 1, opdOf(f), f.index, f.predikat?.code ?? null, ...areas.map((a) => pcts.get(a.code) ?? null)];
    });
    const mt = table(m, [w.no, w.opd, w.index, w.predikat, ...areas.map((a) => a.code)], mrows, [undefined, undefined, NUM, undefined, ...areas.map(() => PCT)]);
    if (areas.length > 0 && mrows.length > 0) colourScale(m, `E${mt.from}:${colLetter(4 + areas.length)}${mt.to}`);
    m.views = [{ state: 'frozen', xSplit: 2, ySplit: mt.from - 1 }];
    m.addRow([]);
    for (const a of areas) m.addRow([a.code, a.name]);
  }

  const p = wb.addWorksheet(sheetName(wb, w.path));
  widths(p, [44, 40, 10, 6, 20, 10, 10, 10, 10, 10]);
  const prow: Value[][] = [];
  for (const g of rankings(report.files)) {
    for (const f of g.files) for (const [i, s] of (f.gap?.path ?? []).entries()) prow.push([opdOf(f), f.file, f.gap!.target?.label ?? null, i + 1, stepQuestion(s), cellOf(s), s.from, s.to, s.gain, s.index, s.text]);
  }
  const pt = table(p, [w.opd, w.file, w.target, w.no, w.question, w.cell, w.from, w.to, w.gain, w.index, w.text], prow, [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, NUM, NUM]);
  p.views = [{ state: 'frozen', ySplit: pt.from - 1 }];
}
