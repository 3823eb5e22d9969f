// The two real, filled official worksheets, read as offices send them, checked node by node against the
// sheets' own Nilai column.
import { describe, expect, it } from 'vitest';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { scoreFile, type FileResult } from '../src/engine/score-file.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { a1Of } from '../src/findings/position.js';

const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
const run = (file: string) => scoreFile(file, { candidates, blankPolicy: 'skip' });

/** Codes whose sheet Nilai differs from lke's by more than 0.005, checked here directly (not via findings). */
function nodeDifferences(r: FileResult): string[] {
  const diffs: string[] = [];
  let compared = 0;
  for (const n of r.scored!.nodes) {
    const v = r.answers!.nodes.get(n.code)?.nilai?.value;
    if (typeof v !== 'number') continue;
    compared++;
    if (Math.abs(v - n.nilai) > 0.005) diffs.push(n.code);
  }
  expect(compared).toBeGreaterThan(30);
  return diffs;
}

describe.skipIf(!HAVE_SAMPLES)(`real sample: LKE RB 14/2014, BPS 2015${SKIP_NOTE}`, () => {
  it('scores 71.41 (BB), exactly the sheet total 71.406286, detecting rb-2014', async () => {
    const r = await run(RB_SAMPLE);
    expect(r.status).toBe('scored');
    expect(r.rubric!.id).toBe('rb-2014');
    // the title names rb-2014 alone: detection matched the sheet against it only
    expect(Object.keys(r.rubricChoice!.coverage)).toEqual(['rb-2014']);
    expect(r.scored!.index).toBeCloseTo(71.406286, 6);
    expect(r.scored!.byCode.get('A')!.nilai).toBeCloseTo(40.454286, 6);
    expect(r.scored!.byCode.get('B')!.nilai).toBeCloseTo(30.952, 9);
    expect(r.scored!.predikat!.code).toBe('BB');
    expect(r.meta).toMatchObject({ opd: 'Badan Pusat Statistik', year: 2015 });
  });
  it('matches every question and agrees with the sheet on every node', async () => {
    const r = await run(RB_SAMPLE);
    expect(r.answers!.questions.size).toBe(151);
    expect(r.answers!.nodes.size).toBe((await loadRubric('rb-2014')).nodes.size);
    expect(nodeDifferences(r)).toEqual([]);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${a1Of(f)}`)).toEqual([]);
  });
  it('reads the 2015 block and reports the 2014 block beside it as ignored', async () => {
    const r = await run(RB_SAMPLE);
    expect(r.header!.columns.jawaban).toBe(10); // J
    expect(r.findings.map((f) => f.code)).toEqual(['bukti-column-absent', 'block-ignored']);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`real sample: LKE ZI 90/2021, Kota Tangerang Selatan${SKIP_NOTE}`, () => {
  it('scores 95.709524: the sheet (95.576190) except its LHKPN formula defect', async () => {
    const r = await run(ZI_SAMPLE);
    expect(r.status).toBe('scored');
    expect(r.rubric!.id).toBe('zi-2021');
    // the title cites the ministry ("… Reformasi Birokrasi Nomor 90 Tahun 2021"): matched against zi-2021 only
    expect(Object.keys(r.rubricChoice!.coverage)).toEqual(['zi-2021']);
    expect(r.scored!.index).toBeCloseTo(95.709524, 6);
    expect(r.scored!.byCode.get('A.I')!.nilai).toBeCloseTo(30, 9);
    expect(r.scored!.byCode.get('A.II')!.nilai).toBeCloseTo(25.709524, 6);
    expect(r.scored!.byCode.get('B')!.nilai).toBeCloseTo(40, 9);
    // ZI has no category of the index: no WBK/WBBM verdict on a total (the gap report checks the minima)
    expect(r.scored!.predikat).toBeUndefined();
  });
  it('agrees with the sheet on every node but the LHKPN indicator and its ancestors', async () => {
    const r = await run(ZI_SAMPLE);
    expect(r.answers!.questions.size).toBe(113);
    expect(nodeDifferences(r)).toEqual(['A', 'A.II', 'A.II.5', 'A.II.5.iii']);
    const nilai = r.findings.filter((f) => f.code === 'nilai-mismatch').map((f) => a1Of(f));
    expect(nilai).toEqual(['L4', 'L8', 'L125', 'L167', 'L175']);
  });
  it('reports the sheet defects instead of copying them', async () => {
    const r = await run(ZI_SAMPLE);
    const at = (code: string) => r.findings.filter((f) => f.code === code).map((f) => `${a1Of(f)} ${f.question ?? ''}`.trim());
    expect(at('pilihan-mismatch')).toEqual(['J8 A.I.1.i.a']); // "Ya" instead of "Ya/Tidak"
    expect(at('input-check')).toEqual(['K185 A.II.5.iii.b']); // LHKASN: 12 typed, b + c + d = 13
    // the LHKPN / LHKASN sub-block headings are not rubric nodes
    expect(at('row-unmatched')).toEqual(['F176', 'F183']);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => f.code).every((c) => c === 'nilai-mismatch')).toBe(true);
  });
  it('reads evidence from the unlabelled link columns', async () => {
    const r = await run(ZI_SAMPLE);
    expect(r.header!.inferred).toContain('bukti');
    expect(r.answers!.questions.get('A.I.1.i.a')!.bukti).toBe(true);
    expect(r.answers!.questions.get('A.II.1.i.a')!.bukti).toBe(false);
  });
});
