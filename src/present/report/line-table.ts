// The terminal view of a rubric of lines (the Indeks RB from 2023): how the index is made (RB General over its
// denominator, RB Tematik on top), the published evaluation's own total beside lke's, and one row per line with
// its skor, bobot, points, points lost and published points. Called by table.ts; computes nothing of its own.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { fixed } from '../../words/round.js';
import type { Lang } from '../../words/lang.js';
import { LINE_REPORT_WORDS } from '../../words/report.js';
import type { ReportFile, ReportNode } from '../../document/score-report.js';

const WORDS = LINE_REPORT_WORDS;

const value = (v: ReportNode['value']) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(+v.toFixed(4)) : v);

/** How the top-level nodes make the index: "RB General 68.20 / 97 × 100 = 70.31". */
function composition(roots: ReportNode[], pick: (n: ReportNode) => { nilai: number | null | undefined; adjusted: number | null | undefined }): string {
  return roots
    .map((n) => {
      const { nilai, adjusted } = pick(n);
      const base = `${n.name} ${fixed(nilai ?? 0)}`;
      return n.denominator !== undefined ? `${base} / ${fixed(n.denominator)} × ${fixed(n.bobot)} = ${fixed(adjusted ?? 0)}` : base;
    })
    .join('  +  ');
}

/** The lines section of a file's table, or undefined when the file's rubric is not one of lines. */
export function lineSection(f: ReportFile, lang: Lang, detail: boolean, c: ChalkInstance): string[] | undefined {
  const lineNodes = f.nodes.filter((n) => n.value !== undefined);
  if (lineNodes.length === 0) return undefined;
  const w = WORDS[lang];
  const out: string[] = [];
  const roots = f.nodes.filter((n) => n.depth === 0);
  const excluded = lineNodes.filter((n) => n.excluded).length;
  out.push(`${' '.repeat(9)}${composition(roots, (n) => ({ nilai: n.nilai, adjusted: n.adjusted }))}${excluded ? c.dim(`  (${w.lines(excluded)})`) : ''}`);
  if (f.published) {
    const pred = f.published.predikat ? `${f.published.predikat.code}${f.published.predikat.label ? ` (${f.published.predikat.label})` : ''}` : '-';
    const diff = (f.index ?? 0) - f.published.index;
    out.push(`${w.published.padEnd(8)} ${c.bold(fixed(f.published.index))}   Predikat ${c.bold(pred)}   ${c.dim(`(${w.diff} ${diff >= 0 ? '+' : ''}${fixed(diff)})`)}`);
    out.push(`${' '.repeat(9)}${composition(roots, (n) => ({ nilai: n.published, adjusted: n.publishedAdjusted }))}`);
  }
  out.push('');
  const hasPub = f.published !== undefined;
  const table = new Table({
    head: [...w.head, ...(hasPub ? [w.pubHead] : [])],
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    wordWrap: false,
  });
  for (const n of f.nodes) {
    const line = n.value !== undefined;
    if (!line && n.depth > 1 && !detail) continue;
    // lines sit under their sub-component in this view (the levels between show with --detail)
    const name = `${'  '.repeat(detail ? n.depth : Math.min(n.depth, 2))}${n.name.length > 56 ? `${n.name.slice(0, 54)}…` : n.name}`;
    const nilai = n.denominator !== undefined ? `${fixed(n.nilai)} → ${fixed(n.adjusted ?? 0)}` : fixed(n.nilai);
    const row = [n.code, name, line ? (n.excluded ? w.excluded : value(n.value)) : '', fixed(n.bobot), n.excluded ? '-' : nilai, n.excluded ? '-' : fixed(n.gap)];
    if (hasPub) {
      const p = n.denominator !== undefined && n.publishedAdjusted !== undefined ? `${fixed(n.published ?? 0)} → ${fixed(n.publishedAdjusted ?? 0)}` : n.published === null || n.published === undefined ? '' : fixed(n.published);
      const off = line && n.published !== null && n.published !== undefined && Math.abs(n.published - n.nilai) > 0.005;
      row.push(off ? c.yellow(`${p} !`) : p);
    }
    table.push(n.depth === 0 ? row.map((x) => c.bold(x)) : row);
  }
  out.push(table.toString());
  // the levers: what each line adds to the index at its best value (a pengali line also lifts the lines it multiplies)
  const levers = lineNodes.filter((n) => n.gain !== undefined && n.gain > 0.005).sort((a, b) => b.gain! - a.gain! || (a.code < b.code ? -1 : 1));
  if (levers.length > 0) {
    out.push('', c.bold(w.lost));
    for (const n of levers.slice(0, 5)) {
      const step = n.gainPerStep != null && n.step != null ? c.dim(`  (+${n.gainPerStep.toFixed(3)} ${w.perStep(+n.step.toFixed(4))})`) : '';
      out.push(`  ${n.code.padEnd(13)} +${fixed(n.gain!).padStart(5)}  ${n.name}${step}`);
    }
  }
  if (f.path) {
    out.push('', c.bold(w.path(f.path.target.code, f.path.target.above)));
    for (const s of f.path.steps) out.push(`  ${s.code.padEnd(13)} ${w.to} ${String(s.to).padEnd(5)} → ${fixed(s.index)}`);
    if (!f.path.reached) out.push(c.dim(`  ${w.notReached}`));
  }
  return out;
}
