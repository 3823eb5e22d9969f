// Hand check of the quick-start fixture (fixtures/lke-rb-2014-kalteng-2021.xlsx): its cached formula results
// must equal the numbers in fixtures/README.md, which are written out below by hand. Nothing here calls lke's
// own scoring; a separate test checks that lke's scorer reproduces the same numbers.
import { describe, it, expect, beforeAll } from 'vitest';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';

const FILE = fileURLToPath(new URL('../fixtures/lke-rb-2014-kalteng-2021.xlsx', import.meta.url));

import { AREAS, HASIL_ITEMS, PROSES, HASIL, INDEX } from './helpers/kalteng.js';

/** Half-up rounding of the decimal form (32.07325 → 32.0733), as the README tables are rounded. */
const roundHalfUp = (x: number, d: number) => Math.round(Number(`${Number(x.toPrecision(12))}e${d}`)) / 10 ** d;
const r4 = (x: number) => roundHalfUp(x, 4).toFixed(4);

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII)\.$/;

interface Sheet {
  nilai: Map<string, number>; // node code → cached Nilai (column K)
  bobot: Map<string, number>; // node code → Bobot (column G)
  question: Map<string, number>; // question code (from its evidence link) → cached score
  totals: Map<string, number>; // "TOTAL PENGUNGKIT" etc. → cached Nilai
}

const text = (c: ExcelJS.Cell) => (c.value === null || c.value === undefined ? '' : String(c.value).trim());
/** The cached result of a formula cell. `cell.value` leaves `result` out when it is 0, so read `cell.result`. */
const cached = (c: ExcelJS.Cell): number => {
  const v = c.result as unknown;
  if (typeof v !== 'number') throw new Error(`${c.address}: no numeric cached result (${JSON.stringify(c.value)})`);
  return v;
};

let sheet: Sheet;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FILE, { ignoreNodes: ['dataValidations'] });
  const ws = wb.getWorksheet('LKE');
  if (!ws) throw new Error('no sheet "LKE"');
  // The header row: "Nilai" in K, "Bobot" in G.
  expect(text(ws.getCell('K5'))).toBe('Nilai');
  expect(text(ws.getCell('G5'))).toBe('Bobot');
  sheet = { nilai: new Map(), bobot: new Map(), question: new Map(), totals: new Map() };
  let comp = '';
  let area = '';
  for (let r = 6; r <= ws.rowCount; r++) {
    const b = text(ws.getCell(`B${r}`));
    const c = text(ws.getCell(`C${r}`));
    const d = text(ws.getCell(`D${r}`));
    const k = ws.getCell(`K${r}`);
    const g = ws.getCell(`G${r}`).value;
    let code: string | undefined;
    if (b === 'A.' || b === 'B.') code = comp = b.slice(0, 1);
    else if (ROMAN.test(c)) code = area = `${comp}.${c.slice(0, -1)}`;
    else if (comp === 'B' && /^\d\.$/.test(d)) code = `${area}.${d.slice(0, -1)}`;
    else if (comp === 'A' && /^\d+$/.test(d)) code = `${area}.${d}`;
    else if (/^(TOTAL|NILAI EVALUASI)/.test(b)) sheet.totals.set(b, cached(k));
    if (code) {
      sheet.nilai.set(code, cached(k));
      if (typeof g === 'number') sheet.bobot.set(code, g);
    }
    const link = text(ws.getCell(`N${r}`));
    const m = /\/kalteng\/(A\.[A-Z]+\.\d+\.[a-z])$/.exec(link);
    if (m) sheet.question.set(m[1]!, cached(k));
  }
});

