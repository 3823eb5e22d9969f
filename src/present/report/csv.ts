// The score report as CSV (RFC 4180: quoted where needed, CRLF, UTF-8 with a BOM so Excel on Indonesian Windows
// opens it right). One file: a row per node and per question, with the answer, the note and the evidence as written
// on the sheet. Several: a row per OPD × area. Numbers plain and at full precision (percent as a fraction, as in
// the JSON); text that a spreadsheet would run as a formula is neutralised.
import type { Report, ReportAnswer, ReportFile } from '../../document/score-report.js';
import { rankings } from '../../document/score-report.js';
import type { ExportWords } from '../../words/export.js';
import { areaRows, cellOf, targetLabel, wordsOf } from './shared.js';
import type { Lang } from '../../words/lang.js';

type Value = string | number | null | undefined;

const BOM = '\ufeff';

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before them) as a formula: `=HYPERLINK(…)` from a
 * worksheet must stay text. A leading apostrophe makes it text in Excel and LibreOffice (OWASP, CSV injection).
 */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function field(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Value[]) => cells.map(field).join(',');

export function renderReportCsv(report: Report): string {
  const w = wordsOf(report);
  const rows = report.files.length > 1 ? batchRows(report, w) : report.files.flatMap((f) => fileRows(f, w, report.lang));
  return `${BOM}${rows.map(line).join('\r\n')}\r\n`;
}

function fileRows(f: ReportFile, w: ExportWords, lang: Lang): Value[][] {
  const rows: Value[][] = [];
  // a question on the path to the target says which step it is, what to write and what it gains
  const target = f.gap?.target ? targetLabel(f.gap, lang) : '';
  rows.push([w.file, w.opd, w.kind, w.code, w.parent, w.level, w.text, w.bobot, w.nilai, w.capaian, w.lost, w.answer, w.written, w.score, w.status, w.sheet, w.cell, w.note, w.evidence, `${w.path} ${target}`.trim(), w.to, w.gain]);
  const steps = new Map((f.gap?.path ?? []).map((st, i) => [st.question, { n: i + 1, st }]));
  if (f.status !== 'scored') {
    rows.push([f.file, f.opd, w.error, null, null, null, f.error?.message ?? null]);
    return rows;
  }
  const opd = f.opd;
  const nodes = new Set(f.nodes.map((n) => n.code));
  const byParent = new Map<string, ReportAnswer[]>();
  for (const a of f.answers) {
        // a hasil answer shares its indicator's code; any other sits under the code without its last segment
    const key = nodes.has(a.question) ? a.question : a.question.slice(0, a.question.lastIndexOf('.'));
    const list = byParent.get(key);
    if (list) list.push(a);
    else byParent.set(key, [a]);
  }
  for (const n of f.nodes) {
    rows.push([f.file, opd, w.node, n.code, n.parent, n.level, n.name, n.bobot, n.nilai, n.percent, n.gap]);
    for (const a of byParent.get(n.code) ?? []) {
      const step = steps.get(a.question);
      rows.push([f.file, opd, w.questionKind, a.question, n.code, null, null, null, null, null, null, a.answer, a.written, a.score, a.status, a.sheet, cellOf(a), a.note, a.evidence.join(' | '), step?.n, step?.st.to, step?.st.gain]);
    }
  }
  return rows;
}

function batchRows(report: Report, w: ExportWords): Value[][] {
  const rows: Value[][] = [[w.file, w.opd, w.year, w.rubric, w.index, w.predikat, w.code, w.area, w.bobot, w.nilai, w.capaian, w.lost, w.target, w.changes]];
  for (const g of rankings(report.files)) {
    for (const f of g.files) {
      for (const a of areaRows(f)) {
        rows.push([f.file, f.opd, f.year, g.rubric.id, f.index, f.predikat?.code, a.code, a.name, a.bobot, a.nilai, a.percent, a.gap, f.gap?.target?.label, f.gap ? f.gap.path.length : null]);
      }
    }
  }
  for (const f of report.files) if (f.status === 'error') rows.push([f.file, null, null, null, null, null, null, f.error?.message ?? w.error]);
  return rows;
}
