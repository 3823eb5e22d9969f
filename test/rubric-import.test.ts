// lke rubric import on the real samples (../shared/domain/samples) and on lke's own templates: the derived
// rubric passes rubric check, scores the workbook it came from as the workbook's own formulas do (the sheet's
// defects named as TODOs and reported by the scorer), differs from the built-in of the same regulation only where
// the instruments truly differ, and survives the template round trip through LibreOffice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importRubric, type RubricImport } from '../src/import/rubric-import.js';
import { scoreFile } from '../src/engine/score-file.js';
import { checkRubricText } from '../src/rubric/check.js';
import { diffRubrics, type Change } from '../src/rubric/diff.js';
import type { Rubric } from '../src/rubric/model.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { parseRubricText } from '../src/rubric/load.js';
import { readWorkbookExcelJs } from '../src/workbook/exceljs-reader.js';
import { expectSheetEqualsLke, roundTrip, writeTemplate } from './helpers/round-trip.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { HAVE_SOFFICE } from './helpers/soffice.js';
import { tempDir } from './helpers/write-lke.js';

const dir = tempDir('lke-import-');
const builtins = await Promise.all(builtinRubricIds().map((id) => loadRubric(id)));
/** The questionnaires (a rubric of lines gets a table of values: test/template-lines.test.ts). */
const questionnaires = builtins.filter((r) => r.form === 'questionnaire');
const builtin = (id: string) => builtins.find((r) => r.id === id)!;

async function importFile(file: string, id: string): Promise<{ imp: RubricImport; rubric: Rubric; yamlFile: string }> {
  const wb = await readWorkbookExcelJs(readFileSync(file), file, { formulas: true });
  const imp = importRubric(wb, { id, file, builtins, lang: 'en' });
  const yamlFile = join(dir, `${id}.yaml`);
  writeFileSync(yamlFile, imp.yaml);
  const check = checkRubricText(imp.yaml, yamlFile);
  expect(check.problems.filter((p) => p.code !== 'todo-left').map((p) => `${p.code}@${p.line}`)).toEqual([]);
  expect(check.errors).toBe(0);
  return { imp, rubric: parseRubricText(imp.yaml, yamlFile), yamlFile };
}

const describeChange = (c: Change) => `${c.kind} ${'code' in c ? c.code : c.kind === 'moved' ? `${c.from}>${c.to}` : ''}${c.kind === 'bukti' && c.codes ? ` ×${c.codes.length}` : ''}`;

/** The nodes whose sheet Nilai lke does not reproduce, and the questions, by code. */
/** `strict`: every row of the sheet matched (an imported rubric fits its own sheet; a built-in may not). */
async function mismatches(sample: string, rubric: Rubric, strict = true): Promise<{ index: number; codes: string[] }> {
  const r = await scoreFile(sample, { rubric, candidates: [], blankPolicy: 'skip' });
  expect(r.error).toBeUndefined();
  const bad = r.findings.filter((f) => f.code === 'nilai-mismatch').map((f) => (f.args as { code: string }).code);
  if (strict) expect(r.findings.map((f) => f.code)).not.toContain('row-unmatched');
  expect(r.findings.map((f) => f.code)).not.toContain('question-absent');
  return { index: r.scored!.index, codes: bad };
}

