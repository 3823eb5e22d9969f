// The report exports on real worksheets: csv (RFC 4180, BOM, formula-safe), markdown, xlsx (opened by LibreOffice,
// its values compared with the report), html (escaped, no network, loaded by headless Chromium with no console
// message, the index and predikat in the DOM, a screenshot that is not blank).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { score } from '../src/app/score.js';
import type { Report } from '../src/document/score-report.js';
import { a1Of } from '../src/findings/position.js';
import { loadRubric } from '../src/engine/rubrics.js';
import { neutralise, renderReportCsv } from '../src/present/report/csv.js';
import { renderReportHtml } from '../src/present/report/html.js';
import { renderReportMarkdown } from '../src/present/report/markdown.js';
import { renderReportXlsx } from '../src/present/report/xlsx.js';
import type { Lang } from '../src/words/lang.js';
// @ts-expect-error: a plain .mjs script (its RFC 4180 parser)
import { parseCsv } from '../scripts/gen-rubrics.mjs';
import { CHROMIUM, CHROMIUM_NOTE, chromium } from './helpers/chromium.js';
import { SOFFICE, SOFFICE_NOTE, sofficeConvert } from './helpers/libreoffice.js';
import { readPng } from './helpers/png.js';
import { HAVE_SAMPLES, RB_SAMPLE, ZI_SAMPLE } from './helpers/shared.js';
import { tempDir, writeLke } from './helpers/write-lke.js';
import { run } from './helpers/run.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const KALTENG = fixture('lke-rb-2014-kalteng-2021.xlsx');
const ZI_OPD = fixture('lke-zi-2021-sample-opd.xlsx');
const HYPERLINK = '=HYPERLINK("http://x","klik")';
const SCRIPT = '<script>alert(1)</script>';

/** The score report as lke score makes it (in-process, every file kept whole). */
async function report(files: string[], lang: Lang = 'id'): Promise<Report> {
  return (await score(files, { lang, version: '0.0.0-test', jobs: 1, keep: 'all' })).report;
}

let dir: string;
let hostile: string;
beforeAll(async () => {
  dir = tempDir('lke-exports-');
  hostile = join(dir, 'dinas-hostile-2024.xlsx');
  await writeLke(hostile, await loadRubric('rb-2014'), {
    title: [[`Unit Kerja : Dinas ${SCRIPT} & "Rekan"`], ['Tahun : 2019']],
    answers: { 'A.I.1.a': HYPERLINK, 'A.I.1.b': 'B' },
    bukti: { 'A.I.1.b': HYPERLINK, 'A.I.1.c': `+${SCRIPT}` },
  });
});

