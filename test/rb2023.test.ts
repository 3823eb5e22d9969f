// The Indeks RB from the 2023 evaluation (RB General + RB Tematik): the three built-in rubrics, the rule, tables of
// values read from .xlsx and .csv, the instansi group told from the indicator names, and a published evaluation
// checked line by line. The worked examples come from ../shared/domain/rb-2023 and are written as tables by
// scripts/make-rb2023-tables.mjs; the README there gives every number asserted here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import ajv2020 from 'ajv/dist/2020.js';
import { EXAMPLES, readExample, writeCsv, writeRb2023Tables, writeXlsx } from '../scripts/make-rb2023-tables.mjs';
import { loadRubric } from '../src/engine/rubrics.js';
import { score as scoreRun } from '../src/app/score.js';
import { renderJson } from '../src/present/report/json.js';
import { uncertainFacts, type ReportNode } from '../src/document/score-report.js';
import type { Rubric } from '../src/rubric/model.js';
import { fixed } from '../src/words/round.js';
import { exact, isTie, roundExact, toNumber } from '../src/score/exact.js';
import { readCsvWorkbook } from '../src/workbook/csv-reader.js';
import { DEFAULT_LIMITS } from '../src/workbook/limits.js';
import { isExcludedRemark } from '../src/layout/value-table.js';
import { tempDir } from './helpers/write-lke.js';
// @ts-expect-error: a plain .mjs script without types
import { addNumberStyle, load, save, setCells } from '../scripts/make-variants.mjs';

const DOMAIN = fileURLToPath(new URL('../../shared/domain/', import.meta.url));
const HAVE_DOMAIN = existsSync(join(DOMAIN, 'rb-2023', EXAMPLES[0]!.file));
const SKIP = HAVE_DOMAIN ? '' : ' [SKIPPED: ../shared/domain/rb-2023 is absent]';
const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const dir = tempDir('lke-rb2023-');

type Rows = ReturnType<typeof readExample>;

/** A file as the JSON report gives it (findings and answers with their A1 cell). */
interface JsonNode extends ReportNode {}
interface JsonFile {
  path?: { target: { code: string; above: number }; steps: { code: string; to: number | string; index: number }[]; reached: boolean };
  file: string;
  status: string;
  rubric: { id: string } | null;
  index: number | null;
  predikat: { code: string } | null;
  published?: { index: number; predikat: { code: string } | null };
  nodes: JsonNode[];
  findings: { code: string; severity: string; message: string; sheet: string | null; cell: string | null; question: string | null }[];
  error?: { code: string; message: string };
}

async function score(file: string, rubric?: string) {
  const run = await scoreRun([file], { version: 'test', lang: 'en', rubric, jobs: 1 });
  const report = JSON.parse(renderJson(run.report)) as { files: JsonFile[] };
  return { file: report.files[0]!, exitCode: run.exitCode };
}

const node = (f: JsonFile, code: string): JsonNode => f.nodes.find((n) => n.code === code)!;
const codes = (f: JsonFile, code: string) => f.findings.filter((x) => x.code === code);
let KABKOTA: Rubric;
beforeAll(async () => {
  KABKOTA = await loadRubric('rb-2023-kabkota');
});
const lke = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' }, timeout: 20000 });

describe('exact decimals: the instrument rounds half-up on the decimal value typed', () => {
  it('ties round up, whatever binary floating point makes of them', () => {
    expect((2.05 / 5 * 1.5).toFixed(2)).toBe('0.61'); // the trap: binary floating point rounds the tie down
    expect(toNumber(roundExact(exact(1.515), 2))).toBe(1.52);
    expect(toNumber(roundExact(exact(1.005), 2))).toBe(1.01);
    const p = roundExact({ n: exact(2.05).n * 3n, d: exact(2.05).d * 10n }, 2); // 2.05 / 5 × 1.5 = 0.615
    expect(toNumber(p)).toBe(0.62);
    expect(isTie(exact(0.615), 2)).toBe(true);
    expect(isTie(exact(0.6151), 2)).toBe(false);
    expect(toNumber(roundExact(exact(0.615), 2, 'half-down'))).toBe(0.61);
    expect(toNumber(roundExact(exact(-1.515), 2))).toBe(-1.52);
  });
});