describe('fixture 1: LKE RB 14/2014, Kalimantan Tengah 2021 (hand check of cached values)', () => {
  it('NILAI EVALUASI REFORMASI BIROKRASI rounds half-up to 59.73, predikat CC', () => {
    const total = sheet.totals.get('NILAI EVALUASI REFORMASI BIROKRASI');
    expect(total).toBeDefined();
    expect(total!).toBeCloseTo(INDEX, 9);
    expect(roundHalfUp(total!, 2)).toBe(59.73);
    // CC: > 50 – 60
    expect(total! > 50 && total! <= 60).toBe(true);
  });

  it('TOTAL PENGUNGKIT and TOTAL HASIL match the README, and add up to the index', () => {
    expect(sheet.totals.get('TOTAL PENGUNGKIT')!).toBeCloseTo(PROSES, 9);
    expect(sheet.totals.get('TOTAL HASIL')!).toBeCloseTo(HASIL, 9);
    expect(sheet.nilai.get('A')!).toBeCloseTo(PROSES, 9);
    expect(sheet.nilai.get('B')!).toBeCloseTo(HASIL, 9);
    expect(PROSES + HASIL).toBeCloseTo(INDEX, 9);
  });

  it('every area has the bobot and nilai of the README table', () => {
    expect([...sheet.nilai.keys()].filter((k) => /^[AB]\.[IVX]+$/.test(k)).sort()).toEqual(Object.keys(AREAS).sort());
    for (const [code, [bobot, shown, exact]] of Object.entries(AREAS)) {
      expect(sheet.bobot.get(code), code).toBe(bobot);
      expect(r4(sheet.nilai.get(code)!), code).toBe(shown);
      expect(sheet.nilai.get(code)!, code).toBeCloseTo(exact, 9);
    }
  });

  it('every hasil item has the bobot and nilai of the README table', () => {
    for (const [code, [bobot, shown, exact]] of Object.entries(HASIL_ITEMS)) {
      expect(sheet.bobot.get(code), code).toBe(bobot);
      expect(r4(sheet.nilai.get(code)!), code).toBe(shown);
      expect(sheet.nilai.get(code)!, code).toBeCloseTo(exact, 9);
    }
  });

  it('the README numbers are consistent with each other (areas sum to the totals)', () => {
    const sum = (prefix: string) => Object.entries(AREAS).filter(([c]) => c.startsWith(prefix)).reduce((s, [, [, , v]]) => s + v, 0);
    expect(sum('A.')).toBeCloseTo(PROSES, 9);
    expect(sum('B.')).toBeCloseTo(HASIL, 9);
    expect(Object.values(AREAS).reduce((s, [b]) => s + b, 0)).toBe(100);
    const items = Object.values(HASIL_ITEMS).reduce((s, [, , v]) => s + v, 0);
    expect(items).toBeCloseTo(HASIL, 9);
  });

  it('the conditional rules show in the question scores', () => {
    const q = (code: string) => sheet.question.get(code);
    expect(sheet.question.size).toBe(146);
    // A.I.2.a = Tidak → A.I.2.d (answered B, 0.67) scores 0
    expect(q('A.I.2.a')).toBe(0);
    expect(q('A.I.2.d')).toBe(0);
    // A.V.4.b = B (0.67); c = Ya × 0.67, d = Ya × 0.67, e = Tidak × 0.67
    expect(q('A.V.4.b')).toBeCloseTo(0.67, 12);
    expect(q('A.V.4.c')).toBeCloseTo(0.67, 12);
    expect(q('A.V.4.d')).toBeCloseTo(0.67, 12);
    expect(q('A.V.4.e')).toBe(0);
    // A.VIII.4.a = B (0.5); b = Ya × 0.5, c = B (0.67) × 0.5
    expect(q('A.VIII.4.a')).toBe(0.5);
    expect(q('A.VIII.4.b')).toBeCloseTo(0.5, 12);
    expect(q('A.VIII.4.c')).toBeCloseTo(0.335, 12);
    expect(q('A.V.4.a')).toBe(1);
    // the sub-areas: A.I.2 (bobot 1) = (0 + 1 + 0.5 + 0 + 0.67) / 5 = 0.434;
    // A.V.4 (bobot 6) = (1 + 0.67 + 0.67 + 0.67 + 0) / 5 × 6 = 3.612; A.VIII.4 (bobot 1.5) = (0.5 + 0.5 + 0.335) / 3 × 1.5 = 0.6675
    expect(sheet.nilai.get('A.I.2')!).toBeCloseTo(0.434, 12);
    expect(sheet.nilai.get('A.V.4')!).toBeCloseTo(3.612, 12);
    expect(sheet.nilai.get('A.VIII.4')!).toBeCloseTo(0.6675, 12);
  });
});
