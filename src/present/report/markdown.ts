// The score report as Markdown, for issue trackers and chat: the summary, the area table, the path to the target
// (and for ZI the minima and what the unit must confirm), the weakest indicators, the findings. For several files:
// the summary, the ranking per rubric and the weakest areas with the OPDs pulling them down.
import { rankings, type Report, type ReportFile } from '../../document/score-report.js';
import type { ReportGap, ReportQuestionRef } from '../../document/gap.js';
import type { Lang } from '../../words/lang.js';
import { areaRows, cellOf, clip, opdOf, pathOutcome, predikatText, stepQuestion, targetText, wordsOf, targetLabel } from './shared.js';
import { num, pct, type ExportWords } from '../../words/export.js';
import { mdText as cell, code } from '../ci/markdown.js';

const MAX_FINDINGS = 50;
const MAX_REFS = 10;

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const rule = (aligns: ('l' | 'r')[]) => `|${aligns.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`;
const show = (v: string | number | null, lang: Lang) => (v === null ? '—' : typeof v === 'number' ? num(v, lang, Number.isInteger(v) ? 0 : 2) : cell(v));

export function renderReportMarkdown(report: Report): string {
  const out = report.files.length > 1 ? batch(report) : report.files.map((f) => file(f, report, 2));
  return `${out.flat().join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function file(f: ReportFile, report: Report, level: number): string[] {
  const w = wordsOf(report);
  const lang = report.lang;
  const h = (n: number) => '#'.repeat(Math.min(6, level + n));
  if (f.status === 'error') return [`${h(0)} ${cell(f.file)}`, '', `${w.error}: ${cell(f.error?.message ?? '')}`, ''];
  const out = [`${h(0)} ${cell(opdOf(f))}${f.year ? `, ${f.year}` : ''}`, ''];
  out.push(row(['', '']), rule(['l', 'l']));
  out.push(row([w.file, `${code(f.file)}${f.sheet ? ` (${cell(f.sheet.trim())})` : ''}`]));
  if (f.rubric) out.push(row([w.rubric, `${cell(f.rubric.id)}: ${cell(f.rubric.title)}`]));
  out.push(row([`**${w.index}**`, `**${num(f.index!, lang)}**`]), row([`**${w.predikat}**`, `**${cell(predikatText(f, w))}**`]));
  out.push('', `${h(1)} ${w.areas}`, '', row([w.code, w.area, w.bobot, w.nilai, w.capaian, w.lost]), rule(['l', 'l', 'r', 'r', 'r', 'r']));
  for (const a of areaRows(f)) out.push(row([a.code, cell(a.name), num(a.bobot, lang), num(a.nilai, lang), pct(a.percent, lang), num(a.gap, lang)]));
  if (f.gap) out.push('', ...gapSection(f.gap, w, lang, h));
  out.push('', `${h(1)} ${w.findings}: ${f.counts.error} ${w.severity.error}, ${f.counts.warning} ${w.severity.warning}, ${f.counts.info} ${w.severity.info}`, '');
  if (f.findings.length > 0) {
    out.push(row([w.status, w.cell, w.question, w.code, w.message]), rule(['l', 'l', 'l', 'l', 'l']));
    for (const x of f.findings.slice(0, MAX_FINDINGS)) out.push(row([w.severity[x.severity], cellOf(x) ? code(`${(x.sheet ?? '').trim()}!${cellOf(x)}`) : '', x.question ?? '', code(x.code), cell(x.message)]));
    if (f.findings.length > MAX_FINDINGS) out.push('', w.more(f.findings.length - MAX_FINDINGS));
  }
  out.push('');
  return out;
}

function gapSection(g: ReportGap, w: ExportWords, lang: Lang, h: (n: number) => string): string[] {
  const out: string[] = [];
  out.push(`${h(1)} ${g.target ? w.pathTo(targetLabel(g, lang)) : w.target}`, '', targetText(g, lang), '');
  for (const s of pathOutcome(g, lang)) out.push(s, '');
  if (g.path.length > 0) {
    out.push(row([w.no, w.question, w.cell, w.from, w.to, w.gain, w.index, w.text]), rule(['r', 'l', 'l', 'l', 'l', 'r', 'r', 'l']));
    g.path.forEach((s, i) =>
      out.push(row([String(i + 1), stepQuestion(s), cellOf(s) ? code(cellOf(s)!) : '', show(s.from, lang), show(s.to, lang), `+${num(s.gain, lang)}`, num(s.index, lang), cell(clip(s.text, 90))])),
    );
    out.push('');
  }
  if (g.minima.length > 0) {
    out.push(row([w.code, w.area, w.minimum, w.nilai, w.status, w.after]), rule(['l', 'l', 'r', 'r', 'l', 'r']));
    for (const m of g.minima) {
      const status = m.met ? `✅ ${w.met}` : `❌ ${w.notMet}${m.outcome ? ` (${w.outcome})` : ''}`;
      out.push(row([m.node, cell(m.name), num(m.required, lang), num(m.nilai, lang), status, num(m.after, lang)]));
    }
    out.push('', `**${w.confirm}:**`, '');
    for (const c of g.confirm) out.push(`- [ ] ${cell(c.text)}`);
    out.push('', `_${w.noVerdict}_`, '');
  }
  if (g.target?.source) out.push(`${w.source}: ${cell(g.target.source)}${g.target.uncertain ? ` ${w.uncertain}: ${cell(g.target.uncertain)}` : ''}`, '');
  if (g.weakest.length > 0) {
    // the recommendation column only when the rubric gives any
    const rek = g.weakest.some((i) => i.rekomendasi);
    out.push(`${h(1)} ${w.weakest}`, '', row([w.code, w.indicator, w.lost, w.capaian, ...(rek ? [w.rekomendasi] : [])]), rule(['l', 'l', 'r', 'r', ...(rek ? ['l' as const] : [])]));
    for (const i of g.weakest) out.push(row([i.code, cell(i.name), num(i.lost, lang), pct(i.percent, lang), ...(rek ? [cell(i.rekomendasi ?? '')] : [])]));
    out.push('');
  }
  const holes = g.areas.filter((a) => a.unanswered.length + a.noEvidence.length > 0);
  if (holes.length > 0) {
    out.push(`${h(1)} ${w.unanswered} / ${w.noEvidence}`, '');
    const refs = (xs: ReportQuestionRef[]) =>
      `${xs.slice(0, MAX_REFS).map((x) => (cellOf(x) ? `${x.question} ${code(cellOf(x)!)}` : x.question)).join(', ')}${xs.length > MAX_REFS ? ` ${w.more(xs.length - MAX_REFS)}` : ''}`;
    for (const a of holes) {
      const parts = [a.unanswered.length ? `${w.unanswered} ${a.unanswered.length}: ${refs(a.unanswered)}` : '', a.noEvidence.length ? `${w.noEvidence} ${a.noEvidence.length}: ${refs(a.noEvidence)}` : ''].filter(Boolean);
      out.push(`- **${a.code} ${cell(a.name)}**: ${parts.join('; ')}`);
    }
    out.push('');
  }
  return out;
}

function batch(report: Report): string[] {
  const w = wordsOf(report);
  const lang = report.lang;
  const s = report.summary;
  const out = [`## ${w.batchTitle}`, '', row([w.summary, '']), rule(['l', 'r'])];
  out.push(row([w.count, String(s.files)]), row([w.scored, String(s.scored)]), row([w.failed, String(s.failed)]));
  if (s.index) out.push(row([w.mean, num(s.index.mean, lang)]), row([w.median, num(s.index.median, lang)]), row([w.min, num(s.index.min, lang)]), row([w.max, num(s.index.max, lang)]));
  const dist = Object.entries(s.predikat);
  if (dist.length > 0) out.push(row([w.distribution, dist.map(([k, v]) => `${k} ${v}`).join(', ')]));
  for (const g of rankings(report.files)) {
    const areas = areaRows(g.files[0]!);
    out.push('', `### ${w.ranking}: ${cell(g.rubric.id)} (${cell(g.rubric.title)})`, '');
    out.push(row([w.no, w.opd, w.index, w.predikat, w.target, w.changes, ...areas.map((a) => a.code)]), rule(['r', 'l', 'r', 'l', 'l', 'r', ...areas.map(() => 'r' as const)]));
    g.files.forEach((f, i) => {
      const pcts = new Map(areaRows(f).map((a) => [a.code, a.percent]));
      const t = f.gap?.target ? `${f.gap.target.label}${f.gap.reached ? ' ✅' : f.gap.reachable ? '' : ' ⛔'}` : '';
      out.push(row([String(i + 1), cell(opdOf(f)), num(f.index!, lang), f.predikat?.code ?? '—', t, f.gap ? String(f.gap.path.length) : '', ...areas.map((a) => (pcts.has(a.code) ? pct(pcts.get(a.code)!, lang, 1) : ''))]));
    });
  }
  if (s.areas.length > 0) {
    out.push('', `### ${w.weakestAreas}`, '', row([w.code, w.area, w.capaian, w.lowestOpds]), rule(['l', 'l', 'r', 'l']));
    for (const a of s.areas) {
      const lowest = 'lowest' in a ? a.lowest.map((x) => `${cell(x.opd ?? x.file)} ${pct(x.percent, lang, 1)}`).join(', ') : '';
      out.push(row([a.code, cell(a.name), pct(a.meanPercent, lang), lowest]));
    }
  }
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length > 0) {
    out.push('', `### ${w.failedFiles}`, '');
    for (const f of failed) out.push(`- ${cell(f.error?.message ?? f.file)}`);
  }
  out.push('');
  return out;
}
