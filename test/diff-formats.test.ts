// lke diff's use-case and presenters on real workbooks: the JSON against schema/diff.schema.json for each mode,
// folders paired and sorted with a bad file listed, and worksheet text that never becomes markup.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { diff, type DiffOptions } from '../src/app/diff.js';
import { ExitError } from '../src/app/errors.js';
import { a1 } from '../src/findings/position.js';
import type { DiffReport, FolderReport, PairReport } from '../src/document/diff-report.js';
import { renderDiffJson } from '../src/present/diff/json.js';
import { renderDiffMarkdown } from '../src/present/diff/markdown.js';
import { renderDiffHtml } from '../src/present/diff/html.js';
import { renderDiffXlsx } from '../src/present/diff/xlsx.js';
import { renderDiffTerminal } from '../src/present/diff/terminal.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE } from './helpers/shared.js';
import { mini, MINI_YAML } from './helpers/mini-rubric.js';
import { tempDir, writeLke } from './helpers/write-lke.js';

type Ajv2020Class = typeof ajv2020.default;
const Ajv2020: Ajv2020Class = (ajv2020 as unknown as { default?: Ajv2020Class }).default ?? (ajv2020 as unknown as Ajv2020Class);
const schema = JSON.parse(readFileSync(new URL('../schema/diff.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);

function expectValid(doc: DiffReport) {
  const data = JSON.parse(renderDiffJson(doc)) as unknown;
  const ok = validate(data);
  expect((validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  expect(ok).toBe(true);
}

const dir = tempDir('lke-diff-fmt-');
const rubric = mini();
const rubricFile = join(dir, 'lke-mini.yaml');
writeFileSync(rubricFile, MINI_YAML);
const opts = (lang: 'id' | 'en' = 'id'): DiffOptions => ({ rubric: rubricFile, lang, version: 'test' });
const BASE = { 'A.II.1.a(a)': 2, 'A.II.1.a(b)': 1, 'A.II.1.a(c)': 1, 'A.II.1.a(d)': 2 };
const HOSTILE = '<script>alert(1)</script> | **x** `y` & "z"';
const title = (opd: string, year: number) => [['LEMBAR KERJA EVALUASI'], ['UNIT KERJA :', '', '', opd], ['TAHUN :', '', '', year]];

/** Last year's and this year's folders: three OPDs, one renamed file, one new, one gone, one unreadable. */
async function folders() {
  const a = join(dir, 'last');
  const b = join(dir, 'this');
  mkdirSync(a, { recursive: true });
  mkdirSync(b, { recursive: true });
  await writeLke(join(a, 'dinkes-2023.xlsx'), rubric, { title: title('Dinas Kesehatan', 2023), answers: { ...BASE, 'A.I.1.b': 'C', 'B.I': 1 } });
  await writeLke(join(b, 'kesehatan.xlsx'), rubric, { title: title('DINAS  KESEHATAN', 2024), answers: { ...BASE, 'A.I.1.b': 'A', 'B.I': 3 } });
  await writeLke(join(a, 'bappeda-2023.xlsx'), rubric, { answers: BASE });
  await writeLke(join(b, 'bappeda_2024.xlsx'), rubric, { answers: { ...BASE, 'A.I.2.a': 'E' } });
  await writeLke(join(a, 'satpol-2023.xlsx'), rubric, { answers: BASE });
  for (const opd of ['dishub', 'arsip']) {
    await writeLke(join(a, `${opd}-2023.xlsx`), rubric, { answers: BASE });
    await writeLke(join(b, `${opd}-2024.xlsx`), rubric, { answers: BASE });
  }
  await writeLke(join(b, 'inspektorat-2024.xlsx'), rubric, { title: title(HOSTILE, 2024), answers: BASE });
  writeFileSync(join(b, 'rusak.xlsx'), 'not a workbook\n');
  return [a, b];
}

describe('two folders', () => {
  it('pairs OPDs by the sheet name, then by file name; sorts by delta; lists the unpaired and the unreadable', async () => {
    const [a, b] = await folders();
    const { report: doc, exitCode } = await diff([a!, b!], opts());
    expect(exitCode).toBe(1); // a worksheet could not be read
    expectValid(doc);
    const f = doc as FolderReport;
    expect(f.mode).toBe('folders');
    // largest gain first, equal deltas by name
    expect(f.opds.map((r) => [r.opd, r.by, r.changed])).toEqual([
      ['DINAS  KESEHATAN', 'opd', 2],
      ['arsip', 'file', 0],
      ['dishub', 'file', 0],
      ['bappeda', 'file', 1],
    ]);
    expect(f.opds[0]!.delta).toBeGreaterThan(0);
    expect(f.opds.map((r) => Math.sign(r.delta))).toEqual([1, 0, 0, -1]);
    expect(f.pairs[0]!.changes.map((c) => c.question)).toEqual(['A.I.1.b', 'B.I']);
    expect(f.unpaired).toEqual({ from: [join(a!, 'satpol-2023.xlsx')], to: [join(b!, 'inspektorat-2024.xlsx')] });
    expect(f.failed.map((x) => [x.file, x.error.code])).toEqual([[join(b!, 'rusak.xlsx'), 'not-a-workbook']]);
  });
});

describe('worksheet text never becomes markup', () => {
  it('in html and markdown, OPD names and notes are escaped', async () => {
    const a = join(dir, 'h-a.xlsx');
    const b = join(dir, 'h-b.xlsx');
    await writeLke(a, rubric, { title: title(HOSTILE, 2023), answers: { ...BASE, 'A.I.1.b': 'B' } });
    await writeLke(b, rubric, {
      title: title(HOSTILE, 2024),
      answers: { ...BASE, 'A.I.1.b': 'C' },
      tweak: (ws, rows) => {
        ws.getCell(rows.get('A')! - 1, 14).value = 'Catatan'; // on the header row
        ws.getCell(rows.get('A.I.1.b')!, 14).value = HOSTILE;
      },
    });
    const { report: doc, exitCode } = await diff([a, b], opts());
    expect(exitCode).toBe(0);
    expectValid(doc);
    const pair = doc as PairReport;
    expect(pair.changes).toMatchObject([{ question: 'A.I.1.b', from: 'B', to: 'C', note: HOSTILE }]);
    const html = renderDiffHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | **x** `y` &amp; &quot;z&quot;');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=|https?:/); // self-contained
    expect(html).toMatch(/<tr class="down">/); // the lower answer is highlighted as a loss
    const md = renderDiffMarkdown(doc);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| **x** `y` &amp; "z"');
  });
});

describe.skipIf(!HAVE_SAMPLES)(`the RB sample's two blocks in every format${SKIP_NOTE}`, () => {
  const all = { version: 'test' };
  it('json: 2014 then 2015, every field the schema names; terminal, markdown, html and xlsx agree on the numbers', async () => {
    const { report: doc } = await diff([RB_SAMPLE], { ...all, lang: 'en' });
    expectValid(doc);
    const p = doc as PairReport;
    expect(p.mode).toBe('blocks');
    expect([p.from.year, p.to.year, p.from.block?.column, p.to.block?.column]).toEqual([2014, 2015, 'V', 'J']);
    expect(p.changes.map((c) => (c.at ? a1(c.at.row, c.at.col) : null)).slice(0, 2)).toEqual(['J12', 'J20']);
    expect(p.changes.length).toBe(42);
    expect(renderDiffTerminal(doc, { color: false })).toContain('60.86 (B) → 71.41 (BB)   Change +10.55');
    expect(renderDiffMarkdown(doc)).toContain('**Change index: +10.55**');
    expect(renderDiffHtml(doc)).toContain('+10.55');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderDiffXlsx(doc)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Changes', 'Deltas']);
    expect(wb.getWorksheet('Changes')!.rowCount).toBe(43);
    expect(wb.getWorksheet('Summary')!.getCell('G3').value).toBeCloseTo(p.index.delta, 12);
  });
  it('Indonesian by default', async () => {
    const { report: doc } = await diff([RB_SAMPLE], { ...all, lang: 'id' });
    expect(renderDiffTerminal(doc, { color: false })).toContain('Jawaban yang berubah (42)');
  });
});

describe('two rubric versions', () => {
  it('the area-level comparison is valid JSON of the schema too', async () => {
    const { report: doc } = await diff(['fixtures/lke-zi-2021-sample-opd.xlsx', 'fixtures/lke-rb-2014-kalteng-2021.xlsx'], { version: 'test', lang: 'en' });
    expectValid(doc);
    const p = doc as PairReport;
    expect([p.level, p.changes.length, p.from.rubric.id, p.to.rubric.id]).toEqual(['area', 0, 'zi-2021', 'rb-2014']);
    expect(p.unmatched.length).toBeGreaterThan(0);
  });
});

describe('what cannot be compared is one clear line', () => {
  it('a workbook with one block, a file against a folder, three arguments', async () => {
    const one = join(dir, 'one.xlsx');
    await writeLke(one, rubric, { answers: BASE });
    await expect(diff([one], opts())).rejects.toThrow(/hanya memuat satu blok penilaian; berikan dua berkas/);
    await expect(diff([one, dir], opts('en'))).rejects.toThrow(ExitError);
    await expect(diff([one, one, one], opts('en'))).rejects.toThrow(/give one file/);
    await expect(diff([one, join(dir, 'missing.xlsx')], opts('en'))).rejects.toThrow(/missing\.xlsx/);
  });
});
