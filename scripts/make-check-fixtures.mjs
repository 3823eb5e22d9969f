#!/usr/bin/env node
// Writes the fixture folders of `lke check` under fixtures/check/ (one folder per scenario; see the README there).
//
//   node scripts/make-check-fixtures.mjs                 writes fixtures/check/
//   LKE_CHECK_FIXTURES=/tmp/x node scripts/…             writes there instead (the tests compare the two)
//
// Every worksheet is in the official cascading layout (title block, a header row, numbering B..E, text F, Bobot H,
// Pilihan Jawaban J, Jawaban K, Nilai L with real formulas and cached results, Bukti/Eviden M) for the small
// rubric fixtures/check/rubric/lke-mini.yaml. The Nilai results are computed here from the literal score tables
// below, not by lke. Faults are planted at known cells and listed in PLANTED, which the tests compare with what
// lke finds. Output is deterministic: fixed workbook dates and fixed zip entry dates.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import YAML from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.env.LKE_CHECK_FIXTURES ? resolve(process.env.LKE_CHECK_FIXTURES) : join(ROOT, 'fixtures', 'check');
const STAMP = new Date(Date.UTC(2024, 5, 28, 9, 0, 0));

// ── the rubric ──────────────────────────────────────────────────────────────────────────────────────────────
const RUBRIC_YAML = `# yaml-language-server: $schema=../../../schema/rubric.schema.json
# Written by scripts/make-check-fixtures.mjs: a small LKE for the tests of \`lke check\` (not a regulation).
id: lke-mini
title: LKE Mini (fixtures of lke check)
regulation: test fixture, modelled on the LKE Zona Integritas
kind: zi
years: [2023, 2025]
defaults: {bukti: true}
scales:
  ya-tidak: {type: choice, label: Ya/Tidak, options: [{code: Ya, score: 1}, {code: Tidak, score: 0}]}
  abc: {type: choice, label: A/B/C, options: [{code: A, score: 1}, {code: B, score: 0.5}, {code: C, score: 0}]}
  percent: {type: percent, label: '%'}
predikat:
  bands:
    - {code: A, label: Sangat baik, above: 80}
    - {code: B, label: Baik, above: 60}
    - {code: C, label: Cukup, above: 40}
    - {code: D, label: Kurang}
tree:
  - code: A
    level: component
    name: Pengungkit
    bobot: 60
    children:
      - code: A.I
        level: area
        name: Manajemen Perubahan
        bobot: 30
        children:
          - code: A.I.1
            level: indicator
            name: Penyusunan Tim Kerja
            bobot: 15
            questions:
              - {code: A.I.1.a, text: Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas, scale: ya-tidak}
              - {code: A.I.1.b, text: Penentuan anggota tim dipilih melalui prosedur yang jelas, scale: abc}
          - code: A.I.2
            level: indicator
            name: Rencana Pembangunan Zona Integritas
            bobot: 15
            questions:
              - {code: A.I.2.a, text: Terdapat dokumen rencana kerja pembangunan Zona Integritas, scale: abc}
              - {code: A.I.2.b, text: Dalam dokumen pembangunan terdapat target prioritas yang relevan, scale: abc}
      - code: A.II
        level: area
        name: Penataan Tatalaksana
        bobot: 30
        children:
          - code: A.II.1
            level: indicator
            name: Prosedur Operasional Tetap
            bobot: 30
            questions:
              - {code: A.II.1.a, text: SOP telah disusun mengacu pada peta proses bisnis, scale: abc}
              - {code: A.II.1.b, text: Prosedur operasional tetap telah diterapkan, scale: abc}
  - code: B
    level: component
    name: Hasil
    bobot: 40
    children:
      - code: B.I
        level: indicator
        name: Kinerja Pelayanan
        bobot: 40
        questions:
          - {code: B.I.a, text: Persentase layanan yang selesai tepat waktu, scale: percent, bukti: false}
`;