describe('csv', () => {
  it('is RFC 4180 with a BOM and CRLF, a row per node and per question, numbers as in the report', async () => {
    const r = await report([KALTENG]);
    const text = renderReportCsv(r);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR outside CRLF (no field here holds one)
    const rows: string[][] = parseCsv(text);
    const f = r.files[0]!;
    expect(rows.length).toBe(1 + f.nodes.length + f.answers.length);
    const head = rows[0]!;
    const col = (name: string) => head.indexOf(name);
    const nodeRow = rows.find((x) => x[col('Kode')] === 'A.VII')!;
    expect(Number(nodeRow[col('Nilai')])).toBe(f.nodes.find((n) => n.code === 'A.VII')!.nilai);
    expect(Number(nodeRow[col('% Capaian')])).toBe(f.nodes.find((n) => n.code === 'A.VII')!.percent);
    const q = rows.find((x) => x[col('Kode')] === 'A.I.2.a')!;
    expect(q[col('Tertulis')]).toBe('Tidak');
    expect(q[col('Sel')]).toMatch(/^J\d+$/);
    // the question on the path to B says so
    const step = rows.find((x) => x[col('Kode')] === f.gap!.path[0]!.question)!;
    expect([step[col('Jalur B')], step[col('Menjadi')], Number(step[col('Tambahan')])]).toEqual(['1', 'A', f.gap!.path[0]!.gain]);
  });

  it('neutralises formulas from the worksheet: =HYPERLINK(…) stays text', async () => {
    const r = await report([hostile], 'en');
    const text = renderReportCsv(r);
    const rows: string[][] = parseCsv(text);
    const head = rows[0]!;
    const a = rows.find((x) => x[head.indexOf('Code')] === 'A.I.1.a')!;
    expect(a[head.indexOf('As written')]).toBe(`'${HYPERLINK}`);
    const b = rows.find((x) => x[head.indexOf('Code')] === 'A.I.1.b')!;
    expect(b[head.indexOf('Evidence')]).toBe(`'${HYPERLINK}`);
    const c = rows.find((x) => x[head.indexOf('Code')] === 'A.I.1.c')!;
    expect(c[head.indexOf('Evidence')]).toBe(`'+${SCRIPT}`);
    for (const row of rows) for (const cell of row) if (typeof cell === 'string' && Number.isNaN(Number(cell))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('Ya')).toBe('Ya');
  });

  it('a batch: a row per OPD × area', async () => {
    const r = await report([KALTENG, ZI_OPD]);
    const rows: string[][] = parseCsv(renderReportCsv(r));
    expect(rows.length).toBe(1 + 11 + 15);
    expect(rows.filter((x) => x[0]!.endsWith('lke-zi-2021-sample-opd.xlsx')).map((x) => x[6])).toContain('B.I.a');
  });
});