describe('the built-in rubrics rb-2023-kabkota, -provinsi, -kl', () => {
  const groups = { kabkota: [41, 20], provinsi: [42, 20], kl: [39, 10] } as const;
  it.each(Object.entries(groups))('rb-2023-%s: its lines, RB General 100 without the koefisien, RB Tematik on top', async (group, [lines, tematik]) => {
    const r = await loadRubric(`rb-2023-${group}`);
    expect(r.form).toBe('lines');
    expect(r.roundIndicators).toBe(2);
    expect(r.questions.size).toBe(lines);
    const rbg = r.nodes.get('RBG')!;
    expect(rbg.adjustForExcluded).toBe(true);
    expect(rbg.children.filter((c) => !c.adjustment).reduce((s, c) => s + c.bobot, 0)).toBe(100);
    expect(r.nodes.get('RBG.K')!.adjustment).toBe(true);
    expect(r.nodes.get('RBT')!.onTop).toBe(true);
    expect(r.nodes.get('RBT')!.bobot).toBe(tematik);
  });
  it('keeps the official names, typos included, with the names people also use as aliases', async () => {
    const prov = await loadRubric('rb-2023-provinsi');
    expect(prov.nodes.get('RBG.B.H.5.A')!.name).toBe('Nilai Sitem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)');
    expect(prov.nodes.get('RBG.B.H.5.A')!.aliases).toContain('Nilai SAKIP');
    expect(prov.nodes.get('RBT.A.1.1.B')!.name).toBe('Realisasi Investasi (Rencana Aksi');
    const kl = await loadRubric('rb-2023-kl');
    expect(kl.nodes.get('RBG.A.1.2.A')!.name).toBe('TIngkat Implementasi Rencana Aksi RB General');
    expect(kl.nodes.get('RBG.B.H.9.A')!.aliases).toContain('Indeks Kinerja Pelaksanaan Anggaran');
    // the pengali lines, as data
    expect(kl.questions.get('RBG.C.H.2.B')!.rules).toEqual([{ kind: 'multiplyBy', question: 'RBG.B.H.5.A' }]);
    expect(prov.questions.get('RBT.A.1.2.C')!.rules).toEqual([{ kind: 'multiplyBy', question: 'RBT.A.1.1.C' }]);
  });
  it('Opini BPK: WTP the full bobot, WDP 3.33, TW and TMP marked uncertain and shown as such', () => {
    const r = KABKOTA;
    const scale = r.questions.get('RBG.C.H.3.A')!.scale;
    expect(scale.type).toBe('choice');
    if (scale.type !== 'choice') return;
    expect(scale.options.map((o) => [o.code, o.score ?? null, !!o.uncertain])).toEqual([
      ['WTP', 5, false],
      ['WDP', 3.33, false],
      ['TW', null, true],
      ['TMP', null, true],
    ]);
    expect(uncertainFacts(r).map((u) => u.code)).toEqual(['scale:opini-bpk', 'RBG.K.1.1.A']);
  });
  it('is generated from the domain CSVs by the checked-in script (--check)' + SKIP, () => {
    if (!HAVE_DOMAIN) return;
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/gen-rubrics-rb2023.mjs', import.meta.url)), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe.skipIf(!HAVE_DOMAIN)(`the worked examples of ../shared/domain/rb-2023${SKIP}`, () => {
  let tables: Record<string, { xlsx: string; csv: string; csvNoBom: string }>;
  beforeAll(async () => {
    tables = (await writeRb2023Tables(join(dir, 'examples'), DOMAIN)) as typeof tables;
  });
  const forms = ['xlsx', 'csv', 'csvNoBom'] as const;

  it.each(forms)('Kemenko Polhukam (%s): 74.30 BB by the rule over a denominator of 97, 74.27 as published, its three 0.01 lines named', async (form) => {
    const { file: f, exitCode } = await score(tables.polhukam![form]);
    expect(f.status).toBe('scored');
    expect(f.rubric!.id).toBe('rb-2023-kl');
    expect(exitCode).toBe(0);
    const rbg = node(f, 'RBG');
    expect(rbg.nilai).toBeCloseTo(68.2, 9);
    expect(rbg.denominator).toBe(97);
    expect(fixed(rbg.adjusted!)).toBe('70.31');
    expect(node(f, 'RBT').nilai).toBeCloseTo(3.99, 9);
    expect(fixed(f.index!)).toBe('74.30');
    expect(f.predikat!.code).toBe('BB');
    // published: 68.17 / 97 × 100 = 70.28, + 3.99
    expect(rbg.published).toBeCloseTo(68.17, 9);
    expect(fixed(rbg.publishedAdjusted!)).toBe('70.28');
    expect(fixed(f.published!.index)).toBe('74.27');
    expect(f.published!.predikat!.code).toBe('BB');
    const off = codes(f, 'published-mismatch');
    expect(off.map((x) => x.question)).toEqual(['RBG.B.H.14.A', 'RBG.B.S.2.A', 'RBG.C.H.2.B']);
    expect(off[0]!.message).toMatch(/published 0\.61, by the rule 0\.62 .*0\.615 was rounded down/);
    expect(off[1]!.message).toMatch(/published 1\.27, by the rule 1\.28 .*1\.275 was rounded down/);
    expect(off[2]!.message).toMatch(/published 5\.87, by the rule 5\.88 .*pengali RBG\.B\.H\.5\.A was taken unrounded/);
    // each names the published cell, in the Nilai/Poin column, on the line's row
    expect(off.every((x) => x.cell?.startsWith('D'))).toBe(true);
    expect(codes(f, 'line-excluded').map((x) => x.question)).toEqual(['RBG.B.H.12.A', 'RBG.B.S.2.B']);
    expect(node(f, 'RBG.B.H.12.A').excluded).toBe(true);
    // the empty Tematik lines count 0 and say so; the empty koefisien is the published norm
    expect(codes(f, 'line-empty').map((x) => x.question)).toEqual(['RBT.A.1.1.D', 'RBT.A.1.1.E', 'RBT.A.1.2.E']);
  });

  it.each(forms)('D.I. Yogyakarta (%s): 89.03 A by the rule with the stale line named, 88.15 as published', async (form) => {
    const { file: f } = await score(tables.diy![form]);
    expect(f.rubric!.id).toBe('rb-2023-provinsi');
    expect(node(f, 'RBG').denominator).toBe(100);
    expect(fixed(node(f, 'RBG').nilai)).toBe('76.23');
    expect(fixed(node(f, 'RBT').nilai)).toBe('12.80');
    expect(fixed(f.index!)).toBe('89.03');
    expect(f.predikat!.code).toBe('A');
    expect(fixed(f.published!.index)).toBe('88.15');
    expect(f.published!.predikat!.code).toBe('A');
    const off = codes(f, 'published-mismatch');
    expect(off.map((x) => x.question)).toEqual(['RBG.B.H.13.A']);
    expect(off[0]!.message).toMatch(/published 1\.33, by the rule 2\.21 \(difference 0\.88\).*bobot 1\.5 instead of the current 2\.5/);
    // "nilai nol" is an empty value, not an exclusion: it keeps its bobot
    expect(codes(f, 'line-empty').map((x) => x.question)).toEqual(['RBG.B.H.10.A']);
    expect(codes(f, 'line-excluded')).toEqual([]);
  });

  it('the levers: a pengali line gains more than its own points; the path to the next predikat is recomputed by the rule', async () => {
    const { file: k } = await score(tables.polhukam!.csv);
    const sakip = node(k, 'RBG.B.H.5.A');
    // SAKIP 73.38 → 100: its own 2.94 → 4, and Capaian IKU (× SAKIP / 4) 5.88 → 8; both × 100 / 97
    expect(sakip.gap).toBeCloseTo(1.06, 9);
    expect(sakip.gain).toBeCloseTo(((4 - 2.94) + (8 - 5.88)) * 100 / 97, 9);
    expect(sakip.gainPerStep).toBeGreaterThan(0);
    expect(sakip.step).toBe(1);
    expect(node(k, 'RBG.B.H.12.A').gain).toBeUndefined(); // excluded
    expect(node(k, 'RBG.K.1.1.A').gain).toBeUndefined(); // the koefisien
    expect(k.path).toEqual({ target: { code: 'A', above: 80 }, steps: [{ code: 'RBG.C.S.1.A', to: 100, index: 78.34 }, { code: 'RBG.C.H.1.A', to: 5, index: 82.03 }], reached: true });
    const { file: d } = await score(tables.diy!.csv);
    // IKU non makro 57.14 → 100: 4.21 → 8 × 3.68 / 4 = 7.36
    expect(d.path).toEqual({ target: { code: 'AA', above: 90 }, steps: [{ code: 'RBG.C.H.2.B', to: 100, index: 92.18 }], reached: true });
  });

  it('files[].index is lke\'s own, and the JSON report follows schema/report.schema.json', async () => {
    const run = await scoreRun([tables.polhukam!.csv, tables.diy!.xlsx], { version: 'test', lang: 'id', keep: 'all', jobs: 1 });
    const report = JSON.parse(renderJson(run.report)) as { files: JsonFile[] };
    type Ajv = typeof ajv2020.default;
    const Ajv2020: Ajv = (ajv2020 as unknown as { default?: Ajv }).default ?? (ajv2020 as unknown as Ajv);
    const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true }).compile(schema);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.files.map((f) => fixed(f.index!))).toEqual(['74.30', '89.03']);
    expect(report.files.map((f) => fixed(f.published!.index))).toEqual(['74.27', '88.15']);
  });

  it('the domain\'s own comma-separated files are read as they are (header code, indikator, skor, nilai_dipublikasikan)', async () => {
    const { file: f } = await score(join(DOMAIN, 'rb-2023', 'example-kl-kemenko-polhukam-2023.csv'));
    expect(fixed(f.index!)).toBe('74.30');
    expect(fixed(f.published!.index)).toBe('74.27');
  });

  it('a glob picks tables saved as CSV; a batch ranks them per group, the koefisien no area of its own', () => {
    const r = lke(['score', join(dir, 'examples', '*-nobom.csv'), '--jobs', '2', '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { files: JsonFile[]; summary: { areas: { code: string }[] } };
    expect(report.files.map((f) => [f.rubric!.id, fixed(f.index!), fixed(f.published!.index)])).toEqual([
      ['rb-2023-provinsi', '89.03', '88.15'],
      ['rb-2023-kl', '74.30', '74.27'],
    ]);
    expect(report.summary.areas.map((a) => a.code)).not.toContain('RBG.K');
  });

  it('the terminal table shows both totals, the denominator and the lines off the rule', () => {
    const r = lke(['score', tables.polhukam!.xlsx]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Index\s+74\.30\s+Predikat BB/);
    expect(r.stdout).toMatch(/RB General 68\.20 \/ 97\.00 × 100\.00 = 70\.31 {2}\+ {2}RB Tematik 3\.99/);
    expect(r.stdout).toMatch(/Published 74\.27\s+Predikat BB.*difference \+0\.03/);
    expect(r.stdout).toMatch(/RBG\.B\.H\.14\.A .*2\.05 .*0\.62 .*0\.61 !/);
  });
});

describe('the instansi group, told by the indicator names', () => {
  const namesOf = (r: Rubric) => [...r.questions.values()].map((q) => ({ code: '', indikator: q.parent.name, skor: '1', nilai: '', keterangan: '' }));

  it('each group\'s official names pick that group, without --rubric', async () => {
    for (const id of ['rb-2023-kabkota', 'rb-2023-provinsi', 'rb-2023-kl']) {
      const f = join(dir, `${id}-names.csv`);
      writeCsv(f, namesOf(await loadRubric(id)), { headers: ['Kode', 'Indikator', 'Skor', 'Nilai', 'Keterangan'] });
      const { file } = await score(f);
      expect(file.rubric?.id, id).toBe(id);
    }
  });

  it('names every group uses alike cannot tell kab/kota from provinsi: exit 2, asking for --rubric', async () => {
    const rows: Rows = ['Nilai SAKIP', 'Maturitas SPIP', 'Indeks Sistem Merit', 'Survei Penilaian Integritas', 'Survei Kepuasan Masyarakat'].map((indikator) => ({ code: '', indikator, skor: '80', nilai: '', keterangan: '' }));
    const f = join(dir, 'ambiguous.csv');
    writeCsv(f, rows);
    const { file, exitCode } = await score(f);
    expect(file.status).toBe('error');
    expect(file.error!.code).toBe('rubric-ambiguous');
    expect(exitCode).toBe(2);
    const r = lke(['score', f]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/fit rb-2023-kabkota, rb-2023-kl and rb-2023-provinsi equally.*--rubric rb-2023-kabkota\|rb-2023-kl\|rb-2023-provinsi/);
    // …and scores once asked
    const forced = await score(f, 'rb-2023-kabkota');
    expect(forced.file.status).toBe('scored');
  });

  it('a table naming its lines by code only is asked for (codes are the same in every group)', async () => {
    const rows: Rows = [...KABKOTA.questions.keys()].map((code) => ({ code, indikator: '', skor: '1', nilai: '', keterangan: '' }));
    const f = join(dir, 'codes-only.csv');
    writeCsv(f, rows);
    const r = lke(['score', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/code only.*--rubric/);
  });

  it('a questionnaire rubric given for a table is a usage error with one line', () => {
    const f = join(dir, 'codes-only.csv');
    const r = lke(['score', f, '--rubric', 'zi-2021']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/a table of values, but the rubric zi-2021 is a questionnaire.*rb-2023-kabkota/);
  });
});

describe('bad input in a table: findings with the cell, never a crash', () => {
  let base: Rows;
  beforeAll(() => {
    // a complete kab/kota table named officially: every line at half its range, the koefisien 0, the opinion WTP
    base = [...KABKOTA.questions.values()].map((q) => {
      const s = q.scale;
      const skor = s.type !== 'number' ? 'WTP' : String(s.range[0] < 0 ? 0 : s.range[1] / 2); // the CSV writes decimal commas
      return { code: q.code, indikator: q.parent.name, skor, nilai: '', keterangan: '' };
    });
  });
  const write = async (name: string, rows: Rows, form: 'csv' | 'xlsx' = 'csv') => {
    const f = join(dir, `${name}.${form}`);
    if (form === 'csv') writeCsv(f, rows, { headers: ['Kode', 'Indikator', 'Skor', 'Nilai', 'Keterangan'] });
    else await writeXlsx(f, rows, {});
    return f;
  };
  const edit = (code: string, change: Partial<Rows[number]>) => base.map((r) => (r.code === code ? { ...r, ...change } : r));
  /** The cell of a line's column: the CSV's header is row 1; the .xlsx has a title and an empty row above it. */
  const cellOf = (col: string, code: string, form: 'csv' | 'xlsx' = 'csv') => `${col}${base.findIndex((r) => r.code === code) + (form === 'csv' ? 2 : 4)}`;

  it('the complete table scores with no finding', async () => {
    const { file, exitCode } = await score(await write('complete', base));
    expect(file.rubric!.id).toBe('rb-2023-kabkota');
    expect(file.findings).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('a value out of its range (3.31 typed as 331 on 1-5): an error at the cell, the line counts 0', async () => {
    const { file, exitCode } = await score(await write('range', edit('RBG.B.H.3.A', { skor: '331' }), 'xlsx'));
    const [x] = codes(file, 'value-out-of-range');
    expect(x).toMatchObject({ severity: 'error', question: 'RBG.B.H.3.A', cell: cellOf('C', 'RBG.B.H.3.A', 'xlsx') });
    expect(x!.message).toMatch(/331 is outside the range 1–5/);
    expect(node(file, 'RBG.B.H.3.A').nilai).toBe(0);
    expect(exitCode).toBe(1);
  });

  it('text where a number belongs, and the opinion as words or numbers', async () => {
    const rows = edit('RBG.B.H.5.A', { skor: 'tujuh puluh' }).map((r) => (r.code === 'RBG.C.H.3.A' ? { ...r, skor: 'Wajar Dengan Pengecualian' } : r));
    const { file } = await score(await write('text', rows));
    expect(codes(file, 'value-invalid')).toMatchObject([{ question: 'RBG.B.H.5.A', cell: cellOf('C', 'RBG.B.H.5.A'), severity: 'error' }]);
    expect(node(file, 'RBG.B.H.5.A').nilai).toBe(0);
    expect(node(file, 'RBG.C.H.3.A').nilai).toBe(3.33);
    expect(node(file, 'RBG.C.H.3.A').value).toBe('WDP');
    // 1 on the line's 0-1 range is the full 5 points (one K/L record); TW's points are not known
    expect(node((await score(await write('opini-1', edit('RBG.C.H.3.A', { skor: '1' })))).file, 'RBG.C.H.3.A').nilai).toBe(5);
    const tw = (await score(await write('opini-tw', edit('RBG.C.H.3.A', { skor: 'TW' })))).file;
    expect(codes(tw, 'option-uncertain')).toMatchObject([{ question: 'RBG.C.H.3.A' }]);
    expect(node(tw, 'RBG.C.H.3.A').nilai).toBe(0);
  });

  it('a row naming no indicator, an unknown name and an indicator twice', async () => {
    const rows = [...base, { code: '', indikator: '', skor: '50', nilai: '', keterangan: '' }, { code: '', indikator: 'Indeks Kebahagiaan Pegawai', skor: '3', nilai: '', keterangan: '' }, { ...base[5]!, skor: '1' }];
    const { file, exitCode } = await score(await write('rows', rows));
    const n = base.length + 1; // the header is row 1
    expect(codes(file, 'line-unnamed')).toMatchObject([{ cell: `B${n + 1}` }]);
    expect(codes(file, 'row-unmatched')).toMatchObject([{ cell: `B${n + 2}` }]);
    expect(codes(file, 'line-duplicate')).toMatchObject([{ question: base[5]!.code, cell: `B${n + 3}`, severity: 'error' }]);
    // the first row counts
    expect(node(file, base[5]!.code).value).toBe(Number(base[5]!.skor));
    expect(exitCode).toBe(1);
  });

  it('an empty value counts 0, keeps its bobot in the denominator and says so; only an excluded line leaves it', async () => {
    const empty = (await score(await write('empty', edit('RBG.B.H.9.A', { skor: '' })))).file;
    expect(codes(empty, 'line-empty')).toMatchObject([{ question: 'RBG.B.H.9.A', cell: cellOf('C', 'RBG.B.H.9.A'), severity: 'warning' }]);
    expect(node(empty, 'RBG.B.H.9.A').nilai).toBe(0);
    expect(node(empty, 'RBG').denominator).toBe(100);
    for (const remark of ['dikecualikan', 'Tidak diperhitungkan', 'tidak berlaku', 'tidak menjadi pembagi']) {
      const f = (await score(await write('excluded', edit('RBG.B.H.9.A', { skor: '', keterangan: remark })))).file;
      expect(node(f, 'RBG').denominator, remark).toBe(97.5);
      expect(codes(f, 'line-empty'), remark).toEqual([]);
    }
    for (const remark of ['tidak dikecualikan', 'nilai nol']) {
      const f = (await score(await write('kept', edit('RBG.B.H.9.A', { skor: '', keterangan: remark })))).file;
      expect(node(f, 'RBG').denominator, remark).toBe(100);
    }
    // Tematik lines never change the denominator
    const t = (await score(await write('tematik', edit('RBT.B.1.1.A', { keterangan: 'dikecualikan' })))).file;
    expect(codes(t, 'line-exclusion-ignored')).toMatchObject([{ question: 'RBT.B.1.1.A' }]);
    expect(node(t, 'RBG').denominator).toBe(100);
  });

  it('a percentage typed on a 0–100 line is its number ("95,05%" is 95.05); elsewhere a percent sign is invalid', async () => {
    const rows = edit('RBG.C.H.2.A', { skor: '95,05%' }).map((r) => (r.code === 'RBG.B.H.3.A' ? { ...r, skor: '60%' } : r));
    const { file } = await score(await write('percent', rows));
    expect(node(file, 'RBG.C.H.2.A').value).toBe(95.05);
    expect(node(file, 'RBG.C.H.2.A').nilai).toBe(1.9); // 95.05 / 100 × 2 = 1.901
    expect(codes(file, 'value-invalid')).toMatchObject([{ question: 'RBG.B.H.3.A' }]);
  });

  it('a number the cell shows as a percentage (95,05% typed in Excel is 0.9505) is read the same way', async () => {
    const f = await write('percent-format', base, 'xlsx');
    const parts = load(f);
    const pct = addNumberStyle(parts, '0.00%');
    setCells(parts, 'Hasil Evaluasi', { [cellOf('C', 'RBG.C.H.2.A', 'xlsx')]: { number: 0.9505, style: pct }, [cellOf('C', 'RBG.B.H.3.A', 'xlsx')]: { number: 0.6, style: pct } });
    save(parts, f);
    const { file } = await score(f);
    expect(node(file, 'RBG.C.H.2.A').value).toBe(95.05);
    // 60% on a 1–5 line has no meaning (the .xlsx writer also leaves the opinion WTP as no number, another finding)
    expect(codes(file, 'value-invalid').map((x) => x.question)).toContain('RBG.B.H.3.A');
    expect(codes(file, 'value-invalid').find((x) => x.question === 'RBG.B.H.3.A')!.message).toContain('"60%"');
  });

  it('a value off the range of its line is left out, and the index says so (index-incomplete)', async () => {
    const s = KABKOTA.questions.get('RBG.C.H.2.A')!.scale as { range: [number, number] };
    const { file } = await score(await write('off-range', edit('RBG.C.H.2.A', { skor: String(s.range[1] * 10) })));
    expect(codes(file, 'value-out-of-range')).toMatchObject([{ question: 'RBG.C.H.2.A' }]);
    expect(codes(file, 'index-incomplete')).toMatchObject([{ severity: 'error', cell: cellOf('C', 'RBG.C.H.2.A') }]);
  });

  it('a line missing from the table counts 0 with a finding; a tie rounds half-up', async () => {
    const rows = base.filter((r) => r.code !== 'RBG.B.H.7.A').map((r) => (r.code === 'RBG.A.1.1.A' ? { ...r, skor: '1,515' } : r));
    const { file } = await score(await write('absent', rows));
    expect(codes(file, 'line-absent')).toMatchObject([{ question: 'RBG.B.H.7.A' }]);
    expect(node(file, 'RBG.A.1.1.A').nilai).toBe(1.52);
  });

  it('a table copied from the tree: numbered names, weights in brackets, heading and subtotal rows', async () => {
    const rows: Rows = [
      { code: '', indikator: 'A. Strategi Pelaksanaan RB General', skor: '', nilai: '', keterangan: '' },
      ...base.map((r, i) => ({ ...r, code: '', indikator: i === 0 ? `1. ${r.indikator} (3)` : r.indikator })),
      { code: '', indikator: 'Indeks Sistem Merit', skor: '', nilai: '3,4', keterangan: '' }, // a subtotal named like its line
      { code: '', indikator: 'Total', skor: '', nilai: '80', keterangan: '' },
    ];
    const { file } = await score(await write('copied', rows));
    expect(file.rubric!.id).toBe('rb-2023-kabkota');
    expect(file.findings.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(node(file, 'RBG.A.1.1.A').value).toBe(1.5);
  });

  it('isExcludedRemark reads the evaluator\'s words', () => {
    expect(['dikecualikan', 'Dikecualikan oleh evaluator', 'TIDAK BERLAKU', 'tidak menjadi pembagi'].map(isExcludedRemark)).toEqual([true, true, true, true]);
    expect(['', 'nilai nol', 'tidak dikecualikan', 'dikecualikanx'].map(isExcludedRemark)).toEqual([false, false, false, false]);
  });
});

describe('CSV as offices save it', () => {
  const read = (text: string | Buffer, name = 't.csv') => readCsvWorkbook(Buffer.isBuffer(text) ? text : Buffer.from(text), name, DEFAULT_LIMITS).sheets[0]!;
  const cell = (s: ReturnType<typeof read>, a1: string) => [...s.rows.values()].flatMap((r) => [...r.values()]).find((c) => c.address === a1)?.value;

  it('; separators with decimal commas, a BOM, CRLF, quoted fields with ; and line breaks inside', () => {
    const s = read('\ufeffKode;Indikator;Skor\r\nA;"Indeks; ""SPBE""\r\nbaru";3,01\r\n');
    expect(cell(s, 'A1')).toBe('Kode');
    expect(cell(s, 'B2')).toBe('Indeks; "SPBE"\r\nbaru');
    expect(cell(s, 'C2')).toBe('3,01');
  });
  it(', and tab separators, an Excel sep= line, Windows-1252 and UTF-16', () => {
    expect(cell(read('Kode,Skor\nA,"3,5"\n'), 'B2')).toBe('3,5');
    expect(cell(read('Kode\tSkor\nA\t7\n'), 'B2')).toBe('7');
    const hinted = read('sep=;\nKode;Skor\nA;1\n');
    expect(cell(hinted, 'B3')).toBe('1');
    expect(cell(read(Buffer.from([0x4b, 0x3b, 0x53, 0x0a, 0x41, 0x3b, 0xe9, 0x0a])), 'B2')).toBe('é');
    expect(cell(read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('K;S\nA;2\n', 'utf16le')])), 'B2')).toBe('2');
  });
  it('a binary file named .csv and an empty one are one clear error each, never a crash', () => {
    const bin = join(dir, 'binary.csv');
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const r = lke(['score', bin]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/binary\.csv: not a text table/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(lke(['score', empty]).stderr).toMatch(/empty\.csv: the file is empty/);
    const long = join(dir, 'long.csv');
    writeFileSync(long, `Kode;Skor\n${'A;1\n'.repeat(30)}`);
    const l = lke(['score', long, '--max-rows', '10']);
    expect(l.status).toBe(2);
    expect(l.stderr.trim().split('\n')).toHaveLength(1);
    expect(l.stderr).toMatch(/long\.csv: more than 10 rows \(raise it with --max-rows\)/);
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'Nama;Alamat\nBudi;Jl. Merdeka\n');
    const o = lke(['score', other]);
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/other\.csv: no LKE sheet found .* no table of values/);
  });
});
