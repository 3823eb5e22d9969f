// lke template for a rubric of lines (the Indeks RB 2023): a table of values that lke score reads without --rubric,
// whose own formulas compute what lke computes once LibreOffice has opened it. The two worked examples of
// ../shared/domain/rb-2023 are typed into the templates by a script and must score as the domain README says.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreFile, type FileResult } from '../src/engine/score-file.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { labelRole, TABLE_LABELS } from '../src/layout/value-table.js';
import type { Rubric } from '../src/rubric/model.js';
import { toNumber } from '../src/score/exact.js';
import { linesTemplatePlan, type LinesLayout } from '../src/template/lines.js';
import { address, cellAt } from '../src/workbook/grid.js';
import { readWorkbook } from '../src/workbook/read.js';
import { fillXlsx, type Typed } from './helpers/fill-xlsx.js';
import { run } from './helpers/run.js';
import { HAVE_SOFFICE, sofficeConvert } from './helpers/soffice.js';
import { tempDir } from './helpers/write-lke.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const DOMAIN = fileURLToPath(new URL('../../shared/domain/rb-2023/', import.meta.url));
const HAVE_DOMAIN = existsSync(DOMAIN);
const dir = tempDir('lke-template-lines-');
const builtins = await Promise.all(builtinRubricIds().map((id) => loadRubric(id)));
const byId = (id: string) => builtins.find((r) => r.id === id)!;
const GROUPS = ['rb-2023-kabkota', 'rb-2023-provinsi', 'rb-2023-kl'];

const lke = (args: string[]) => run(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, LKE_LANG: 'en', NO_COLOR: '1' } });

/** `lke template` through the CLI; the layout of the same plan, to address the cells. */
async function template(id: string, file: string): Promise<LinesLayout> {
  const r = await lke(['template', '--rubric', id, '-o', file, '--opd', 'Instansi Uji', '--year', '2023']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return linesTemplatePlan(byId(id), { opd: 'Instansi Uji', year: 2023 }).layout;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first: this test runs dist/cli/bin.cjs');
});

