#!/usr/bin/env node
// Writes the sample worksheets in fixtures/ (see fixtures/README.md for what each one is for).
//
//   node scripts/make-fixtures.mjs                 fixtures 1-5 and fixtures/README.md
//   node scripts/make-fixtures.mjs --libreoffice   the same, plus fixture 6: fixture 1 converted by a real
//                                                  LibreOffice (needs `soffice` on PATH or /usr/bin/soffice)
//
// Structure (codes, names, bobot, question texts, option texts) comes from rubrics/*.yaml; the answers are the
// literal tables below. The scores are computed here by a small independent implementation of the rules in the
// domain README (score tables and conditional rules written out again, not read from the rubric), never by
// lke's own code, and written as the cached results of real Excel formulas. Output is deterministic: fixed
// workbook dates and fixed zip entry dates, so re-running gives byte-identical files (except fixture 6, which
// LibreOffice writes).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import YAML from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures');
const FIXED_DATE = new Date(Date.UTC(2022, 2, 31, 8, 0, 0));
const require = createRequire(import.meta.url);

const F = {
  kalteng: 'lke-rb-2014-kalteng-2021.xlsx',
  flat: 'lke-rb-2014-flat.xlsx',
  reordered: 'lke-rb-2014-reordered.xlsx',
  zi: 'lke-zi-2021-sample-opd.xlsx',
  merged: 'lke-rb-2014-merged.xlsx',
  libreoffice: 'lke-rb-2014-libreoffice.xlsx',
};

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Answers. LKE RB 14/2014, Pemerintah Provinsi Kalimantan Tengah, 2021 (a made-up but plausible self-assessment
// chosen so that the index rounds to the published 59.73, CC). Pengungkit: question code → answer.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
const RB_INSTANSI = 'Pemerintah Provinsi Kalimantan Tengah';
const RB_YEAR = 2021;
const RB_TARGET = 59.73;

/* prettier-ignore */
const RB_ANSWERS = {
  // I. Manajemen Perubahan
  'A.I.1.a': 'A',     'A.I.1.b': 'B',     'A.I.1.c': 'C',
  'A.I.2.a': 'Tidak', 'A.I.2.b': 'A',     'A.I.2.c': 'B',     'A.I.2.d': 'B',     'A.I.2.e': 'B',
  'A.I.3.a': 'B',     'A.I.3.b': 'B',     'A.I.3.c': 'C',     'A.I.3.d': 'B',     'A.I.3.e': 'B',     'A.I.3.f': 'A',     'A.I.3.g': 'B',
  'A.I.4.a': 'B',     'A.I.4.b': 'C',     'A.I.4.c': 'C',
  // II. Penataan Peraturan Perundang-undangan
  'A.II.1.a': 'A',    'A.II.1.b': 'B',
  'A.II.2.a': 'B',    'A.II.2.b': 'B',
  // III. Penataan dan Penguatan Organisasi
  'A.III.1.a': 'B',   'A.III.1.b': 'B',   'A.III.1.c': 'C',   'A.III.1.d': 'B',   'A.III.1.e': 'C',   'A.III.1.f': 'B',
  'A.III.1.g': 'C',   'A.III.1.h': 'Ya',  'A.III.1.i': 'Tidak',
  'A.III.2.a': 'B',
  // IV. Penataan Tatalaksana
  'A.IV.1.a': 'B',    'A.IV.1.b': 'C',    'A.IV.1.c': 'C',    'A.IV.1.d': 'D',
  'A.IV.2.a': 'Ya',   'A.IV.2.b': 'B',    'A.IV.2.c': 'C',    'A.IV.2.d': 'C',
  'A.IV.3.a': 'Ya',   'A.IV.3.b': 'B',    'A.IV.3.c': 'B',
  // V. Penataan Sistem Manajemen SDM
  'A.V.1.a': 'B',     'A.V.1.b': 'C',     'A.V.1.c': 'Ya',    'A.V.1.d': 'Tidak', 'A.V.1.e': 'C',
  'A.V.2.a': 'A',     'A.V.2.b': 'Ya',    'A.V.2.c': 'Ya',    'A.V.2.d': 'Ya',    'A.V.2.e': 'Ya',
  'A.V.3.a': 'Ya',    'A.V.3.b': 'C',     'A.V.3.c': 'C',     'A.V.3.d': 'B',     'A.V.3.e': 'D',     'A.V.3.f': 'B',
  'A.V.4.a': 'Ya',    'A.V.4.b': 'B',     'A.V.4.c': 'Ya',    'A.V.4.d': 'Ya',    'A.V.4.e': 'Tidak',
  'A.V.5.a': 'C',     'A.V.5.b': 'C',     'A.V.5.c': 'B',     'A.V.5.d': 'C',     'A.V.5.e': 'B',     'A.V.5.f': 'C',     'A.V.5.g': 'D',
  'A.V.6.a': 'Ya',    'A.V.6.b': 'B',     'A.V.6.c': 'B',     'A.V.6.d': 'C',
  'A.V.7.a': 'Ya',    'A.V.7.b': 'C',     'A.V.7.c': 'D',
  'A.V.8.a': 'Ya',    'A.V.8.b': 'Tidak', 'A.V.8.c': 'C',     'A.V.8.d': 'Ya',
  // VI. Penguatan Akuntabilitas
  'A.VI.1.a': 'B',    'A.VI.1.b': 'B',    'A.VI.1.c': 'C',
  'A.VI.2.a': 'B',    'A.VI.2.b': 'Ya',   'A.VI.2.c': 'C',    'A.VI.2.d': 'C',    'A.VI.2.e': 'C',
  // VII. Penguatan Pengawasan
  'A.VII.1.a': 'Ya',  'A.VII.1.b': 'A',   'A.VII.1.c': 'Tidak', 'A.VII.1.d': 'Ya', 'A.VII.1.e': 'Tidak',
  'A.VII.2.a': 'Ya',  'A.VII.2.b': 'B',   'A.VII.2.c': 'C',   'A.VII.2.d': 'C',   'A.VII.2.e': 'D',   'A.VII.2.f': 'C',
  'A.VII.3.a': 'Ya',  'A.VII.3.b': 'B',   'A.VII.3.c': 'C',   'A.VII.3.d': 'B',   'A.VII.3.e': 'Tidak',
  'A.VII.4.a': 'Tidak', 'A.VII.4.b': 'D', 'A.VII.4.c': 'Tidak', 'A.VII.4.d': 'C',  'A.VII.4.e': 'D',
  'A.VII.5.a': 'Ya',  'A.VII.5.b': 'C',   'A.VII.5.c': 'Tidak', 'A.VII.5.d': 'C',  'A.VII.5.e': 'C',
  'A.VII.6.a': 'Ya',  'A.VII.6.b': 'Tidak', 'A.VII.6.c': 'B', 'A.VII.6.d': 'C',   'A.VII.6.e': 'C',
  'A.VII.7.a': 'B',   'A.VII.7.b': 'C',   'A.VII.7.c': 'C',   'A.VII.7.d': 'B',
  // VIII. Peningkatan Kualitas Pelayanan Publik
  'A.VIII.1.a': 'Ya', 'A.VIII.1.b': 'B',  'A.VIII.1.c': 'C',  'A.VIII.1.d': 'B',  'A.VIII.1.e': 'B',
  'A.VIII.2.a': 'C',  'A.VIII.2.b': 'A',  'A.VIII.2.c': 'C',  'A.VIII.2.d': 'C',  'A.VIII.2.e': 'Ya',
  'A.VIII.3.a': 'Ya', 'A.VIII.3.b': 'B',  'A.VIII.3.c': 'Ya', 'A.VIII.3.d': 'B',  'A.VIII.3.e': 'C',
  'A.VIII.4.a': 'B',  'A.VIII.4.b': 'Ya', 'A.VIII.4.c': 'B',
  'A.VIII.5.a': 'Ya', 'A.VIII.5.b': 'C',  'A.VIII.5.c': 'B',
};

// Hasil inputs (typed into Jawaban on the sub-area row, as in the official sheet).
/* prettier-ignore */
const RB_HASIL = {
  'B.I.1': 60.11,    // Nilai Akuntabilitas Kinerja (SAKIP, 0-100)
  'B.I.2': 3.42,     // Nilai Kapasitas Organisasi, survei internal (0-5)
  'B.II.1': 3.05,    // Nilai Persepsi Korupsi, survei eksternal (0-4)
  'B.II.2': 'WDP',   // Opini BPK
  'B.III.1': 3.12,   // Nilai Persepsi Kualitas Pelayanan, survei eksternal (0-4)
};

// A few notes in the Catatan column (realism only; not scored).
const RB_CATATAN = {
  'A.I.2.a': 'Road Map RB 2020-2024 masih berupa draf, belum ditetapkan dengan Peraturan Gubernur',
  'A.V.4.e': 'Hasil seleksi tahap administrasi belum diumumkan di laman BKD',
  'A.VII.4.a': 'Aplikasi WBS masih dalam tahap pengembangan oleh Inspektorat',
  'A.VIII.4.b': 'Hasil SKM dipublikasikan di laman DPMPTSP',
};

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Answers. LKE ZI 90/2021 of a made-up OPD, typed the ways people type them. The sub-input counts of the ratio
// questions are keyed by their rubric codes, e.g. 'A.II.1.i.a(a)'.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
const ZI_UNIT = 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Contoh';
const ZI_YEAR = 2022;

/* prettier-ignore */
const ZI_ANSWERS = {
  // PEMENUHAN 1. Manajemen Perubahan
  'A.I.1.i.a': 'ya',          'A.I.1.i.b': 'A',
  'A.I.1.ii.a': 'Ya',         'A.I.1.ii.b': 'A',     'A.I.1.ii.c': 'B',
  'A.I.1.iii.a': 'B',         'A.I.1.iii.b': 'A',    'A.I.1.iii.c': 'B',
  'A.I.1.iv.a': 'Ya',         'A.I.1.iv.b': 'A',     'A.I.1.iv.c': 'B',     'A.I.1.iv.d': 'B',
  // 2. Penataan Tatalaksana
  'A.I.2.i.a': 'B',           'A.I.2.i.b': 'B',      'A.I.2.i.c': 'C',
  'A.I.2.ii.a': 'A',          'A.I.2.ii.b': 'B',     'A.I.2.ii.c': 'B',     'A.I.2.ii.d': 'A',
  'A.I.2.iii.a': 'A',         'A.I.2.iii.b': 'b.',
  // 3. Penataan Sistem Manajemen SDM Aparatur
  'A.I.3.i.a': 'Y',           'A.I.3.i.b': 'B',      'A.I.3.i.c': 'Ya',
  'A.I.3.ii.a': 'Ya',         'A.I.3.ii.b': 'C',     'A.I.3.ii.c': 'Tidak',
  'A.I.3.iii.a': 'Ya',        'A.I.3.iii.b': 'B',    'A.I.3.iii.c': 'B',    'A.I.3.iii.d': 'C',    'A.I.3.iii.e': 'B',    'A.I.3.iii.f': 'A',
  'A.I.3.iv.a': 'A',          'A.I.3.iv.b': 'B',     'A.I.3.iv.c': 'B',     'A.I.3.iv.d': 'Ya',
  'A.I.3.v.a': 'B',
  'A.I.3.vi.a': 'A',
  // 4. Penguatan Akuntabilitas
  'A.I.4.i.a': 'A',           'A.I.4.i.b': 'B',      'A.I.4.i.c': 'B',
  'A.I.4.ii.a': 'Ya',         'A.I.4.ii.b': 'Ya',    'A.I.4.ii.c': 'TDK',   'A.I.4.ii.d': 'B',     'A.I.4.ii.e': 'Ya',
  'A.I.4.ii.f': 'A',          'A.I.4.ii.g': 'Ya',    'A.I.4.ii.h': 'B',
  // 5. Penguatan Pengawasan
  'A.I.5.i.a': 'A',           'A.I.5.i.b': 'B',
  'A.I.5.ii.a': 'B',          'A.I.5.ii.b': 'C',     'A.I.5.ii.c': 'A',     'A.I.5.ii.d': '(C)',
  'A.I.5.iii.a': 'A',         'A.I.5.iii.b': 'Ya',   'A.I.5.iii.c': 'B',    'A.I.5.iii.d': 'A',
  'A.I.5.iv.a': 'B',          'A.I.5.iv.b': 'B',     'A.I.5.iv.c': 'C',
  'A.I.5.v.a': 'B',           'A.I.5.v.b': 'C',      'A.I.5.v.c': 'C',      'A.I.5.v.d': 'B',      'A.I.5.v.e': 'B',
  // 6. Peningkatan Kualitas Pelayanan Publik
  'A.I.6.i.a': 'B',           'A.I.6.i.b': 'A',      'A.I.6.i.c': 'B',      'A.I.6.i.d': 'Ya',
  'A.I.6.ii.a': 'B',          'A.I.6.ii.b': 'B',     'A.I.6.ii.c': 'A',     'A.I.6.ii.d': 'B',     'A.I.6.ii.e': 'C',     'A.I.6.ii.f': 'B',
  'A.I.6.iii.a': 'B',         'A.I.6.iii.b': 'A',    'A.I.6.iii.c': 'A',
  'A.I.6.iv.a': 'B',          'A.I.6.iv.b': 'a',     'A.I.6.iv.c': 'B',
  'A.I.6.v.a': 'B',           'A.I.6.v.c': 'Ya',     'A.I.6.v.b': 'A',
  // REFORM 1. Manajemen Perubahan
  'A.II.1.i.a(a)': 12,        'A.II.1.i.a(b)': 10,
  'A.II.1.i.b(a)': 10,        'A.II.1.i.b(b)': 6,
  'A.II.1.ii.a': 'B',
  'A.II.1.iii.a': 'B',
  // 2. Penataan Tatalaksana
  'A.II.2.i.a': 'C',
  'A.II.2.ii.a': 'A',         'A.II.2.ii.b': 'B',
  'A.II.2.iii.a': 'B',        'A.II.2.iii.b': 'C',   'A.II.2.iii.c': 'B',
  // 3. Penataan Sistem Manajemen SDM Aparatur
  'A.II.3.i.a': 'B',
  'A.II.3.ii.a': 'B',
  'A.II.3.iii.a(a)': 5,       'A.II.3.iii.a(b)': 3,  'A.II.3.iii.a(c)': 3,
  // 4. Penguatan Akuntabilitas
  'A.II.4.i.a(a)': '12',      'A.II.4.i.a(b)': 9,    // "12" typed as text
  'A.II.4.ii.a': 'B',
  'A.II.4.iii.a': 'C',
  // 5. Penguatan Pengawasan
  'A.II.5.i.a': 'C',
  'A.II.5.ii.a(a)': 20,       'A.II.5.ii.a(b)': 2,   'A.II.5.ii.a(c)': 17,
  // LHKPN: (a) is a formula b+c+d in the sheet, as in the official template
  'A.II.5.iii.a(b)': 1,       'A.II.5.iii.a(c)': 4,  'A.II.5.iii.a(d)': 2,  'A.II.5.iii.a(e)': 7,
  'A.II.5.iii.b(a)': 38,      'A.II.5.iii.b(b)': 3,  'A.II.5.iii.b(c)': 8,  'A.II.5.iii.b(d)': 27, 'A.II.5.iii.b(e)': 35,
  // 6. Peningkatan Kualitas Pelayanan Publik
  'A.II.6.i.a': 'B',          'A.II.6.i.b(a)': 8,    'A.II.6.i.b(b)': 5,
  'A.II.6.ii.a': 'B',
  // HASIL
  'B.I.a': '3,25',            // IPAK typed as text with a decimal comma
  'B.I.b': 'C',
  'B.II.a': 3.41,             // IPKP
};

// The hasil survey rows have no penjelasan in the rubric; the official sheet's wording.
const ZI_HASIL_PENJELASAN = {
  'B.I.a': 'Diisi dengan nilai hasil Survei Eksternal atas Persepsi Anti Korupsi (Indeks Persepsi Anti Korupsi / IPAK)',
  'B.II.a': 'Diisi dengan Nilai Hasil Survei Eksternal Kualitas Pelayanan (Indeks Persepsi Kualitas Pelayanan Publik / IPKP)',
};

const ZI_CATATAN = {
  'A.I.3.i.a': 'Peta jabatan dan ABK 2022 telah ditetapkan',
  'A.I.4.ii.c': 'Laporan kinerja triwulan III belum disampaikan tepat waktu',
  'A.II.4.i.a': 'Sasaran kinerja sesuai Renstra 2021-2026',
  'B.I.a': 'Hasil survei IPAK oleh tim independen',
};

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Scoring: an independent implementation of the domain README rules.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
const SCORE_TABLE = {
  'ya-tidak': { Ya: 1, Tidak: 0 },
  abc: { A: 1, B: 0.5, C: 0 },
  abcd: { A: 1, B: 0.67, C: 0.33, D: 0 },
  abcde: { A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 },
};
const OPINI_POINTS = { WTP: 3, 'WTP-DPP': 2.5, WDP: 2, TMP: 1.5, TW: 1, none: 0 };
/** README "Doubts RB 2": the conditional rules of the BPS 2015 sheet. */
const RB_RULES = {
  'A.I.2.d': { zeroWhen: { question: 'A.I.2.a', answers: ['Tidak'] } },
  'A.V.4.c': { multiplyBy: 'A.V.4.b' },
  'A.V.4.d': { multiplyBy: 'A.V.4.c' },
  'A.V.4.e': { multiplyBy: 'A.V.4.d' },
  'A.VIII.4.b': { multiplyBy: 'A.VIII.4.a' },
  'A.VIII.4.c': { multiplyBy: 'A.VIII.4.a' },
};

const loadRubric = (id) => YAML.parse(readFileSync(join(ROOT, 'rubrics', `${id}.yaml`), 'utf8'));

/** A question's score from a canonical answer (Ya/Tidak/A..E, a number, an opini code). */
function baseScore(scale, answer) {
  if (SCORE_TABLE[scale]) {
    const s = SCORE_TABLE[scale][answer];
    if (s === undefined) throw new Error(`answer ${answer} is not an option of ${scale}`);
    return s;
  }
  throw new Error(`no base score for scale ${scale}`);
}

/** Indicator nilai as the sheets compute it: SUM(range)/COUNT(range)*bobot (AVERAGE(range)*bobot). */
const meanTimesBobot = (scores, bobot) => {
  let sum = 0;
  for (const s of scores) sum += s;
  return (sum / scores.length) * bobot;
};
const sumOf = (xs) => xs.reduce((a, b) => a + b, 0);

function scoreRb(rubric) {
  const q = {}; // code → score after rules
  const nilai = {}; // node code → nilai
  const hasilScore = (code, scale, v, bobot) => {
    if (scale === 'sakip-0-100') return (v / 100) * bobot;
    if (scale === 'survey-0-5') return (v / 5) * bobot;
    if (scale === 'survey-0-4') return (v / 4) * bobot;
    if (scale === 'opini-bpk') {
      if (!(v in OPINI_POINTS)) throw new Error(`${code}: unknown opini ${v}`);
      return (OPINI_POINTS[v] / 3) * bobot;
    }
    throw new Error(`${code}: unknown hasil scale ${scale}`);
  };
  const walk = (node) => {
    if (node.questions) {
      if (node.code.startsWith('B.')) {
        const question = node.questions[0];
        nilai[node.code] = hasilScore(node.code, question.scale, RB_HASIL[node.code], node.bobot);
        return nilai[node.code];
      }
      const scores = node.questions.map((question) => {
        const a = RB_ANSWERS[question.code];
        if (a === undefined) throw new Error(`no answer for ${question.code}`);
        let s = baseScore(question.scale, a);
        const rule = RB_RULES[question.code];
        if (rule?.multiplyBy) s = s * q[rule.multiplyBy];
        if (rule?.zeroWhen && rule.zeroWhen.answers.includes(RB_ANSWERS[rule.zeroWhen.question])) s = 0;
        q[question.code] = s;
        return s;
      });
      nilai[node.code] = meanTimesBobot(scores, node.bobot);
      return nilai[node.code];
    }
    nilai[node.code] = sumOf(node.children.map(walk));
    return nilai[node.code];
  };
  for (const c of rubric.tree) walk(c);
  const proses = nilai.A;
  const hasil = nilai.B;
  return { q, nilai, proses, hasil, total: proses + hasil };
}

/** Cross-check: the README rules written here agree with the rubric's own `rules`. */
function checkRulesAgainstRubric(rubric) {
  const found = {};
  const walk = (n) => {
    for (const q of n.questions ?? []) if (q.rules) for (const r of q.rules) found[q.code] = r;
    for (const c of n.children ?? []) walk(c);
  };
  rubric.tree.forEach(walk);
  const a = JSON.stringify(Object.keys(found).sort());
  const b = JSON.stringify(Object.keys(RB_RULES).sort());
  if (a !== b) throw new Error(`rubric rules ${a} differ from the README rules ${b}`);
  for (const [code, r] of Object.entries(found)) {
    const mine = RB_RULES[code];
    if (r.multiplyBy !== mine.multiplyBy || (r.zeroWhen?.question ?? null) !== (mine.zeroWhen?.question ?? null)) {
      throw new Error(`rule of ${code} differs: rubric ${JSON.stringify(r)}, README ${JSON.stringify(mine)}`);
    }
  }
}

/** Round half up to 2 decimals (on the decimal text, so 59.725 → 59.73). */
const round2 = (x) => Math.round(Number(`${Number(x.toPrecision(12))}e2`)) / 100;
const predikatRb = (x) => (x > 90 ? 'AA' : x > 80 ? 'A' : x > 70 ? 'BB' : x > 60 ? 'B' : x > 50 ? 'CC' : x > 30 ? 'C' : 'D');

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Excel helpers
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const last = (code) => code.split('.').pop();
/** Official names keep the bobot in brackets with a decimal comma: "Harmonisasi (2,5)". */
const withBobot = (name, bobot) => `${name} (${String(bobot).replace('.', ',')})`;
const penjelasanOf = (q) =>
  q.explanation ??
  (q.optionTexts
    ? Object.entries(q.optionTexts)
        .map(([k, t]) => `${k.toLowerCase()}. ${t}`)
        .join('\n')
    : '');

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lke scripts/make-fixtures.mjs';
  wb.lastModifiedBy = 'lke scripts/make-fixtures.mjs';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Writes the workbook with fixed zip entry dates, so the bytes do not depend on when the script ran. */
async function save(wb, name) {
  const buf = await wb.xlsx.writeBuffer();
  let out = buf;
  try {
    const JSZip = require('jszip'); // exceljs's own zip library
    const zip = await JSZip.loadAsync(buf);
    for (const f of Object.values(zip.files)) f.date = FIXED_DATE;
    out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  } catch (e) {
    console.warn(`  (zip dates not normalised: ${e.message})`);
  }
  writeFileSync(join(OUT, name), out);
  console.log(`  wrote fixtures/${name} (${(out.length / 1024).toFixed(1)} KB)`);
}

const BOLD = { bold: true };
const WRAP = { wrapText: true, vertical: 'top' };
const PCT = '0.00%';
const NUM = '0.00';

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// LKE RB 14/2014, official layout (fixtures 1, 3, 5)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
const RB_COLS_OFFICIAL = {
  num: ['B', 'C', 'D', 'E', 'F'], // cascading numbering; the text stands in the column after the number
  bobot: 'G',
  penjelasan: 'H',
  pilihan: 'I',
  jawaban: 'J',
  nilai: 'K',
  pct: 'L',
  catatan: 'M',
  bukti: 'N',
};
// Fixture 3: Bukti first, Jawaban before Pilihan/Penjelasan, Bobot after Nilai.
const RB_COLS_REORDERED = {
  bukti: 'B',
  num: ['C', 'D', 'E', 'F', 'G'],
  jawaban: 'H',
  pilihan: 'I',
  penjelasan: 'J',
  nilai: 'K',
  bobot: 'L',
  pct: 'M',
  catatan: 'N',
};
const HEADER_LABELS = {
  bobot: 'Bobot',
  penjelasan: 'PENJELASAN',
  pilihan: 'Pilihan Jawaban',
  jawaban: 'Jawaban',
  nilai: 'Nilai',
  pct: '%',
  catatan: 'Catatan',
  bukti: 'Bukti/Eviden',
};

/** The official answer → score IF chain on Pilihan (P) and Jawaban (J); `m` multiplies every score (rules). */
function rbChain(P, J, m = '') {
  const k = (v) => `${v}${m}`;
  return (
    `IF(${P}="Y/T",IF(${J}="Ya",${k(1)},IF(${J}="Tidak",${k(0)},"Error")),` +
    `IF(${P}="A/B/C",IF(${J}="A",${k(1)},IF(${J}="B",${k(0.5)},IF(${J}="C",${k(0)},"Error"))),` +
    `IF(${P}="A/B/C/D",IF(${J}="A",${k(1)},IF(${J}="B",${k(0.67)},IF(${J}="C",${k(0.33)},IF(${J}="D",${k(0)},"Error")))),` +
    `IF(${P}="A/B/C/D/E",IF(${J}="A",${k(1)},IF(${J}="B",${k(0.75)},IF(${J}="C",${k(0.5)},IF(${J}="D",${k(0.25)},IF(${J}="E",${k(0)},"Error"))))),` +
    `"Error"))))`
  );
}

function opiniFormula(rubric, J) {
  const opts = rubric.scales['opini-bpk'].options;
  let f = '"Error"';
  for (const o of [...opts].reverse()) {
    const names = [o.code, ...(o.aliases ?? [])];
    const test = names.length === 1 ? `${J}="${names[0]}"` : `OR(${names.map((n) => `${J}="${n}"`).join(',')})`;
    f = `IF(${test},${o.score},${f})`;
  }
  return f;
}

/**
 * Lays the RB tree out as the official sheet does and writes it into `ws`. Returns the row of every node and the
 * rows of the totals. `opts.merged`: merge the node text cells across the label span and the hasil Jawaban cell
 * of `opts.mergeJawabanOf` over two rows.
 */
function writeRbOfficial(ws, rubric, score, cols, opts = {}) {
  const C = cols;
  const [c0, c1, , c3, c4] = C.num;
  const textCol = (depth) => C.num[depth + 1] ?? C.num[4];
  const lastNum = C.num[4];
  const rowOf = {};
  const set = (addr, value, extra) => {
    const cell = ws.getCell(addr);
    if (value === '' || value === undefined) return cell;
    cell.value = value;
    if (extra?.font) cell.font = extra.font;
    if (extra?.numFmt) cell.numFmt = extra.numFmt;
    if (extra?.alignment) cell.alignment = extra.alignment;
    return cell;
  };
  const merge = (range) => {
    if (opts.merged) ws.mergeCells(range);
  };

  // Title block
  set(`${c0}1`, 'LEMBAR KERJA EVALUASI REFORMASI BIROKRASI (INDEKS RB)', { font: { bold: true, size: 12 } });
  set(`${c0}2`, 'INSTANSI :', { font: BOLD });
  set(`${lastNum}2`, RB_INSTANSI, { font: BOLD });
  set(`${c0}3`, 'TAHUN :', { font: BOLD });
  set(`${lastNum}3`, RB_YEAR, { font: BOLD, alignment: { horizontal: 'left' } });
  if (opts.merged) {
    ws.mergeCells(`${c0}1:${C.catatan}1`);
    ws.mergeCells(`${c0}2:${c3}2`);
    ws.mergeCells(`${c0}3:${c3}3`);
  }

  // Header
  const H = 5;
  set(`${c0}${H}`, 'PENILAIAN', { font: BOLD, alignment: { horizontal: 'center' } });
  ws.mergeCells(`${c0}${H}:${c4}${H}`);
  for (const [role, label] of Object.entries(HEADER_LABELS)) set(`${C[role]}${H}`, label, { font: BOLD, alignment: { horizontal: 'center', wrapText: true } });

  let r = H + 1;
  const nodeRow = (depth, token, name, bobot, code) => {
    set(`${C.num[depth]}${r}`, token, { font: BOLD });
    set(`${textCol(depth)}${r}`, name, { font: BOLD });
    if (bobot !== undefined) set(`${C.bobot}${r}`, bobot, { font: BOLD });
    if (depth >= 1 && depth <= 2 && textCol(depth) !== lastNum) merge(`${textCol(depth)}${r}:${lastNum}${r}`);
    rowOf[code] = r;
    return r++;
  };
  const setNilai = (row, formula, result) => {
    set(`${C.nilai}${row}`, { formula, result }, { numFmt: NUM });
    set(`${C.pct}${row}`, { formula: `${C.nilai}${row}/${C.bobot}${row}`, result: result / ws.getCell(`${C.bobot}${row}`).value }, { numFmt: PCT });
  };

  for (const comp of rubric.tree) {
    const isHasil = comp.code === 'B';
    const compRow = nodeRow(0, `${comp.code}.`, isHasil ? `HASIL (${comp.bobot})` : `PROSES (${comp.bobot})`, comp.bobot, comp.code);
    merge(`${c1}${compRow}:${lastNum}${compRow}`);
    const areaRows = [];
    comp.children.forEach((area, ai) => {
      const areaRow = nodeRow(1, `${ROMAN[ai]}.`, withBobot(area.name.toUpperCase(), area.bobot), area.bobot, area.code);
      areaRows.push(areaRow);
      const subRows = [];
      area.children.forEach((ind, ii) => {
        if (isHasil) {
          // The hasil input sits on the sub-area row itself: bobot, penjelasan, pilihan, answer, nilai.
          const q = ind.questions[0];
          const row = nodeRow(2, `${ii + 1}.`, withBobot(ind.name, ind.bobot), ind.bobot, ind.code);
          const J = `${C.jawaban}${row}`;
          set(`${C.penjelasan}${row}`, penjelasanOf(q), { alignment: WRAP });
          set(`${C.pilihan}${row}`, rubric.scales[q.scale].label, { alignment: WRAP });
          set(J, RB_HASIL[ind.code]);
          const G = `${C.bobot}${row}`;
          const formula =
            q.scale === 'sakip-0-100' ? `${J}/100*${G}` : q.scale === 'survey-0-5' ? `${J}/5*${G}` : q.scale === 'survey-0-4' ? `${J}/4*${G}` : `${opiniFormula(rubric, J)}/3*${G}`;
          setNilai(row, formula, score.nilai[ind.code]);
          if (opts.mergeJawabanOf === ind.code) ws.mergeCells(`${J}:${C.jawaban}${row + 1}`);
          subRows.push(row);
          return;
        }
        const indRow = nodeRow(2, String(ii + 1), withBobot(ind.name, ind.bobot), ind.bobot, ind.code);
        subRows.push(indRow);
        const first = r;
        ind.questions.forEach((q) => {
          const row = r++;
          rowOf[q.code] = row;
          const P = `${C.pilihan}${row}`;
          const J = `${C.jawaban}${row}`;
          set(`${c3}${row}`, `${last(q.code)}.`);
          set(`${c4}${row}`, q.text, { alignment: WRAP });
          set(`${C.penjelasan}${row}`, penjelasanOf(q), { alignment: WRAP });
          set(P, rubric.scales[q.scale].label);
          set(J, RB_ANSWERS[q.code], { alignment: { horizontal: 'center' } });
          const rule = RB_RULES[q.code];
          let formula;
          if (rule?.multiplyBy) formula = rbChain(P, J, `*${C.nilai}${rowOf[rule.multiplyBy]}`);
          else if (rule?.zeroWhen) formula = `IF(${C.jawaban}${rowOf[rule.zeroWhen.question]}="${rule.zeroWhen.answers[0]}",0,${rbChain(P, J)})`;
          else formula = rbChain(P, J);
          set(`${C.nilai}${row}`, { formula, result: score.q[q.code] });
          if (RB_CATATAN[q.code]) set(`${C.catatan}${row}`, RB_CATATAN[q.code], { alignment: WRAP });
          set(`${C.bukti}${row}`, `https://drive.example.go.id/kalteng/${q.code}`);
        });
        const lastQ = r - 1;
        const range = `${C.nilai}${first}:${C.nilai}${lastQ}`;
        setNilai(indRow, `SUM(${range})/COUNT(${range})*${C.bobot}${indRow}`, score.nilai[ind.code]);
      });
      setNilai(areaRow, `SUM(${subRows.map((x) => `${C.nilai}${x}`).join(',')})`, score.nilai[area.code]);
      if (isHasil) r++; // the official sheet leaves a blank row after each hasil area
    });
    setNilai(compRow, `SUM(${areaRows.map((x) => `${C.nilai}${x}`).join(',')})`, score.nilai[comp.code]);

    // TOTAL PENGUNGKIT / TOTAL HASIL
    const totalRow = r++;
    set(`${c0}${totalRow}`, isHasil ? 'TOTAL HASIL' : 'TOTAL PENGUNGKIT', { font: BOLD });
    set(`${C.bobot}${totalRow}`, comp.bobot, { font: BOLD });
    merge(`${c0}${totalRow}:${lastNum}${totalRow}`);
    setNilai(totalRow, `SUM(${areaRows.map((x) => `${C.nilai}${x}`).join(',')})`, score.nilai[comp.code]);
    rowOf[`TOTAL ${comp.code}`] = totalRow;
    r += isHasil ? 1 : 2;
  }
  const grand = r;
  set(`${c0}${grand}`, 'NILAI EVALUASI REFORMASI BIROKRASI', { font: BOLD });
  merge(`${c0}${grand}:${lastNum}${grand}`);
  set(`${C.nilai}${grand}`, { formula: `SUM(${C.nilai}${rowOf['TOTAL A']},${C.nilai}${rowOf['TOTAL B']})`, result: score.total }, { font: BOLD, numFmt: NUM });
  rowOf.GRAND = grand;

  // Widths as in the official sheet
  for (const c of C.num.slice(0, 4)) ws.getColumn(c).width = 4.5;
  ws.getColumn(c4).width = 55;
  const widths = { bobot: 7, penjelasan: 55, pilihan: 12, jawaban: 10, nilai: 10, pct: 9, catatan: 30, bukti: 48 };
  for (const [role, w] of Object.entries(widths)) ws.getColumn(C[role]).width = w;
  ws.views = [{ state: 'frozen', ySplit: H }];
  return rowOf;
}

async function makeRbOfficial(rubric, score, name, cols, opts = {}) {
  const wb = newWorkbook();
  const rekap = opts.rekap ? wb.addWorksheet('Rekapitulasi') : undefined;
  const ws = wb.addWorksheet('LKE');
  const rowOf = writeRbOfficial(ws, rubric, score, cols, opts);
  if (rekap) writeRekap(rekap, rubric, score, rowOf, cols);
  await save(wb, name);
  return rowOf;
}

/** The summary sheet of fixture 3: Penilaian / Bobot / Nilai / %, each Nilai a formula into the LKE sheet. */
function writeRekap(ws, rubric, score, rowOf, cols) {
  ws.getCell('B1').value = 'REKAPITULASI HASIL PENILAIAN MANDIRI PELAKSANAAN REFORMASI BIROKRASI (PMPRB)';
  ws.getCell('B1').font = { bold: true, size: 12 };
  ws.getCell('B2').value = `${RB_INSTANSI} - Tahun ${RB_YEAR}`;
  const H = 4;
  ['No', 'Penilaian', 'Bobot', 'Nilai', '%'].forEach((t, i) => {
    const c = ws.getCell(H, 2 + i);
    c.value = t;
    c.font = BOLD;
  });
  let r = H + 1;
  const line = (no, text, bobot, code, bold) => {
    ws.getCell(`B${r}`).value = no;
    ws.getCell(`C${r}`).value = text;
    ws.getCell(`D${r}`).value = bobot;
    ws.getCell(`E${r}`).value = { formula: `LKE!${cols.nilai}${rowOf[code]}`, result: score.nilai[code] };
    ws.getCell(`E${r}`).numFmt = NUM;
    ws.getCell(`F${r}`).value = { formula: `E${r}/D${r}`, result: score.nilai[code] / bobot };
    ws.getCell(`F${r}`).numFmt = PCT;
    if (bold) for (const c of 'BCDEF') ws.getCell(`${c}${r}`).font = BOLD;
    r++;
  };
  for (const comp of rubric.tree) {
    line(`${comp.code}.`, comp.code === 'A' ? 'PROSES (PENGUNGKIT)' : 'HASIL', comp.bobot, comp.code, true);
    comp.children.forEach((a, i) => line(`${ROMAN[i]}.`, a.name, a.bobot, a.code, false));
  }
  ws.getCell(`C${r}`).value = 'INDEKS REFORMASI BIROKRASI';
  ws.getCell(`C${r}`).font = BOLD;
  ws.getCell(`D${r}`).value = 100;
  ws.getCell(`E${r}`).value = { formula: `LKE!${cols.nilai}${rowOf.GRAND}`, result: score.total };
  ws.getCell(`E${r}`).numFmt = NUM;
  ws.getCell(`E${r}`).font = BOLD;
  r++;
  ws.getCell(`C${r}`).value = 'Predikat';
  ws.getCell(`E${r}`).value = predikatRb(round2(score.total));
  ws.getColumn('B').width = 6;
  ws.getColumn('C').width = 50;
  for (const c of 'DEF') ws.getColumn(c).width = 10;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// LKE RB 14/2014, lke's flat layout (fixture 2)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
async function makeRbFlat(rubric) {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('LKE');
  ws.addRow(['Kode', 'Uraian', 'Bobot', 'Pilihan Jawaban', 'Jawaban', 'Bukti']).font = BOLD;
  const walk = (n) => {
    if (n.code.startsWith('B.') && n.questions) {
      const q = n.questions[0];
      ws.addRow([n.code, n.name, n.bobot, rubric.scales[q.scale].label, RB_HASIL[n.code], null]);
      return;
    }
    ws.addRow([n.code, n.name, n.bobot, null, null, null]);
    for (const q of n.questions ?? []) ws.addRow([q.code, q.text, null, rubric.scales[q.scale].label, RB_ANSWERS[q.code], `https://drive.example.go.id/kalteng/${q.code}`]);
    for (const c of n.children ?? []) walk(c);
  };
  rubric.tree.forEach(walk);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 70;
  ws.getColumn(4).width = 14;
  ws.getColumn(6).width = 48;
  await save(wb, F.flat);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// LKE ZI 90/2021, official layout (fixture 4)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
/** What the person meant: lke is expected to read these the same way. */
function canonicalZi(raw, scale) {
  if (scale === 'survey-0-4' || scale === 'jumlah') return typeof raw === 'number' ? raw : Number(String(raw).trim().replace(',', '.'));
  const s = String(raw).trim().toLowerCase().replace(/^\(/, '').replace(/[.)]$/, '');
  if (scale === 'ya-tidak') {
    if (['ya', 'y'].includes(s)) return 'Ya';
    if (['tidak', 'tdk', 't'].includes(s)) return 'Tidak';
    throw new Error(`not Ya/Tidak: ${raw}`);
  }
  const letter = s.toUpperCase();
  if (!(letter in SCORE_TABLE[scale])) throw new Error(`not an option of ${scale}: ${raw}`);
  return letter;
}

/** Ratio questions per README "ZI ratio questions" (with the sheet's clamps). */
function ziRatio(code, v) {
  switch (code) {
    case 'A.II.3.iii.a':
      return v.a === 0 && v.b === 0 ? 1 : Math.max(0, (v.a - v.b) / v.a);
    case 'A.II.5.ii.a':
      return Math.min(v.c / v.a, 1);
    case 'A.II.5.iii.a':
    case 'A.II.5.iii.b':
      return Math.min(v.e / v.a, 1);
    default:
      return Math.min(v.b / v.a, 1);
  }
}

/**
 * Scores the ZI answers twice: as lke should (typed variants understood) and as the sheet's own formulas do in
 * an Indonesian-locale Excel (comparisons ignore case, so "ya" and "a" count; "Y", "TDK", "b." and "(C)" are
 * "Blm Diisi" and left out of the mean; the text "3,25" and "12" convert to numbers in arithmetic).
 */
function scoreZi(rubric) {
  const res = { lke: { q: {}, nilai: {} }, sheet: { q: {}, nilai: {} } };
  const count = (code) => canonicalZi(ZI_ANSWERS[code], 'jumlah');
  const inputs = (q) => {
    const v = {};
    for (const i of q.inputs) v[i.key] = q.code === 'A.II.5.iii.a' && i.key === 'a' ? count(`${q.code}(b)`) + count(`${q.code}(c)`) + count(`${q.code}(d)`) : count(i.code);
    return v;
  };
  const sheetChoice = (raw, scale) => {
    // the official IF chain compares case-insensitively and nothing else
    const s = String(raw).toLowerCase();
    const table = SCORE_TABLE[scale];
    const hit = Object.keys(table).find((k) => k.toLowerCase() === s);
    return hit === undefined ? undefined : table[hit];
  };
  const walk = (node) => {
    if (node.questions) {
      for (const mode of ['lke', 'sheet']) {
        const scores = [];
        for (const q of node.questions) {
          let s;
          if (q.scale === 'percent') s = ziRatio(q.code, inputs(q));
          else if (q.scale === 'survey-0-4') s = canonicalZi(ZI_ANSWERS[q.code], q.scale) / 4;
          else s = mode === 'lke' ? baseScore(q.scale, canonicalZi(ZI_ANSWERS[q.code], q.scale)) : sheetChoice(ZI_ANSWERS[q.code], q.scale);
          res[mode].q[q.code] = s ?? 'Blm Diisi';
          if (s !== undefined) scores.push(s);
        }
        if (scores.length === 0) throw new Error(`${node.code}: every question unreadable by the sheet`);
        // hasil rows: x/4*bobot and score*bobot; indicators: AVERAGE(range)*bobot
        res[mode].nilai[node.code] = node.code.startsWith('B.') ? scores[0] * node.bobot : meanTimesBobot(scores, node.bobot);
      }
      return;
    }
    node.children.forEach(walk);
    for (const mode of ['lke', 'sheet']) res[mode].nilai[node.code] = sumOf(node.children.map((c) => res[mode].nilai[c.code]));
  };
  rubric.tree.forEach(walk);
  for (const mode of ['lke', 'sheet']) {
    const n = res[mode].nilai;
    res[mode].pengungkit = n.A;
    res[mode].hasil = n.B;
    res[mode].total = n.A + n.B;
  }
  return res;
}

/** The official ZI answer → score chain (column L), on Pilihan (J) and Jawaban (K). */
function ziChain(J, K) {
  return (
    `IF(${J}="Ya/Tidak",IF(${K}="Ya",1,IF(${K}="Tidak",0,"Blm Diisi")),` +
    `IF(${J}="A/B/C",IF(${K}="A",1,IF(${K}="B",0.5,IF(${K}="C",0,"Blm Diisi"))),` +
    `IF(${J}="A/B/C/D",IF(${K}="A",1,IF(${K}="B",0.67,IF(${K}="C",0.33,IF(${K}="D",0,"Blm Diisi")))),` +
    `IF(${J}="A/B/C/D/E",IF(${K}="A",1,IF(${K}="B",0.75,IF(${K}="C",0.5,IF(${K}="D",0.25,IF(${K}="E",0,"Blm Diisi"))))),` +
    `IF(${J}="%",IF(${K}="","Blm Diisi",${K}),IF(${J}="Jumlah",IF(${K}="","Blm Diisi",""),IF(${J}="Rupiah",IF(${K}="","Blm Diisi",""),IF(${J}="","","-"))))))))`
  );
}

/** The sheet's ratio formula for a % row, given the rows of its sub-inputs. */
function ziRatioFormula(code, at) {
  const req = `OR(${Object.values(at).map((x) => `${x}=""`).join(',')})`;
  switch (code) {
    case 'A.II.3.iii.a':
      return `IF(${req},"Blm Diisi",IF(AND(${at.a}=0,${at.b}=0),1,IF((${at.a}-${at.b})/${at.a}<0,0,(${at.a}-${at.b})/${at.a})))`;
    case 'A.II.5.ii.a':
      return `IF(${req},"Blm Diisi",IF(${at.c}/${at.a}>1,1,${at.c}/${at.a}))`;
    case 'A.II.5.iii.a':
    case 'A.II.5.iii.b':
      return `IF(OR(${at.a}="",${at.e}=""),"Blm Diisi",IF(${at.e}/${at.a}>1,1,${at.e}/${at.a}))`;
    default:
      return `IF(${req},"Blm Diisi",IF(${at.b}/${at.a}>1,1,${at.b}/${at.a}))`;
  }
}

async function makeZi(rubric, zs) {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('LKE ZI');
  const S = zs.sheet;
  const set = (addr, value, extra) => {
    const cell = ws.getCell(addr);
    if (value === '' || value === undefined) return cell;
    cell.value = value;
    if (extra?.font) cell.font = extra.font;
    if (extra?.numFmt) cell.numFmt = extra.numFmt;
    if (extra?.alignment) cell.alignment = extra.alignment;
    return cell;
  };
  set('B1', 'LAMPIRAN III\nPERATURAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA\nNOMOR 90 TAHUN 2021\nTENTANG PEMBANGUNAN DAN EVALUASI ZONA INTEGRITAS MENUJU WILAYAH BEBAS DARI KORUPSI DAN WILAYAH BIROKRASI BERSIH DAN MELAYANI DI INSTANSI PEMERINTAH', {
    font: BOLD,
    alignment: { wrapText: true, horizontal: 'center' },
  });
  ws.mergeCells('B1:O1');
  ws.getRow(1).height = 75;
  set('B2', 'UNIT KERJA :', { font: BOLD });
  set('H2', ZI_UNIT, { font: BOLD });
  set('B3', 'TAHUN :', { font: BOLD });
  set('H3', ZI_YEAR, { font: BOLD, alignment: { horizontal: 'left' } });
  const H = 5;
  set(`B${H}`, 'Penilaian', { font: BOLD, alignment: { horizontal: 'center' } });
  ws.mergeCells(`B${H}:G${H}`);
  const labels = { H: 'Bobot', I: 'Penjelasan', J: 'Pilihan Jawaban', K: 'Jawaban', L: 'Nilai', M: ' %', O: 'Catatan/Keterangan/Penjelasan' };
  for (const [c, t] of Object.entries(labels)) set(`${c}${H}`, t, { font: BOLD, alignment: { horizontal: 'center', wrapText: true } });

  let r = H + 1;
  const ROM = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii'];
  const NUMC = ['B', 'C', 'D', 'E', 'F', 'G'];
  const nodeRow = (depth, token, name, bobot, code, mergeTo = 'G') => {
    set(`${NUMC[depth]}${r}`, token, { font: BOLD });
    set(`${NUMC[depth + 1]}${r}`, name, { font: BOLD });
    if (NUMC[depth + 1] !== mergeTo) ws.mergeCells(`${NUMC[depth + 1]}${r}:${mergeTo}${r}`);
    set(`H${r}`, bobot, { font: BOLD });
    return r++;
  };
  const setNilai = (row, formula, result, bobot) => {
    set(`L${row}`, { formula, result }, { numFmt: '0.00' });
    set(`M${row}`, { formula: `L${row}/H${row}`, result: result / bobot }, { numFmt: PCT });
  };
  const evidence = (row, code) => {
    set(`P${row}`, `Data dukung ${code}`, { alignment: WRAP });
    const url = `https://drive.example.go.id/opd-contoh/zi/${code}`;
    set(`Q${row}`, { text: url, hyperlink: url }, { font: { color: { argb: 'FF0563C1' }, underline: true } });
  };
  const questionRow = (q, token) => {
    const row = r++;
    set(`F${row}`, token);
    set(`G${row}`, q.text, { alignment: WRAP });
    set(`I${row}`, penjelasanOf(q) || `Persentase dihitung dari jumlah di bawah ini: ${q.formula}${q.clamp?.[1] === 1 ? ' (paling tinggi 100%)' : ''}`, { alignment: WRAP });
    set(`J${row}`, rubric.scales[q.scale].label);
    if (ZI_CATATAN[q.code]) set(`O${row}`, ZI_CATATAN[q.code], { alignment: WRAP });
    evidence(row, q.code);
    if (q.scale !== 'percent') {
      set(`K${row}`, ZI_ANSWERS[q.code], { alignment: { horizontal: 'center' } });
      set(`L${row}`, { formula: ziChain(`J${row}`, `K${row}`), result: S.q[q.code] });
      return row;
    }
    // a ratio question: the % row computes the ratio from the "- Jumlah …" rows under it
    const at = {};
    const subRows = {};
    for (const inp of q.inputs) {
      const sr = r++;
      subRows[inp.key] = sr;
      at[inp.key] = `K${sr}`;
      const computedA = q.code === 'A.II.5.iii.a' && inp.key === 'a';
      // the official LHKPN/LHKASN blocks mark their two main inputs with "-" in F and the text without a dash
      if (q.code.startsWith('A.II.5.iii') && (inp.key === 'a' || inp.key === 'e')) {
        set(`F${sr}`, '-');
        set(`G${sr}`, inp.text, { alignment: WRAP });
      } else set(`G${sr}`, `- ${inp.text}`, { alignment: WRAP });
      set(`J${sr}`, 'Jumlah');
      if (!computedA) set(`K${sr}`, ZI_ANSWERS[inp.code], { alignment: { horizontal: 'center' } });
    }
    if (q.code === 'A.II.5.iii.a') {
      const [b, c, d] = ['b', 'c', 'd'].map((k) => at[k]);
      const v = ['b', 'c', 'd'].reduce((s, k) => s + canonicalZi(ZI_ANSWERS[`${q.code}(${k})`], 'jumlah'), 0);
      set(at.a, { formula: `IF(OR(${b}="",${c}="",${d}=""),"Blm Diisi",${b}+${c}+${d})`, result: v }, { alignment: { horizontal: 'center' } });
    }
    set(`K${row}`, { formula: ziRatioFormula(q.code, at), result: S.q[q.code] }, { numFmt: PCT });
    set(`L${row}`, { formula: ziChain(`J${row}`, `K${row}`), result: S.q[q.code] });
    return row;
  };

  const catRows = {};
  for (const comp of rubric.tree) {
    const isHasil = comp.code === 'B';
    const compRow = nodeRow(0, `${comp.code}.`, comp.name, comp.bobot, comp.code);
    const cats = [];
    comp.children.forEach((cat, ci) => {
      const catRow = nodeRow(1, `${ROMAN[ci]}.`, cat.name, cat.bobot, cat.code);
      cats.push(catRow);
      if (isHasil) {
        // hasil rows "a"/"b": the answer on the indicator row itself, nilai = score × bobot
        const rows = [];
        for (const ind of cat.children) {
          const q = ind.questions[0];
          const row = nodeRow(2, last(ind.code), ind.name, ind.bobot, ind.code);
          const survey = q.scale === 'survey-0-4';
          set(`I${row}`, q.explanation ?? ZI_HASIL_PENJELASAN[q.code] ?? penjelasanOf(q), { alignment: WRAP });
          set(`J${row}`, survey ? 'Nilai\n(0-4)' : rubric.scales[q.scale].label, { alignment: WRAP });
          set(`K${row}`, ZI_ANSWERS[q.code], { alignment: { horizontal: 'center' } });
          if (ZI_CATATAN[q.code]) set(`O${row}`, ZI_CATATAN[q.code], { alignment: WRAP });
          if (q.bukti !== false) evidence(row, q.code); // B.I.b (capaian kinerja) needs evidence, the surveys do not
          const formula = survey ? `IF(K${row}="","Blm Diisi",K${row}/4)*H${row}` : `${ziChain(`J${row}`, `K${row}`)}*H${row}`;
          setNilai(row, formula, S.nilai[ind.code], ind.bobot);
          rows.push(row);
        }
        setNilai(catRow, `SUM(${rows.map((x) => `L${x}`).join(',')})`, S.nilai[cat.code], cat.bobot);
        return;
      }
      const areaRows = [];
      cat.children.forEach((area, ai) => {
        const areaRow = nodeRow(2, `${ai + 1}.`, area.name, area.bobot, area.code);
        areaRows.push(areaRow);
        const indRows = [];
        area.children.forEach((ind, ii) => {
          const indRow = nodeRow(3, `${ROM[ii]}.`, ind.name, ind.bobot, ind.code);
          indRows.push(indRow);
          const first = r;
          if (ind.code === 'A.II.5.iii') {
            // LHKPN and LHKASN sub-blocks of bobot 1 each, laid out as in the official template
            const qRows = [];
            ind.questions.forEach((q, k) => {
              const blockRow = r++;
              if (k === 0) set(`E${blockRow}`, 'i.');
              set(`F${blockRow}`, k === 0 ? 'Penyampaian Laporan Harta Kekayaan Pejabat Negara (LHKPN)' : 'Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)', { font: BOLD });
              ws.mergeCells(`F${blockRow}:G${blockRow}`);
              set(`H${blockRow}`, 1);
              const qRow = questionRow(q, '-');
              qRows.push(qRow);
              setNilai(blockRow, `AVERAGE(L${qRow}:L${r - 1})*H${blockRow}`, S.q[q.code] * 1, 1);
            });
            // The official template's formula here averages the LHKPN block with the LHKPN % and ignores LHKASN
            // (README Doubts ZI 3); this fixture uses the rubric's rule, mean(LHKPN %, LHKASN %) × bobot.
            setNilai(indRow, `AVERAGE(${qRows.map((x) => `L${x}`).join(',')})*H${indRow}`, S.nilai[ind.code], ind.bobot);
            return;
          }
          const lone = ind.questions.length === 1 && /labels this single question "-"/.test(ind.questions[0].note ?? '');
          for (const q of ind.questions) questionRow(q, lone ? '-' : `${last(q.code)}.`);
          setNilai(indRow, `AVERAGE(L${first}:L${r - 1})*H${indRow}`, S.nilai[ind.code], ind.bobot);
        });
        setNilai(areaRow, `SUM(${indRows.map((x) => `L${x}`).join(',')})`, S.nilai[area.code], area.bobot);
      });
      setNilai(catRow, `SUM(${areaRows.map((x) => `L${x}`).join(',')})`, S.nilai[cat.code], cat.bobot);
    });
    setNilai(compRow, `SUM(${cats.map((x) => `L${x}`).join(',')})`, S.nilai[comp.code], comp.bobot);
    catRows[comp.code] = cats;
    const totalRow = r++;
    set(`B${totalRow}`, isHasil ? 'TOTAL HASIL' : 'TOTAL PENGUNGKIT', { font: BOLD });
    ws.mergeCells(`B${totalRow}:I${totalRow}`);
    set(`L${totalRow}`, { formula: `SUM(${cats.map((x) => `L${x}`).join(',')})`, result: S.nilai[comp.code] }, { font: BOLD, numFmt: '0.00' });
    catRows[`TOTAL ${comp.code}`] = totalRow;
    r++;
  }
  const grand = r;
  set(`B${grand}`, 'NILAI EVALUASI ZONA INTEGRITAS', { font: BOLD });
  ws.mergeCells(`B${grand}:K${grand}`);
  set(`L${grand}`, { formula: `SUM(L${catRows['TOTAL A']},L${catRows['TOTAL B']})`, result: S.total }, { font: BOLD, numFmt: '0.00' });

  const widths = { A: 3, B: 4, C: 5, D: 4, E: 5, F: 4, G: 52, H: 8, I: 60, J: 16, K: 12, L: 12, M: 10, N: 3, O: 40, P: 30, Q: 50 };
  for (const [c, w] of Object.entries(widths)) ws.getColumn(c).width = w;
  ws.views = [{ state: 'frozen', ySplit: H }];
  await save(wb, F.zi);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// fixtures/README.md
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
/** Half-up rounding of the value's decimal form (12 significant digits), so 32.07325 → 32.0733, not toFixed's 32.0732. */
const roundHalfUp = (x, d) => Math.round(Number(`${Number(x.toPrecision(12))}e${d}`)) / 10 ** d;
const f4 = (x) => roundHalfUp(x, 4).toFixed(4);
const pct = (x) => `${roundHalfUp(x * 100, 2).toFixed(2)}%`;
/** The value without binary noise (12 significant digits): 2.74875, 2.84066666667. */
const exact = (x) => String(Number(x.toPrecision(12)));

function readme(rb, rbScore, zi, zs) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  p('# Fixtures');
  p();
  p('Written by `node scripts/make-fixtures.mjs` (fixture 6 with `--libreoffice`). Do not edit by hand: change the');
  p('answer tables in the script and re-run it. The numbers below are computed by the script with its own');
  p('implementation of the domain README rules (not by lke), and `test/fixtures-hand.test.ts` asserts them');
  p('against the cached formula results in fixture 1.');
  p();
  p('| File | What it is |');
  p('|---|---|');
  p(`| \`${F.kalteng}\` | **Quick-start sample.** LKE RB 14/2014 in the official layout (sheet "LKE", modelled on the BPS 2015 sheet): cascading numbering B..F, Bobot G, PENJELASAN H, Pilihan Jawaban I, Jawaban J, Nilai K (real formulas with cached results), % L, Catatan M, Bukti/Eviden N. ${RB_INSTANSI}, ${RB_YEAR}: index **${round2(rbScore.total).toFixed(2)} (${predikatRb(round2(rbScore.total))})**, the province's published 2021 result. |`);
  p(`| \`${F.flat}\` | The same answers in lke's flat layout: one sheet "LKE", \`Kode \\| Uraian \\| Bobot \\| Pilihan Jawaban \\| Jawaban \\| Bukti\`, full codes (\`A.I.1.a\`, hasil \`B.I.1\`), no formulas. |`);
  p(`| \`${F.reordered}\` | Fixture 1 with the columns in another order (Bukti/Eviden B, PENILAIAN C..G, Jawaban H, Pilihan Jawaban I, PENJELASAN J, Nilai K, Bobot L, % M, Catatan N) and a "Rekapitulasi" sheet first (No / Penilaian / Bobot / Nilai / %, no Jawaban column; its Nilai cells are formulas into the LKE sheet). Same answers, same scores. |`);
  p(`| \`${F.zi}\` | LKE ZI 90/2021 in the official layout (sheet "LKE ZI", modelled on the Tangerang Selatan sheet) of a made-up OPD, with answers typed the way people type them (see below). |`);
  p(`| \`${F.merged}\` | Fixture 1 with the node text cells merged across the label span (component C:F, area D:F, sub-area E:F, totals B:F, title rows) and the Jawaban of hasil B.II.2 (Opini BPK) merged over two rows (J with the blank row under it). exceljs repeats a merged value in the covered cell; it must be read once. Same scores. |`);
  p(`| \`${F.libreoffice}\` | Fixture 1 opened and saved by a real LibreOffice (\`soffice --headless --convert-to xlsx\`), committed as LibreOffice wrote it (its own styles, shared formulas, cached values). Same scores. |`);
  p();
  p(`## Fixture 1: ${RB_INSTANSI}, ${RB_YEAR} (hand check)`);
  p();
  p('Scores per question: Ya 1 / Tidak 0; A/B/C 1 / 0.5 / 0; A/B/C/D 1 / 0.67 / 0.33 / 0; A–E 1 / 0.75 / 0.5 / 0.25 / 0.');
  p('Sub-area nilai = mean of its question scores × bobot; area = sum of sub-areas. Rules applied (README Doubts RB 2):');
  p(`A.I.2.a is **Tidak**, so A.I.2.d (answered B) scores 0; A.V.4.c–e multiply by the previous score (A.V.4.b = B → c = 0.67, d = 0.67, e = Tidak → 0);`);
  p('A.VIII.4.b and c multiply by A.VIII.4.a (B → 0.5): b = 1 × 0.5, c = 0.67 × 0.5 = 0.335.');
  p();
  p('Hasil inputs: ');
  p();
  p('| Code | Input | Scale | Conversion | Bobot | Nilai | Nilai (exact) |');
  p('|---|---|---|---|---:|---:|---:|');
  const conv = { 'sakip-0-100': 'x / 100 × bobot', 'survey-0-5': 'x / 5 × bobot', 'survey-0-4': 'x / 4 × bobot', 'opini-bpk': 'points / 3 × bobot (WDP = 2)' };
  for (const area of rb.tree[1].children)
    for (const ind of area.children) {
      const q = ind.questions[0];
      p(`| ${ind.code} ${ind.name} | ${RB_HASIL[ind.code]} | ${rb.scales[q.scale].label.length > 12 ? 'opini BPK' : rb.scales[q.scale].label} | ${conv[q.scale]} | ${ind.bobot} | ${f4(rbScore.nilai[ind.code])} | ${exact(rbScore.nilai[ind.code])} |`);
    }
  p();
  p('Per area (these are the cached Nilai values in column K of the area rows; the test asserts them to 4 decimals):');
  p();
  p('| Code | Area | Bobot | Nilai | Nilai (exact) | % |');
  p('|---|---|---:|---:|---:|---:|');
  for (const comp of rb.tree) {
    for (const area of comp.children) p(`| ${area.code} | ${area.name} | ${area.bobot} | ${f4(rbScore.nilai[area.code])} | ${exact(rbScore.nilai[area.code])} | ${pct(rbScore.nilai[area.code] / area.bobot)} |`);
    p(`| **${comp.code}** | **${comp.code === 'A' ? 'TOTAL PENGUNGKIT (Proses)' : 'TOTAL HASIL'}** | **${comp.bobot}** | **${f4(rbScore.nilai[comp.code])}** | ${exact(rbScore.nilai[comp.code])} | ${pct(rbScore.nilai[comp.code] / comp.bobot)} |`);
  }
  p(`| | **NILAI EVALUASI REFORMASI BIROKRASI** | **100** | **${f4(rbScore.total)}** | ${exact(rbScore.total)} → **${round2(rbScore.total).toFixed(2)}**, ${predikatRb(round2(rbScore.total))} | |`);
  p();
  p(`Full precision: Proses ${rbScore.proses.toFixed(6)} + Hasil ${rbScore.hasil.toFixed(6)} = ${rbScore.total.toFixed(6)}.`);
  p();
  p('Per sub-area (for tracing a difference down):');
  p();
  p('| Sub-area | Bobot | Answers | Nilai |');
  p('|---|---:|---|---:|');
  for (const area of rb.tree[0].children)
    for (const ind of area.children) p(`| ${ind.code} ${ind.name} | ${ind.bobot} | ${ind.questions.map((q) => `${last(q.code)} ${RB_ANSWERS[q.code]}`).join(', ')} | ${f4(rbScore.nilai[ind.code])} |`);
  p();
  p('### How to verify');
  p();
  p('1. By hand: take a sub-area row above, score its answers with the table, average, multiply by bobot; sum per area.');
  p('2. In a spreadsheet: open fixture 1, force a full recalculation (LibreOffice: Data ▸ Calculate ▸ Recalculate Hard;');
  p('   Excel: Ctrl+Alt+F9); the NILAI EVALUASI REFORMASI BIROKRASI row shows the index above. Headless:');
  p('   `soffice --headless --convert-to csv` with a profile whose `OOXMLRecalcMode` is 0 (always recalculate) prints');
  p('   the recalculated values; the script author checked it this way.');
  p('3. `npx vitest run test/fixtures-hand.test.ts` reads the cached values with exceljs and compares them with the');
  p('   numbers above, written into the test by hand.');
  p();
  p(`## Fixture 4: LKE ZI, ${ZI_UNIT}, ${ZI_YEAR}`);
  p();
  p('Answers typed the ways people type them:');
  p();
  p('| Code | Typed | Meant |');
  p('|---|---|---|');
  const typed = [];
  const walk = (n) => {
    for (const q of n.questions ?? []) {
      const raw = ZI_ANSWERS[q.code];
      if (q.scale === 'percent') {
        for (const i of q.inputs) if (typeof ZI_ANSWERS[i.code] === 'string') typed.push([i.code, ZI_ANSWERS[i.code], `${canonicalZi(ZI_ANSWERS[i.code], 'jumlah')} (text in the cell)`]);
        continue;
      }
      if (typeof raw !== 'string') continue;
      const c = canonicalZi(raw, q.scale);
      if (String(c) !== raw) typed.push([q.code, raw, typeof c === 'number' ? `${c} (text in the cell)` : c]);
    }
    (n.children ?? []).forEach(walk);
  };
  zi.tree.forEach(walk);
  for (const [c, t, m] of typed) p(`| ${c} | \`${t}\` | ${m} |`);
  p();
  p('The LHKPN denominator (A.II.5.iii.a(a)) is a formula b + c + d, as in the official template. The indicator');
  p('A.II.5.iii (bobot 2) is written as `AVERAGE(LHKPN %, LHKASN %) × 2` (the rubric rule), not the template\'s');
  p('formula that ignores LHKASN (README Doubts ZI 3).');
  p();
  p('| | Pengungkit | Hasil | Total |');
  p('|---|---:|---:|---:|');
  p(`| **Expected from lke** (typed variants understood) | ${f4(zs.lke.pengungkit)} | ${f4(zs.lke.hasil)} | **${f4(zs.lke.total)}** |`);
  p(`| Cached in the sheet (its own formulas) | ${f4(zs.sheet.pengungkit)} | ${f4(zs.sheet.hasil)} | ${f4(zs.sheet.total)} |`);
  p();
  p('The two differ on purpose. The official IF chain compares text ignoring case, so `ya` and `a` count, but `Y`,');
  p('`TDK`, `b.` and `(C)` give "Blm Diisi" and drop out of their indicator\'s mean. The cached results assume an');
  p('Indonesian-locale Excel, where the text `3,25` converts to 3.25 and `12` to 12 in arithmetic. Recalculated by');
  p('an en-US LibreOffice, every other formula cell gives the cached value, but the IPAK row and the sums above it');
  p('give #VALUE! (`"3,25"/4`).');
  p();
  p('Per area (expected from lke):');
  p();
  p('| Code | Name | Bobot | Nilai (lke) | Nilai (sheet cache) |');
  p('|---|---|---:|---:|---:|');
  for (const comp of zi.tree)
    for (const cat of comp.children) {
      for (const n of comp.code === 'A' ? cat.children : cat.children) p(`| ${n.code} | ${n.name} | ${n.bobot} | ${f4(zs.lke.nilai[n.code])} | ${f4(zs.sheet.nilai[n.code])} |`);
      p(`| **${cat.code}** | **${cat.name}** | **${cat.bobot}** | **${f4(zs.lke.nilai[cat.code])}** | ${f4(zs.sheet.nilai[cat.code])} |`);
    }
  p();
  return lines.join('\n');
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// LibreOffice (fixture 6)
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
function libreoffice() {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'].find(existsSync) ?? 'soffice';
  const tmp = mkdtempSync(join(tmpdir(), 'lke-fixtures-lo-'));
  try {
    const outdir = join(tmp, 'out');
    mkdirSync(outdir);
    const env = { ...process.env, HOME: tmp };
    execFileSync(soffice, [`-env:UserInstallation=file://${join(tmp, 'profile')}`, '--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', outdir, join(OUT, F.kalteng)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    });
    const produced = join(outdir, F.kalteng);
    if (!existsSync(produced)) throw new Error('LibreOffice produced no file');
    copyFileSync(produced, join(OUT, F.libreoffice));
    console.log(`  wrote fixtures/${F.libreoffice} (converted by ${soffice})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  const args = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const rb = loadRubric('rb-2014');
  const zi = loadRubric('zi-2021');
  checkRulesAgainstRubric(rb);

  const rbScore = scoreRb(rb);
  console.log(`LKE RB 14/2014, ${RB_INSTANSI} ${RB_YEAR}`);
  for (const comp of rb.tree) {
    for (const area of comp.children) console.log(`  ${area.code.padEnd(7)} ${area.name.padEnd(52)} bobot ${String(area.bobot).padStart(2)}  nilai ${f4(rbScore.nilai[area.code])}`);
    console.log(`  ${comp.code.padEnd(7)} ${(comp.code === 'A' ? 'PROSES' : 'HASIL').padEnd(52)} bobot ${comp.bobot}  nilai ${f4(rbScore.nilai[comp.code])}`);
  }
  console.log(`  index ${rbScore.total.toFixed(6)} → ${round2(rbScore.total).toFixed(2)} ${predikatRb(round2(rbScore.total))}`);
  if (round2(rbScore.total) !== RB_TARGET) throw new Error(`the RB answers give ${rbScore.total}, not ${RB_TARGET}: adjust RB_ANSWERS`);

  const zs = scoreZi(zi);
  console.log(`LKE ZI 90/2021, ${ZI_UNIT} ${ZI_YEAR}`);
  console.log(`  expected (lke) pengungkit ${f4(zs.lke.pengungkit)} hasil ${f4(zs.lke.hasil)} total ${f4(zs.lke.total)}`);
  console.log(`  sheet cache    pengungkit ${f4(zs.sheet.pengungkit)} hasil ${f4(zs.sheet.hasil)} total ${f4(zs.sheet.total)}`);

  await makeRbOfficial(rb, rbScore, F.kalteng, RB_COLS_OFFICIAL);
  await makeRbFlat(rb);
  await makeRbOfficial(rb, rbScore, F.reordered, RB_COLS_REORDERED, { rekap: true });
  await makeZi(zi, zs);
  await makeRbOfficial(rb, rbScore, F.merged, RB_COLS_OFFICIAL, { merged: true, mergeJawabanOf: 'B.II.2' });
  writeFileSync(join(OUT, 'README.md'), readme(rb, rbScore, zi, zs) + '\n');
  console.log('  wrote fixtures/README.md');

  if (args.includes('--libreoffice')) libreoffice();
  else console.log(`  skipped fixtures/${F.libreoffice}: it needs LibreOffice; run with --libreoffice to (re)make it`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
