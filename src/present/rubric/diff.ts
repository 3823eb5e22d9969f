// `lke rubric diff A B` presented: one line per difference (text, Markdown) or the diff document as JSON.
import type { Change, RubricDiffDoc } from '../../document/rubric-diff.js';
import type { Lang } from '../../words/lang.js';
import { RUBRIC_VIEW_WORDS } from '../../words/rubric.js';

const num = (n: number) => String(+n.toFixed(6));

function describe(c: Change, lang: Lang): { what: string; code: string; detail: string } {
  const w = RUBRIC_VIEW_WORDS[lang];
  const what = w.change[c.kind];
  switch (c.kind) {
    case 'added':
    case 'removed':
      return { what, code: c.code, detail: c.text };
    case 'moved':
      return { what, code: `${c.from} → ${c.to}`, detail: c.text };
    case 'renamed':
      return { what, code: c.code, detail: `"${c.from}" → "${c.to}"` };
    case 'bobot':
      return { what, code: c.code, detail: `${num(c.from)} → ${num(c.to)}` };
    case 'bukti':
      return {
        what,
        code: c.codes ? `${c.codes.length} ${w.questions} (${c.codes[0]} … ${c.codes[c.codes.length - 1]})` : c.code,
        detail: `${c.from ? w.yes : w.no} → ${c.to ? w.yes : w.no}`,
      };
    case 'predikat':
      return { what, code: '', detail: `${c.from} → ${c.to}` };
    default:
      return { what, code: c.code, detail: `${c.from} → ${c.to}` };
  }
}

const SIGN: Record<Change['kind'], string> = { added: '+', removed: '-', moved: '>', renamed: '~', bobot: '~', level: '~', scale: '~', formula: '~', inputs: '~', rules: '~', bukti: '~', predikat: '~' };

export function renderRubricDiffText(d: RubricDiffDoc): string {
  const lang = d.lang;
  const w = RUBRIC_VIEW_WORDS[lang];
  const head = `--- ${d.a.source} (${d.a.id} ${d.a.version})\n+++ ${d.b.source} (${d.b.id} ${d.b.version})`;
  if (d.changes.length === 0) return `${head}\n${w.noChanges(d.a.source, d.b.source)}\n`;
  const lines = d.changes.map((c) => {
    const x = describe(c, lang);
    return `${SIGN[c.kind]} ${x.what}: ${x.code}${x.code ? ' ' : ''}${x.detail}`;
  });
  return `${head}\n${lines.join('\n')}\n${w.changes(d.changes.length)}\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRubricDiffMarkdown(d: RubricDiffDoc): string {
  const lang = d.lang;
  const w = RUBRIC_VIEW_WORDS[lang];
  const out = [`**${md(d.a.source)}** (\`${d.a.id}\` \`${d.a.version}\`) → **${md(d.b.source)}** (\`${d.b.id}\` \`${d.b.version}\`)`, ''];
  if (d.changes.length === 0) return `${out.join('\n')}${w.noChanges(d.a.source, d.b.source)}\n`;
  out.push(`| | ${w.code} | |`, '|---|---|---|');
  for (const c of d.changes) {
    const x = describe(c, lang);
    out.push(`| ${x.what} | ${md(x.code)} | ${md(x.detail)} |`);
  }
  out.push('', w.changes(d.changes.length));
  return `${out.join('\n')}\n`;
}

