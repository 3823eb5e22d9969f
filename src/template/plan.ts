// A blank worksheet for a rubric in the official layout (layout/canonical.ts): the cascading numbering, every
// node and question with its bobot, Penjelasan and Pilihan Jawaban, dropdowns on the answer cells only, Nilai
// and % as live formulas (template/formulas.ts), the rubric's id and version stamped in a hidden sheet named by
// defined names, an instructions sheet, frozen header, A4 print setup, protection that leaves the answer,
// evidence and note cells editable. Pure: the plan is written to bytes by workbook/write-xlsx.ts.
import { COLUMNS, GRAND_TOTAL_LABEL, STAMP, TITLE_LABELS, WRITE_ORDER, numberingText, type Role } from '../layout/canonical.js';
import { rubricVersion } from '../rubric/fingerprint.js';
import { soleQuestion, totalBobotOf, type Item, type Node, type Question, type Rubric, type Scale } from '../rubric/model.js';
import { address } from '../workbook/grid.js';
import { SheetBuilder, type CellPlan, type CellStyle, type SheetPlan, type Validation, type WorkbookPlan } from '../document/workbook-plan.js';
import { answerScore, indicatorNilai, percentOf, predikatFormula, ratioValue, soleNilai, sumOf, withRules } from './formulas.js';
import { petunjukSheet } from './petunjuk.js';
import { TEMPLATE_WORDS } from '../words/template.js';
import type { Lang } from '../words/lang.js';

export interface TemplateOptions {
  opd?: string | undefined;
  year?: number | undefined;
  lang?: Lang | undefined;
}

export interface TemplateLayout {
  sheet: string;
  headerRow: number;
  /** Column of each role (the label span: its first column). */
  columns: Record<Role, number>;
  /** Row of every node, question (a sole question: its node's row) and sub-input, by code. */
  rows: Map<string, number>;
  totalRow: number;
  predikatRow: number;
}

export const LKE_SHEET = 'LKE';

const FILL = {
  header: 'D9E1F2',
  answer: 'FFF2CC',
  note: 'F2F2F2',
  depth: ['9BC2E6', 'BDD7EE', 'DDEBF7', 'EEF4FB'],
  total: 'C6E0B4',
};

const NUMBER_WIDTH = 4;
const TEXT_WIDTH = 60;
/** Inline dropdown lists are limited to 255 characters by Excel; longer ones go to the hidden sheet. */
const INLINE_LIST_MAX = 250;