describe.skipIf(!HAVE_SAMPLES)(`importing the real samples${SKIP_NOTE}`, () => {
  it('RB 14/2014 (BPS 2015): the hierarchy, weights, scales and the sheet rules, scored exactly as the sheet', async () => {
    const { imp, rubric } = await importFile(RB_SAMPLE, 'rb-2014-imported');
    expect(rubric.questions.size).toBe(151);
    expect(rubric.tree.map((n) => [n.code, n.bobot])).toEqual([['A', 60], ['B', 40]]);
    expect(rubric.nodes.get('A.II.1')).toMatchObject({ name: 'Harmonisasi', bobot: 2.5 }); // "Harmonisasi (2,5)" cleaned
    expect(rubric.questions.get('A.I.2.d')!.rules).toEqual([{ kind: 'zeroWhen', question: 'A.I.2.a', answers: ['Tidak'] }]);
    expect(rubric.questions.get('A.V.4.e')!.rules).toEqual([{ kind: 'multiplyBy', question: 'A.V.4.d' }]);
    expect(rubric.questions.get('A.VIII.4.c')!.rules).toEqual([{ kind: 'multiplyBy', question: 'A.VIII.4.a' }]);
    expect(rubric.questions.get('B.I.1')!.scale).toMatchObject({ type: 'number', range: [0, 100] });
    expect(rubric.questions.get('B.I.2')!.scale).toMatchObject({ type: 'number', range: [0, 5] });
    expect(rubric.questions.get('B.II.2')!.scale).toMatchObject({ type: 'choice', max: 3 });
    expect(imp.todos.map((t) => `${t.code} ${t.at ?? ''}`.trim())).toEqual([
      'bukti-column-absent',
      'formula-other-row A.I.2.a', // its formula reads row 10
      'rule-inert A.I.2.e', // tests A.I.2.b = "Tidak", which A.I.2.b cannot be
      'bobot-from-children A',
      'bobot-from-children B',
      'regulation-unknown',
      'predikat-copied',
    ]);
    const m = await mismatches(RB_SAMPLE, rubric);
    expect(m.codes).toEqual([]);
    expect(m.index).toBeCloseTo(71.406286, 6); // the sheet's own total
  });

  it('ZI 90/2021 (Tangerang Selatan): ratios from the Jumlah rows, hasil conversions; the LHKPN defect named, as the scorer names it', async () => {
    const { imp, rubric } = await importFile(ZI_SAMPLE, 'zi-2021-imported');
    expect(rubric.questions.size).toBe(113);
    expect(rubric.inputs.size).toBe(24);
    expect(rubric.questions.get('A.II.5.ii.a')).toMatchObject({ formula: { source: 'c / a' }, clamp: [null, 1] });
    expect(rubric.questions.get('A.II.3.iii.a')!.formula!.source).toBe('if(a = 0 and b = 0, 1, if((a - b) / a < 0, 0, (a - b) / a))');
    expect(rubric.inputs.get('A.II.5.iii.i.a(a)')!.check?.source).toBe('b + c + d'); // the sheet computes it
    expect(rubric.questions.get('B.I.a')!.scale).toMatchObject({ type: 'number', range: [0, 4] });
    expect(imp.todos.map((t) => `${t.code} ${t.at ?? ''}`.trim())).toEqual([
      'code-generated A.II.5.iii.ii', // the LHKASN block carries no number
      'scale-guessed A.I.1.i.a', // Pilihan Jawaban "Ya": the sheet's formula scores no answer
      'formula-defective A.II.5.iii', // AVERAGE(L176:L179)*H175 leaves LHKASN out
      'predikat-copied',
    ]);
    const m = await mismatches(ZI_SAMPLE, rubric);
    // the defect and the sums above it, and the question whose formula scores nothing: nothing else
    expect(m.codes.sort()).toEqual(['A', 'A.I.1.i.a', 'A.II', 'A.II.5', 'A.II.5.iii']);
    expect(m.index).toBeCloseTo(95.709524, 6); // = the built-in's reading of the sheet (README: sheet 95.576190)
  });

  it('rubric diff against the built-in lists only what truly differs', async () => {
    const rb = await importFile(RB_SAMPLE, 'rb-2014-imported');
    expect(diffRubrics(builtin('rb-2014'), rb.rubric).changes.map(describeChange)).toEqual([
      'renamed A', // PROSES (PENGUNGKIT) in the SQL dump, PROSES (60) in the sheet
      'bukti A.I.1.a ×146', // the sheet has no evidence column
      'renamed A.VII.4', // "Whistle-Bowling System" is the SQL dump's typo
    ]);
    const zi = await importFile(ZI_SAMPLE, 'zi-2021-imported');
    expect(diffRubrics(builtin('zi-2021'), zi.rubric).changes.map(describeChange)).toEqual([
      'added A.II.5.iii.i', // the sheet's LHKPN and LHKASN sub-blocks (README Doubts ZI 3)
      'moved A.II.5.iii.a>A.II.5.iii.i.a',
      'added A.II.5.iii.ii',
      'moved A.II.5.iii.b>A.II.5.iii.ii.a',
    ]);
  });
});

describe('importing the checked-in ZI fixture (a sheet whose LHKPN formula is the corrected one)', () => {
  it('passes rubric check, scores the fixture as the built-in does, and differs from zi-2021 by the sub-blocks only', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/lke-zi-2021-sample-opd.xlsx', import.meta.url));
    const { imp, rubric } = await importFile(fixture, 'zi-fixture');
    expect(imp.todos.map((t) => t.code)).toEqual(['code-generated', 'predikat-copied']);
    // the answers typed as people type them ("Y", "tdk", "a.") are read by lke, not by the sheet's formulas: the
    // same rows differ from the sheet whichever rubric reads them
    const mine = await mismatches(fixture, rubric);
    const theirs = await mismatches(fixture, builtin('zi-2021'), false);
    expect(mine.codes).toEqual(theirs.codes);
    expect(mine.index).toBeCloseTo(theirs.index, 9);
    expect(diffRubrics(builtin('zi-2021'), rubric).changes.map(describeChange)).toEqual([
      'added A.II.5.iii.i',
      'moved A.II.5.iii.a>A.II.5.iii.i.a',
      'added A.II.5.iii.ii',
      'moved A.II.5.iii.b>A.II.5.iii.ii.a',
    ]);
  });
});

describe("importing lke's own templates: one description of the layout, read back as written", () => {
  for (const id of questionnaires.map((r) => r.id)) {
    it(`${id}: template → import → the same rubric`, async () => {
      const file = join(dir, `self-${id}.xlsx`);
      await writeTemplate(builtin(id), file);
      const { imp, rubric } = await importFile(file, id);
      expect(imp.todos.map((t) => t.code)).toEqual(['predikat-copied']);
      // evidence is required or not by the rubric: a blank template cannot say so for a hasil choice (opini BPK)
      expect(diffRubrics(builtin(id), rubric).changes.map(describeChange)).toEqual(id === 'rb-2014' ? ['bukti B.II.2'] : []);
    });
  }
});

describe.skipIf(!HAVE_SOFFICE || !HAVE_SAMPLES)(`the template round trip for imported rubrics${HAVE_SOFFICE ? SKIP_NOTE : ' [SKIPPED: soffice is not installed]'}`, () => {
  it('both samples: the sheet computes what lke scores, node by node', async () => {
    const rb = (await importFile(RB_SAMPLE, 'rb-imported')).rubric;
    const zi = (await importFile(ZI_SAMPLE, 'zi-imported')).rubric;
    const runs = await roundTrip(dir, [
      { rubric: rb, seed: 3 },
      { rubric: zi, seed: 4 },
    ]);
    for (const { trip, saved } of runs) await expectSheetEqualsLke(trip, saved, builtins, trip.rubric);
  }, 300_000);
});
