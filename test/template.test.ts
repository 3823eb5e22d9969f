// lke template: a worksheet in the official layout that lke reads back without guessing, and whose own formulas
// compute what lke computes once a real spreadsheet app (LibreOffice) has opened it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, STAMP, WRITE_ORDER, roleOf } from '../src/layout/canonical.js';
import { scoreFile } from '../src/engine/score-file.js';
import { rubricVersion } from '../src/rubric/fingerprint.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { readWorkbook } from '../src/workbook/read.js';
import { address } from '../src/workbook/grid.js';
import { mini } from './helpers/mini-rubric.js';
import { expectSheetEqualsLke, roundTrip, writeTemplate } from './helpers/round-trip.js';
import { HAVE_SOFFICE } from './helpers/soffice.js';
import { tempDir } from './helpers/write-lke.js';

const dir = tempDir('lke-template-');
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const builtins = await Promise.all(builtinRubricIds().map((id) => loadRubric(id)));
/** The questionnaires (a rubric of lines gets a table of values: test/template-lines.test.ts). */
const questionnaires = builtins.filter((r) => r.form === 'questionnaire');

describe('the canonical layout', () => {
  it('reads every label it writes as the role it was written for', () => {
    for (const role of WRITE_ORDER) expect(roleOf(COLUMNS[role].label)).toBe(role);
  });
});

describe('a blank template read back by lke', () => {
  for (const rubric of [...questionnaires, mini()]) {
    it(`${rubric.id}: every node and question found at its row, the rubric found by its stamp`, async () => {
      const file = join(dir, `${rubric.id}-blank.xlsx`);
      const layout = await writeTemplate(rubric, file, { opd: 'Dinas Kesehatan', year: 2024 });
      const r = await scoreFile(file, { candidates: [...builtins, rubric], blankPolicy: 'skip' });
      expect(r.error).toBeUndefined();
      expect(r.rubricChoice).toMatchObject({ how: 'stamp' });
      expect(r.rubric!.id).toBe(rubric.id);
      expect(r.meta).toMatchObject({ opd: 'Dinas Kesehatan', year: 2024 });
      expect(r.header!.row).toBe(layout.headerRow);
      const { bukti, label: _label, ...single } = r.header!.columns;
      expect({ ...single, bukti }).toEqual({ no: undefined, ...Object.fromEntries(WRITE_ORDER.slice(1, -1).map((role) => [role, layout.columns[role]])), bukti: [layout.columns.bukti] });
      const codes = r.findings.map((f) => f.code);
      for (const c of ['row-unmatched', 'question-absent', 'row-duplicate', 'bobot-mismatch', 'pilihan-mismatch', 'nilai-mismatch', 'excel-error']) expect(codes).not.toContain(c);
      // every question is blank, none is anything else
      expect(new Set(codes)).toEqual(new Set([...codes].filter((c) => ['answer-missing', 'input-missing', 'indicator-unscored', 'sheet-not-calculated', 'rubric-year-mismatch'].includes(c))));
      expect(codes.filter((c) => c === 'answer-missing' || c === 'input-missing').length).toBe(
        [...rubric.questions.values()].reduce((n, q) => n + (q.formula && q.inputs.length > 0 ? q.inputs.length : 1), 0),
      );
      const wb = await readWorkbook(file);
      expect(wb.stamps[STAMP.names.rubric]).toBe(rubric.id);
      expect(wb.stamps[STAMP.names.version]).toBe(rubricVersion(rubric.input));
    });
  }
});

