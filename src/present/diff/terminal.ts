// lke diff in the terminal: who is compared, the index and predikat before and after, the changed answers, the
// questions on one side only, the delta per node; for folders the table of OPDs by delta.
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { fixed } from '../../words/round.js';
import type { Diff, DiffReport, FolderReport } from '../../document/diff-report.js';
import { DIFF_WORDS, type DiffWords } from '../../words/diff.js';
import { answerText, nilaiText, oneLine, predikatText, shownNodes, sideLabel, sideWho, signed, cellText } from './shared.js';

export interface TerminalOptions {
  color: boolean;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const table = (head: string[], colAligns: ('left' | 'right')[]) => new Table({ head, colAligns, style: { head: [], border: [], compact: true }, wordWrap: false });

export function renderDiffTerminal(doc: DiffReport, opts: TerminalOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const w = DIFF_WORDS[doc.lang];
  if (doc.mode === 'folders') return renderFolders(doc, c, w);
  return `${c.bold(w.title)}\n${renderPair(doc, c, w)}`;
}

const colourDelta = (n: number, c: ChalkInstance) => {
  const s = signed(n);
  return s.startsWith('+') ? c.green(s) : s.startsWith('−') ? c.red(s) : s;
};

function renderPair(d: Diff, c: ChalkInstance, w: DiffWords): string {
  const lines: string[] = [];
  for (const [label, s] of [[w.from, d.from], [w.to, d.to]] as const) {
    const who = sideWho(s);
    lines.push(`${label.padEnd(8)} ${who ? `${c.bold(who)}  ` : ''}${sideLabel(s, w)}  ${c.dim(s.rubric.id)}`);
  }
  const pred = (p: string | null) => p ?? '-';
  lines.push(`${w.index.padEnd(8)} ${fixed(d.index.from)} (${pred(d.predikat.from)}) → ${c.bold(fixed(d.index.to))} (${c.bold(pred(d.predikat.to))})   ${w.delta} ${colourDelta(d.index.delta, c)}   ${predikatText(d, w)}`);
  if (d.level === 'area') lines.push(c.yellow(w.versions(d.from.rubric.id, d.to.rubric.id)));
  lines.push('');

  if (d.level === 'question') {
    lines.push(c.bold(w.changes(d.changes.length)));
    if (d.changes.length === 0) lines.push(`  ${w.noChanges}`);
    else {
      const t = table([w.code, w.cell, w.answerFrom, w.answerTo, w.nilaiFrom, w.nilaiTo, w.delta, w.note], ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left']);
      for (const x of d.changes) {
        const moved = (x.nilaiTo ?? 0) - (x.nilaiFrom ?? 0);
        t.push([x.question, cellText(x.at), cut(answerText(x.from, w), 24), cut(answerText(x.to, w), 24), nilaiText(x.nilaiFrom), nilaiText(x.nilaiTo), colourDelta(moved, c), cut(oneLine(x.note ?? ''), 50)]);
      }
      lines.push(t.toString());
    }
    if (d.oneSided.length > 0) {
      lines.push('', c.bold(w.oneSided(d.oneSided.length)));
      for (const x of d.oneSided) lines.push(`  ${x.question.padEnd(14)} ${(x.side === 'from' ? w.onlyFrom : w.onlyTo).padEnd(16)} ${cellText(x.at)}  ${answerText(x.answer, w)}`);
    }
    lines.push('');
  }

  lines.push(c.bold(w.nodes));
  const t = table([w.code, w.name, 'Bobot', w.nilaiFrom, w.nilaiTo, w.delta], ['left', 'left', 'right', 'right', 'right', 'right']);
  for (const n of shownNodes(d)) {
    const code = n.code === n.codeFrom ? n.code : `${n.codeFrom} → ${n.code}`;
    const bobot = n.bobotFrom === n.bobotTo ? fixed(n.bobotTo) : `${fixed(n.bobotFrom)} → ${fixed(n.bobotTo)}`;
    const row = [code, `${'  '.repeat(n.depth)}${cut(oneLine(n.name), 50)}`, bobot, fixed(n.nilaiFrom), fixed(n.nilaiTo), colourDelta(n.delta, c)];
    t.push(n.depth === 0 ? row.map((x) => c.bold(x)) : row);
  }
  lines.push(t.toString());
  if (d.unmatched.length > 0) {
    lines.push('', c.bold(w.unmatched));
    for (const u of d.unmatched) lines.push(`  ${(u.side === 'from' ? w.onlyFrom : w.onlyTo).padEnd(16)} ${u.code.padEnd(8)} ${oneLine(u.name)}  (${fixed(u.nilai)})`);
  }
  return `${lines.join('\n')}\n`;
}

function renderFolders(doc: FolderReport, c: ChalkInstance, w: DiffWords): string {
  const lines: string[] = [c.bold(w.titleFolders), '', c.bold(w.opds(doc.opds.length))];
  const t = table(['No', 'OPD', w.indexFrom, w.indexTo, w.delta, 'Predikat', w.changed], ['right', 'left', 'right', 'right', 'right', 'left', 'right']);
  doc.opds.forEach((r, i) => {
    const notes = [r.by === 'file' ? w.byFile : '', r.level === 'area' ? w.areasOnly : ''].filter(Boolean).join('; ');
    const pred = r.predikatFrom === r.predikatTo ? (r.predikatTo ?? '-') : `${r.predikatFrom ?? '-'} → ${r.predikatTo ?? '-'}`;
    t.push([String(i + 1), `${cut(oneLine(r.opd), 40)}${notes ? c.dim(` (${notes})`) : ''}`, fixed(r.indexFrom), fixed(r.indexTo), colourDelta(r.delta, c), pred, r.level === 'area' ? '—' : String(r.changed)]);
  });
  lines.push(t.toString());
  if (doc.unpaired.from.length + doc.unpaired.to.length > 0) {
    lines.push('', c.bold(w.unpaired));
    for (const f of doc.unpaired.from) lines.push(`  ${w.inFrom.padEnd(20)} ${f}`);
    for (const f of doc.unpaired.to) lines.push(`  ${w.inTo.padEnd(20)} ${f}`);
  }
  if (doc.failed.length > 0) {
    lines.push('', c.bold(c.red(w.failed)));
    for (const f of doc.failed) lines.push(`  ${f.error.message}`);
  }
  return `${lines.join('\n')}\n`;
}
