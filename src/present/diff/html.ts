// lke diff as one self-contained HTML page (no script, no outside resource): to mail to an OPD or print. Changed
// answers are highlighted (a gain green, a loss red), deltas coloured; every text from a worksheet is escaped.
import { fixed } from '../../words/round.js';
import type { Diff, DiffReport, FolderReport } from '../../document/diff-report.js';
import { DIFF_WORDS, type DiffWords } from '../../words/diff.js';
import { answerText, nilaiText, predikatText, shownNodes, sideLabel, sideWho, signed, cellText } from './shared.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
th{background:#f3f3f3;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.up td{background:#e8f6ea}tr.down td{background:#fbe9e9}tr.d0 td{font-weight:bold}
.up-v{color:#13701f}.down-v{color:#a41919}del{color:#a41919}ins{color:#13701f;text-decoration:none;font-weight:bold}
.note{color:#555;font-style:italic}.warn{background:#fff6d5;padding:.5em;border-left:4px solid #e0b000}
details{margin:.5em 0}summary{cursor:pointer;font-weight:bold}`;

const cls = (n: number) => (signed(n).startsWith('+') ? 'up' : signed(n).startsWith('−') ? 'down' : '');
const num = (n: number, text = fixed(n)) => `<td class="n">${esc(text)}</td>`;
const delta = (n: number) => `<td class="n ${cls(n) ? `${cls(n)}-v` : ''}">${esc(signed(n))}</td>`;
const td = (s: string) => `<td>${esc(s)}</td>`;
const th = (cells: string[], numeric: number[] = []) => `<tr>${cells.map((c, i) => `<th${numeric.includes(i) ? ' class="n"' : ''}>${esc(c)}</th>`).join('')}</tr>`;

export function renderDiffHtml(doc: DiffReport): string {
  const w = DIFF_WORDS[doc.lang];
  const title = doc.mode === 'folders' ? w.titleFolders : w.title;
  const body = doc.mode === 'folders' ? folders(doc, w) : pair(doc, w, 'h2');
  return `<!doctype html>\n<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${STYLE}</style></head>\n<body><h1>${esc(title)}</h1>\n${body}\n</body></html>\n`;
}

function pair(d: Diff, w: DiffWords, h: 'h2' | 'h3'): string {
  const out: string[] = [];
  out.push('<table>', th(['', 'OPD', w.file, w.rubric, w.index, 'Predikat'], [4]));
  for (const [label, s] of [[w.from, d.from], [w.to, d.to]] as const) {
    out.push(`<tr><th>${esc(label)}</th>${td(sideWho(s))}${td(sideLabel(s, w))}${td(s.rubric.id)}${num(s.index)}${td(s.predikat?.code ?? '-')}</tr>`);
  }
  out.push('</table>');
  out.push(`<p><strong>${esc(`${w.delta} ${w.index.toLowerCase()}`)}: <span class="${cls(d.index.delta)}-v">${esc(signed(d.index.delta))}</span></strong> — ${esc(predikatText(d, w))}</p>`);
  if (d.level === 'area') out.push(`<p class="warn">${esc(w.versions(d.from.rubric.id, d.to.rubric.id))}</p>`);
  if (d.level === 'question') {
    out.push(`<${h}>${esc(w.changes(d.changes.length))}</${h}>`);
    if (d.changes.length === 0) out.push(`<p>${esc(w.noChanges)}</p>`);
    else {
      out.push('<table>', th([w.code, w.question, w.cell, w.answerFrom, w.answerTo, w.nilaiFrom, w.nilaiTo, w.delta, w.note], [5, 6, 7]));
      for (const x of d.changes) {
        const moved = (x.nilaiTo ?? 0) - (x.nilaiFrom ?? 0);
        out.push(
          `<tr class="${cls(moved)}">${td(x.question)}${td(x.text)}${td(cellText(x.at))}<td><del>${esc(answerText(x.from, w))}</del></td><td><ins>${esc(answerText(x.to, w))}</ins></td>` +
            `${num(0, nilaiText(x.nilaiFrom))}${num(0, nilaiText(x.nilaiTo))}${delta(moved)}<td class="note">${esc(x.note ?? '')}</td></tr>`,
        );
      }
      out.push('</table>');
    }
    if (d.oneSided.length > 0) {
      out.push(`<${h}>${esc(w.oneSided(d.oneSided.length))}</${h}>`, '<table>', th([w.code, w.question, '', w.cell, w.answerFrom]));
      for (const x of d.oneSided) out.push(`<tr>${td(x.question)}${td(x.text)}${td(x.side === 'from' ? w.onlyFrom : w.onlyTo)}${td(cellText(x.at))}${td(answerText(x.answer, w))}</tr>`);
      out.push('</table>');
    }
  }
  out.push(`<${h}>${esc(w.nodes)}</${h}>`, '<table>', th([w.code, w.name, 'Bobot', w.nilaiFrom, w.nilaiTo, w.delta], [2, 3, 4, 5]));
  for (const n of shownNodes(d)) {
    const code = n.code === n.codeFrom ? n.code : `${n.codeFrom} → ${n.code}`;
    out.push(`<tr class="${n.depth === 0 ? 'd0' : ''}">${td(code)}<td style="padding-left:${0.5 + n.depth * 1.2}em">${esc(n.name)}</td>${num(n.bobotTo)}${num(n.nilaiFrom)}${num(n.nilaiTo)}${delta(n.delta)}</tr>`);
  }
  out.push('</table>');
  if (d.unmatched.length > 0) {
    out.push(`<${h}>${esc(w.unmatched)}</${h}>`, '<ul>');
    for (const u of d.unmatched) out.push(`<li>${esc(`${u.side === 'from' ? w.onlyFrom : w.onlyTo}: ${u.code} ${u.name} (${fixed(u.nilai)})`)}</li>`);
    out.push('</ul>');
  }
  return out.join('\n');
}

function folders(doc: FolderReport, w: DiffWords): string {
  const out = [`<h2>${esc(w.opds(doc.opds.length))}</h2>`, '<table>', th(['No', 'OPD', w.indexFrom, w.indexTo, w.delta, 'Predikat', w.changed], [0, 2, 3, 4, 6])];
  doc.opds.forEach((r, i) => {
    const notes = [r.by === 'file' ? w.byFile : '', r.level === 'area' ? w.areasOnly : ''].filter(Boolean).join('; ');
    const pred = r.predikatFrom === r.predikatTo ? (r.predikatTo ?? '-') : `${r.predikatFrom ?? '-'} → ${r.predikatTo ?? '-'}`;
    out.push(`<tr class="${cls(r.delta)}">${num(i + 1, String(i + 1))}<td><a href="#opd-${i + 1}">${esc(r.opd)}</a>${notes ? ` <span class="note">(${esc(notes)})</span>` : ''}</td>${num(r.indexFrom)}${num(r.indexTo)}${delta(r.delta)}${td(pred)}${num(r.changed, r.level === 'area' ? '—' : String(r.changed))}</tr>`);
  });
  out.push('</table>');
  if (doc.unpaired.from.length + doc.unpaired.to.length > 0) {
    out.push(`<h2>${esc(w.unpaired)}</h2>`, '<ul>');
    for (const f of doc.unpaired.from) out.push(`<li>${esc(`${w.inFrom}: ${f}`)}</li>`);
    for (const f of doc.unpaired.to) out.push(`<li>${esc(`${w.inTo}: ${f}`)}</li>`);
    out.push('</ul>');
  }
  if (doc.failed.length > 0) {
    out.push(`<h2>${esc(w.failed)}</h2>`, '<ul>');
    for (const f of doc.failed) out.push(`<li>${esc(f.error.message)}</li>`);
    out.push('</ul>');
  }
  doc.pairs.forEach((d, i) => out.push(`<details id="opd-${i + 1}"><summary>${esc(`${doc.opds[i]!.opd}: ${signed(d.index.delta)}`)}</summary>`, pair(d, w, 'h3'), '</details>'));
  return out.join('\n');
}