describe('markdown', () => {
  it('has the summary, the area table and the path; worksheet text escaped', async () => {
    const md = renderReportMarkdown(await report([KALTENG]));
    expect(md).toContain('| **Indeks** | **59,73** |');
    expect(md).toContain('| A.VII | Penguatan Pengawasan | 12,00 | 4,44 | 36,98% | 7,56 |');
    expect(md).toMatch(/### Jalan menuju B\n\nB \(Baik\): indeks di atas 60,00/);
    expect(md).toMatch(/\| 1 \| A\.V\.5\.g \| `J\d+` \| D \| A \| \+0,29 \| 60,02 \| \S/);
    const bad = renderReportMarkdown(await report([hostile], 'en'));
    expect(bad).not.toContain('<script');
    expect(bad).toContain('&lt;script&gt;');
  });
  it.skipIf(!HAVE_SAMPLES)('ZI: the minima, the conditions to confirm and no verdict', async () => {
    const md = renderReportMarkdown(await report([ZI_SAMPLE], 'en'));
    expect(md).toContain('### Path to WBK');
    expect(md).toMatch(/\| A\.II\.5\.iii \| Penyampaian Laporan Harta Kekayaan \| 2\.00 \| 1\.87 \| ❌ Not met \| 2\.00 \|/);
    expect(md).toContain("- [ ] The BPK audit opinion on the instansi's financial statements is at least WTP");
    expect(md).toContain('lke gives no WBK/WBBM verdict');
    expect(md).not.toMatch(/Predikat\*\* \| \*\*WB/);
  });
});

describe('html', () => {
  it('is one self-contained page: no script, no address to load, worksheet text escaped', async () => {
    const html = renderReportHtml(await report([hostile], 'en'));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  describe.skipIf(!CHROMIUM)(`in headless Chromium${CHROMIUM_NOTE}`, () => {
    it('a console message is caught (the check can fail)', () => {
      const page = join(dir, 'bad.html');
      writeFileSync(page, `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><img src="http://example.invalid/x.png"><p>x</p>`);
      expect(chromium(page, ['--dump-dom']).console.length).toBeGreaterThan(0);
    }, 130000);

    it('loads with no console message; index and predikat in the DOM; the screenshot is drawn', async () => {
      const page = join(dir, 'kalteng.html');
      writeFileSync(page, renderReportHtml(await report([KALTENG])));
      const dom = chromium(page, ['--dump-dom']);
      expect(dom.console).toEqual([]);
      expect(dom.out).toMatch(/<div class="v" id="index">59,73<\/div>/);
      expect(dom.out).toMatch(/id="predikat"[^>]*>CC</);
      expect(dom.out).toContain('Jalan menuju B');
      const png = join(dir, 'kalteng.png');
      const shot = chromium(page, [`--screenshot=${png}`, '--window-size=1240,1754', '--hide-scrollbars']);
      expect(shot.console).toEqual([]);
      const img = readPng(readFileSync(png));
      expect([img.width, img.height]).toEqual([1240, 1754]);
      let ink = 0;
      const colours = new Set<number>();
      for (let i = 0; i < img.rgb.length; i += 3) {
        const [r, g, b] = [img.rgb[i]!, img.rgb[i + 1]!, img.rgb[i + 2]!];
        if (r + g + b < 600) ink++;
        colours.add((r << 16) | (g << 8) | b);
      }
      expect(ink / (img.width * img.height)).toBeGreaterThan(0.02); // text and bars, not a blank page
      expect(colours.size).toBeGreaterThan(100); // the bands' and bars' colours, anti-aliased text
    }, 130000);

    it('a batch page: the ranking links to each OPD page, the hostile OPD name shows as text', async () => {
      const page = join(dir, 'batch.html');
      writeFileSync(page, renderReportHtml(await report([KALTENG, ZI_OPD, hostile], 'en')));
      const dom = chromium(page, ['--dump-dom']);
      expect(dom.console).toEqual([]);
      expect(dom.out).not.toMatch(/<script/i);
      expect(dom.out).toContain('Dinas &lt;script&gt;alert(1)&lt;/script&gt; &amp; "Rekan"');
      for (const n of [1, 2, 3]) expect(dom.out).toContain(`id="opd-${n}"`);
      expect(dom.out).toContain('LKE assessment summary');
    }, 130000);
  });
});

describe.skipIf(!SOFFICE)(`xlsx opened by LibreOffice${SOFFICE_NOTE}`, () => {
  /** Every sheet of a workbook as LibreOffice reads it: raw values (not as shown), one csv per sheet. */
  function sheets(file: string): Map<string, string[][]> {
    const out = join(dir, `csv-${Date.now()}`);
    sofficeConvert([file], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', out);
    const base = file.slice(file.lastIndexOf('/') + 1, -'.xlsx'.length);
    const m = new Map<string, string[][]>();
    for (const name of readdirSync(out).filter((n) => n.endsWith('.csv'))) m.set(name.slice(base.length + 1, -4), parseCsv(readFileSync(join(out, name), 'utf8')));
    return m;
  }
  const number = (s: string) => (s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s));

  it('one file: summary, a sheet per area, findings; values as in the report; numbers stored as numbers', async () => {
    const r = await report([KALTENG]);
    const file = join(dir, 'kalteng.xlsx');
    writeFileSync(file, await renderReportXlsx(r));
    const got = sheets(file);
    const f = r.files[0]!;
    expect([...got.keys()].sort()).toEqual(['A.I', 'A.II', 'A.III', 'A.IV', 'A.V', 'A.VI', 'A.VII', 'A.VIII', 'B.I', 'B.II', 'B.III', 'Ringkasan', 'Temuan']);
    const sum = got.get('Ringkasan')!;
    expect(number(sum.find((x) => x[0] === 'Indeks')![1]!)).toBeCloseTo(f.index!, 12);
    for (const a of f.gap!.areas) {
      const row = sum.find((x) => x[0] === a.code)!;
      expect(row[1]).toBe(a.name);
      expect(number(row[3]!)).toBeCloseTo(a.nilai, 12);
      expect(number(row[4]!)).toBeCloseTo(a.percent, 12);
      expect(number(row[5]!)).toBeCloseTo(a.lost, 12);
    }
    const step = f.gap!.path[0]!;
    expect(sum.find((x) => x[1] === step.question)!.slice(2, 5)).toEqual([a1Of(step), step.from, step.to]);
    const area = got.get('A.VII')!;
    for (const n of f.nodes.filter((x) => x.level === 'indicator' && x.code.startsWith('A.VII.'))) expect(number(area.find((x) => x[0] === n.code)![3]!)).toBeCloseTo(n.nilai, 12);
    expect(got.get('Temuan')!.slice(1).map((x) => x[4])).toEqual(f.findings.map((x) => x.code));
    // numbers are numbers with a 2-decimal format, not text
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Ringkasan')!;
    let checked = 0;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'A.VII') {
        for (const c of [3, 4, 6]) {
          expect(typeof row.getCell(c).value).toBe('number');
          expect(row.getCell(c).numFmt).toBe('0.00');
        }
        expect(row.getCell(5).numFmt).toBe('0.00%');
        checked++;
      }
    });
    expect(checked).toBe(1);
  }, 150000);

  it('a batch: ranking and OPD × area matrix with a colour scale, the paths', async () => {
    const files = [KALTENG, ZI_OPD, ...(HAVE_SAMPLES ? [RB_SAMPLE, ZI_SAMPLE] : [])];
    const r = await report(files, 'en');
    const file = join(dir, 'batch.xlsx');
    writeFileSync(file, await renderReportXlsx(r));
    const got = sheets(file);
    expect([...got.keys()].sort()).toEqual(['Matrix rb-2014', 'Matrix zi-2021', 'Path', 'Ranking', 'Summary']);
    const ranking = got.get('Ranking')!;
    for (const f of r.files) expect(number(ranking.find((x) => x[2] === f.file)![5]!)).toBeCloseTo(f.index!, 12);
    const matrix = got.get('Matrix rb-2014')!;
    const head = matrix.find((x) => x[0] === 'No')!;
    const kalteng = r.files[0]!;
    const row = matrix.find((x) => x[1] === kalteng.opd)!;
    for (const n of kalteng.nodes.filter((x) => x.level === 'area')) expect(number(row[head.indexOf(n.code)]!)).toBeCloseTo(n.percent, 12);
    expect(got.get('Path')!.filter((x) => x[1] === KALTENG)).toHaveLength(kalteng.gap!.path.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cf = (wb.getWorksheet('Matrix rb-2014') as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.flatMap((c) => c.rules.map((x) => x.type))).toContain('colorScale');
  }, 150000);
});

describe('lke score writes several formats, each atomically to its file', () => {
  const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
  const lkeRun = (args: string[]) => run(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LKE_NO_RESPAWN: '1' }, timeout: 120000 });

  it('a batch to html, xlsx, csv and a streamed json: stdout empty, no temp file left, the json as --format json gives it', async () => {
    const out = join(dir, 'outs');
    const inputs = [KALTENG, ZI_OPD];
    const r = await lkeRun(['score', ...inputs, '--jobs', '2', '--out', join(out, 'rekap.html'), '--out', join(out, 'rekap.xlsx'), '--format', 'csv', '--out', join(out, 'rekap.csv'), '--out', join(out, 'rekap.json')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1); // the ZI fixture has error findings
    expect(readdirSync(out).sort()).toEqual(['rekap.csv', 'rekap.html', 'rekap.json', 'rekap.xlsx']);
    const alone = await lkeRun(['score', ...inputs, '--jobs', '2', '--format', 'json']);
    expect(readFileSync(join(out, 'rekap.json'), 'utf8')).toBe(alone.stdout);
    const json = JSON.parse(alone.stdout) as { files: { gap: { target: { label: string } } }[] };
    expect(json.files.map((f) => f.gap.target.label)).toEqual(['B', 'WBK']);
    expect(readFileSync(join(out, 'rekap.html'), 'utf8')).toContain('<h1>LKE assessment summary</h1>');
    expect(readFileSync(join(out, 'rekap.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 150000);

  it('a file that cannot be written: one line, exit 2, nothing left behind', async () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const r = await lkeRun(['score', KALTENG, '--out', join(blocker, 'laporan.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^lke: (cannot write|tidak dapat menulis) .*laporan\.html: .*not-a-folder (is not a folder|bukan folder)$/m);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60000);
});