describe('the blank template of a rubric of lines', () => {
  it('writes the column labels the value-table reader reads (the computed columns are not read)', () => {
    for (const [role, label] of Object.entries(TABLE_LABELS)) expect(labelRole(label)).toBe(role);
    for (const lang of ['id', 'en'] as const) {
      const { plan, layout } = linesTemplatePlan(byId('rb-2023-kl'), { lang });
      const head = plan.sheets[1]!.cells.get(layout.headerRow)!;
      expect(labelRole(String(head.get(layout.columns.nilai)!.value))).toBeUndefined();
      expect(labelRole(String(head.get(layout.columns.dikecualikan)!.value))).toBeUndefined();
    }
  });

  for (const id of GROUPS) {
    it(`${id}: read back without --rubric by its stamp, every line at its row; unfilled it scores 0 with a finding per empty line`, async () => {
      const file = join(dir, `${id}-blank.xlsx`);
      const layout = await template(id, file);
      const rubric = byId(id);
      const r = await scoreFile(file, { candidates: builtins, blankPolicy: 'zero' });
      expect(r.error).toBeUndefined();
      expect(r.rubricChoice).toMatchObject({ how: 'stamp' });
      expect(r.rubric!.id).toBe(id);
      expect(r.meta).toMatchObject({ opd: 'Instansi Uji', year: 2023 });
      const lines = [...rubric.questions.keys()];
      for (const code of lines) expect(r.answers!.questions.get(code)?.where.row, code).toBe(layout.rows.get(code));
      expect(r.scored!.index).toBe(0);
      const codes = new Set(r.findings.map((f) => f.code));
      expect([...codes].filter((c) => !['line-empty', 'rubric-uncertain', 'option-uncertain'].includes(c))).toEqual([]);
      // every line but the koefisien (an adjustment, empty by norm) is named as empty
      const empty = r.findings.filter((f) => f.code === 'line-empty').map((f) => f.question);
      expect(empty.length).toBeGreaterThan(lines.length - 3);
      expect(r.findings.find((f) => f.code === 'line-empty')).toMatchObject({ sheet: 'LKE', col: layout.columns.skor });
      // scored with another group's rubric, the table says which one it was made from
      const other = GROUPS.find((g) => g !== id)!;
      const o = await scoreFile(file, { rubric: byId(other), candidates: builtins, blankPolicy: 'zero' });
      expect(o.findings.filter((f) => f.code === 'rubric-stamp-mismatch')).toHaveLength(1);
    });
  }

  it('leaves only Skor and Keterangan (and the title fields) editable, with a dropdown for Opini BPK and ranges for the numbers', async () => {
    const file = join(dir, 'rb-2023-provinsi-xml.xlsx');
    const layout = await template('rb-2023-provinsi', file);
    const xml = strFromU8(unzipSync(readFileSync(file))['xl/worksheets/sheet2.xml']!);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).toMatch(new RegExp(`<pane ySplit="${layout.headerRow}"[^>]*state="frozen"`));
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"/);
    const opini = address(layout.rows.get('RBG.C.H.3.A')!, layout.columns.skor);
    expect(xml).toMatch(new RegExp(`type="list"[^>]*sqref="${opini}"[^>]*><formula1>&quot;WTP,WDP,TW,TMP&quot;</formula1>`));
    const { plan } = linesTemplatePlan(byId('rb-2023-provinsi'));
    const sheet = plan.sheets[1]!;
    const unlocked = [...sheet.cells].flatMap(([row, cells]) => [...cells].filter(([, c]) => c.unlocked).map(([col]) => ({ row, col })));
    for (const { row, col } of unlocked) expect(row <= layout.headerRow || col === layout.columns.skor || col === layout.columns.keterangan, `${address(row, col)}`).toBe(true);
    const lines = [...byId('rb-2023-provinsi').questions.keys()];
    expect(unlocked.filter((u) => u.col === layout.columns.skor)).toHaveLength(lines.length);
    const spipCode = [...byId('rb-2023-provinsi').nodes.values()].find((n) => n.level === 'indicator' && n.aliases.includes('Maturitas SPIP'))!.code;
    const spip = layout.rows.get(spipCode)!;
    const scale = byId('rb-2023-provinsi').questions.get(spipCode)!.scale;
    if (scale.type !== 'number') throw new Error('SPIP is a number');
    expect(sheet.cells.get(spip)!.get(layout.columns.skor)!.validation).toMatchObject({ type: 'decimal', min: scale.range[0], max: scale.range[1] });
    expect(sheet.cells.get(spip)!.get(layout.columns.keterangan)!.validation).toMatchObject({ type: 'list', free: true });
  });
});

/** The worked example's rows: code → skor and keterangan (the published points are not typed into the template). */
function example(name: string): { code: string; skor: string; keterangan: string }[] {
  const [head, ...rows] = readFileSync(join(DOMAIN, name), 'utf8').trim().split(/\r?\n/);
  const cols = head!.split(',');
  return rows.map((line) => {
    const v = line.split(',');
    const at = (c: string) => (v[cols.indexOf(c)] ?? '').trim();
    return { code: at('code'), skor: at('skor'), keterangan: at('keterangan') };
  });
}

function fill(rubric: Rubric, layout: LinesLayout, rows: ReturnType<typeof example>): Map<string, Typed> {
  const out = new Map<string, Typed>();
  for (const row of rows) {
    const r = layout.rows.get(row.code);
    if (r === undefined) throw new Error(`${row.code} is not in the template`);
    const scale = rubric.questions.get(row.code)!.scale;
    // Opini BPK is picked from its dropdown: the records hold the option's value (5 = WTP)
    if (row.skor !== '') out.set(address(r, layout.columns.skor), scale.type === 'choice' ? (row.skor === '5' ? 'WTP' : row.skor) : Number(row.skor));
    if (row.keterangan !== '') out.set(address(r, layout.columns.keterangan), row.keterangan);
  }
  return out;
}

const num = (v: unknown) => {
  if (typeof v !== 'number') throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
};