export function templatePlan(rubric: Rubric, opts: TemplateOptions = {}): { plan: WorkbookPlan; layout: TemplateLayout } {
  const w = TEMPLATE_WORDS[opts.lang ?? 'id'];
  const version = rubricVersion(rubric.input);

  // the label span: one numbering column per depth (nodes, then questions, then their sub-inputs), then the text
  const depthOf = (it: Item) => (it.kind === 'node' ? it.depth : it.kind === 'question' ? it.parent.depth + 1 : it.question.parent.depth + 2);
  const maxDepth = rubric.items.reduce((m, it) => Math.max(m, depthOf(it)), 0);
  const span = maxDepth + 2;
  const columns = {} as Record<Role, number>;
  let col = 1;
  for (const role of WRITE_ORDER) {
    columns[role] = col;
    col += role === 'label' ? span : 1;
  }
  columns.no = 0;
  const lastCol = col - 1;
  const widths = [...Array<number>(span - 1).fill(NUMBER_WIDTH), TEXT_WIDTH, ...WRITE_ORDER.slice(1).map((r) => COLUMNS[r].width)];

  const sb = new SheetBuilder(LKE_SHEET, widths);
  const stamp = newStampSheet();
  const ref = (role: Role, row: number) => address(row, columns[role]);

  // title block: the reader takes the OPD and the year from "LABEL :" and the next filled cell
  const titleStyle: CellStyle = { bold: true, size: 14 };
  sb.set(1, 1, { value: w.sheetTitle(rubric.title), style: titleStyle });
  sb.merge(1, 1, 1, lastCol);
  sb.set(2, 1, { value: `${rubric.regulation} · ${w.rubricLine(rubric.id, version)}`, style: { italic: true } });
  sb.merge(2, 1, 2, lastCol);
  const labelTo = Math.min(3, span - 1);
  const titleField = (row: number, label: string, value: string | number | undefined) => {
    sb.set(row, 1, { value: `${label} :`, style: { bold: true } });
    sb.merge(row, 1, row, labelTo);
    sb.set(row, labelTo + 1, { value: value ?? null, unlocked: true, style: { fill: FILL.answer, border: true, align: 'left' } });
    sb.merge(row, labelTo + 1, row, span);
  };
  titleField(3, TITLE_LABELS.opd.label, opts.opd);
  titleField(4, TITLE_LABELS.year.label, opts.year);

  const headerRow = 6;
  const headerStyle: CellStyle = { bold: true, fill: FILL.header, border: true, align: 'center', valign: 'middle', wrap: true };
  for (const role of WRITE_ORDER) sb.set(headerRow, columns[role], { value: COLUMNS[role].label, style: headerStyle });
  for (let c = columns.label + 1; c < columns.label + span; c++) sb.set(headerRow, c, { style: headerStyle });
  sb.merge(headerRow, columns.label, headerRow, columns.label + span - 1);

  // rows: every item in the rubric's reading order; a sole (hasil) question shares its node's row
  const rows = new Map<string, number>();
  let r = headerRow;
  for (const it of rubric.items) {
    if (it.kind === 'question' && soleQuestion(it.parent) === it) continue;
    rows.set(it.code, ++r);
  }
  const rowOf = (code: string) => rows.get(code)!;
  const questionRow = (q: Question) => (soleQuestion(q.parent) === q ? rowOf(q.parent.code) : rowOf(q.code));

  // choice lists: inline when short, else a column of the hidden sheet
  const lists = new Map<string, Validation>();
  let listCol = 4;
  const listFor = (scale: Extract<Scale, { type: 'choice' }>): Validation => {
    let v = lists.get(scale.key);
    if (!v) {
      const values = scale.options.map((o) => o.code);
      const inline = values.join(',').length <= INLINE_LIST_MAX && values.every((x) => !/[,"]/.test(x));
      if (inline) v = { type: 'list', values, prompt: w.choosePrompt(scale.label) };
      else {
        stamp.set(1, listCol, { value: scale.key, style: { bold: true } });
        values.forEach((x, i) => stamp.set(i + 2, listCol, { value: x }));
        const letters = address(1, listCol).replace(/\d+$/, '');
        v = { type: 'list', values, range: `'${STAMP.sheet}'!$${letters}$2:$${letters}$${values.length + 1}`, prompt: w.choosePrompt(scale.label) };
        listCol++;
      }
      lists.set(scale.key, v);
    }
    return v;
  };

  const textCell = (row: number, depth: number, token: string, text: string, style: CellStyle) => {
    for (let c = columns.label; c < columns.label + span; c++) sb.set(row, c, { style: { ...style, border: true } });
    sb.set(row, columns.label + depth, { value: numberingText(token), style: { ...style, align: 'left' } });
    const from = columns.label + depth + 1;
    sb.set(row, from, { value: text, style: { ...style, wrap: true } });
    sb.merge(row, from, row, columns.label + span - 1);
  };
  const rowCells = (row: number, style: CellStyle) => {
    for (const role of WRITE_ORDER.slice(1)) sb.set(row, columns[role], { style: { ...style, border: true } });
  };
  const editable = (row: number, role: Role, extra: Partial<CellPlan> = {}) =>
    sb.set(row, columns[role], { unlocked: true, ...extra, style: { fill: role === 'jawaban' ? FILL.answer : FILL.note, border: true, wrap: role !== 'jawaban', ...extra.style } });

  const scoreCell = (q: Question) => ref('nilai', questionRow(q));
  const answerCell = (q: Question) => ref('jawaban', questionRow(q));
  const questionScore = (q: Question): string => {
    const base = q.formula && q.inputs.length > 0 ? answerCell(q) : answerScore(q.scale, answerCell(q));
    return withRules(base, q.rules, (code) => {
      const dep = rubric.questions.get(code)!;
      return { score: scoreCell(dep), answer: answerCell(dep) };
    });
  };

  const writeQuestionCells = (q: Question, row: number) => {
    sb.set(row, columns.penjelasan, { value: penjelasan(q) || null, style: { wrap: true, border: true } });
    sb.set(row, columns.pilihan, { value: q.scale.label, style: { align: 'center', border: true, wrap: true } });
    if (q.formula && q.inputs.length > 0) {
      const inputRef = (key: string) => ref('jawaban', rowOf(q.inputs.find((i) => i.key === key)!.code));
      sb.set(row, columns.jawaban, { formula: ratioValue(q, inputRef), style: { numFmt: '0.00%', border: true, align: 'center' } });
    } else {
      editable(row, 'jawaban', { validation: validationOf(q.scale, listFor, w), style: { align: 'center', ...(q.scale.type === 'percent' ? { numFmt: '0.00%' } : {}) } });
    }
    editable(row, 'catatan');
    editable(row, 'bukti');
  };

  for (const it of rubric.items) {
    if (it.kind === 'node') {
      const row = rowOf(it.code);
      const style: CellStyle = { bold: true, fill: FILL.depth[Math.min(it.depth, FILL.depth.length - 1)] };
      textCell(row, it.depth, it.label, it.name, style);
      rowCells(row, style);
      sb.set(row, columns.bobot, { value: it.bobot, style: { align: 'center' } });
      sb.set(row, columns.nilai, { formula: nodeNilai(it), style: { numFmt: '0.00', align: 'center' } });
      sb.set(row, columns.percent, { formula: percentOf(ref('nilai', row), ref('bobot', row)), style: { numFmt: '0.00%', align: 'center' } });
      const sole = soleQuestion(it);
      if (sole) writeQuestionCells(sole, row);
    } else if (it.kind === 'question') {
      if (soleQuestion(it.parent) === it) continue;
      const row = rowOf(it.code);
      textCell(row, it.parent.depth + 1, it.label, it.text, {});
      rowCells(row, {});
      writeQuestionCells(it, row);
      sb.set(row, columns.nilai, { formula: questionScore(it), style: { numFmt: '0.00', align: 'center' } });
    } else {
      const row = rowOf(it.code);
      const style: CellStyle = { italic: true };
      textCell(row, it.question.parent.depth + 2, '-', it.text, style);
      rowCells(row, style);
      sb.set(row, columns.pilihan, { value: w.countLabel, style: { ...style, align: 'center' } });
      editable(row, 'jawaban', { validation: { type: 'decimal', min: 0, prompt: w.countPrompt }, style: { align: 'center' } });
    }
  }

  function nodeNilai(n: Node): string {
    const bobot = ref('bobot', rowOf(n.code));
    const sole = soleQuestion(n);
    if (sole) return soleNilai(questionScore(sole), bobot);
    if (n.children.length > 0) return sumOf(n.children.map((c) => ref('nilai', rowOf(c.code))));
    const first = rowOf(n.questions[0]!.code);
    const last = rowOf(n.questions[n.questions.length - 1]!.code);
    // sub-input rows between the questions have no Nilai: a range over them reads the questions only
    return indicatorNilai(`${ref('nilai', first)}:${ref('nilai', last)}`, bobot);
  }

  const totalRow = r + 1;
  const totalStyle: CellStyle = { bold: true, fill: FILL.total };
  const labelRow = (row: number, text: string) => {
    sb.set(row, columns.label, { value: text, style: { ...totalStyle, border: true } });
    sb.merge(row, columns.label, row, columns.label + span - 1);
  };
  labelRow(totalRow, `${GRAND_TOTAL_LABEL} — ${rubric.title}`);
  rowCells(totalRow, totalStyle);
  const index = ref('nilai', totalRow);
  sb.set(totalRow, columns.bobot, { value: totalBobotOf(rubric), style: { align: 'center' } });
  sb.set(totalRow, columns.nilai, { formula: sumOf(rubric.tree.map((n) => ref('nilai', rowOf(n.code)))), style: { numFmt: '0.00', align: 'center' } });
  sb.set(totalRow, columns.percent, { formula: percentOf(index, ref('bobot', totalRow)), style: { numFmt: '0.00%', align: 'center' } });

  const predikatRow = totalRow + 1;
  labelRow(predikatRow, rubric.predikat.name.toUpperCase());
  rowCells(predikatRow, totalStyle);
  sb.set(predikatRow, columns.nilai, { formula: predikatFormula(rubric.predikat.bands, index), style: { align: 'center' } });
  if (rubric.predikat.uncertain) sb.set(predikatRow + 1, columns.label, { value: `! ${rubric.predikat.uncertain}`, style: { italic: true, color: '9C5700' } });

  sb.plan.freezeRows = headerRow;
  sb.plan.print = { landscape: true, repeatRows: [headerRow, headerRow] };
  sb.plan.protect = true;

  const petunjuk = petunjukSheet(rubric, version, w);
  return { plan: stampedPlan(rubric, version, [petunjuk.plan, sb.plan], stamp), layout: { sheet: LKE_SHEET, headerRow, columns, rows, totalRow, predikatRow } };
}

/** An empty stamp sheet (columns from 4 on are free for dropdown lists). */
export const newStampSheet = (): SheetBuilder => new SheetBuilder(STAMP.sheet, [22, 40, 4]);

/**
 * The workbook: the given sheets (instructions first, the worksheet second and shown), then the hidden stamp
 * sheet holding the rubric id and version, which lke score reads through the defined names.
 */
export function stampedPlan(rubric: Rubric, version: string, sheets: SheetPlan[], stamp: SheetBuilder = newStampSheet()): WorkbookPlan {
  stamp.set(1, 1, { value: 'lke-rubric' });
  stamp.set(1, 2, { value: rubric.id });
  stamp.set(2, 1, { value: 'lke-rubric-version' });
  stamp.set(2, 2, { value: version });
  stamp.plan.state = 'hidden';
  stamp.plan.protect = true;
  return {
    sheets: [...sheets, stamp.plan],
    names: [
      { name: STAMP.names.rubric, sheet: STAMP.sheet, row: 1, col: 2 },
      { name: STAMP.names.version, sheet: STAMP.sheet, row: 2, col: 2 },
    ],
    activeSheet: 1,
    properties: { title: rubric.title, subject: rubric.regulation, creator: 'lke', description: `${rubric.id} ${version}` },
  };
}

function penjelasan(q: Question): string {
  const lines: string[] = [];
  if (q.explanation) lines.push(q.explanation);
  if (q.scale.type === 'choice' && q.optionTexts) {
    for (const o of q.scale.options) if (q.optionTexts[o.code]) lines.push(`${o.code}. ${q.optionTexts[o.code]}`);
  } else if (q.scale.type === 'choice' && q.scale.options.some((o) => o.text)) {
    for (const o of q.scale.options) if (o.text) lines.push(`${o.code}: ${o.text}`);
  }
  return lines.join('\n');
}

function validationOf(scale: Scale, listFor: (s: Extract<Scale, { type: 'choice' }>) => Validation, w: (typeof TEMPLATE_WORDS)[Lang]): Validation {
  switch (scale.type) {
    case 'choice':
      return listFor(scale);
    case 'percent':
      return { type: 'decimal', min: 0, max: 1, prompt: w.percentPrompt };
    case 'number':
      return { type: 'decimal', min: scale.range[0], max: scale.range[1], prompt: w.numberPrompt(scale.range[0], scale.range[1]) };
    case 'count':
      return { type: 'decimal', min: 0, prompt: w.countPrompt };
  }
}
