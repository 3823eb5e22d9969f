// No silently wrong score: the two real samples edited and saved the way offices and their scripts do
// (scripts/make-variants.mjs, into a temp dir at test time), each scored to the exact figure or refused with the
// cell. openpyxl is not installed here, so make-variants.mjs writes the XML openpyxl 3.x writes on save
// (`<f>…</f><v></v>` for every formula, inline strings, no calcChain); the tests below check that XML is there.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { VARIANTS, load, save, setCustomProperty, setKeywords, translateFormula, writeVariants } from '../scripts/make-variants.mjs';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { scoreFile, type FileResult } from '../src/engine/score-file.js';
import { fromFileName } from '../src/layout/metadata.js';
import { a1Of } from '../src/findings/position.js';
import { renderMessage } from '../src/words/findings.js';
import { roundHalfUp } from '../src/words/round.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { tempDir } from './helpers/write-lke.js';

const candidates = await Promise.all(builtinRubricIds().map(loadRubric));
const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const dir = tempDir('lke-variants-');
const at = (name: string) => join(dir, name);

/** The indices of the samples as lke reads them (test/samples.test.ts holds them to the sheets). */
const RB = 71.406286;
const ZI = 95.709524;

const score = (name: string, opts: { offScale?: 'skip' | 'clamp'; sheet?: string } = {}) => scoreFile(at(name), { candidates, blankPolicy: 'skip', ...opts });
const codes = (r: FileResult) => r.findings.map((f) => f.code);
const found = (r: FileResult, code: string) => r.findings.filter((f) => f.code === code).map((f) => `${a1Of(f)} ${f.question ?? ''}`.trim());
const errors = (r: FileResult) => r.findings.filter((f) => f.severity === 'error').map((f) => f.code);

function lke(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'id_ID.UTF-8' }, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A part of a written variant, as text. */
const part = (name: string, path: string) => strFromU8(unzipSync(readFileSync(at(name)))[path]!);

beforeAll(() => {
  if (HAVE_SAMPLES) writeVariants(dir);
}, 120000);

describe.skipIf(!HAVE_SAMPLES)(`1. a value off its scale is an error at its cell, never a number${SKIP_NOTE}`, () => {
  it('RB with IPAK (J204) = 331: not 644.86 AA; J204 is an error with "3,31?", the index leaves it out and says so', async () => {
    const r = await score('rb-ipak-331.xlsx');
    expect(r.scored!.index).toBeCloseTo(RB - 5.7925, 6); // B.II.1 (bobot 7) left out: 65.613786
    expect(r.scored!.index).toBeLessThanOrEqual(100);
    expect(r.scored!.questions.get('B.II.1')!.status).toBe('invalid');
    const f = r.findings.find((x) => x.code === 'answer-out-of-range')!;
    expect([a1Of(f), f.severity, f.question]).toEqual(['J204', 'error', 'B.II.1']);
    expect(f.args).toMatchObject({ answer: '331', range: '0–4', hint: '3.31' });
    expect(renderMessage(f, 'id')).toBe('B.II.1: nilai 331 di luar skala 0–4 (3,31?); tidak dihitung');
    expect(renderMessage(f, 'en')).toBe('B.II.1: value 331 is outside the scale 0–4 (3.31?); not scored');
    expect(found(r, 'index-incomplete')).toEqual(['J204']);
  });
  it('with --off-scale clamp it is scored at 4 and said so (72.61), still an error', async () => {
    const r = await score('rb-ipak-331.xlsx', { offScale: 'clamp' });
    expect(r.scored!.index).toBeCloseTo(RB - 5.7925 + 7, 6);
    const f = r.findings.find((x) => x.code === 'answer-out-of-range')!;
    expect(f.severity).toBe('error');
    expect(renderMessage(f, 'en')).toContain('scored as 4 (--off-scale clamp)');
  });
  it('RB with SAKIP (0-100) = 170: not 85.40 A; an error at J200 with "17?"', async () => {
    const r = await score('rb-sakip-170.xlsx');
    expect(r.scored!.index).toBeCloseTo(RB - 9.807, 6);
    expect(found(r, 'answer-out-of-range')).toEqual(['J200 B.I.1']);
    expect(r.findings.find((x) => x.code === 'answer-out-of-range')!.args).toMatchObject({ hint: '17' });
  });
  it('ZI with IPAK (0-4) = 35: not 231.33; an error at K202 with "3,5?"', async () => {
    const r = await score('zi-ipak-35.xlsx');
    expect(r.scored!.index).toBeCloseTo(ZI - 17.5, 6);
    expect(found(r, 'answer-out-of-range')).toEqual(['K202 B.I.a']);
    expect(r.findings.find((x) => x.code === 'answer-out-of-range')!.args).toMatchObject({ hint: '3.5' });
  });
  it('lke score exits 1 and lke check fails on it', () => {
    const s = lke(['score', at('rb-ipak-331.xlsx')]);
    expect(s.code).toBe(1);
    expect(s.stdout).toContain('(3,31?)');
    expect(s.stdout).toMatch(/Indeks\s+65,61 .*\n\s+! indeks tidak lengkap/);
    expect(s.stdout).not.toContain('644');
    const c = lke(['check', at('rb-ipak-331.xlsx')]);
    expect(c.code).toBe(1);
    // (lke check keeps error:/warning: for CI matchers; the message is in the user's language)
    expect(c.stdout).toContain("'LKE '!J204: error: B.II.1: nilai 331 di luar skala 0–4 (3,31?); tidak dihitung [answer-out-of-range]");
  });
  it('no variant gets an index above its rubric maximum', async () => {
    for (const name of Object.keys(VARIANTS) as string[]) {
      const r = await score(name);
      if (r.status === 'scored') expect(r.scored!.index, name).toBeLessThanOrEqual(100);
    }
  });
});

