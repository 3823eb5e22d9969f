// `lke rubric show` presented: the tree with bobot and answer scales in the terminal or as Markdown, the view
// itself as JSON; then the scales (what each answer scores), the predikat bands and the uncertain facts.
import type { NodeView, QuestionView, RubricViewDoc, ScaleView } from '../../document/rubric-view.js';
import { RUBRIC_VIEW_WORDS } from '../../words/rubric.js';

const num = (n: number) => String(+n.toFixed(6));

function scaleText(s: ScaleView): string {
  if (s.options) return s.options.map((o) => `${o.code} = ${o.score === null ? '?' : num(o.score)}`).join(' · ');
  if (s.range) return `(x − ${num(s.range[0])}) / ${num(s.range[1] - s.range[0])}${s.clamp ? ', 0–1' : ''}`;
  return s.type === 'percent' ? '0–100% → 0–1' : '≥ 0';
}

function bandText(b: RubricViewDoc['predikat']['bands'][number]): string {
  const when = b.above !== undefined ? `> ${b.above}` : b.atLeast !== undefined ? `≥ ${b.atLeast}` : '…';
  return `${b.code}${b.label ? ` (${b.label})` : ''} ${when}`;
}

function questionExtra(q: QuestionView): string {
  const parts: string[] = [];
  if (q.formula) parts.push(`= ${q.formula}${q.clamp ? ` [${q.clamp.map((c) => c ?? '—').join(', ')}]` : ''}`);
  if (q.rules) parts.push(...q.rules);
  if (q.uncertain) parts.push('!');
  return parts.length > 0 ? `  ${parts.join('; ')}` : '';
}

export function renderRubricShowText(v: RubricViewDoc): string {
  const w = RUBRIC_VIEW_WORDS[v.lang];
  const scales = new Map(v.scales.map((s) => [s.key, s]));
  const out: string[] = [`${v.id}  ${v.title}`, `${v.regulation} · ${w.version} ${v.version} · ${v.counts.questions} ${w.questions}, ${v.counts.inputs} ${w.inputs} · ${w.total} ${num(v.totalBobot)}`, ''];
  const codeWidth = Math.max(...[...walk(v.tree)].map((x) => x.code.length + 2 * x.depth)) + 2;
  for (const x of walk(v.tree)) {
    const indent = '  '.repeat(x.depth);
    if (x.node) {
      out.push(`${indent}${x.code.padEnd(codeWidth - 2 * x.depth)}${x.node.name}  [${num(x.node.bobot)}]${x.node.uncertain ? '  !' : ''}`);
    } else {
      const q = x.question!;
      out.push(`${indent}${x.code.padEnd(codeWidth - 2 * x.depth)}${q.text}  (${scales.get(q.scale)?.label ?? q.scale})${questionExtra(q)}`);
      for (const i of q.inputs ?? []) out.push(`${indent}  ${i.key}: ${i.text}${i.check ? ` (= ${i.check})` : ''}`);
    }
  }
  out.push('', `${w.scales}:`);
  for (const s of v.scales) out.push(`  ${s.label.padEnd(16)} ${scaleText(s)}${s.uncertain ? '  !' : ''}`);
  out.push('', `${v.predikat.name}: ${v.predikat.bands.map(bandText).join(' · ')}`);
  if (v.uncertain.length > 0) {
    out.push('', `${w.uncertain}:`);
    for (const u of v.uncertain) out.push(`  ! ${u.where}: ${u.text}`);
  }
  return `${out.join('\n')}\n`;
}

const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRubricShowMarkdown(v: RubricViewDoc): string {
  const w = RUBRIC_VIEW_WORDS[v.lang];
  const scales = new Map(v.scales.map((s) => [s.key, s]));
  const out = [`# ${md(v.title)}`, '', `\`${v.id}\` · ${md(v.regulation)} · ${w.version} \`${v.version}\` · ${v.counts.questions} ${w.questions} · ${w.total} ${num(v.totalBobot)}`, ''];
  out.push(`| ${w.code} | ${w.name} | ${w.bobot} | ${w.scale} |`, '|---|---|---:|---|');
  for (const x of walk(v.tree)) {
    const pad = '&nbsp;&nbsp;'.repeat(x.depth);
    if (x.node) out.push(`| ${x.code} | ${pad}**${md(x.node.name)}**${x.node.uncertain ? ' ⚠' : ''} | ${num(x.node.bobot)} | |`);
    else {
      const q = x.question!;
      out.push(`| ${x.code} | ${pad}${md(q.text)}${md(questionExtra(q))} | | ${md(scales.get(q.scale)?.label ?? q.scale)} |`);
    }
  }
  out.push('', `## ${w.scales}`, '', `| ${w.scale} | ${w.options} |`, '|---|---|');
  for (const s of v.scales) out.push(`| ${md(s.label)}${s.uncertain ? ' ⚠' : ''} | ${md(scaleText(s))} |`);
  out.push('', `## ${v.predikat.name}`, '', ...v.predikat.bands.map((b) => `- ${md(bandText(b))}`));
  if (v.uncertain.length > 0) out.push('', `## ${w.uncertain}`, '', ...v.uncertain.map((u) => `- ⚠ **${md(u.where)}**: ${md(u.text)}`));
  return `${out.join('\n')}\n`;
}


/** The tree in reading order: nodes, then their questions (a sole question is its node's row). */
function* walk(tree: NodeView[], depth = 0): Generator<{ code: string; depth: number; node?: NodeView; question?: QuestionView }> {
  for (const n of tree) {
    yield { code: n.code, depth, node: n };
    for (const q of n.questions ?? []) yield { code: q.sole ? '' : q.code.slice(n.code.length + 1) || q.code, depth: depth + 1, question: q };
    if (n.children) yield* walk(n.children, depth + 1);
  }
}