const SCORES = { Ya: 1, Tidak: 0, A: 1, B: 0.5, C: 0 };
const tree = YAML.parse(RUBRIC_YAML).tree;

/** Items in sheet order with their depth and numbering: component A., area I., indicator 1., question a. */
function items() {
  const out = [];
  const walk = (node, depth) => {
    const last = node.code.split('.').pop();
    out.push({ kind: 'node', code: node.code, depth, number: `${last}.`, text: node.name, bobot: node.bobot, node });
    for (const child of node.children ?? []) walk(child, depth + 1);
    for (const q of node.questions ?? []) {
      const label = q.code.split('.').pop();
      out.push({ kind: 'question', code: q.code, depth: depth + 1, number: `${/^[a-z]$/.test(label) ? label : '-'}.`, text: q.text, scale: q.scale, bukti: q.bukti ?? true, parent: node.code });
    }
  };
  for (const n of tree) walk(n, 0);
  return out;
}

/** A question's score from its answer as the official formulas give it (blank and invalid answers: none). */
function scoreOf(scale, answer) {
  if (answer === null || answer === undefined || answer === '') return undefined;
  if (scale === 'percent') return typeof answer === 'number' ? (answer > 1 ? answer / 100 : answer) : undefined;
  const allowed = scale === 'ya-tidak' ? ['Ya', 'Tidak'] : ['A', 'B', 'C'];
  return allowed.includes(answer) ? SCORES[answer] : undefined;
}

// ── the worksheet writer ────────────────────────────────────────────────────────────────────────────────────
const COL = { label: 2, bobot: 'H', pilihan: 'J', jawaban: 'K', nilai: 'L', bukti: 'M' };
const SCALE_LABEL = { 'ya-tidak': 'Ya/Tidak', abc: 'A/B/C', percent: '%' };

/**
 * spec: { opd, year, answers: {code: value}, bukti: {code: text | {text, hyperlink} | null}, nilai: {code: wrong
 * cached value}, repeat: [code] (a question row written twice) }. Returns the row of each code.
 */
