// A worksheet opened and saved again in LibreOffice scores exactly as the original: the same JSON report, the same
// findings, the same exit code. LibreOffice writes a formatted row as a styled cell in each of the 16,384 columns
// (the RB sample's sheet part grows from 0.9 to 70 MB), which lke reads in pieces (src/workbook/empty-cells.ts).
// The copies are made by LibreOffice itself (scripts/libreoffice-save.mjs) in a temp folder.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { findSoffice, saveWithLibreOffice } from '../scripts/libreoffice-save.mjs';
import { ZipReader } from '../src/workbook/zip.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';
import { tempDir } from './helpers/write-lke.js';

const CLI = fileURLToPath(new URL('../dist/cli/bin.cjs', import.meta.url));
const SOFFICE: string | undefined = HAVE_SAMPLES ? findSoffice() : undefined;
const NOTE = SKIP_NOTE || (SOFFICE ? '' : ' [SKIPPED: LibreOffice (soffice) is not installed]');
const dir = tempDir('lke-lo-');

function lke(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The JSON report with the folder of each file taken out (the copies have the originals' names) and without the
 * cells' text as written: LibreOffice writes a cached number to 15 significant digits where Excel writes 17
 * ("0.142857142857143" for "0.14285714285714285"), which the report shows as written; every value read is the same.
 */
const sameFolder = (s: string, file: string) => JSON.stringify(JSON.parse(s.split(file).join(basename(file)), (k, v: unknown) => (k === 'written' ? undefined : v)), null, 1);

describe.skipIf(!SOFFICE)(`worksheets saved again by LibreOffice${NOTE}`, () => {
  const copies = new Map<string, string>();
  beforeAll(() => {
    const out: string[] = saveWithLibreOffice([RB_SAMPLE, ZI_SAMPLE], dir, { soffice: SOFFICE });
    copies.set(RB_SAMPLE, out[0]!);
    copies.set(ZI_SAMPLE, out[1]!);
  }, 300_000);

  it('the RB copy is the LibreOffice case: its sheet part is tens of MB of styled empty cells', () => {
    const zip = new ZipReader(readFileSync(copies.get(RB_SAMPLE)!), 'rb');
    const sheet = [...zip.entries.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    expect(zip.declaredSize(sheet)).toBeGreaterThan(50 * 1024 * 1024);
  });

  for (const [name, sample] of [
    ['RB BPS 2015', RB_SAMPLE],
    ['ZI Tangerang Selatan', ZI_SAMPLE],
  ] as const) {
    it(`${name}: lke score gives the same JSON report and exit code`, () => {
      const original = lke(['score', sample, '--format', 'json']);
      const copy = lke(['score', copies.get(sample)!, '--format', 'json']);
      expect(JSON.parse(original.stdout).files[0].status).toBe('scored');
      expect(sameFolder(copy.stdout, copies.get(sample)!)).toBe(sameFolder(original.stdout, sample));
      expect(copy.code).toBe(original.code);
    });
    it(`${name}: lke check gives the same findings`, () => {
      const original = lke(['check', sample, '--format', 'json']);
      const copy = lke(['check', copies.get(sample)!, '--format', 'json']);
      expect(sameFolder(copy.stdout, copies.get(sample)!)).toBe(sameFolder(original.stdout, sample));
      expect(copy.code).toBe(original.code);
    });
  }

  it('a folder of originals and copies: each copy ranks with its original', () => {
    const r = lke(['score', join(dir), RB_SAMPLE, ZI_SAMPLE, '--format', 'json', '--jobs', '2']);
    const files: { file: string; index?: number }[] = JSON.parse(r.stdout).files;
    expect(files).toHaveLength(4);
    for (const sample of [RB_SAMPLE, ZI_SAMPLE]) {
      const mine = files.filter((f) => basename(f.file) === basename(sample));
      expect(mine).toHaveLength(2);
      expect(mine[0]!.index).toBeTypeOf('number');
      expect(mine[0]!.index).toBe(mine[1]!.index);
    }
  });
});