/** The saved sheet's Nilai Hitung equals lke's points line by line, its subtotals, adjusted total and index lke's. */
async function expectSheetEqualsLke(saved: string, layout: LinesLayout, r: FileResult): Promise<void> {
  const wb = await readWorkbook(saved);
  const sheet = wb.sheets.find((s) => s.name === layout.sheet)!;
  const at = (row: number) => num(cellAt(sheet, row, layout.columns.nilai)?.value);
  const s = r.scored!;
  for (const [code, line] of s.lines!) expect(Math.abs(at(layout.rows.get(code)!) - toNumber(line.points)), code).toBeLessThan(0.005);
  for (const n of s.nodes) {
    const row = layout.rows.get(n.code);
    if (row !== undefined) expect(Math.abs(at(row) - n.nilai), n.code).toBeLessThan(0.005);
    const adj = layout.adjusted.get(n.code);
    if (adj) {
      expect(at(adj.denominator)).toBe(n.denominator);
      expect(Math.abs(at(adj.nilai) - n.adjusted!), `${n.code} adjusted`).toBeLessThan(0.005);
    }
  }
  expect(Math.abs(at(layout.indexRow) - s.index)).toBeLessThan(0.005);
  expect(cellAt(sheet, layout.predikatRow, layout.columns.nilai)?.value).toBe(s.predikat?.code);
}

describe.skipIf(!HAVE_SOFFICE || !HAVE_DOMAIN)(
  `the worked examples typed into the templates, through LibreOffice${HAVE_SOFFICE && HAVE_DOMAIN ? '' : ' [SKIPPED: soffice or ../shared/domain/rb-2023 is absent]'}`,
  () => {
    it('Kemenko Polhukam (K/L, two lines excluded) 74.30 BB and D.I. Yogyakarta (provinsi) 89.03 A, the sheet computing the same', async () => {
      const cases = [
        { id: 'rb-2023-kl', csv: 'example-kl-kemenko-polhukam-2023.csv', name: 'polhukam', index: '74.30', predikat: 'BB', denominator: 97 },
        { id: 'rb-2023-provinsi', csv: 'example-provinsi-diy-2023.csv', name: 'diy', index: '89.03', predikat: 'A', denominator: 100 },
      ];
      const filled: string[] = [];
      const layouts: LinesLayout[] = [];
      for (const c of cases) {
        const blank = join(dir, `${c.name}-blank.xlsx`);
        const layout = await template(c.id, blank);
        const file = join(dir, `${c.name}.xlsx`);
        writeFileSync(file, fillXlsx(readFileSync(blank), layout.sheet, fill(byId(c.id), layout, example(c.csv))));
        filled.push(file);
        layouts.push(layout);
      }
      const saved = await sofficeConvert(filled, join(dir, 'saved'));
      for (const [i, c] of cases.entries()) {
        const out = await lke(['score', saved[i]!, '--format', 'json']);
        expect(out.stderr).toBe('');
        const f = JSON.parse(out.stdout).files[0];
        expect(f.rubric.id).toBe(c.id);
        expect(f.index.toFixed(2)).toBe(c.index);
        expect(f.predikat.code).toBe(c.predikat);
        const r = await scoreFile(saved[i]!, { candidates: builtins, blankPolicy: 'zero' });
        expect(r.rubricChoice).toMatchObject({ how: 'stamp' });
        expect(r.scored!.index.toFixed(2)).toBe(c.index);
        expect(r.scored!.nodes.find((n) => n.code === 'RBG')!.denominator).toBe(c.denominator);
        // the sheet's own Nilai Hitung is not read as published points: nothing to compare, no published totals
        expect(r.scored!.published).toBeUndefined();
        await expectSheetEqualsLke(saved[i]!, layouts[i]!, r);
      }
      // Polhukam's excluded lines are named, each at its Keterangan cell
      const r = await scoreFile(saved[0]!, { candidates: builtins, blankPolicy: 'zero' });
      const excluded = r.findings.filter((f) => f.code === 'line-excluded');
      expect(excluded.map((f) => f.question).sort()).toEqual(['RBG.B.H.12.A', 'RBG.B.S.2.B']);
      for (const f of excluded) expect(f).toMatchObject({ row: layouts[0]!.rows.get(f.question!), col: layouts[0]!.columns.keterangan });
    }, 300_000);
  },
);