async function writeWorksheet(file, spec) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lke scripts/make-check-fixtures.mjs';
  wb.lastModifiedBy = wb.creator;
  wb.created = STAMP;
  wb.modified = STAMP;
  const ws = wb.addWorksheet('LKE');
  ws.getCell('B1').value = 'LEMBAR KERJA EVALUASI PEMBANGUNAN ZONA INTEGRITAS';
  ws.getCell('B2').value = 'UNIT KERJA';
  ws.getCell('F2').value = `: ${spec.opd}`;
  ws.getCell('B3').value = 'TAHUN';
  ws.getCell('F3').value = `: ${spec.year}`;
  const header = 5;
  ws.getCell(header, COL.label).value = 'PENILAIAN';
  ws.mergeCells(header, COL.label, header, COL.label + 4);
  for (const [k, label] of [['bobot', 'BOBOT'], ['pilihan', 'PILIHAN JAWABAN'], ['jawaban', 'JAWABAN'], ['nilai', 'NILAI'], ['bukti', 'BUKTI/EVIDEN']]) ws.getCell(`${COL[k]}${header}`).value = label;

  const list = items();
  const rows = new Map();
  let r = header + 1;
  const place = (it) => {
    ws.getCell(r, COL.label + it.depth).value = it.number;
    ws.getCell(r, COL.label + it.depth + 1).value = it.text;
    return r++;
  };
  for (const it of list) {
    rows.set(it.code, place(it));
    if (it.kind === 'node') {
      ws.getCell(`${COL.bobot}${rows.get(it.code)}`).value = it.bobot;
      continue;
    }
    if ((spec.repeat ?? []).includes(it.code)) rows.set(`${it.code}#2`, place(it));
  }
  // answers, evidence and the question Nilai
  const scores = new Map();
  for (const it of list.filter((x) => x.kind === 'question')) {
    const row = rows.get(it.code);
    const answer = it.code in (spec.answers ?? {}) ? spec.answers[it.code] : it.scale === 'percent' ? 0.9 : it.scale === 'ya-tidak' ? 'Ya' : 'A';
    ws.getCell(`${COL.pilihan}${row}`).value = SCALE_LABEL[it.scale];
    if (answer !== null) ws.getCell(`${COL.jawaban}${row}`).value = answer;
    const s = scoreOf(it.scale, answer);
    scores.set(it.code, s);
    const K = `${COL.jawaban}${row}`;
    const formula = it.scale === 'percent' ? `IF(${K}>1,${K}/100,${K})` : it.scale === 'ya-tidak' ? `IF(${K}="Ya",1,0)` : `IF(${K}="A",1,IF(${K}="B",0.5,0))`;
    const shown = spec.nilai && it.code in spec.nilai ? spec.nilai[it.code] : s;
    if (shown !== undefined) ws.getCell(`${COL.nilai}${row}`).value = { formula, result: shown };
    if (it.bukti) {
      const b = spec.bukti && it.code in spec.bukti ? spec.bukti[it.code] : `https://eviden.example.go.id/zi/${spec.year}/${it.code}`;
      if (b !== null) ws.getCell(`${COL.bukti}${row}`).value = b;
    }
    if (rows.has(`${it.code}#2`)) {
      const r2 = rows.get(`${it.code}#2`);
      ws.getCell(`${COL.pilihan}${r2}`).value = SCALE_LABEL[it.scale];
      ws.getCell(`${COL.jawaban}${r2}`).value = answer;
    }
  }
  // node Nilai: an indicator is the mean of its scored questions × bobot (AVERAGE skips blanks); above, the sum
  const nilai = new Map();
  for (const it of [...list].reverse()) {
    if (it.kind !== 'node') continue;
    const row = rows.get(it.code);
    const kids = list.filter((x) => x.kind === 'question' && x.parent === it.code);
    let v;
    let formula;
    if (kids.length > 0) {
      const s = kids.map((k) => scores.get(k.code)).filter((x) => x !== undefined);
      v = s.length ? (s.reduce((a, b) => a + b, 0) / s.length) * it.bobot : 0;
      const first = rows.get(kids[0].code);
      const lastRow = Math.max(...kids.map((k) => rows.get(`${k.code}#2`) ?? rows.get(k.code)));
      formula = `IFERROR(AVERAGE(${COL.nilai}${first}:${COL.nilai}${lastRow})*${COL.bobot}${row},0)`;
    } else {
      const children = it.node.children.map((c) => c.code);
      v = children.reduce((a, c) => a + nilai.get(c), 0);
      formula = `SUM(${children.map((c) => `${COL.nilai}${rows.get(c)}`).join(',')})`;
    }
    nilai.set(it.code, v);
    const shown = spec.nilai && it.code in spec.nilai ? spec.nilai[it.code] : v;
    ws.getCell(`${COL.nilai}${row}`).value = { formula, result: shown };
  }
  const total = r + 1;
  ws.getCell(total, COL.label).value = 'NILAI EVALUASI ZONA INTEGRITAS';
  ws.getCell(`${COL.nilai}${total}`).value = { formula: tree.map((n) => `${COL.nilai}${rows.get(n.code)}`).join('+'), result: tree.reduce((a, n) => a + nilai.get(n.code), 0) };
  await save(wb, file);
  return { rows, index: tree.reduce((a, n) => a + nilai.get(n.code), 0) };
}

/** The workbook with every zip entry dated STAMP, so re-running gives the same bytes. */
async function save(wb, file) {
  const entries = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const zipped = zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: STAMP, level: 9 }]])));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, zipped);
  console.log(`  wrote ${file.slice(OUT.length + 1)} (${(zipped.length / 1024).toFixed(1)} KB)`);
}

function write(rel, text) {
  const file = join(OUT, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`  wrote ${rel}`);
}

