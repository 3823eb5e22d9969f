// Pairing two folders' worksheets OPD by OPD (the order of the OPD table is checked in diff-formats.test.ts).
import { describe, expect, it } from 'vitest';
import { fileKey, pairFiles } from '../src/diff/pair.js';
import { normaliseName } from '../src/diff/side.js';

describe('names as compared', () => {
  it('leave out case, accents, punctuation, weights and spacing', () => {
    expect(normaliseName('  DINAS  Kesehatan, Kab. Bogor ')).toBe('dinas kesehatan kab bogor');
    expect(normaliseName('MANAJEMEN PERUBAHAN (5)')).toBe(normaliseName('Manajemen Perubahan'));
    expect(normaliseName('Penataan Tatalaksana (3,5)')).toBe('penataan tatalaksana');
    expect(normaliseName('Sekretariat Daérah')).toBe('sekretariat daerah');
  });
  it('file names lose their year, extension and the LKE words', () => {
    expect(fileKey('last/lke-dinkes-2023.xlsx')).toBe('dinkes');
    expect(fileKey('this/Dinkes_2024_final.xlsx')).toBe('dinkes');
    expect(fileKey('PMPRB 2024 Bappeda.xlsx')).toBe('bappeda');
    expect(fileKey('dinas-2023-kesehatan.xlsx')).toBe('dinas kesehatan');
  });
});

describe('pairing', () => {
  it("by the worksheets' OPD names first, then by file names; the rest is listed unpaired", () => {
    const last = [
      { file: 'a/2023-01.xlsx', opd: 'Dinas Kesehatan' },
      { file: 'a/bappeda-2023.xlsx', opd: null },
      { file: 'a/dishub-2023.xlsx', opd: 'Dinas Perhubungan' },
      { file: 'a/satpol-2023.xlsx', opd: null },
    ];
    const now = [
      { file: 'b/bappeda_2024.xlsx', opd: null },
      { file: 'b/kes.xlsx', opd: 'DINAS KESEHATAN' },
      { file: 'b/dishub-2024.xlsx', opd: 'Dinas Perhubungan dan Kominfo' }, // renamed: paired by its file name
      { file: 'b/inspektorat-2024.xlsx', opd: 'Inspektorat' },
    ];
    const p = pairFiles(last, now);
    expect(p.pairs).toEqual([
      { from: 1, to: 0, by: 'file' },
      { from: 0, to: 1, by: 'opd' },
      { from: 2, to: 2, by: 'file' },
    ]);
    expect(p.onlyFrom).toEqual([3]);
    expect(p.onlyTo).toEqual([3]);
  });
  it('a name two files of one folder share pairs neither of them', () => {
    const p = pairFiles(
      [{ file: 'a/x.xlsx', opd: 'Dinas Kesehatan' }],
      [
        { file: 'b/x-1.xlsx', opd: 'Dinas Kesehatan' },
        { file: 'b/x-2.xlsx', opd: 'Dinas Kesehatan' },
      ],
    );
    expect(p.pairs).toEqual([]);
    expect(p.onlyTo).toEqual([0, 1]);
  });
});
