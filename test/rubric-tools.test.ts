// The rubric tools' cores: check (every problem with its code and line:col), show (the view), diff (only what
// truly differs), list (the summary line).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRubricText } from '../src/rubric/check.js';
import { diffRubrics } from '../src/rubric/diff.js';
import { rubricVersion } from '../src/rubric/fingerprint.js';
import { builtinPath, builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { parseRubricText } from '../src/rubric/load.js';
import { rubricSummary, rubricView } from '../src/rubric/view.js';
import { MINI_YAML, mini } from './helpers/mini-rubric.js';

const builtins = await Promise.all(builtinRubricIds().map((id) => loadRubric(id)));
const builtin = (id: string) => builtins.find((r) => r.id === id)!;

/** The 1-based line of the first occurrence of `s` in `text`. */
const lineOf = (text: string, s: string) => {
  expect(text.includes(s), s).toBe(true);
  return text.slice(0, text.indexOf(s)).split('\n').length;
};

const codes = (text: string) => checkRubricText(text, 'r.yaml').problems.map((p) => `${p.code}@${p.line}`);

describe('rubric check', () => {
  it('passes the built-ins and the mini rubric without a problem', () => {
    for (const id of ['zi-2021', 'rb-2014']) {
      const c = checkRubricText(readFileSync(builtinPath(id)!, 'utf8'), `${id}.yaml`);
      expect(c.problems.map((p) => p.code)).toEqual([]);
      expect(c.rubric?.id).toBe(id);
    }
    expect(checkRubricText(MINI_YAML, 'mini.yaml').problems).toEqual([]);
  });

  it('bad YAML: every syntax error, with its line', () => {
    const c = checkRubricText('id: x\ntitle: [unclosed\nregulation: y\n', 'r.yaml');
    expect(c.errors).toBeGreaterThan(0);
    expect(c.problems.every((p) => p.code === 'yaml-syntax' && p.line !== undefined)).toBe(true);
  });

  it('a bobot that is a word and an unknown key: both, each at its own line', () => {
    let text = MINI_YAML.replace('            bobot: 20\n            questions:', '            bobot: dua puluh\n            questions:');
    text = text.replace('        name: Area dua', '        name: Area dua\n        colour: red');
    expect(codes(text)).toEqual([`schema-unknown-key@${lineOf(text, 'colour: red')}`, `schema-type@${lineOf(text, 'bobot: dua puluh')}`]);
  });

  it('children that do not sum, an unknown scale, a formula naming an unknown input, a rule forward: all of them', () => {
    let text = MINI_YAML.replace('            bobot: 10\n            questions:\n              - {code: A.I.2.a', '            bobot: 11\n            questions:\n              - {code: A.I.2.a');
    text = text.replace('scale: abcde}', 'scale: abcdef}');
    text = text.replace('formula: d / a', 'formula: d / x');
    text = text.replace('multiplyBy: A.I.2.a', 'multiplyBy: B.II');
    const c = checkRubricText(text, 'r.yaml');
    expect(c.rubric).toBeUndefined();
    expect(c.problems.map((p) => `${p.code}@${p.line}`)).toEqual([
      `bobot-sum@${lineOf(text, '        bobot: 40')}`,
      `scale-unknown@${lineOf(text, 'scale: abcdef}')}`,
      `rule-forward@${lineOf(text, 'multiplyBy: B.II')}`,
      `formula-unknown-input@${lineOf(text, 'formula: d / x')}`,
    ]);
    expect(c.problems.every((p) => p.col !== undefined && p.col > 0)).toBe(true);
  });

  it('warns, without refusing, about a total other than 100, an unused scale and TODOs left by an import', () => {
    let text = MINI_YAML.replace('  percent: {type: percent', '  unused: {type: choice, label: X/Y, options: [{code: X, score: 1}, {code: Y, score: 0}]}\n  percent: {type: percent');
    text = text.replace('regulation: test', 'regulation: test # TODO: the regulation number');
    const c = checkRubricText(text, 'r.yaml');
    expect(c.errors).toBe(0);
    expect(c.rubric?.id).toBe('mini');
    expect(c.problems.map((p) => p.code)).toEqual(['todo-left', 'scale-unused']);
    const partial = checkRubricText(MINI_YAML.replace('    bobot: 40\n    children:\n      - code: B.I\n', '    bobot: 30\n    children:\n      - code: B.I\n').replace('        bobot: 30\n        questions: [{code: B.I,', '        bobot: 20\n        questions: [{code: B.I,'), 'r.yaml');
    expect(partial.problems.map((p) => [p.code, p.args])).toEqual([['total-bobot', { total: 90 }]]);
  });
});

describe('rubric show and list', () => {
  it('the view holds the tree with bobot, scales with what each answer scores, rules and uncertain facts', () => {
    const v = rubricView(builtin('rb-2014'));
    expect(v.tree.map((n) => [n.code, n.bobot])).toEqual([['A', 60], ['B', 40]]);
    expect(v.counts).toEqual({ nodes: 51, questions: 151, inputs: 0 }); // the weights file's 51 nodes
    expect(v.scales.find((s) => s.key === 'opini-bpk')!.options!.find((o) => o.code === 'WDP')!.score).toBeCloseTo(2 / 3, 12);
    const q = v.tree[0]!.children![4]!.children![3]!.questions!.find((x) => x.code === 'A.V.4.c')!;
    expect(q.rules).toEqual(['× A.V.4.b']);
    expect(v.uncertain.length).toBeGreaterThan(5);
    expect(v.version).toBe(rubricVersion(builtin('rb-2014').input));
  });
  it('the summary: complete instruments, the count of uncertain facts', () => {
    const s = rubricSummary(builtin('zi-2021'));
    expect(s).toMatchObject({ id: 'zi-2021', questions: 113, completeness: 1 });
    expect(s.uncertain).toBe(rubricView(builtin('zi-2021')).uncertain.length);
  });
});

describe('the version of a rubric', () => {
  it('changes with what scores, not with notes', () => {
    const base = rubricVersion(mini().input);
    expect(rubricVersion(parseRubricText(MINI_YAML.replace('regulation: test', 'regulation: test\nnotes: [a note]'), 'm.yaml').input)).toBe(base);
    expect(rubricVersion(parseRubricText(MINI_YAML.replace('{code: B, score: 0.5}', '{code: B, score: 0.6}'), 'm.yaml').input)).not.toBe(base);
  });
});

describe('rubric diff', () => {
  const changed = (edit: (t: string) => string) => diffRubrics(mini(), parseRubricText(edit(MINI_YAML), 'b.yaml')).changes;

  it('finds nothing between a rubric and itself, nor in case, spacing or scale keys and labels', () => {
    expect(diffRubrics(builtin('zi-2021'), builtin('zi-2021')).changes).toEqual([]);
    const cosmetic = changed((t) => t.replace('name: Area satu', 'name: AREA  SATU.').replace(/\babc\b(?!d)/g, 'tiga').replace('label: A/B/C,', 'label: "A / B / C",'));
    expect(cosmetic).toEqual([]);
  });

  it('lists bobot, scale, formula, rule and evidence changes, renames, moves, additions and removals', () => {
    const c = changed((t) =>
      t
        .replace('            bobot: 30\n            questions:', '            bobot: 25\n            questions:')
        .replace('            bobot: 10\n            questions:\n              - {code: A.I.2.a', '            bobot: 15\n            questions:\n              - {code: A.I.2.a')
        .replace('{code: A.I.1.b, text: Pertanyaan tiga pilihan, scale: abc,', '{code: A.I.1.b, text: Pertanyaan tiga pilihan, scale: abcd,')
        .replace('formula: d / a', 'formula: d / (b + c)')
        .replace(', rules: [{multiplyBy: A.I.2.a}]', '')
        .replace("{code: B.II, text: Opini, scale: opini, bukti: false}", "{code: B.II, text: Opini, scale: opini, bukti: true}")
        .replace('name: Indikator dua', 'name: Indikator kedua')
        .replace('{code: A.II.1.b, text: Persentase diketik', '{code: A.II.1.c, text: Persentase diketik')
        .replace('              - {code: A.I.1.a, text: Pertanyaan ya tidak, scale: ya-tidak}\n', '              - {code: A.I.1.a, text: Pertanyaan ya tidak, scale: ya-tidak}\n              - {code: A.I.1.d, text: Pertanyaan baru, scale: ya-tidak}\n'),
    );
    expect(c.map((x) => `${x.kind} ${'code' in x ? x.code : 'from' in x && x.kind === 'moved' ? `${x.from}>${x.to}` : ''}`)).toEqual([
      'bobot A.I.1',
      'added A.I.1.d',
      'scale A.I.1.b',
      'renamed A.I.2',
      'bobot A.I.2',
      'rules A.I.2.b',
      'formula A.II.1.a',
      'moved A.II.1.b>A.II.1.c',
      'bukti B.II',
    ]);
  });
});

describe('docs/rubric-format.md', () => {
  it('its complete small example is a rubric lke rubric check passes', () => {
    const doc = readFileSync(new URL('../docs/rubric-format.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## A complete small example'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const c = checkRubricText(yaml, 'example.yaml');
    expect(c.problems).toEqual([]);
    expect(c.rubric).toMatchObject({ id: 'opd-mini-2025' });
    expect(c.rubric!.questions.size).toBe(5);
  });
});
