// Scoring a folder of OPD worksheets: ranked, in parallel, past bad files, in a deterministic order.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expandInputs, globToRegExp } from '../src/cli/inputs.js';
import { tempDir } from './helpers/write-lke.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const FIX = (n: string) => fileURLToPath(new URL(`../fixtures/${n}`, import.meta.url));

function lke(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' }, timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A folder as a Biro Organisasi collects it: worksheets in subfolders, a lock file, a hidden file, a broken one. */
function collect(): string {
  const dir = tempDir('lke-batch-');
  mkdirSync(join(dir, 'dinas'), { recursive: true });
  copyFileSync(FIX('lke-rb-2014-kalteng-2021.xlsx'), join(dir, 'dinas', 'dinkes-2021.xlsx'));
  copyFileSync(FIX('lke-rb-2014-reordered.xlsx'), join(dir, 'dinas', 'dispora-2021.xlsx'));
  copyFileSync(FIX('lke-zi-2021-sample-opd.xlsx'), join(dir, 'dpmptsp-2021.xlsx'));
  copyFileSync(FIX('lke-rb-2014-flat.xlsx'), join(dir, 'bappeda-2021.xlsx'));
  writeFileSync(join(dir, 'rsud-2021.xlsx'), 'this is not a workbook');
  writeFileSync(join(dir, '~$dinkes-2021.xlsx'), 'office lock file');
  writeFileSync(join(dir, '.hidden.xlsx'), 'hidden');
  writeFileSync(join(dir, 'notes.txt'), 'not a worksheet');
  return dir;
}

describe('inputs', () => {
  it('walks folders, skips lock and hidden files, expands globs', () => {
    const dir = collect();
    const all = expandInputs([dir]).files.map((f) => f.slice(dir.length + 1));
    expect(all).toEqual(['bappeda-2021.xlsx', 'dinas/dinkes-2021.xlsx', 'dinas/dispora-2021.xlsx', 'dpmptsp-2021.xlsx', 'rsud-2021.xlsx']);
    expect(expandInputs([`${dir}/**/d*.xlsx`]).files.map((f) => f.slice(dir.length + 1))).toEqual(['dinas/dinkes-2021.xlsx', 'dinas/dispora-2021.xlsx', 'dpmptsp-2021.xlsx']);
    expect(expandInputs([`${dir}/*.xlsx`]).files).toHaveLength(3);
    expect(expandInputs([`${dir}/*.ods`]).missing).toEqual([`${dir}/*.ods`]);
  });
  it('globs: *, **, ? and {a,b}', () => {
    expect(globToRegExp('**/*.xlsx').test('a/b/c.xlsx')).toBe(true);
    expect(globToRegExp('**/*.xlsx').test('c.xlsx')).toBe(true);
    expect(globToRegExp('*.xlsx').test('a/c.xlsx')).toBe(false);
    expect(globToRegExp('lke-{rb,zi}-?.xlsx').test('lke-zi-1.xlsx')).toBe(true);
    expect(globToRegExp('lke-{rb,zi}-?.xlsx').test('lke-xx-1.xlsx')).toBe(false);
  });
});

describe('lke score FOLDER', () => {
  it('ranks the instansi, reports the bad file and exits 1', () => {
    const dir = collect();
    const r = lke(['score', dir, '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rsud-2021\.xlsx: not an \.xlsx workbook/);
    expect(r.stdout).toMatch(/Ranking: rb-2014/);
    expect(r.stdout).toMatch(/Ranking: zi-2021/);
    expect(r.stdout).toMatch(/Files\s+5 \(4 scored, 1 failed\)/);
    expect(r.stdout).toMatch(/Weakest areas/);
    expect(r.stdout).toMatch(/Failed files\n\s+.*rsud-2021\.xlsx/);
  });
  it('gives the same JSON whatever the number of workers, in input order', () => {
    const dir = collect();
    const one = JSON.parse(lke(['score', dir, '--format', 'json', '--jobs', '1']).stdout);
    const two = JSON.parse(lke(['score', dir, '--format', 'json', '--jobs', '2']).stdout);
    expect(two).toEqual(one);
    expect(one.files.map((f: { file: string }) => f.file.slice(dir.length + 1))).toEqual(['bappeda-2021.xlsx', 'dinas/dinkes-2021.xlsx', 'dinas/dispora-2021.xlsx', 'dpmptsp-2021.xlsx', 'rsud-2021.xlsx']);
    expect(one.files.map((f: { status: string }) => f.status)).toEqual(['scored', 'scored', 'scored', 'scored', 'error']);
    expect(one.summary).toMatchObject({ files: 5, scored: 4, failed: 1, predikat: { CC: 3, '-': 1 } });
    expect(one.summary.index.median).toBeCloseTo(59.73015, 5);
    expect(one.summary.areas[0]).toMatchObject({ rubric: 'rb-2014', code: 'A.VII', files: 3 });
    expect(one.rubric).toBeNull(); // two rubrics in the folder
  });
  it('stops a file that takes too long and goes on', () => {
    const dir = tempDir('lke-slow-');
    copyFileSync(FIX('lke-rb-2014-kalteng-2021.xlsx'), join(dir, 'a-good.xlsx'));
    // a valid workbook whose sheet XML is long (200,000 rows of styled empty cells): slow to parse, nothing to keep
    const rows: string[] = [];
    for (let r = 1; r <= 200000; r++) {
      let cells = '';
      for (let c = 0; c < 20; c++) cells += `<c r="${String.fromCharCode(65 + c)}${r}" s="1"/>`;
      rows.push(`<row r="${r}">${cells}</row>`);
    }
    const files = {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`),
    };
    writeFileSync(join(dir, 'b-slow.xlsx'), zipSync(files));
    copyFileSync(FIX('lke-rb-2014-flat.xlsx'), join(dir, 'c-good.xlsx'));
    const t0 = Date.now();
    const r = lke(['score', dir, '--format', 'json', '--jobs', '2', '--timeout', '3']);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['scored', 'error', 'scored']);
    expect(report.files[1].error.code).toBe('timeout');
    expect(r.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(30000);
  });
});
