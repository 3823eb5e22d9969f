// The score report as one self-contained HTML page to print on A4 or forward: inline CSS, charts drawn as inline
// SVG, no script and no network (a Content-Security-Policy forbids any load). Per OPD: the index against the
// predikat bands, % capaian per area against 100 (and a ZI target's minimum), the path to the target, the weakest
// indicators, what is unanswered or without evidence, the findings. Several files: the summary, the predikat
// distribution, the ranking as a heatmap OPD × area, the weakest areas, then a page per OPD. Every text that
// comes from a worksheet is escaped.
import { rankings, type Ranking, type Report, type ReportFile } from '../../document/score-report.js';
import type { ReportGap, ReportQuestionRef } from '../../document/gap.js';
import type { Lang } from '../../words/lang.js';
import { areaRows, cellOf, clip, opdOf, pathOutcome, stepQuestion, targetText, wordsOf, targetLabel } from './shared.js';
import { num, pct, type ExportWords } from '../../words/export.js';

const MAX_FINDINGS = 60;
/** Rows of the batch page's weakest areas (a mixed batch lists every area of every rubric). */
const WEAKEST_AREAS = 10;
const MAX_REFS = 12;
/** Path rows shown per OPD on a batch page (all of them for one file). */
const BATCH_PATH_ROWS = 12;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number | null | undefined): string => (s === null || s === undefined ? '' : String(s).replace(/[&<>"']/g, (c) => ESC[c]!));

/** The colour of a share of 100 (or an index / 100): the predikat bands' thresholds, red to green. */
const SCALE: [number, string, string][] = [
  [0.9, '#1b7a3a', '#fff'],
  [0.8, '#3a9c55', '#fff'],
  [0.7, '#8cc97a', '#10301a'],
  [0.6, '#d4e98e', '#2a3300'],
  [0.5, '#ffe28a', '#3d2e00'],
  [0.3, '#f6a55a', '#3d1d00'],
  [-Infinity, '#e0574f', '#fff'],
];
const toneIndex = (fraction: number): number => SCALE.findIndex(([t]) => fraction > t + 1e-12);
const tone = (fraction: number): [string, string] => {
  const hit = SCALE[toneIndex(fraction)]!;
  return [hit[1], hit[2]];
};
/** The colours as SVG classes (t0 … t6): a bar chart per OPD stays small in a page of hundreds. */
const TONE_CSS = SCALE.map(([, bg, fg], i) => `.t${i}{fill:${bg}}.heat td.q${i}{background:${bg};color:${fg}}`).join('');
const BAND_TONE: Record<string, number> = { AA: 0.95, A: 0.85, BB: 0.75, B: 0.65, CC: 0.55, C: 0.4, D: 0.1 };
const bandTone = (code: string, i: number, n: number): [string, string] => tone(BAND_TONE[code] ?? 1 - (i + 0.5) / Math.max(1, n));

const CSS = `
@page{size:A4;margin:12mm}
*{box-sizing:border-box}
body{margin:0;font:10.5pt/1.45 "Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;color:#1d2733;background:#eef1f5}
main{max-width:210mm;margin:0 auto;background:#fff}
section{padding:12mm 13mm 10mm}
section+section{break-before:page;border-top:6px solid #eef1f5}
h1{font-size:19pt;line-height:1.2;margin:2px 0 4px;color:#0f2a44}
h2{font-size:12.5pt;margin:18px 0 6px;color:#0f2a44;border-bottom:2px solid #d8e0ea;padding-bottom:3px;break-after:avoid}
h3{font-size:11pt;margin:12px 0 4px;color:#0f2a44;break-after:avoid}
.kicker{font-size:8.5pt;letter-spacing:.06em;text-transform:uppercase;color:#5b6b7c}
.meta{color:#5b6b7c;font-size:9pt}
.kpis{display:flex;gap:8px;margin:12px 0 6px;break-inside:avoid}
.kpi{flex:1;border:1px solid #d8e0ea;border-radius:6px;padding:7px 10px;background:#f7f9fb}
.kpi .l{font-size:8pt;text-transform:uppercase;letter-spacing:.05em;color:#5b6b7c}
.kpi .v{font-size:20pt;font-weight:700;line-height:1.15;color:#0f2a44}
.kpi .s{font-size:8.5pt;color:#39495a}
.badge{display:inline-block;border-radius:5px;padding:0 9px}
figure{margin:8px 0;break-inside:avoid}
figcaption{font-size:8.5pt;color:#5b6b7c;margin-bottom:2px}
svg{display:block;width:100%;height:auto}
svg text{font-family:inherit;font-size:10px;fill:#1d2733}
svg .e{text-anchor:end}svg .m{text-anchor:middle}svg .b{font-weight:600}svg .g{font-size:8px;fill:#7a8898}
svg .k{fill:#eef1f5}svg .n{fill:#0f2a44}svg .x{stroke:#c9d3de;stroke-width:.6}
table{width:100%;border-collapse:collapse;font-size:9pt;margin:4px 0 6px}
thead{display:table-header-group}
tr{break-inside:avoid}
th{background:#0f2a44;color:#fff;font-weight:600;text-align:left;padding:4px 6px}
td{padding:3px 6px;border-bottom:1px solid #e3e8ef;vertical-align:top}
tbody tr:nth-child(even) td{background:#f7f9fb}
.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.c{text-align:center}
.mono{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:8.5pt}
.ok{color:#1b7a3a;font-weight:600}.bad{color:#b3261e;font-weight:600}
.note{background:#fff8e1;border-left:4px solid #f2b600;padding:6px 10px;margin:6px 0;font-size:9.5pt}
.warn{background:#fdecea;border-left:4px solid #c62828;padding:6px 10px;margin:6px 0;font-size:9.5pt}
.good{background:#e8f5e9;border-left:4px solid #2e7d32;padding:6px 10px;margin:6px 0;font-size:9.5pt}
ul.check{list-style:none;padding-left:4px;margin:4px 0}ul.check li:before{content:"\\2610  ";color:#0f2a44}
.small{font-size:8.5pt;color:#5b6b7c}
footer{margin-top:14px;font-size:8pt;color:#6b7a8a;border-top:1px solid #d8e0ea;padding-top:5px}
.heat{table-layout:fixed}.heat td{padding:2px 3px;font-size:7.5pt}.heat th{font-size:7pt;padding:3px 2px;overflow:hidden}
.heat td.o{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.heat th.a{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;height:44px;padding:2px 0;vertical-align:bottom}
.heat td.h{text-align:center;font-variant-numeric:tabular-nums}
a{color:inherit;text-decoration:none}
@media screen{.heat thead th{position:sticky;top:0}}
@media print{body{background:#fff}main{max-width:none}section{padding:0}section+section{border-top:0}}
`;

export function renderReportHtml(report: Report): string {
  const w = wordsOf(report);
  const batch = report.files.length > 1;
  const first = report.files[0];
  const title = batch ? w.batchTitle : `${w.title}: ${first ? opdOf(first) : ''}${first?.year ? `, ${first.year}` : ''}`;
  const body = batch ? [batchPage(report, w), ...report.files.map((f, i) => filePage(f, report, w, i + 1))] : report.files.map((f, i) => filePage(f, report, w, i + 1));
  return `<!doctype html>
<html lang="${report.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="lke ${esc(report.tool.version)}">
<title>${esc(title)}</title>
<style>${CSS}${TONE_CSS}</style></head>
<body><main>
${body.join('\n')}
</main></body></html>
`;
}

function filePage(f: ReportFile, report: Report, w: ExportWords, n: number): string {
  const lang = report.lang;
  const batch = report.files.length > 1;
  const id = batch ? ` id="opd-${n}"` : '';
  if (f.status === 'error') return `<section${id}><div class="kicker">${esc(w.error)}</div><h1>${esc(f.file)}</h1><p class="warn">${esc(f.error?.message ?? '')}</p></section>`;
  const g = f.gap;
  const out: string[] = [];
  out.push(`<section class="opd"${id}>`);
  out.push(`<div class="kicker">${esc(w.title)} · ${esc(f.rubric?.title ?? '')}</div>`);
  out.push(`<h1>${esc(opdOf(f))}</h1>`);
  out.push(`<div class="meta">${f.year ? `${esc(w.year)} ${f.year} · ` : ''}${esc(w.file)} <span class="mono">${esc(f.file)}</span>${f.sheet ? ` (${esc(w.sheet.toLowerCase())} ${esc(f.sheet.trim())})` : ''}</div>`);
  out.push(kpis(f, g, w, lang));
  out.push(focus(f, w, lang));
  if (g && g.bands.length > 0) out.push(bandChart(f, g, w, lang));
  out.push(areaChart(f, g, w, lang));
  // a page of a batch keeps to the charts, the path and what falls short; the numbers are in the xlsx and csv
  if (!batch) out.push(`<h2>${esc(w.areas)}</h2>`, areaTable(f, lang, w));
  if (g) out.push(gapSection(g, w, lang, batch));
  if (!batch) out.push(findingsSection(f, w));
  else out.push(`<p class="small">${esc(w.findings)}: ${f.counts.error} ${esc(w.severity.error)}, ${f.counts.warning} ${esc(w.severity.warning)}, ${f.counts.info} ${esc(w.severity.info)}</p>`);
  if (!batch) out.push(footer(report, w));
  out.push('</section>');
  return out.join('\n');
}

function kpis(f: ReportFile, g: ReportGap | null | undefined, w: ExportWords, lang: Lang): string {
  const pred = f.predikat;
  const [bg, fg] = pred ? bandTone(pred.code, 0, 1) : ['#d8e0ea', '#1d2733'];
  const cells = [`<div class="kpi"><div class="l">${esc(w.index)}</div><div class="v" id="index">${num(f.index!, lang)}</div><div class="s">${esc(w.lost)}: ${num(100 - f.index!, lang)}</div></div>`];
  // a rubric without bands (ZI) has no predikat to show: its target's minima say more
  if (pred || (g?.bands.length ?? 0) > 0) {
    cells.push(`<div class="kpi"><div class="l">${esc(w.predikat)}</div><div class="v"><span class="badge" id="predikat" style="background:${bg};color:${fg}">${esc(pred?.code ?? '—')}</span></div><div class="s">${esc(pred?.label ?? w.noPredikat)}</div></div>`);
  }
  if (g?.target) {
    const status = g.reached ? w.met : g.reachable ? `${w.changesN(g.path.length)} → ${num(g.indexAfter, lang)}` : w.outOfReach;
    cells.push(`<div class="kpi"><div class="l">${esc(w.target)}</div><div class="v">${esc(g.target.label)}</div><div class="s">${esc(status)}</div></div>`);
  }
  if (g && g.minima.length > 0) {
    const met = g.minima.filter((m) => m.met).length;
    cells.push(`<div class="kpi"><div class="l">${esc(w.minimum)}</div><div class="v">${met}/${g.minima.length}</div><div class="s">${esc(w.met)}</div></div>`);
  }
  return `<div class="kpis">${cells.join('')}</div>`;
}

/** The index on a 0–100 scale split into the predikat bands, with the target's bound. */
function bandChart(f: ReportFile, g: ReportGap, w: ExportWords, lang: Lang): string {
  const W = 700;
  const x0 = 10;
  const x1 = W - 10;
  const X = (v: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(100, v))) / 100;
  const parts: string[] = [];
  const bands = g.bands;
  if (bands.length > 0) {
    bands.forEach((b, i) => {
      const lo = b.lowerBound ?? 0;
      const hi = i === 0 ? 100 : bands[i - 1]!.lowerBound ?? 100;
      const [bg, fg] = bandTone(b.code, i, bands.length);
      parts.push(`<rect x="${X(lo).toFixed(1)}" y="30" width="${(X(hi) - X(lo)).toFixed(1)}" height="24" fill="${bg}"/>`);
      if (X(hi) - X(lo) > 22) parts.push(`<text x="${((X(lo) + X(hi)) / 2).toFixed(1)}" y="46" font-size="11" font-weight="600" text-anchor="middle" fill="${fg}">${esc(b.code)}</text>`);
      if (b.lowerBound !== null) parts.push(`<text x="${X(lo).toFixed(1)}" y="68" font-size="10" text-anchor="middle" fill="#5b6b7c">${num(lo, lang, 0)}</text>`);
    });
  } else {
    parts.push(`<rect x="${x0}" y="30" width="${x1 - x0}" height="24" fill="#e3e8ef"/>`);
    for (const v of [0, 25, 50, 75, 100]) parts.push(`<text x="${X(v).toFixed(1)}" y="68" font-size="10" text-anchor="middle" fill="#5b6b7c">${v}</text>`);
  }
  const t = g.target;
  if (t?.lowerBound !== null && t?.lowerBound !== undefined) {
    const tx = X(t.lowerBound).toFixed(1);
    parts.push(`<line x1="${tx}" y1="24" x2="${tx}" y2="58" stroke="#0f2a44" stroke-width="2" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${tx}" y="80" font-size="10" text-anchor="middle" fill="#0f2a44">${esc(w.target)} ${esc(t.label)}</text>`);
  }
  const ix = X(f.index!);
  parts.push(`<rect x="${(ix - 1.5).toFixed(1)}" y="26" width="3" height="32" fill="#0f2a44"/>`);
  parts.push(`<path d="M${(ix - 7).toFixed(1)} 14 L${(ix + 7).toFixed(1)} 14 L${ix.toFixed(1)} 24 Z" fill="#0f2a44"/>`);
  const anchor = ix < 60 ? 'start' : ix > W - 60 ? 'end' : 'middle';
  parts.push(`<text x="${ix.toFixed(1)}" y="10" font-size="11" font-weight="700" text-anchor="${anchor}" fill="#0f2a44">${num(f.index!, lang)}</text>`);
  return `<figure><figcaption>${esc(bands.length > 0 ? w.bands : w.index)}</figcaption><svg viewBox="0 0 ${W} 84" role="img" aria-label="${esc(w.bands)}">${parts.join('')}</svg></figure>`;
}

/** % capaian per area as bars against 100, with a target's minimum as a tick. */
function areaChart(f: ReportFile, g: ReportGap | null | undefined, w: ExportWords, lang: Lang): string {
  const rows = areaRows(f);
  const mins = new Map((g?.minima ?? []).map((m) => [m.node, m.required / m.bobot]));
  const W = 700;
  const labelW = 270;
  const barX = labelW + 6;
  const barW = W - barX - 56;
  const H = 17;
  const parts: string[] = [];
  const px = (v: number) => Math.round(v);
  rows.forEach((a, i) => {
    const y = i * H + 14;
    const name = `${a.code} ${a.name}`;
    const short = clip(name, 44);
    const p = Math.max(0, Math.min(1, a.percent));
    const tip = short === name ? '' : `<title>${esc(name)}</title>`;
    parts.push(`<text x="${labelW}" y="${y + 10}" class="e">${tip}${esc(short)}</text>`);
    parts.push(`<rect x="${barX}" y="${y + 1}" width="${barW}" height="${H - 5}" class="k"/><rect x="${barX}" y="${y + 1}" width="${px(barW * p)}" height="${H - 5}" class="t${toneIndex(a.percent)}"/>`);
    const m = mins.get(a.code);
    if (m !== undefined) parts.push(`<rect x="${px(barX + barW * Math.min(1, m) - 1)}" y="${y - 1}" width="2" height="${H - 1}" class="n"/>`);
    parts.push(`<text x="${barX + barW + 6}" y="${y + 10}" class="b">${pct(a.percent, lang, 1)}</text>`);
  });
  const grid = [0, 0.25, 0.5, 0.75, 1].map((t) => `<line x1="${px(barX + barW * t)}" y1="10" x2="${px(barX + barW * t)}" y2="${rows.length * H + 12}" class="x"/><text x="${px(barX + barW * t)}" y="8" class="g m">${t * 100}%</text>`);
  const legend = `<figcaption>${esc(w.areaBars)}${mins.size > 0 ? ` · ▮ ${esc(w.minimum)} ${esc(g?.target?.label ?? '')}` : ''}</figcaption>`;
  return `<figure>${legend}<svg viewBox="0 0 ${W} ${rows.length * H + 16}" role="img" aria-label="${esc(w.areas)}">${grid.join('')}${parts.join('')}</svg></figure>`;
}

/** The three weakest areas by % capaian, in one line under the figures that matter most. */
function focus(f: ReportFile, w: ExportWords, lang: Lang): string {
  const weakest = [...areaRows(f)].sort((a, b) => a.percent - b.percent || (a.code < b.code ? -1 : 1)).slice(0, 3);
  if (weakest.length === 0) return '';
  return `<p class="note"><b>${esc(w.focus)}:</b> ${weakest.map((a) => `${esc(a.code)} ${esc(a.name)} (${pct(a.percent, lang, 1)})`).join(' · ')}</p>`;
}

function areaTable(f: ReportFile, lang: Lang, w: ExportWords): string {
  const rows = areaRows(f).map(
    (a) => `<tr><td class="mono">${esc(a.code)}</td><td>${esc(a.name)}</td><td class="r">${num(a.bobot, lang)}</td><td class="r">${num(a.nilai, lang)}</td><td class="r">${pct(a.percent, lang)}</td><td class="r">${num(a.gap, lang)}</td></tr>`,
  );
  return `<table><thead><tr><th>${esc(w.code)}</th><th>${esc(w.area)}</th><th class="r">${esc(w.bobot)}</th><th class="r">${esc(w.nilai)}</th><th class="r">${esc(w.capaian)}</th><th class="r">${esc(w.lost)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}


const shown = (v: string | number | null, lang: Lang) => (v === null ? '—' : typeof v === 'number' ? num(v, lang, Number.isInteger(v) ? 0 : 2) : esc(v));

function gapSection(g: ReportGap, w: ExportWords, lang: Lang, batch: boolean): string {
  const maxRows = batch ? BATCH_PATH_ROWS : Infinity;
  const out: string[] = [];
  out.push(`<h2>${esc(g.target ? w.pathTo(targetLabel(g, lang)) : w.target)}</h2>`, `<p><b>${esc(targetText(g, lang))}</b></p>`);
  const outcome = pathOutcome(g, lang);
  if (outcome.length > 0) out.push(`<p class="${g.reached ? 'good' : g.reachable ? 'note' : 'warn'}">${outcome.map(esc).join('<br>')}</p>`);
  if (g.path.length > 0) {
    const rows = g.path
      .slice(0, maxRows)
      .map((s, i) => `<tr><td class="r">${i + 1}</td><td><span class="mono">${esc(stepQuestion(s))}</span><br><span class="small">${esc(clip(s.text, 140))}</span></td><td class="mono">${esc(cellOf(s) ?? '')}</td><td class="c">${shown(s.from, lang)}</td><td class="c"><b>${shown(s.to, lang)}</b></td><td class="r">+${num(s.gain, lang)}</td><td class="r">${num(s.index, lang)}</td></tr>`);
    out.push(`<table><thead><tr><th class="r">${esc(w.no)}</th><th>${esc(w.question)}</th><th>${esc(w.cell)}</th><th class="c">${esc(w.from)}</th><th class="c">${esc(w.to)}</th><th class="r">${esc(w.gain)}</th><th class="r">${esc(w.index)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    if (g.path.length > maxRows) out.push(`<p class="small">${esc(w.more(g.path.length - maxRows))}</p>`);
  }
  if (g.minima.length > 0) {
    // on a batch page only what falls short; the conditions to confirm are on the summary page, once per target
    const shown = batch ? g.minima.filter((m) => !m.met) : g.minima;
    const rows = shown.map((m) => {
      const status = m.met ? `<span class="ok">${esc(w.met)}</span>` : `<span class="bad">${esc(w.notMet)}</span>${m.outcome ? ` <span class="small">(${esc(w.outcome)})</span>` : ''}`;
      return `<tr><td class="mono">${esc(m.node)}</td><td>${esc(m.name)}</td><td class="r">${num(m.required, lang)}</td><td class="r">${num(m.nilai, lang)}</td><td>${status}</td><td class="r">${num(m.after, lang)}</td></tr>`;
    });
    const met = g.minima.filter((m) => m.met).length;
    out.push(`<h3>${esc(w.minimum)} ${esc(g.target?.label ?? '')}: ${met}/${g.minima.length} ${esc(w.met.toLowerCase())}</h3>`);
    if (rows.length > 0) out.push(`<table><thead><tr><th>${esc(w.code)}</th><th>${esc(w.area)}</th><th class="r">${esc(w.minimum)}</th><th class="r">${esc(w.nilai)}</th><th>${esc(w.status)}</th><th class="r">${esc(w.after)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    if (!batch) out.push(confirmList(g, w));
  }
  if (g.target?.source && !batch) out.push(`<p class="small">${esc(w.source)}: ${esc(g.target.source)}${g.target.uncertain ? ` <b>${esc(w.uncertain)}:</b> ${esc(g.target.uncertain)}` : ''}</p>`);
  if (g.weakest.length > 0) {
    const rek = g.weakest.some((i) => i.rekomendasi);
    const rows = g.weakest.map((i) => `<tr><td class="mono">${esc(i.code)}</td><td>${esc(i.name)}</td><td class="r">${num(i.lost, lang)}</td><td class="r">${pct(i.percent, lang)}</td>${rek ? `<td>${esc(i.rekomendasi ?? '')}</td>` : ''}</tr>`);
    out.push(`<h2>${esc(w.weakest)}</h2><table><thead><tr><th>${esc(w.code)}</th><th>${esc(w.indicator)}</th><th class="r">${esc(w.lost)}</th><th class="r">${esc(w.capaian)}</th>${rek ? `<th>${esc(w.rekomendasi)}</th>` : ''}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  const holes = g.areas.filter((a) => a.unanswered.length + a.noEvidence.length > 0);
  if (holes.length > 0) {
    const refs = (xs: ReportQuestionRef[]) =>
      `${xs.slice(0, MAX_REFS).map((x) => `${esc(x.question)}${cellOf(x) ? ` <span class="mono">${esc(cellOf(x))}</span>` : ''}`).join(', ')}${xs.length > MAX_REFS ? ` ${esc(w.more(xs.length - MAX_REFS))}` : ''}`;
    const rows = holes.map((a) => `<tr><td class="mono">${esc(a.code)}</td><td>${esc(a.name)}</td><td class="r">${a.unanswered.length}</td><td>${refs(a.unanswered)}</td><td class="r">${a.noEvidence.length}</td><td>${refs(a.noEvidence)}</td></tr>`);
    out.push(`<h2>${esc(w.unanswered)} · ${esc(w.noEvidence)}</h2><table><thead><tr><th>${esc(w.code)}</th><th>${esc(w.area)}</th><th class="r">#</th><th>${esc(w.unanswered)}</th><th class="r">#</th><th>${esc(w.noEvidence)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return out.join('\n');
}

/** What the unit must confirm, the no-verdict note and where the minima come from. */
function confirmList(g: ReportGap, w: ExportWords): string {
  return `<h3>${esc(w.confirm)}${g.target ? ` (${esc(g.target.label)})` : ''}</h3><ul class="check">${g.confirm.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul><p class="note">${esc(w.noVerdict)}</p>`;
}

function findingsSection(f: ReportFile, w: ExportWords): string {
  const head = `<h2>${esc(w.findings)}: ${f.counts.error} ${esc(w.severity.error)}, ${f.counts.warning} ${esc(w.severity.warning)}, ${f.counts.info} ${esc(w.severity.info)}</h2>`;
  if (f.findings.length === 0) return `${head}<p>${esc(w.none)}.</p>`;
  const rows = f.findings.slice(0, MAX_FINDINGS).map((x) => {
    const cls = x.severity === 'error' ? 'bad' : '';
    return `<tr><td class="${cls}">${esc(w.severity[x.severity])}</td><td class="mono">${esc(cellOf(x) ? `${(x.sheet ?? '').trim()}!${cellOf(x)}` : '')}</td><td class="mono">${esc(x.question ?? '')}</td><td>${esc(x.message)} <span class="small mono">${esc(x.code)}</span></td></tr>`;
  });
  const more = f.findings.length > MAX_FINDINGS ? `<p class="small">${esc(w.more(f.findings.length - MAX_FINDINGS))}</p>` : '';
  return `${head}<table><thead><tr><th>${esc(w.status)}</th><th>${esc(w.cell)}</th><th>${esc(w.question)}</th><th>${esc(w.message)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function footer(report: Report, w: ExportWords): string {
  // the same doubt on several codes (the RB sheet's rules) is said once
  const byText = new Map<string, string[]>();
  for (const u of report.rubric?.uncertain ?? []) byText.set(u.text, [...(byText.get(u.text) ?? []), u.code]);
  const list = byText.size > 0 ? `<br><b>${esc(w.uncertainFacts)}:</b> ${[...byText].map(([text, codes]) => `${esc(codes.join(', '))}: ${esc(text)}`).join(' · ')}` : '';
  return `<footer>${esc(report.blankPolicy === 'skip' ? w.blankSkip : w.blankZero)} ${esc(w.generated(report.tool.version))}.${list}</footer>`;
}

function batchPage(report: Report, w: ExportWords): string {
  const lang = report.lang;
  const s = report.summary;
  const out: string[] = ['<section class="batch">'];
  const rubrics = [...new Set(report.files.filter((f) => f.rubric).map((f) => f.rubric!.title))];
  out.push(`<div class="kicker">${esc(rubrics.join(' · '))}</div><h1>${esc(w.batchTitle)}</h1>`);
  const k = (label: string, value: string, sub = '') => `<div class="kpi"><div class="l">${esc(label)}</div><div class="v">${value}</div><div class="s">${esc(sub)}</div></div>`;
  const cards = [k(w.count, String(s.files), `${w.scored} ${s.scored} · ${w.failed} ${s.failed}`)];
  if (s.index) cards.push(k(w.mean, num(s.index.mean, lang), `${w.median} ${num(s.index.median, lang)}`), k(w.min, num(s.index.min, lang)), k(w.max, num(s.index.max, lang)));
  out.push(`<div class="kpis" id="summary">${cards.join('')}</div>`);
  out.push(distributionChart(report, w));
  for (const g of rankings(report.files)) out.push(heatmap(g, report, w));
  if (s.areas.length > 0) {
    const rows = s.areas.slice(0, WEAKEST_AREAS).map((a) => {
      const [bg] = tone(a.meanPercent);
      const bar = `<svg viewBox="0 0 100 8" width="90" height="8" style="display:inline-block;width:90px"><rect width="100" height="8" fill="#eef1f5"/><rect width="${(Math.max(0, Math.min(1, a.meanPercent)) * 100).toFixed(1)}" height="8" fill="${bg}"/></svg>`;
      const lowest = 'lowest' in a ? a.lowest.map((x) => `${esc(clip(x.opd ?? x.file, 40))} (${pct(x.percent, lang, 1)})`).join('; ') : '';
      return `<tr><td class="mono">${esc(a.code)}</td><td>${esc(a.name)}</td><td class="r">${pct(a.meanPercent, lang)}</td><td>${bar}</td><td>${lowest}</td></tr>`;
    });
    out.push(`<h2>${esc(w.weakestAreas)}</h2><table><thead><tr><th>${esc(w.code)}</th><th>${esc(w.area)}</th><th class="r">${esc(w.capaian)}</th><th></th><th>${esc(w.lowestOpds)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  const targets = new Map<string, ReportGap>();
  for (const f of report.files) if (f.gap?.target && f.gap.confirm.length > 0 && !targets.has(f.gap.target.label)) targets.set(f.gap.target.label, f.gap);
  for (const g of targets.values()) {
    out.push(confirmList(g, w));
    if (g.target?.source) out.push(`<p class="small">${esc(w.source)}: ${esc(g.target.source)}${g.target.uncertain ? ` <b>${esc(w.uncertain)}:</b> ${esc(g.target.uncertain)}` : ''}</p>`);
  }
  const failed = report.files.filter((f) => f.status === 'error');
  if (failed.length > 0) out.push(`<h2>${esc(w.failedFiles)}</h2><ul>${failed.map((f) => `<li>${esc(f.error?.message ?? f.file)}</li>`).join('')}</ul>`);
  out.push(footer(report, w), '</section>');
  return out.join('\n');
}

/** Files per predikat (or, for a rubric without bands, per state of the target) as bars. */
function distributionChart(report: Report, w: ExportWords): string {
  const counts = Object.entries(report.summary.predikat);
  const order = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'];
  counts.sort((a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99) || (a[0] < b[0] ? -1 : 1));
  const targets = report.files.filter((f) => f.gap?.target && !f.predikat);
  const groups: [string, number, [string, string]][] = counts.map(([c, n], i) => [c, n, bandTone(c, i, counts.length)]);
  if (targets.length > 0) {
    const by = new Map<string, number>();
    for (const f of targets) {
      const g = f.gap!;
      const state = g.reached ? 0 : g.reachable ? 1 : 2;
      const key = `${g.target!.label}\u0000${state}`;
      by.set(key, (by.get(key) ?? 0) + 1);
    }
    const STATES: [string, number][] = [[w.met, 0.95], [w.reachableShort, 0.55], [w.outOfReachShort, 0.1]];
    for (const [key, n] of [...by].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const [label, state] = key.split('\u0000') as [string, string];
      const [text, t] = STATES[Number(state)]!;
      groups.push([`${label}: ${text}`, n, tone(t)]);
    }
  }
  if (groups.length === 0) return '';
  const max = Math.max(...groups.map((g) => g[1]));
  const W = 700;
  const bw = Math.min(120, (W - 20) / groups.length - 12);
  const parts = groups.map(([label, n, [bg]], i) => {
    const h = Math.max(1, (n / max) * 110);
    const x = Math.round(10 + i * (bw + 12));
    // "WBK: dapat dicapai" on two lines under its bar
    const [first, second] = label.includes(': ') ? [label.slice(0, label.indexOf(': ')), label.slice(label.indexOf(': ') + 2)] : [label, ''];
    const under = `<text x="${x + bw / 2}" y="146" class="m">${esc(first)}${second ? `<tspan x="${x + bw / 2}" dy="12">${esc(second)}</tspan>` : ''}</text>`;
    return `<rect x="${x}" y="${(130 - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${bg}"/><text x="${x + bw / 2}" y="${(124 - h).toFixed(1)}" class="m b n">${n}</text>${under}`;
  });
  return `<figure><figcaption>${esc(w.distribution)}</figcaption><svg viewBox="0 0 ${W} 164" role="img" aria-label="${esc(w.distribution)}"><line x1="6" y1="130" x2="${W - 6}" y2="130" stroke="#9aa8b8"/>${parts.join('')}</svg></figure>`;
}

/** The ranking of one rubric's files with each area's % as a coloured cell: the heatmap OPD × area. */
function heatmap(g: Ranking, report: Report, w: ExportWords): string {
  const lang = report.lang;
  const areas = areaRows(g.files[0]!);
  const page = new Map(report.files.map((f, i) => [f, i + 1]));
  // a rubric without bands (ZI) has no predikat column; the OPD names are cut to one line so 300 rows stay a list
  const bands = g.files.some((f) => f.predikat);
  const fixed = 4 + 24 + 7 + (bands ? 6 : 0) + 7;
  const cols = [4, 24, 7, ...(bands ? [6] : []), 7, ...areas.map(() => (100 - fixed) / Math.max(1, areas.length))];
  const colgroup = `<colgroup>${cols.map((c) => `<col style="width:${c.toFixed(2)}%">`).join('')}</colgroup>`;
  const head = `<tr><th class="r">${esc(w.no)}</th><th>${esc(w.opd)}</th><th class="r">${esc(w.index)}</th>${bands ? `<th>${esc(w.predikat)}</th>` : ''}<th>${esc(w.target)}</th>${areas.map((a) => `<th class="a" title="${esc(a.name)}">${esc(a.code)}</th>`).join('')}</tr>`;
  const rows = g.files.map((f, i) => {
    const pcts = new Map(areaRows(f).map((a) => [a.code, a.percent]));
    const cells = areas.map((a) => {
      const p = pcts.get(a.code);
      return p === undefined ? '<td></td>' : `<td class="h q${toneIndex(p)}">${num(p * 100, lang, 0)}</td>`;
    });
    const t = f.gap?.target ? `${esc(f.gap.target.label)}${f.gap.reached ? ' ✓' : f.gap.reachable ? ` +${f.gap.path.length}` : ' ✗'}` : '';
    const name = opdOf(f);
    return `<tr><td class="r">${i + 1}</td><td class="o"><a href="#opd-${page.get(f)}" title="${esc(name)}">${esc(name)}</a></td><td class="r"><b>${num(f.index!, lang)}</b></td>${bands ? `<td>${esc(f.predikat?.code ?? '—')}</td>` : ''}<td>${t}</td>${cells.join('')}</tr>`;
  });
  const legend = areas.map((a) => `<b>${esc(a.code)}</b> ${esc(a.name)}`).join(' · ');
  return `<h2>${esc(w.ranking)} · ${esc(w.heatmap)}: ${esc(g.rubric.title)}</h2><table class="heat">${colgroup}<thead>${head}</thead><tbody>${rows.join('')}</tbody></table><p class="small">${legend}. ${esc(w.target)}: ✓ ${esc(w.met)}, +n ${esc(w.changes.toLowerCase())}, ✗ ${esc(w.reachable.toLowerCase())} ${esc(w.no_)}.</p>`;
}

