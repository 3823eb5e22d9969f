// The terminal report: who and what, the index and predikat, a table per component/category/area with bobot,
// nilai, % capaian and gap, the indicators with the largest gaps, then the findings with sheet and cell.
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { rankings, weakestIndicators, type Report, type ReportFile, type ReportFinding } from '../../document/score-report.js';
import { a1Of, cellRef } from '../../findings/position.js';
import type { Lang } from '../../words/lang.js';
import { REPORT_WORDS } from '../../words/report.js';
import type { PresentOptions } from '../registry.js';
import { lineSection } from './line-table.js';
import type { ReportGap } from '../../document/gap.js';
import { EXPORT_WORDS, num } from '../../words/export.js';
import { cellOf, clip, pathOutcome, stepQuestion, targetText, targetLabel } from './shared.js';

type TableOptions = PresentOptions;

const WORDS = REPORT_WORDS;

export function renderTable(report: Report, opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const w = WORDS[report.lang];
  if (report.files.length > 1) return renderBatch(report, c, w);
  const out: string[] = [];
  for (const f of report.files) out.push(renderFile(f, report, opts, c, w));
  const n = report.rubric?.uncertain.length ?? 0;
  if (n > 0 && report.files.some((f) => f.status === 'scored')) out.push(c.dim(`${w.uncertain(n)}\n`));
  return out.join('\n');
}