describe('the workbook as a spreadsheet app sees it', () => {
  let xml: string;
  let layout: Awaited<ReturnType<typeof writeTemplate>>;
  const rubric = builtins.find((r) => r.id === 'zi-2021')!;
  beforeAll(async () => {
    const file = join(dir, 'zi-structure.xlsx');
    layout = await writeTemplate(rubric, file);
    const files = unzipSync(readFileSync(file));
    const wbXml = strFromU8(files['xl/workbook.xml']!);
    expect(wbXml).toContain(`<definedName name="${STAMP.names.rubric}">&apos;${STAMP.sheet}&apos;!$B$1</definedName>`);
    expect(wbXml).toMatch(/<sheet [^>]*name="_lke" state="hidden"/);
    expect(wbXml).toMatch(/<sheet [^>]*name="Petunjuk Pengisian"/);
    xml = strFromU8(files['xl/worksheets/sheet2.xml']!);
  });

  const editableCells = () => {
    const cells = new Set<string>([address(3, 4), address(4, 4)]);
    for (const q of rubric.questions.values()) {
      const row = layout.rows.get(q.code) ?? layout.rows.get(q.parent.code)!;
      if (!(q.formula && q.inputs.length > 0)) cells.add(address(row, layout.columns.jawaban));
      cells.add(address(row, layout.columns.catatan));
      cells.add(address(row, layout.columns.bukti));
      for (const sub of q.inputs) cells.add(address(layout.rows.get(sub.code)!, layout.columns.jawaban));
    }
    return cells;
  };

  it('puts dropdowns and number checks on answer cells only, never on whole columns', () => {
    const col = address(1, layout.columns.jawaban).replace(/\d+$/, '');
    const cells = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) =>
      m[1]!.split(' ').flatMap((ref) => {
        // a run of cells in the answer column ("K14:K16"), nothing wider
        const r = new RegExp(`^${col}(\\d+)(?::${col}(\\d+))?$`).exec(ref);
        expect(r, ref).not.toBeNull();
        const from = Number(r![1]);
        return Array.from({ length: Number(r![2] ?? from) - from + 1 }, (_, i) => `${col}${from + i}`);
      }),
    );
    const answers = new Set([...editableCells()].filter((a) => a.startsWith(col) && /^[A-Z]+\d+$/.test(a) && Number(a.slice(col.length)) > layout.headerRow));
    expect(new Set(cells)).toEqual(answers);
  });

  it('is protected, with the answer, evidence and note cells (and the title fields) left editable', async () => {
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    const styles = strFromU8(unzipSync(readFileSync(join(dir, 'zi-structure.xlsx')))['xl/styles.xml']!);
    const xfs = [...styles.split('<cellXfs')[1]!.split('</cellXfs>')[0]!.matchAll(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)].map((m) => m[0]);
    const unlocked = new Set<string>();
    const covered = new Set<string>();
    for (const m of xml.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      // the cells a merge covers take the look of its first cell; only that one counts
      const [c1, c2] = [colNumber(m[1]!), colNumber(m[3]!)];
      for (let c = c1; c <= c2; c++) for (let r = Number(m[2]); r <= Number(m[4]); r++) if (c !== c1 || r !== Number(m[2])) covered.add(address(r, c));
    }
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)) if (/locked="0"/.test(xfs[Number(m[2])]!) && !covered.has(m[1]!)) unlocked.add(m[1]!);
    expect(unlocked).toEqual(editableCells());
  });

  it('freezes the header, prints on A4 with the header on every page', () => {
    expect(xml).toMatch(new RegExp(`<pane ySplit="${layout.headerRow}"[^>]*state="frozen"`));
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(xml).toMatch(/<col min="\d+" max="\d+" width="60"/);
  });
});

describe.skipIf(!HAVE_SOFFICE)(`the round trip through LibreOffice${HAVE_SOFFICE ? '' : ' [SKIPPED: soffice is not installed]'}`, () => {
  it('every built-in rubric: the sheet computes what lke scores, node by node', async () => {
    const runs = await roundTrip(
      dir,
      questionnaires.flatMap((rubric) => [1, 2].map((seed) => ({ rubric, seed }))),
    );
    for (const { trip, saved } of runs) await expectSheetEqualsLke(trip, saved, builtins);
  }, 300_000);
});