describe.skipIf(!HAVE_SAMPLES)(`2. a percentage typed for a 0-100 or 0-5 value${SKIP_NOTE}`, () => {
  it('SAKIP typed 70,05% (0.7005 with a percent format): read as 70.05, said, 71.41 BB (not 61.70 B)', async () => {
    const r = await score('rb-sakip-percent.xlsx');
    expect(part('rb-sakip-percent.xlsx', 'xl/styles.xml')).toMatch(/numFmtId="10"/);
    expect(r.scored!.index).toBeCloseTo(RB, 6);
    expect(r.scored!.predikat!.code).toBe('BB');
    expect(found(r, 'answer-percent-read')).toEqual(['J200 B.I.1']);
    expect(renderMessage(r.findings.find((f) => f.code === 'answer-percent-read')!, 'id')).toBe('B.I.1: 70,05% dibaca sebagai 70,05 pada skala 0–100');
    expect(errors(r)).toEqual([]);
  });
  it('SAKIP typed as the text "70,05%": the same', async () => {
    const r = await score('rb-sakip-percent-text.xlsx');
    expect(r.scored!.index).toBeCloseTo(RB, 6);
    expect(found(r, 'answer-percent-read')).toEqual(['J200 B.I.1']);
  });
  it('76% on the 0-5 internal survey: a unit that does not fit, an error, not scored', async () => {
    const r = await score('rb-survey-percent.xlsx');
    expect(found(r, 'answer-unit-mismatch')).toEqual(['J201 B.I.2']);
    expect(r.scored!.questions.get('B.I.2')!.status).toBe('invalid');
    expect(r.scored!.index).toBeCloseTo(RB - 4.56, 6);
    expect(codes(r)).toContain('index-incomplete');
  });
  it('a bare 0.7005 for SAKIP (0-100) is not scored as 0.7: an error with "70,05?"', async () => {
    const r = await score('rb-sakip-fraction.xlsx');
    const f = r.findings.find((x) => x.code === 'answer-unit-mismatch')!;
    expect([a1Of(f), f.severity]).toEqual(['J200', 'error']);
    expect(renderMessage(f, 'id')).toContain('(70,05?)');
    expect(roundHalfUp(r.scored!.index, 2)).not.toBe(61.7);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`3. formulas without cached values (openpyxl)${SKIP_NOTE}`, () => {
  it('the variants hold openpyxl XML: formulas with an empty <v>, or none; no calcChain', () => {
    const sheet = part('rb-openpyxl.xlsx', 'xl/worksheets/sheet1.xml');
    expect((sheet.match(/<\/f><v><\/v><\/c>/g) ?? []).length).toBeGreaterThan(190);
    expect(sheet).not.toMatch(/<\/f><v>[^<]/);
    expect(sheet).toContain('t="inlineStr"');
    expect(part('rb-openpyxl-no-v.xlsx', 'xl/worksheets/sheet1.xml')).toMatch(/<\/f><\/c>/);
    expect(unzipSync(readFileSync(at('rb-openpyxl.xlsx')))['xl/calcChain.xml']).toBeUndefined();
  });
  it('shared formulas are translated into each cell, as openpyxl does', () => {
    expect(translateFormula('IF(J46="Ya/Tidak",K46*$B$2,SUM(K46:K48))', 2, 1)).toBe('IF(K48="Ya/Tidak",L48*$B$2,SUM(L48:L50))');
    expect(part('zi-openpyxl.xlsx', 'xl/worksheets/sheet3.xml')).not.toContain('t="shared"');
  });
  it.each(['rb-openpyxl.xlsx', 'rb-openpyxl-no-v.xlsx'])('%s scores exactly as the original: 71.41 BB, no error', async (name) => {
    const r = await score(name);
    expect(r.scored!.index).toBeCloseTo(RB, 6);
    expect(r.scored!.predikat!.code).toBe('BB');
    expect(errors(r)).toEqual([]);
    expect(codes(r)).toContain('sheet-not-calculated');
  });
  it.each(['zi-openpyxl.xlsx', 'zi-openpyxl-no-v.xlsx'])('%s scores exactly as the original: 95.71, the LHKPN denominator K178 computed as b + c + d', async (name) => {
    const r = await score(name);
    expect(r.scored!.index).toBeCloseTo(ZI, 6);
    expect(found(r, 'input-computed')).toEqual(['K178 A.II.5.iii.a']);
    expect(r.findings.find((f) => f.code === 'input-computed')!.args).toMatchObject({ check: 'b + c + d', value: '15' });
    expect(errors(r)).toEqual([]);
  });
  it('answers written as ="A", ="Ya", =70+0.05 are worked out: 71.41 BB (not 61.43 B)', async () => {
    const r = await score('rb-formulas-openpyxl.xlsx');
    expect(r.scored!.index).toBeCloseTo(RB, 6);
    expect(found(r, 'formula-evaluated')).toEqual(['J10 A.I.1.a', 'J47 A.III.1.h', 'J200 B.I.1']);
    expect(codes(r)).not.toContain('answer-missing');
    expect(errors(r)).toEqual([]);
  });
  it('=IF(1=1,"B","A") is not worked out: formula-no-cache at J10 (an error with the formula), the index says so', async () => {
    const r = await score('rb-formula-if-openpyxl.xlsx');
    const f = r.findings.find((x) => x.code === 'formula-no-cache')!;
    expect([a1Of(f), f.severity]).toEqual(['J10', 'error']);
    expect(renderMessage(f, 'en')).toContain('=IF(1=1,"B","A")');
    expect(found(r, 'index-incomplete')).toEqual(['J10']);
    expect(r.scored!.questions.get('A.I.1.a')!.status).toBe('invalid');
  });
  it('lke score exits 0 on the openpyxl-saved RB sample and shows 71.41', () => {
    const s = lke(['score', at('rb-openpyxl.xlsx')]);
    expect(s.code).toBe(0);
    expect(s.stdout).toMatch(/71,41/); // numbers in the language's format
  });
});

describe.skipIf(!HAVE_SAMPLES)(`4. evidence does not depend on how its columns are headed${SKIP_NOTE}`, () => {
  it('the ZI sample (two unlabelled evidence columns), headed "Data Dukung" / "Link Bukti", with a "Keterangan Tambahan" column: the same 25 gaps', async () => {
    const original = await scoreFile(ZI_SAMPLE, { candidates, blankPolicy: 'skip' });
    const gaps = found(original, 'bukti-missing');
    expect(gaps).toHaveLength(25);
    for (const name of ['zi-bukti-headed.xlsx', 'zi-keterangan-tambahan.xlsx', 'zi-bukti-headed-keterangan.xlsx']) {
      const r = await score(name);
      expect(r.header!.columns.bukti, name).toEqual([16, 17]); // P (description) and Q (link)
      expect(found(r, 'bukti-missing'), name).toEqual(gaps);
    }
  });
  it('the finding points at the evidence cells, not the answer', async () => {
    const r = await score('zi-bukti-headed.xlsx');
    const f = r.findings.find((x) => x.code === 'bukti-missing')!;
    expect(a1Of(f)).toMatch(/^P\d+$/);
    expect(renderMessage(f, 'en')).toContain('(P, Q)');
  });
});

describe.skipIf(!HAVE_SAMPLES)(`7. the wrong sheet or the wrong rubric, never silently${SKIP_NOTE}`, () => {
  it('a second LKE sheet ("LKE ZI (2)", other answers) is named; --sheet scores it instead', async () => {
    const r = await score('zi-two-lke-sheets.xlsx');
    expect(r.header!.sheet.name).toBe('LKE ZI');
    expect(r.scored!.index).toBeCloseTo(ZI, 6);
    const f = r.findings.find((x) => x.code === 'sheet-other-lke')!;
    expect(f.args).toMatchObject({ scored: 'LKE ZI', other: 'LKE ZI (2)' });
    const copy = await score('zi-two-lke-sheets.xlsx', { sheet: 'LKE ZI (2)' });
    // K9 A → C (A.I.1.i: (1 + 0)/2 × 0.5, 0.25 less), K11 Ya → Tidak (A.I.1.ii: 2/3 × 1, 0.3333 less)
    expect(copy.scored!.index).toBeCloseTo(ZI - 0.25 - 1 / 3, 6);
    const none = await score('zi-two-lke-sheets.xlsx', { sheet: 'Nope' });
    expect(none.error).toMatchObject({ code: 'no-such-sheet', sheet: 'Nope' });
  });
  it.each(['rb-stamped-zi.xlsx', 'rb-custom-zi.xlsx'])('%s: a zi-2021 stamp on the RB sample is an error, not 42.71', async (name) => {
    const r = await score(name);
    expect(r.status).toBe('error');
    expect(r.error).toMatchObject({ code: 'rubric-stamp-refused', why: 'mismatch' });
    const s = lke(['score', at(name)]);
    expect(s.code).toBe(2);
    expect(s.stderr.trim().split('\n')).toHaveLength(1);
    expect(s.stderr).toContain('lke-rubric=zi-2021');
  });
  it.each(['rb-stamped-rb.xlsx', 'rb-custom-rb.xlsx'])('%s: a stamp that fits is followed (the custom property docs/rubric-format.md names, or Keywords)', async (name) => {
    const r = await score(name);
    expect(r.rubricChoice!.how).toBe('stamp');
    expect(r.scored!.index).toBeCloseTo(RB, 6);
  });
  it('two stamps that disagree, or a rubric lke does not have, are errors', async () => {
    const both = save(setKeywords(setCustomProperty(load(RB_SAMPLE), 'lke-rubric', 'rb-2014'), 'lke-rubric=zi-2021'), at('both.xlsx'));
    expect((await scoreFile(both, { candidates, blankPolicy: 'skip' })).error).toMatchObject({ code: 'rubric-stamp-refused', why: 'disagree' });
    const unknown = save(setCustomProperty(load(RB_SAMPLE), 'lke-rubric', 'rb-2099'), at('unknown.xlsx'));
    expect((await scoreFile(unknown, { candidates, blankPolicy: 'skip' })).error).toMatchObject({ code: 'rubric-stamp-refused', why: 'unknown' });
  });
});

describe.skipIf(!HAVE_SAMPLES)(`8. the OPD and year from the file name${SKIP_NOTE}`, () => {
  it('"LKE RB 2014 BPS Tahun 2015.xlsx" without a title block: BPS, 2015 (not "BPS Tahun", 2014), and said', async () => {
    const r = await score('LKE RB 2014 BPS Tahun 2015.xlsx');
    expect(r.meta).toMatchObject({ opd: 'BPS', year: 2015, sources: { opd: 'file name', year: 'file name' } });
    const f = r.findings.find((x) => x.code === 'metadata-from-file-name')!;
    expect(f.args).toEqual({ opd: 'BPS', year: 2015 });
    expect(renderMessage(f, 'id')).toBe('OPD "BPS" dan tahun 2015 diambil dari nama berkas; periksa, atau beri --opd/--year');
  });
  it('the year after Tahun/TA; never the year naming the regulation', () => {
    expect(fromFileName('lke-rb-2014-bps-2015')).toEqual({ opd: 'bps', year: 2015 });
    expect(fromFileName('LKE_ZI_Dinkes_TA_2023')).toEqual({ opd: 'Dinkes', year: 2023 });
    expect(fromFileName('LKE ZI 2021 Puskesmas Ciputat Th. 2022')).toEqual({ opd: 'Puskesmas Ciputat', year: 2022 });
    expect(fromFileName('Permen 14 Tahun 2014 Dinas Sosial')).toEqual({ opd: 'Dinas Sosial', year: undefined });
    expect(fromFileName('lke-zi-2021-tangsel')).toEqual({ opd: 'tangsel', year: undefined });
    expect(fromFileName('PMPRB 2019 Bappeda')).toEqual({ opd: 'Bappeda', year: 2019 });
  });
  it('a title block wins and nothing is said', async () => {
    const r = await scoreFile(RB_SAMPLE, { candidates, blankPolicy: 'skip' });
    expect(r.meta).toMatchObject({ opd: 'Badan Pusat Statistik', year: 2015 });
    expect(codes(r)).not.toContain('metadata-from-file-name');
  });
});

describe.skipIf(!HAVE_SAMPLES)(`5. a batch mixing instruments: summaries per rubric, the ranking names the file, duplicate OPDs${SKIP_NOTE}`, () => {
  const mixed = () => {
    const d = tempDir('lke-mixed-');
    // two RB worksheets that both kept "Badan Pusat Statistik" (2015), one at 65.61 (IPAK left out); two ZI ones
    save(load(RB_SAMPLE), join(d, 'rb-a.xlsx'));
    writeVariants(d, ['rb-ipak-331.xlsx', 'zi-openpyxl.xlsx', 'zi-ipak-35.xlsx']);
    return d;
  };
  it('lke score DIR: mean, median, lowest, highest per rubric, never over both; the files named; the duplicate said', () => {
    const d = mixed();
    const json = JSON.parse(lke(['score', d, '--format', 'json', '--jobs', '1']).stdout);
    const s = json.summary;
    expect(s.index).toBeNull();
    expect(s.predikat).toEqual({});
    const per = Object.fromEntries(s.rubrics.map((r: { rubric: { id: string }; index: unknown; scored: number }) => [r.rubric.id, { ...(r.index as object), scored: r.scored }]));
    expect(per['rb-2014'].scored).toBe(2);
    expect(per['rb-2014'].min).toBeCloseTo(RB - 5.7925, 6);
    expect(per['rb-2014'].max).toBeCloseTo(RB, 6);
    expect(per['rb-2014'].mean).toBeCloseTo(RB - 5.7925 / 2, 6);
    expect(per['zi-2021'].min).toBeCloseTo(ZI - 17.5, 6);
    expect(per['zi-2021'].max).toBeCloseTo(ZI, 6);
    expect(s.duplicateOpds).toEqual([{ rubric: 'rb-2014', opd: 'Badan Pusat Statistik', year: 2015, files: [join(d, 'rb-a.xlsx'), join(d, 'rb-ipak-331.xlsx')] }]);
    const table = lke(['score', d, '--jobs', '1']).stdout;
    expect(table).toMatch(/│ Badan Pusat Statistik │ …?\S*rb-a\.xlsx\s+│\s+71,41 │/);
    expect(table).toMatch(/│ Badan Pusat Statistik │ …?\S*rb-ipak-331\.xlsx\s+│\s+65,61 │/);
    expect(table).toMatch(/Rata-rata 68,51 · Median 68,51 · Terendah 65,61 · Tertinggi 71,41/);
    expect(table).toContain('OPD "Badan Pusat Statistik" disebut oleh 2 berkas');
  });
  it('lke check DIR: opd-duplicate on each of the two files', () => {
    const d = mixed();
    const r = JSON.parse(lke(['check', d, '--format', 'json', '--no-config']).stdout);
    const dup = r.files.filter((f: { findings: { code: string }[] }) => f.findings.some((x) => x.code === 'opd-duplicate')).map((f: { file: string }) => f.file);
    expect(dup).toEqual([join(d, 'rb-a.xlsx'), join(d, 'rb-ipak-331.xlsx')]);
  });
});

describe.skipIf(!HAVE_SAMPLES)(`6. a predikat gate on a mixed folder${SKIP_NOTE}`, () => {
  const mixed = () => {
    const d = tempDir('lke-gate-');
    save(load(RB_SAMPLE), join(d, 'rb.xlsx')); // 71.41 BB
    // the ZI sample with every LHKPN filed meets the WBK minima; with IPAK off its scale it misses them
    writeVariants(d, ['zi-lhkpn-full.xlsx', 'zi-ipak-35.xlsx']);
    return d;
  };
  const gate = async (d: string, ...args: string[]) => {
    const r = lke(['check', d, '--format', 'json', '--fail-on', 'never', ...args]);
    return { code: r.code, check: JSON.parse(r.stdout).check, text: lke(['check', d, '--fail-on', 'never', ...args]).stdout };
  };
  it('--fail-under B applies to the RB worksheets only and says once that it does not apply to ZI (not exit 2)', async () => {
    const d = mixed();
    const r = await gate(d, '--no-config', '--fail-under', 'B');
    expect(r.code).toBe(0);
    expect(r.check).toMatchObject({ failUnderBy: { 'rb-2014': 'B' }, failUnderNotApplied: [{ rubric: 'zi-2021', files: 2 }], below: [] });
    expect(r.text.match(/--fail-under B tidak berlaku untuk zi-2021 \(2 lembar kerja\)/g)).toHaveLength(1);
  });
  it('--fail-under WBK holds the ZI worksheets to the WBK minima (a target of the rubric), says once it does not apply to RB', async () => {
    const d = mixed();
    const r = await gate(d, '--no-config', '--fail-under', 'WBK');
    expect(r.code).toBe(1);
    expect(r.check).toMatchObject({ failUnderBy: { 'zi-2021': 'WBK' }, failUnderNotApplied: [{ rubric: 'rb-2014', files: 1 }], below: [join(d, 'zi-ipak-35.xlsx')] });
  });
  it('per rubric in lke.config.yaml (failUnder: { rb-2014: A, zi-2021: WBK }) and on the command line', async () => {
    const d = mixed();
    writeFileSync(join(d, 'lke.config.yaml'), 'failUnder:\n  rb-2014: A\n  zi-2021: WBK\n');
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--fail-on', 'never'], { cwd: d, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    const check = JSON.parse(r.stdout).check;
    expect(check).toMatchObject({ failUnder: 'rb-2014: A, zi-2021: WBK', failUnderBy: { 'rb-2014': 'A', 'zi-2021': 'WBK' }, failUnderNotApplied: [], below: ['rb.xlsx', 'zi-ipak-35.xlsx'] });
    const flag = await gate(d, '--no-config', '--fail-under', 'rb-2014=BB,zi-2021=WBK');
    expect(flag.check.below).toEqual([join(d, 'zi-ipak-35.xlsx')]);
  });
  it('a predikat that no rubric of the run has stays a usage error (exit 2)', () => {
    const d = mixed();
    const r = lke(['check', d, '--no-config', '--fail-under', 'AAA']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--fail-under AAA/);
  });
});
