// A blank table of values for a rubric of lines (the Indeks RB from 2023): one row per line with its code, official
// name, range and bobot, the raw value (Skor) and the remark (Keterangan) to fill in, the line's points as a live
// formula that follows lke's rule (template/formulas.ts), the sub-component subtotals, the adjusted component with
// its denominator, the index and its predikat. The header row is the one layout/value-table.ts reads; the rubric
// is stamped as in the questionnaire templates. Pure: the plan is written to bytes by present/workbook/xlsx.ts.
import { TITLE_LABELS } from '../layout/canonical.js';
import { EXCLUDED_REMARKS, TABLE_LABELS } from '../layout/value-table.js';
import { rubricVersion } from '../rubric/fingerprint.js';
import { soleQuestion, type Node, type Rubric } from '../rubric/model.js';
import { adjustingAncestor } from '../score/lines.js';
import { address } from '../workbook/grid.js';
import { SheetBuilder, type CellStyle, type Validation, type WorkbookPlan } from '../document/workbook-plan.js';
import { adjustedNilai, excelNumber, excludedRemark, linePoints, lineShare, predikatFormula, sumOf } from './formulas.js';
import { petunjukSheet } from './petunjuk.js';
import { newStampSheet, stampedPlan, LKE_SHEET, type TemplateOptions } from './plan.js';
import { TEMPLATE_WORDS } from '../words/template.js';

export type LineColumn = 'kode' | 'indikator' | 'rentang' | 'bobot' | 'skor' | 'nilai' | 'keterangan' | 'dikecualikan';

export interface LinesLayout {
  sheet: string;
  headerRow: number;
  columns: Record<LineColumn, number>;
  /** The row of every line, and of every heading (a top-level node and its sub-components), by code. */
  rows: Map<string, number>;
  /** The row holding each adjusted node's denominator and adjusted nilai (both in the Nilai column). */
  adjusted: Map<string, { denominator: number; nilai: number }>;
  indexRow: number;
  predikatRow: number;
}

const ORDER: LineColumn[] = ['kode', 'indikator', 'rentang', 'bobot', 'skor', 'nilai', 'keterangan', 'dikecualikan'];
const WIDTHS: Record<LineColumn, number> = { kode: 16, indikator: 60, rentang: 12, bobot: 8, skor: 12, nilai: 10, keterangan: 28, dikecualikan: 13 };
/** Headings are written for the top levels only: deeper nodes mostly repeat their one line's name. */
const HEADING_DEPTH = 1;
const EXCLUDED_MARK = 'ya';

const FILL = { header: 'D9E1F2', input: 'FFF2CC', note: 'F2F2F2', depth: ['9BC2E6', 'DDEBF7'], total: 'C6E0B4' };

