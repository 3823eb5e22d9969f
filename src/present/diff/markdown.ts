// lke diff as Markdown (a comment on a merge request, a note in a wiki): the same tables as the terminal, and for
// folders one collapsed section per OPD. Worksheet text never becomes markup: it is escaped in every cell.
import { fixed } from '../../words/round.js';
import type { Diff, DiffReport, FolderReport } from '../../document/diff-report.js';
import { DIFF_WORDS, type DiffWords } from '../../words/diff.js';
import { answerText, nilaiText, oneLine, predikatText, shownNodes, sideLabel, sideWho, signed, cellText } from './shared.js';

/** A table cell: one line, no HTML, pipes escaped. */
const md = (s: string) => oneLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function renderDiffMarkdown(doc: DiffReport): string {
  const w = DIFF_WORDS[doc.lang];
  const out = doc.mode === 'folders' ? folders(doc, w) : [`## ${w.title}`, '', ...pair(doc, w, '###')];
  return `${out.join('\n')}\n`;
}

function pair(d: Diff, w: DiffWords, h: string): string[] {
  const out: string[] = [];
  out.push(row(['', 'OPD', w.file, w.rubric, w.index, 'Predikat']), '|---|---|---|---|---:|---|');
  for (const [label, s] of [[w.from, d.from], [w.to, d.to]] as const) {
    out.push(row([`**${label}**`, md(sideWho(s)), md(sideLabel(s, w)), md(s.rubric.id), fixed(s.index), md(s.predikat?.code ?? '-')]));
  }
  out.push('', `**${w.delta} ${w.index.toLowerCase()}: ${signed(d.index.delta)}** — ${md(predikatText(d, w))}`);
  if (d.level === 'area') out.push('', `> ${md(w.versions(d.from.rubric.id, d.to.rubric.id))}`);
  if (d.level === 'question') {
    out.push('', `${h} ${w.changes(d.changes.length)}`, '');
    if (d.changes.length === 0) out.push(w.noChanges);
    else {
      out.push(row([w.code, w.cell, w.answerFrom, w.answerTo, w.nilaiFrom, w.nilaiTo, w.delta, w.note]), '|---|---|---|---|---:|---:|---:|---|');
      for (const x of d.changes) {
        out.push(row([`\`${x.question}\``, md(cellText(x.at)), md(answerText(x.from, w)), `**${md(answerText(x.to, w))}**`, nilaiText(x.nilaiFrom), nilaiText(x.nilaiTo), signed((x.nilaiTo ?? 0) - (x.nilaiFrom ?? 0)), md(x.note ?? '')]));
      }
    }
    if (d.oneSided.length > 0) {
      out.push('', `${h} ${w.oneSided(d.oneSided.length)}`, '', row([w.code, '', w.cell, w.answerFrom]), '|---|---|---|---|');
      for (const x of d.oneSided) out.push(row([`\`${x.question}\``, x.side === 'from' ? w.onlyFrom : w.onlyTo, md(cellText(x.at)), md(answerText(x.answer, w))]));
    }
  }
  out.push('', `${h} ${w.nodes}`, '', row([w.code, w.name, 'Bobot', w.nilaiFrom, w.nilaiTo, w.delta]), '|---|---|---:|---:|---:|---:|');
  for (const n of shownNodes(d)) {
    const code = n.code === n.codeFrom ? n.code : `${n.codeFrom} → ${n.code}`;
    const name = `${'&nbsp;&nbsp;'.repeat(n.depth)}${md(n.name)}`;
    const cells = [`\`${code}\``, name, fixed(n.bobotTo), fixed(n.nilaiFrom), fixed(n.nilaiTo), signed(n.delta)];
    out.push(row(n.depth === 0 ? cells.map((c, i) => (i === 0 ? c : `**${c}**`)) : cells));
  }
  if (d.unmatched.length > 0) {
    out.push('', `${h} ${w.unmatched}`, '');
    for (const u of d.unmatched) out.push(`- ${u.side === 'from' ? w.onlyFrom : w.onlyTo}: \`${u.code}\` ${md(u.name)} (${fixed(u.nilai)})`);
  }
  return out;
}

function folders(doc: FolderReport, w: DiffWords): string[] {
  const out = [`## ${w.titleFolders}`, '', `### ${w.opds(doc.opds.length)}`, ''];
  out.push(row(['No', 'OPD', w.indexFrom, w.indexTo, w.delta, 'Predikat', w.changed]), '|---:|---|---:|---:|---:|---|---:|');
  doc.opds.forEach((r, i) => {
    const notes = [r.by === 'file' ? w.byFile : '', r.level === 'area' ? w.areasOnly : ''].filter(Boolean).join('; ');
    const pred = r.predikatFrom === r.predikatTo ? (r.predikatTo ?? '-') : `${r.predikatFrom ?? '-'} → ${r.predikatTo ?? '-'}`;
    out.push(row([String(i + 1), `${md(r.opd)}${notes ? ` _(${notes})_` : ''}`, fixed(r.indexFrom), fixed(r.indexTo), signed(r.delta), md(pred), r.level === 'area' ? '—' : String(r.changed)]));
  });
  if (doc.unpaired.from.length + doc.unpaired.to.length > 0) {
    out.push('', `### ${w.unpaired}`, '');
    for (const f of doc.unpaired.from) out.push(`- ${w.inFrom}: ${md(f)}`);
    for (const f of doc.unpaired.to) out.push(`- ${w.inTo}: ${md(f)}`);
  }
  if (doc.failed.length > 0) {
    out.push('', `### ${w.failed}`, '');
    for (const f of doc.failed) out.push(`- ${md(f.error.message)}`);
  }
  doc.pairs.forEach((d, i) => {
    out.push('', `<details><summary>${md(doc.opds[i]!.opd)}: ${signed(d.index.delta)}</summary>`, '', ...pair(d, w, '####'), '', '</details>');
  });
  return out;
}