function renderFile(f: ReportFile, report: Report, opts: TableOptions, c: ChalkInstance, w: (typeof WORDS)[Lang]): string {
  const lines: string[] = [];
  const X = EXPORT_WORDS[report.lang];
  const N = (v: number, d = 2) => num(v, report.lang, d);
  if (f.status === 'error') {
    lines.push(`${c.red.bold(w.failed)} ${f.file}: ${f.error?.message ?? ''}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(c.bold(`${f.opd ?? w.unknown}${f.year ? `, ${f.year}` : ''}`));
  lines.push(`${w.file.padEnd(8)} ${f.file}${f.sheet ? ` (${w.sheet} ${f.sheet.trim()})` : ''}`);
  if (f.rubric) lines.push(`${w.rubric.padEnd(8)} ${f.rubric.id}: ${f.rubric.title}`);
  const pred = f.predikat ? `${f.predikat.code}${f.predikat.label ? ` (${f.predikat.label})` : ''}` : '-';
  // a rubric without bands (ZI) has no predikat: the line says where its target stands instead
  const minima = f.gap && f.gap.bands.length === 0 && f.gap.minima.length > 0 ? f.gap.minima : undefined;
  const second = minima ? `${X.target} ${f.gap!.target!.label}: ${X.minimaMet(minima.filter((m) => m.met).length, minima.length)}` : `Predikat ${c.bold(pred)}`;
  lines.push(`${w.index.padEnd(8)} ${c.bold(N(f.index ?? 0))}   ${second}`);
  // an index that leaves out values lke cannot stand behind says so where it is printed
  if (f.findings.some((x) => x.code === 'index-incomplete')) lines.push(c.red(`         ! ${w.incomplete}`));
  if (f.predikat?.uncertain) lines.push(c.dim(`         ! ${f.predikat.uncertain}`));
  // a rubric of lines (the Indeks RB from 2023) has a view of its own: line-table.ts
  const section = lineSection(f, report.lang, !!opts.detail, c);
  if (section) lines.push(...section);
  else {
    lines.push(c.dim(`${w.blank}: ${report.blankPolicy === 'skip' ? w.skip : w.zero}`));
    lines.push('');

    const table = new Table({
      head: [w.code, w.area, 'Bobot', 'Nilai', w.capaian, 'Gap'],
      style: { head: [], border: [], compact: true },
      colAligns: ['left', 'left', 'right', 'right', 'right', 'right'],
      wordWrap: false,
    });
    for (const n of f.nodes) {
      if (n.level === 'indicator' && !opts.detail) continue;
      const depth = n.depth;
      const name = `${'  '.repeat(depth)}${n.name.length > 52 ? `${n.name.slice(0, 50)}…` : n.name}`;
      const row = [n.code, name, N(n.bobot), N(n.nilai), `${N(n.percent * 100)}%`, N(n.gap)];
      table.push(depth === 0 ? row.map((x) => c.bold(x)) : row);
    }
    lines.push(table.toString());

    const weakest = weakestIndicators(f);
    if (weakest.length > 0) {
      lines.push('', c.bold(w.weakest));
      for (const n of weakest) lines.push(`  ${n.code.padEnd(12)} gap ${N(n.gap).padStart(6)}  ${N(n.percent * 100).padStart(6)}%  ${n.name}`);
    }
  }

  if (f.gap) lines.push('', ...gapLines(f.gap, report.lang, c));

  lines.push('', c.bold(`${w.findings}: ${w.summary(f.counts.error, f.counts.warning, f.counts.info)}`));
  if (f.findings.length === 0) lines.push(`  ${w.none}`);
  const sevWidth = Math.max(...Object.values(w.severity).map((s) => s.length));
  for (const x of f.findings) lines.push(`  ${sev(x, c, w, sevWidth)} ${cellRef(x.sheet, a1Of(x)).padEnd(14)} ${x.message} ${c.dim(`[${x.code}]`)}`);
  return `${lines.join('\n')}\n`;
}

/** Path rows shown in the terminal; the exports list them all. */
const PATH_ROWS = 15;

/** The target, what the path does (its steps), a target's minima short of the mark and what the unit must confirm. */
function gapLines(g: ReportGap, lang: Lang, c: ChalkInstance): string[] {
  const x = EXPORT_WORDS[lang];
  const out = g.target ? [c.bold(x.pathTo(targetLabel(g, lang))), `  ${targetText(g, lang)}`] : [c.bold(x.target), `  ${targetText(g, lang)}`];
  for (const s of pathOutcome(g, lang)) out.push(`  ${s}`);
  const show = (v: string | number | null) => (v === null ? '—' : String(typeof v === 'number' && !Number.isInteger(v) ? num(v, lang) : v));
  g.path.slice(0, PATH_ROWS).forEach((s, i) => {
    const cell = cellOf(s) ?? '';
    out.push(`  ${String(i + 1).padStart(3)}  ${stepQuestion(s).padEnd(16)} ${cell.padEnd(6)} ${`${show(s.from)} → ${show(s.to)}`.padEnd(14)} +${num(s.gain, lang).padStart(5)}  ${num(s.index, lang)}  ${c.dim(clip(s.text, 70))}`);
  });
  if (g.path.length > PATH_ROWS) out.push(`  ${x.more(g.path.length - PATH_ROWS)}`);
  const short = g.minima.filter((m) => !m.met);
  if (g.minima.length > 0) {
    out.push(`  ${x.minimaMet(g.minima.length - short.length, g.minima.length)}`);
    for (const m of short) out.push(`    ${m.node.padEnd(11)} ${num(m.nilai, lang).padStart(6)} < ${num(m.required, lang).padEnd(6)} ${clip(m.name, 44)}${m.outcome ? c.dim(` (${x.outcome})`) : ''}`);
    out.push(`  ${x.confirm}:`);
    for (const k of g.confirm) out.push(`    ☐ ${k.text}`);
    out.push(c.dim(`  ${x.noVerdict}`));
    if (g.target?.uncertain) out.push(c.dim(`  ! ${g.target.uncertain}`));
  }
  return out;
}

/** The score table is for people: the severity in their language. */
function sev(f: ReportFinding, c: ChalkInstance, w: (typeof WORDS)[Lang], width: number): string {
  const s = w.severity[f.severity].padEnd(width);
  return f.severity === 'error' ? c.red(s) : f.severity === 'warning' ? c.yellow(s) : c.blue(s);
}

/**
 * Many files: per rubric a ranking (with the file: two OPDs may give the same name) and its own summary (indices of
 * different instruments are never averaged together), then the counts, duplicate OPDs, the weakest areas and the
 * failures.
 */
function renderBatch(report: Report, c: ChalkInstance, w: (typeof WORDS)[Lang]): string {
  const lines: string[] = [];
  const N = (v: number, d = 2) => num(v, report.lang, d);
  const ranked = rankings(report.files);
  const s = report.summary;
  for (const { rubric, columns, files } of ranked) {
    const rows = files.map((f, i) => {
      const pct = new Map(f.nodes.map((n) => [n.code, n.percent]));
      const found = f.counts.error + f.counts.warning;
      const g = f.gap;
      // the target and how far it is: ✓ met, +n answer changes, ✗ beyond answers alone
      const target = g?.target ? `${g.target.label} ${g.reached ? '✓' : g.reachable ? `+${g.path.length}` : '✗'}` : '';
      // the file beside the OPD: two offices that kept the template's Instansi give the same name
      return [String(i + 1), clip(f.opd ?? w.unknown, 40), clipStart(f.file, 40), N(f.index!), f.predikat?.code ?? '-', target, ...columns.map((n) => `${N((pct.get(n.code) ?? 0) * 100, 1)}%`), found ? (f.counts.error ? c.red(String(found)) : c.yellow(String(found))) : '0'];
    });
    const table = longTable(
      [w.rank, 'OPD', w.file, 'Indeks', 'Predikat', 'Target', ...columns.map((n) => n.code), w.findingsShort],
      ['right', 'left', 'left', 'right', 'left', 'left', ...columns.map(() => 'right' as const), 'right'],
      rows,
    );
    lines.push(c.bold(`${w.ranking}: ${rubric.id} (${rubric.title})`), table);
    const r = s.rubrics.find((x) => x.rubric.id === rubric.id);
    if (r) {
      const dist = Object.entries(r.predikat).map(([k, v]) => `${k} ${v}`).join(', ');
      // a rubric without bands (ZI) has no predikat to count
      lines.push(`  ${w.mean} ${N(r.index.mean)} · ${w.median} ${N(r.index.median)} · ${w.min} ${N(r.index.min)} · ${w.max} ${N(r.index.max)}${dist ? ` · ${w.distribution}: ${dist}` : ''}`);
    }
    lines.push('');
  }
  lines.push(c.bold(w.summaryTitle));
  lines.push(`  ${w.count.padEnd(24)} ${s.files} (${s.scored} ${w.scored}, ${s.failed} ${w.failedShort})`);
  lines.push(`  ${w.findings.padEnd(24)} ${w.summary(s.findings.error, s.findings.warning, s.findings.info)}`);
  for (const d of s.duplicateOpds) lines.push(`  ${c.yellow(w.severity.warning)} ${w.duplicateOpd(d.opd, d.files)} ${c.dim('[opd-duplicate]')}`);
  if (s.areas.length > 0) {
    lines.push('', c.bold(w.weakestAreas));
    // and the OPDs pulling each down most
    const X = EXPORT_WORDS[report.lang];
    for (const a of s.areas.slice(0, 10)) {
      const lowest = a.lowest.slice(0, 2).map((x) => `${clip(x.opd ?? x.file, 30)} ${N(x.percent * 100, 1)}%`).join(', ');
      lines.push(`  ${N(a.meanPercent * 100).padStart(6)}%  ${a.code.padEnd(9)} ${a.name}${ranked.length > 1 ? c.dim(` (${a.rubric})`) : ''}${lowest ? c.dim(` — ${X.lowestShort}: ${lowest}`) : ''}`);
    }
  }
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length > 0) {
    lines.push('', c.bold(c.red(w.failedFiles)));
    for (const f of failed) lines.push(`  ${f.error?.message ?? f.file}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A path keeps its end (the file's own name) when it is too long for its column. */
const clipStart = (s: string, n: number) => (s.length > n ? `…${s.slice(s.length - n + 1)}` : s);

/** Display width of a cell: ANSI colours left out, one column per code point (OPD names are Latin text). */
const width = (s: string) => [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;

/** Rows per cli-table3 table: its layout costs grow with the square of the rows (5,000 rows took 6 s at once). */
const CHUNK = 200;

/**
 * A ranking of any length: cli-table3 tables of CHUNK rows with the same column widths, joined into one box (each
 * chunk's closing border and the next one's opening border dropped).
 */
function longTable(head: string[], colAligns: ('left' | 'right')[], rows: string[][]): string {
  const colWidths = head.map((h, i) => rows.reduce((m, r) => Math.max(m, width(r[i]!)), width(h)) + 2);
  const parts: string[] = [];
  for (let from = 0; from === 0 || from < rows.length; from += CHUNK) {
    const table = new Table({ ...(from === 0 ? { head } : {}), colWidths, colAligns, style: { head: [], border: [], compact: true }, wordWrap: false });
    table.push(...rows.slice(from, from + CHUNK));
    let lines = table.toString().split('\n');
    if (from > 0) lines = lines.slice(1);
    if (from + CHUNK < rows.length) lines = lines.slice(0, -1);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n');
}