export function linesTemplatePlan(rubric: Rubric, opts: TemplateOptions = {}): { plan: WorkbookPlan; layout: LinesLayout } {
  const w = TEMPLATE_WORDS[opts.lang ?? 'id'];
  const t = w.lines;
  const version = rubricVersion(rubric.input);
  const columns = Object.fromEntries(ORDER.map((c, i) => [c, i + 1])) as Record<LineColumn, number>;
  const last = ORDER.length;
  const sb = new SheetBuilder(LKE_SHEET, ORDER.map((c) => WIDTHS[c]));
  const ref = (c: LineColumn, row: number) => address(row, columns[c]);
  const abs = (c: LineColumn, row: number) => ref(c, row).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

  sb.set(1, 1, { value: w.sheetTitle(rubric.title), style: { bold: true, size: 14 } });
  sb.merge(1, 1, 1, last);
  sb.set(2, 1, { value: `${rubric.regulation} · ${w.rubricLine(rubric.id, version)}`, style: { italic: true } });
  sb.merge(2, 1, 2, last);
  const titleField = (row: number, label: string, value: string | number | undefined) => {
    sb.set(row, 1, { value: `${label} :`, style: { bold: true } });
    sb.set(row, 2, { value: value ?? null, unlocked: true, style: { fill: FILL.input, border: true, align: 'left' } });
  };
  titleField(3, TITLE_LABELS.opd.label, opts.opd);
  titleField(4, TITLE_LABELS.year.label, opts.year);

  const headerRow = 6;
  const header: CellStyle = { bold: true, fill: FILL.header, border: true, align: 'center', valign: 'middle', wrap: true };
  const labels: Record<LineColumn, string> = { ...TABLE_LABELS, rentang: t.rentang, nilai: t.nilai, dikecualikan: t.dikecualikan };
  for (const c of ORDER) sb.set(headerRow, columns[c], { value: labels[c], style: header });

  // rows in the rubric's order: a heading for each node down to HEADING_DEPTH, a row for each line
  const rows = new Map<string, number>();
  const lineNodes: Node[] = [];
  let r = headerRow;
  const visit = (n: Node) => {
    const line = soleQuestion(n);
    if (line && n.children.length === 0) {
      rows.set(n.code, ++r);
      lineNodes.push(n);
      return;
    }
    // a node over one line only would repeat its line's name (a row the reader could take for the line)
    if (n.depth <= HEADING_DEPTH && countLines(n) > 1) rows.set(n.code, ++r);
    n.children.forEach(visit);
  };
  rubric.tree.forEach(visit);
  const linesUnder = (n: Node): Node[] => lineNodes.filter((l) => l === n || isUnder(l, n));
  const rowOf = (code: string) => rows.get(code)!;
  /** Cells of these rows in a column, consecutive rows as one range: SUM(F8:F12,F14). */
  const cellsOf = (c: LineColumn, rs: number[]) => {
    const out: string[] = [];
    for (let i = 0; i < rs.length; ) {
      let j = i;
      while (j + 1 < rs.length && rs[j + 1] === rs[j]! + 1) j++;
      out.push(j === i ? ref(c, rs[i]!) : `${ref(c, rs[i]!)}:${ref(c, rs[j]!)}`);
      i = j + 1;
    }
    return out;
  };

  const remarkList: Validation = { type: 'list', values: [...EXCLUDED_REMARKS], free: true, prompt: t.remarkPrompt };
  for (const n of rubric.nodes.values()) {
    const row = rows.get(n.code);
    if (row === undefined) continue;
    const q = soleQuestion(n);
    if (!q || n.children.length > 0) {
      const style: CellStyle = { bold: true, fill: FILL.depth[Math.min(n.depth, FILL.depth.length - 1)], border: true };
      for (const c of ORDER) sb.set(row, columns[c], { style });
      sb.set(row, columns.kode, { value: n.code });
      sb.set(row, columns.indikator, { value: n.name, style: { wrap: true } });
      sb.set(row, columns.bobot, { value: n.bobot, style: { align: 'center' } });
      sb.set(row, columns.nilai, { formula: sumOf(cellsOf('nilai', linesUnder(n).map((l) => rowOf(l.code)))), style: { numFmt: '0.00', align: 'center' } });
      continue;
    }
    const cell: CellStyle = { border: true };
    for (const c of ORDER) sb.set(row, columns[c], { style: cell });
    const scale = q.scale;
    const range = scale.type === 'number' || scale.type === 'choice' ? scale.range : undefined;
    sb.set(row, columns.kode, { value: n.code });
    sb.set(row, columns.indikator, { value: n.name, style: { wrap: true } });
    sb.set(row, columns.rentang, { value: scale.type === 'choice' ? scale.label : range ? `${range[0]}–${range[1]}` : null, style: { align: 'center' } });
    sb.set(row, columns.bobot, { value: n.bobot, style: { align: 'center' } });
    const validation: Validation =
      scale.type === 'choice'
        ? { type: 'list', values: scale.options.map((o) => o.code), prompt: w.choosePrompt(scale.label) }
        : { type: 'decimal', min: range?.[0], max: range?.[1], prompt: range ? w.numberPrompt(range[0], range[1]) : undefined };
    sb.set(row, columns.skor, { unlocked: true, validation, style: { fill: FILL.input, align: 'center' } });
    // only a line under a node adjusted over the lines that apply may be excluded (an adjustment line never)
    const excludable = !!adjustingAncestor(n) && !isAdjustment(n);
    sb.set(row, columns.keterangan, { unlocked: true, ...(excludable ? { validation: remarkList } : {}), style: { fill: FILL.note, wrap: true } });
    let excluded: string | undefined;
    if (excludable) {
      sb.set(row, columns.dikecualikan, { formula: `IF(${excludedRemark(ref('keterangan', row), EXCLUDED_REMARKS)},${JSON.stringify(EXCLUDED_MARK)},"")`, style: { align: 'center' } });
      excluded = `${ref('dikecualikan', row)}=${JSON.stringify(EXCLUDED_MARK)}`;
    }
    const pengali = q.rules.flatMap((rule) => {
      if (rule.kind !== 'multiplyBy') throw new Error(`${q.code}: a line's rules are pengali lines only`);
      const dep = rubric.questions.get(rule.question)!.parent;
      return [{ points: ref('nilai', rowOf(dep.code)), bobot: ref('bobot', rowOf(dep.code)) }];
    });
    sb.set(row, columns.nilai, {
      formula: linePoints(lineShare(scale, ref('skor', row)), ref('bobot', row), pengali, excluded, rubric.roundIndicators),
      style: { numFmt: '0.00', align: 'center' },
    });
  }

  // the totals below the table: labels the value-table reader takes as totals, not lines
  r++;
  const total: CellStyle = { bold: true, fill: FILL.total, border: true };
  const totalRow = (label: string, nilai: string, numFmt = '0.00', bobot?: number) => {
    const row = ++r;
    for (const c of ORDER) sb.set(row, columns[c], { style: total });
    sb.set(row, columns.indikator, { value: label });
    if (bobot !== undefined) sb.set(row, columns.bobot, { value: bobot, style: { align: 'center' } });
    sb.set(row, columns.nilai, { formula: nilai, style: { numFmt, align: 'center' } });
    return row;
  };
  const adjusted = new Map<string, { denominator: number; nilai: number }>();
  const counts: string[] = [];
  for (const root of rubric.tree) {
    const nilai = rows.has(root.code) ? ref('nilai', rowOf(root.code)) : sumOf(cellsOf('nilai', linesUnder(root).map((l) => rowOf(l.code))));
    if (!root.adjustForExcluded) {
      counts.push(nilai);
      continue;
    }
    const under = linesUnder(root).map((l) => rowOf(l.code));
    const [from, to] = [Math.min(...under), Math.max(...under)];
    const excludedBobot = `SUMIF(${abs('dikecualikan', from)}:${abs('dikecualikan', to)},${JSON.stringify(EXCLUDED_MARK)},${abs('bobot', from)}:${abs('bobot', to)})`;
    const denominator = totalRow(t.denominator(root.name), `${excelNumber(root.bobot)}-${excludedBobot}`, '0.##');
    const adj = totalRow(t.adjusted(root.name), adjustedNilai(nilai, ref('nilai', denominator), excelNumber(root.bobot)), '0.00', root.bobot);
    adjusted.set(root.code, { denominator, nilai: adj });
    counts.push(ref('nilai', adj));
  }
  const indexRow = totalRow(t.index(rubric.input.kind), sumOf(counts));
  const predikatRow = totalRow(t.predikat(rubric.input.kind), predikatFormula(rubric.predikat.bands, ref('nilai', indexRow)), '@');
  if (rubric.predikat.uncertain) sb.set(predikatRow + 1, columns.indikator, { value: `! ${rubric.predikat.uncertain}`, style: { italic: true, color: '9C5700' } });

  sb.plan.freezeRows = headerRow;
  sb.plan.print = { landscape: true, repeatRows: [headerRow, headerRow] };
  sb.plan.protect = true;

  const petunjuk = petunjukSheet(rubric, version, w, t.steps({ title: rubric.title, regulation: rubric.regulation, id: rubric.id, version }));
  const plan = stampedPlan(rubric, version, [petunjuk.plan, sb.plan], newStampSheet());
  return { plan, layout: { sheet: LKE_SHEET, headerRow, columns, rows, adjusted, indexRow, predikatRow } };
}

function countLines(n: Node): number {
  return n.children.length === 0 ? (soleQuestion(n) ? 1 : 0) : n.children.reduce((k, c) => k + countLines(c), 0);
}

function isUnder(n: Node, ancestor: Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function isAdjustment(n: Node): boolean {
  for (let p: Node | undefined = n; p; p = p.parent) if (p.adjustment) return true;
  return false;
}
