import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { parseRubricText, RubricLoadError } from '../src/rubric/load.js';
import { MINI_YAML } from './helpers/mini-rubric.js';

const err = (text: string): string => {
  try {
    parseRubricText(text, 'r.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(RubricLoadError);
    return (e as Error).message;
  }
  throw new Error('expected the rubric to be rejected');
};

/** MINI_YAML with one line replaced; returns the line number (1-based) of the change. */
const edit = (from: string, to: string) => {
  expect(MINI_YAML.includes(from), from).toBe(true);
  const text = MINI_YAML.replace(from, to);
  const line = MINI_YAML.slice(0, MINI_YAML.indexOf(from)).split('\n').length;
  return { text, line };
};

describe('built-in rubrics', () => {
  it('are zi-2021, rb-2014 and the three groups of rb-2023', () => {
    expect(builtinRubricIds()).toEqual(['rb-2014', 'rb-2023-kabkota', 'rb-2023-kl', 'rb-2023-provinsi', 'zi-2021']);
  });
  it('zi-2021 is complete: 113 questions with 24 sub-inputs, 60 + 40', async () => {
    const r = await loadRubric('zi-2021');
    expect(r.questions.size).toBe(113);
    expect(r.inputs.size).toBe(24);
    expect(r.tree.map((n) => [n.code, n.bobot])).toEqual([['A', 60], ['B', 40]]);
    expect(r.nodes.get('A.I')!.children.map((a) => a.bobot)).toEqual([4, 3.5, 5, 5, 7.5, 5]);
    // no bands on the unconfirmed totals 75/85: WBK and WBBM are targets of per-node minima, marked with their source
    expect(r.predikat.bands).toEqual([]);
    expect(r.targets.map((t) => t.code)).toEqual(['WBK', 'WBBM']);
    for (const t of r.targets) {
      expect(t.source).toMatch(/BPS/);
      expect(t.uncertain).toBeTruthy();
      expect(t.minima.filter((m) => m.node.level === 'area').map((m) => m.percent)).toEqual(Array(12).fill(t.code === 'WBK' ? 0.6 : 0.75));
      expect(t.confirm.map((c) => c.code)).toEqual(expect.arrayContaining(['opini-bpk', 'predikat-sakip', 'indeks-rb', 'maturitas-spip', 'tindak-lanjut-temuan']));
    }
    expect(r.targets[0]!.minima.find((m) => m.node.code === 'B.I.a')!.nilai).toBe(15.75);
    expect(r.nodes.get('B.I.a')!.outcome).toBe(true);
    expect(r.nodes.get('A.I.1.i')!.outcome).toBe(false);
  });
  it('rb-2014 is complete: 146 pengungkit + 5 hasil questions, areas 5 5 6 5 15 6 12 6', async () => {
    const r = await loadRubric('rb-2014');
    expect(r.questions.size).toBe(151);
    expect(r.nodes.get('A')!.children.map((a) => a.bobot)).toEqual([5, 5, 6, 5, 15, 6, 12, 6]);
    expect(r.nodes.get('B')!.children.map((a) => a.bobot)).toEqual([20, 10, 10]);
    expect(r.predikat.bands.map((b) => b.code)).toEqual(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D']);
  });
});

describe('a broken rubric is one error naming file:line:col', () => {
  it('parses the mini rubric', () => {
    expect(parseRubricText(MINI_YAML, 'mini.yaml').questions.size).toBe(9);
  });
  it('invalid YAML', () => {
    expect(err('id: x\n  bad: [1,\n')).toMatch(/^r\.yaml:\d+:\d+: invalid YAML/);
  });
  it('unknown key', () => {
    const { text, line } = edit('        name: Area dua', '        name: Area dua\n        colour: red');
    expect(err(text)).toMatch(new RegExp(`^r\\.yaml:${line + 1}:\\d+: .*colour`));
  });
  it('wrong type and negative bobot', () => {
    const t1 = edit('            bobot: 20\n            questions:', '            bobot: dua puluh\n            questions:');
    expect(err(t1.text)).toMatch(new RegExp(`^r\\.yaml:${t1.line}:\\d+: .*bobot`));
    const t2 = edit('            bobot: 20\n            questions:', '            bobot: -20\n            questions:');
    expect(err(t2.text)).toMatch(new RegExp(`^r\\.yaml:${t2.line}:\\d+: .*bobot`));
  });
  it("children's bobot not summing to the parent names the node", () => {
    const { text, line } = edit('            bobot: 10\n            questions:\n              - {code: A.I.2.a', '            bobot: 11\n            questions:\n              - {code: A.I.2.a');
    // A.I (40) now has children 30 + 11
    const m = err(text);
    expect(m).toMatch(/node A\.I: bobot 40 but its children sum to 41/);
    expect(m).toMatch(/^r\.yaml:\d+:\d+:/);
    void line;
  });
  it('tolerates the 2-decimal rounding of published weights (4.99 for 5)', () => {
    const { text } = edit('            bobot: 10\n            questions:\n              - {code: A.I.2.a', '            bobot: 9.99\n            questions:\n              - {code: A.I.2.a');
    expect(() => parseRubricText(text, 'r.yaml')).not.toThrow();
  });
  it('duplicate codes, unknown scales, rules pointing forward, bad formulas', () => {
    expect(err(MINI_YAML.replace('{code: A.I.1.b,', '{code: A.I.1.a,'))).toMatch(/question code A\.I\.1\.a is used twice/);
    expect(err(MINI_YAML.replace('scale: abcde}', 'scale: abcdef}'))).toMatch(/unknown scale "abcdef"/);
    expect(err(MINI_YAML.replace('multiplyBy: A.I.2.a', 'multiplyBy: B.II'))).toMatch(/must name an earlier question/);
    expect(err(MINI_YAML.replace('formula: d / a', 'formula: d / x'))).toMatch(/unknown input "x"/);
    expect(err(MINI_YAML.replace('formula: d / a', 'formula: require("fs")'))).toMatch(/unexpected/);
    expect(err(MINI_YAML.replace("answers: [Tidak]", 'answers: [Mungkin]'))).toMatch(/has no answer "Mungkin"/);
  });
  it('targets: minima name existing nodes, give percent or nilai, and do not reuse a band code', () => {
    const withTarget = (t: string) => MINI_YAML.replace('tree:\n', `targets:\n  - {code: ${t}}\ntree:\n`);
    const ok = 'ZZ, source: a test, minima: [{nodes: [A.I, B.I], percent: 60}], confirm: [{code: c, text: Syarat, en: Condition}]';
    const r = parseRubricText(withTarget(ok), 'r.yaml');
    expect(r.targets[0]!.minima.map((m) => [m.node.code, m.nilai])).toEqual([['A.I', 24], ['B.I', 18]]);
    expect(err(withTarget(ok.replace('[A.I, B.I]', '[A.IX]')))).toMatch(/target ZZ: unknown node A\.IX/);
    expect(err(withTarget(ok.replace('percent: 60', 'percent: 60, nilai: 3')))).toMatch(/either percent or nilai/);
    expect(err(withTarget(ok.replace('ZZ,', 'BB,')))).toMatch(/target BB: the code is already a predikat band/);
  });
  it('refuses custom tags and alias bombs (billion laughs)', () => {
    expect(err(MINI_YAML.replace('title: Mini rubric', 'title: !!js/function "return 1"'))).toMatch(/^r\.yaml/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const t0 = Date.now();
    expect(err(bomb.join('\n'))).toMatch(/^r\.yaml/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
  it('files: not found, not UTF-8, too large', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lke-rubric-'));
    await expect(loadRubric(join(dir, 'none.yaml'))).rejects.toThrow(/not found/);
    const latin1 = join(dir, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    await expect(loadRubric(latin1)).rejects.toThrow(/not valid UTF-8/);
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    await expect(loadRubric(big)).rejects.toThrow(/larger than/);
  });
});