// ── the scenarios ───────────────────────────────────────────────────────────────────────────────────────────
const PLANTED = {};
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
write('rubric/lke-mini.yaml', RUBRIC_YAML);

// clean/: every answer allowed, evidence as URLs, a relative path and a hyperlink to files that exist
{
  const { rows, index } = await writeWorksheet(join(OUT, 'clean', 'dinas-kominfo-2024.xlsx'), {
    opd: 'Dinas Komunikasi dan Informatika',
    year: 2024,
    answers: { 'A.I.1.b': 'B', 'A.II.1.a': 'B', 'B.I.a': 0.75 },
    bukti: { 'A.I.1.a': { text: 'SK Tim Zona Integritas', hyperlink: 'bukti/sk%20tim%20zi.pdf' }, 'A.I.1.b': 'bukti/notulen-rapat.pdf' },
  });
  write('clean/bukti/sk tim zi.pdf', '%PDF-1.4\n% fixture: stands for the SK of the ZI team\n');
  write('clean/bukti/notulen-rapat.pdf', '%PDF-1.4\n% fixture: stands for the minutes\n');
  PLANTED.clean = { index, findings: [], rows: Object.fromEntries(rows) };
}

// faults/: exactly four planted faults at known cells
{
  const { rows, index } = await writeWorksheet(join(OUT, 'faults', 'dinas-kesehatan-2024.xlsx'), {
    opd: 'Dinas Kesehatan',
    year: 2024,
    answers: { 'A.I.1.b': 'D', 'A.I.2.a': null, 'A.II.1.b': 'B' },
    bukti: { 'A.II.1.a': null },
    nilai: { 'A.II.1.b': 1 },
  });
  const at = (code, col) => `${col}${rows.get(code)}`;
  PLANTED.faults = {
    index,
    rows: Object.fromEntries(rows),
    findings: [
      { code: 'answer-invalid', cell: at('A.I.1.b', COL.jawaban), question: 'A.I.1.b' },
      { code: 'answer-missing', cell: at('A.I.2.a', COL.jawaban), question: 'A.I.2.a' },
      { code: 'bukti-missing', cell: at('A.II.1.a', COL.bukti), question: 'A.II.1.a' },
      { code: 'nilai-mismatch', cell: at('A.II.1.b', COL.nilai), question: 'A.II.1.b' },
    ],
  };
}

// submission/: the checks of a submission: evidence links and paths, a percentage typed as 85, a repeated row, a
// worksheet for a year the rubric is not for
{
  const { rows, index } = await writeWorksheet(join(OUT, 'submission', 'dinas-pendidikan-2021.xlsx'), {
    opd: 'Dinas Pendidikan',
    year: 2021,
    answers: { 'B.I.a': 85 },
    bukti: {
      'A.I.1.a': 'bukti/sk-tim.pdf',
      'A.I.1.b': 'www.disdik.example.go.id/zi/sop',
      'A.I.2.a': 'http//drive.example.go.id/rencana-kerja',
      'A.II.1.a': { text: 'Notulen', hyperlink: 'bukti/notulen.pdf' },
      'A.II.1.b': 'Terlampir dalam berkas fisik',
    },
    repeat: ['A.II.1.b'],
  });
  const at = (code, col) => `${col}${rows.get(code)}`;
  PLANTED.submission = {
    index,
    rows: Object.fromEntries(rows),
    findings: [
      { code: 'rubric-year-mismatch', cell: 'F3', question: null },
      { code: 'bukti-path-missing', cell: at('A.I.1.a', COL.bukti), question: 'A.I.1.a' },
      { code: 'bukti-link-invalid', cell: at('A.I.1.b', COL.bukti), question: 'A.I.1.b' },
      { code: 'bukti-link-invalid', cell: at('A.I.2.a', COL.bukti), question: 'A.I.2.a' },
      { code: 'bukti-path-missing', cell: at('A.II.1.a', COL.bukti), question: 'A.II.1.a' },
      { code: 'row-duplicate', cell: at('A.II.1.b#2', COL.jawaban), question: 'A.II.1.b' },
      { code: 'percent-ambiguous', cell: at('B.I.a', COL.jawaban), question: 'B.I.a' },
    ],
  };
}

// batch/: a province's folder with lke.config.yaml: a good worksheet, a weak one (below B, with findings of which
// one is accepted), a file that is not a workbook, and an Office lock file that is skipped
{
  const a = await writeWorksheet(join(OUT, 'batch', 'submissions', 'dinas-a-2024.xlsx'), { opd: 'Dinas A', year: 2024 });
  const b = await writeWorksheet(join(OUT, 'batch', 'submissions', 'dinas-b-2024.xlsx'), {
    opd: 'Dinas B',
    year: 2024,
    answers: { 'A.I.1.a': 'Tidak', 'A.I.1.b': 'C', 'A.I.2.a': 'B', 'A.I.2.b': 'C', 'A.II.1.a': 'C', 'A.II.1.b': 'B', 'B.I.a': 0.6 },
    bukti: { 'A.I.1.a': null, 'A.I.2.b': null, 'A.II.1.a': 'www.dinas-b.example.go.id/sop' },
  });
  write('batch/submissions/dinas-c-2024.xlsx', 'Mohon maaf, berkas LKE menyusul.\n');
  write('batch/submissions/~$dinas-a-2024.xlsx', 'lock\n');
  write(
    'batch/lke.config.yaml',
    `# lke check settings of the province (read from the working directory; flags override them)
rubric: ../rubric/lke-mini.yaml
blank: skip
failOn: error
maxWarnings: 10
failUnder: B
severity:
  bukti-link-invalid: error     # a broken link is as bad as no evidence
  rubric-year-mismatch: error
accepted:
  - code: bukti-missing
    file: submissions/dinas-b-2024.xlsx
    question: A.I.1.a
    reason: the SK is handed over on paper (agreed with the evaluator)
`,
  );
  PLANTED.batch = { a: { index: a.index, rows: Object.fromEntries(a.rows) }, b: { index: b.index, rows: Object.fromEntries(b.rows) } };
}

// bad-config/: a config with a misspelt key
write('bad-config/lke.config.yaml', 'rubric: ../rubric/lke-mini.yaml\nfailon: warning\n');

write('planted.json', `${JSON.stringify(PLANTED, null, 2)}\n`);

write(
  'README.md',
  `# Fixtures of \`lke check\`

Written by \`node scripts/make-check-fixtures.mjs\` (\`npm run fixtures:check\`); do not edit by hand. One folder per
scenario; the worksheets use the small rubric \`rubric/lke-mini.yaml\` (years 2023–2025, predikat A > 80, B > 60,
C > 40, D). \`planted.json\` lists the row of every rubric item and the findings planted in each worksheet, which
\`test/check-cli.test.ts\` compares with what every format reports.

| Folder | What it is |
|---|---|
| \`clean/\` | A fully filled worksheet with allowed answers, evidence as URLs, as a relative path and as a hyperlink to files that exist in \`clean/bukti/\`. No findings, exit 0. |
| \`faults/\` | Four planted faults: an invalid letter (D on A/B/C) in K10, a blank answer in K12, a missing evidence cell on the row of K16, a wrong Nilai (1 for answer B) in L17. |
| \`submission/\` | The checks of a submission: a worksheet for 2021 on a 2023–2025 rubric (F3), evidence paths that do not exist (text and hyperlink), links that are not URLs, a repeated question row, a percentage typed as 85. |
| \`batch/\` | A province's folder with \`lke.config.yaml\` (rubric, thresholds, severity overrides, an accepted finding): a good worksheet, a weak one under B, a text file named .xlsx and an Office lock file (skipped). |
| \`bad-config/\` | A config file with a misspelt key (exit 2). |
`,
);
