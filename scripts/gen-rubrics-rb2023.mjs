#!/usr/bin/env node
// Generates the built-in rubrics of the current Indeks RB (evaluation 2023 onward: RB General + RB Tematik), one per
// instansi group, from the domain data in ../shared/domain/rb-2023 (outside this repository):
//   rubrics/rb-2023-kabkota.yaml   rb-2023-kabkota.csv
//   rubrics/rb-2023-provinsi.yaml  rb-2023-provinsi.csv
//   rubrics/rb-2023-kl.yaml        rb-2023-kl.csv
// The rule and the uncertain facts come from ../shared/domain/rb-2023/README.md and are written down here; the
// official names are kept as the source spells them (typos included), with the names people also use as aliases.
//
// Usage: node scripts/gen-rubrics-rb2023.mjs            write the three files
//        node scripts/gen-rubrics-rb2023.mjs --check    fail when the committed files differ from what would be written
//        node scripts/gen-rubrics-rb2023.mjs --domain <dir> --out <dir>
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { parseCsv, RB_PREDIKAT_BANDS } from './gen-rubrics.mjs';

const argv = process.argv.slice(2);
const argValue = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  if (!argv[i + 1]) fail(`${name} needs a directory`);
  return argv[i + 1];
};
const dirUrl = (p) => pathToFileURL(resolve(p) + '/');
const DOMAIN = argValue('--domain') ? dirUrl(argValue('--domain')) : new URL('../../shared/domain/', import.meta.url);
const OUT = argValue('--out') ? dirUrl(argValue('--out')) : new URL('../rubrics/', import.meta.url);
const CHECK_ONLY = argv.includes('--check');

function fail(msg) {
  console.error(`gen-rubrics-rb2023: ${msg}`);
  process.exit(1);
}
function assert(cond, msg) {
  if (!cond) fail(msg);
}

const COLUMNS = ['code', 'parent_code', 'level', 'name', 'min_value', 'max_value', 'bobot', 'pengali_code', 'type', 'penilai', 'notes'];
const LEVELS = ['component', 'sub-component', 'element', 'sub-element', 'indicator'];

function readTree(file) {
  const url = new URL(`rb-2023/${file}`, DOMAIN);
  assert(existsSync(url), `missing ${fileURLToPath(url)}`);
  const rows = parseCsv(readFileSync(url, 'utf8'), file);
  const header = rows.shift();
  assert(header && COLUMNS.every((c, i) => header[i] === c), `${file}: header must be ${COLUMNS.join(',')}, got ${header}`);
  return rows.map((r, i) => {
    assert(r.length === COLUMNS.length, `${file}: record ${i + 2} has ${r.length} fields, expected ${COLUMNS.length}`);
    // names are kept exactly as the source writes them; only the other fields are trimmed
    return Object.fromEntries(COLUMNS.map((c, j) => [c, c === 'name' ? r[j] : r[j].trim()]));
  });
}

const num = (s, what) => {
  const v = Number(s);
  assert(s !== '' && Number.isFinite(v), `${what}: "${s}" is not a number`);
  return v;
};

// ---------------------------------------------------------------------------------------------------------------
// What the README says, as data

const GROUPS = {
  kabkota: { file: 'rb-2023-kabkota.csv', title: 'Kabupaten/Kota', tematik: 20, koefisien: [-10, 1] },
  provinsi: { file: 'rb-2023-provinsi.csv', title: 'Provinsi', tematik: 20, koefisien: [-10, 1] },
  kl: { file: 'rb-2023-kl.csv', title: 'Kementerian/Lembaga', tematik: 10, koefisien: [-10, 10] },
};

const OPINI_UNCERTAIN =
  'Only WTP (5, the full bobot) and WDP (3.33) appear in the records (Portal RB dump, June 2024); the points of TW and TMP are not there, so they are not known.';

/** Opini BPK: the raw value is the option's value; one K/L record holds 1 on the 0–1 range for the same 5 points. */
const opiniScale = (range, max) => ({
  type: 'choice',
  label: 'WTP/WDP/TW/TMP',
  max,
  range,
  uncertain: `The points of TW and TMP: ${OPINI_UNCERTAIN}`,
  note: `The raw value is the chosen option's value (records hold 5 for WTP, 3.33 for WDP); a number on the line's range ${range[0]}–${range[1]} is a share of the full ${max} (one K/L record holds 1 for 5 points).`,
  options: [
    { code: 'WTP', score: max, text: 'Wajar Tanpa Pengecualian', aliases: ['Wajar Tanpa Pengecualian'] },
    { code: 'WDP', score: 3.33, text: 'Wajar Dengan Pengecualian', aliases: ['Wajar Dengan Pengecualian'] },
    { code: 'TW', text: 'Tidak Wajar', aliases: ['Tidak Wajar'], uncertain: OPINI_UNCERTAIN },
    { code: 'TMP', text: 'Tidak Menyatakan Pendapat', aliases: ['Tidak Menyatakan Pendapat', 'Disclaimer'], uncertain: OPINI_UNCERTAIN },
  ],
});

// Names people also use, by what the line measures; attached to the line of each group whose official name is
// listed. A name is an alias in a group only where it names no other line of that group (checked on load).
const ALIASES = [
  [['Rencana Aksi Pembangunan RB General'], ['Rencana Aksi RB General']],
  [['TIngkat Implementasi Rencana Aksi RB General', 'Tingkat Implementasi Rencana Aksi Pembangunan RB General'], ['Implementasi Rencana Aksi RB General', 'Tingkat Implementasi Rencana Aksi RB General']],
  [['Persentase Penyderhanaan Struktur Organisasi', 'Persentase Penyederhanaan Struktur Organisasi'], ['Persentase Penyederhanaan Struktur Organisasi', 'Penyederhanaan Struktur Organisasi']],
  [['Tingkat Capaian Sistem Kerja untuk Penyderhanaan Birokrasi', 'Tingkat Capaian Sistem Kerja untuk Penyederhanaan Birokrasi'], ['Tingkat Capaian Sistem Kerja untuk Penyederhanaan Birokrasi', 'Sistem Kerja Penyederhanaan Birokrasi']],
  [['Tingkat Maturitas Sistem Pengendalian Intern Pemerintah', 'Tingkat Maturitas Sistem Pengendalian Intern Pemerintah (SPIP)'], ['Maturitas SPIP', 'Tingkat Maturitas SPIP', 'Nilai Maturitas SPIP', 'SPIP']],
  [['Tingkat Keberhasilan Pembangunan Zona Integritas'], ['Pembangunan Zona Integritas', 'Zona Integritas']],
  [['Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah', 'Nilai Sitem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)', 'Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)'], ['Nilai SAKIP', 'SAKIP', 'Nilai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)']],
  [['Indeks Perencanaan Pembangunan'], ['IPP Bappenas']],
  [['Tingkat Implementasi Kebijakan Arsitektur Sistem Pemerintahan Berbasis Elektronik', 'Tingkat Implementasi Kebijakan Arsitektur Sistem Pemerintahan Berbasis Elektronik (SPBE)'], ['Arsitektur SPBE', 'Implementasi Kebijakan Arsitektur SPBE', 'Tingkat Implementasi Kebijakan Arsitektur SPBE']],
  [['Tingkat Digitalisasi Arsip'], ['Digitalisasi Arsip']],
  [['Indikator Kinerja Pelaksanaan Anggaran'], ['IKPA', 'Indeks Kinerja Pelaksanaan Anggaran']],
  [['Indeks Pengelolaan Aset'], ['Pengelolaan Aset']],
  [['Tingkat Tindak Lanjut Pengaduan Masyarakat (LAPOR) yang Sudah Diselesaikan'], ['SP4N-LAPOR', 'LAPOR', 'Tindak Lanjut Pengaduan Masyarakat', 'Pengaduan Masyarakat (LAPOR)']],
  [['Indeks Kualitas Kebijakan'], ['IKK', 'Kualitas Kebijakan']],
  [['Indeks Reformasi Hukum'], ['IRH', 'Reformasi Hukum']],
  [['Tingkat Kematangan Penyelenggaraan Statistik Sektoral'], ['Statistik Sektoral', 'EPSS', 'Kematangan Statistik Sektoral']],
  [['Indeks Tata Kelola Pengadaan'], ['ITKP', 'Tata Kelola Pengadaan']],
  [['Indeks Sistem Merit'], ['Sistem Merit']],
  [['Indeks Pelayanan Publik'], ['Indeks Pelayanan Publik (IPP)']],
  [['Tingkat Kepatuhan Standar Pelayanan Publik'], ['Kepatuhan Standar Pelayanan Publik', 'Opini Ombudsman']],
  [['Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)', 'Indeks SPBE'], ['Indeks SPBE', 'Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)', 'SPBE']],
  [['Capaian Indikator Kinerja Utama Makro', 'Capaian IKU Makro'], ['Capaian IKU Makro', 'Capaian Indikator Kinerja Utama Makro', 'IKU Makro']],
  [['Capaian Indikator Kinerja Non Makro', 'Capaian IKU Non Makro'], ['Capaian IKU Non Makro', 'Capaian Indikator Kinerja Utama Non Makro', 'Capaian Indikator Kinerja Non Makro', 'IKU Non Makro']],
  [['Capaian Prioritas Nasional'], ['Capaian PN']],
  [['Capaian IKU'], ['Capaian Indikator Kinerja Utama', 'IKU']],
  [['Opini BPK'], ['Opini BPK atas Laporan Keuangan', 'Opini Laporan Keuangan']],
  [['Tindak Lanjut Rekomendasi', 'Tindak Lanjut Rekomendasi BPK'], ['Tindak Lanjut Rekomendasi BPK', 'Tindak Lanjut Rekomendasi Hasil Pemeriksaan BPK', 'TLRHP']],
  [['Indeks BerAkhlak'], ['BerAKHLAK', 'Indeks Budaya BerAKHLAK']],
  [['Survei Penilaian Integritas'], ['SPI', 'Survei Penilaian Integritas (SPI)', 'Indeks Integritas']],
  [['Survei Kepuasan Masyarakat'], ['SKM', 'Survei Kepuasan Masyarakat (SKM)', 'Indeks Kepuasan Masyarakat']],
  [['Koefisien', 'Net Koefisien'], ['Koefisien', 'Net Koefisien', 'Koefisien Penyesuaian']],
];

const lineKey = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function aliasesFor(name, parentName) {
  const own = lineKey(name);
  const out = [];
  const add = (a) => {
    if (lineKey(a) !== own && !out.some((x) => lineKey(x) === lineKey(a))) out.push(a);
  };
  // a sub-element holding this one line often goes by its own wording ("Indeks Kinerja Pelaksanaan Anggaran")
  if (parentName) add(parentName);
  for (const [names, aliases] of ALIASES) if (names.some((n) => lineKey(n) === own)) aliases.forEach(add);
  return out.length ? out : undefined;
}

// ---------------------------------------------------------------------------------------------------------------

const fmtRange = (lo, hi) => `${lo}-${hi}`;

function build(group) {
  const g = GROUPS[group];
  const rows = readTree(g.file);
  const byCode = new Map();
  const scales = {};
  const roots = [];
  let opini = 0;
  for (const r of rows) {
    assert(LEVELS.includes(r.level), `${g.file}: ${r.code}: unknown level ${r.level}`);
    assert(!byCode.has(r.code), `${g.file}: ${r.code} twice`);
    const node = { code: r.code, level: r.level, name: r.name, bobot: num(r.bobot, `${g.file} ${r.code} bobot`) };
    byCode.set(r.code, { row: r, node, children: [] });
    if (r.parent_code) {
      const parent = byCode.get(r.parent_code);
      assert(parent, `${g.file}: ${r.code}: parent ${r.parent_code} comes later or is missing`);
      parent.children.push(node);
    } else roots.push(node);
  }
  for (const { row: r, node, children } of byCode.values()) {
    if (r.notes) node.note = r.notes;
    if (r.level !== 'indicator') {
      assert(children.length > 0, `${g.file}: ${r.code} has no children`);
      node.children = children;
      continue;
    }
    assert(children.length === 0, `${g.file}: indicator ${r.code} has children`);
    const lo = num(r.min_value, `${g.file} ${r.code} min`);
    const hi = num(r.max_value, `${g.file} ${r.code} max`);
    let scale;
    if (r.type === 'qualitative') {
      assert(r.name === 'Opini BPK', `${g.file}: ${r.code}: the only qualitative line known is Opini BPK, got ${r.name}`);
      opini++;
      scale = 'opini-bpk';
      scales[scale] = opiniScale([lo, hi], node.bobot);
    } else {
      assert(r.type === 'quantitative', `${g.file}: ${r.code}: unknown type ${r.type}`);
      scale = `skor-${fmtRange(lo, hi)}`;
      scales[scale] ??= { type: 'number', label: `${lo}–${hi}`, range: [lo, hi], fromZero: true };
    }
    const parent = byCode.get(r.parent_code);
    const question = { code: r.code, text: r.name, scale };
    if (r.pengali_code) {
      assert(byCode.get(r.pengali_code)?.row.level === 'indicator', `${g.file}: ${r.code}: pengali ${r.pengali_code} is not an indicator`);
      question.rules = [{ multiplyBy: r.pengali_code }];
    }
    const aliases = aliasesFor(r.name, parent.children.length === 1 ? parent.row.name : undefined);
    Object.assign(node, aliases ? { aliases } : {}, { questions: [question] });
  }
  assert(opini === 1, `${g.file}: expected one Opini BPK line, found ${opini}`);

  const [rbg, rbt] = roots;
  assert(roots.length === 2 && rbg.code === 'RBG' && rbt.code === 'RBT', `${g.file}: the roots must be RBG and RBT`);
  rbg.adjustForExcluded = true;
  rbt.onTop = true;
  assert(rbt.bobot === g.tematik, `${g.file}: RB Tematik bobot ${rbt.bobot}, README says at most ${g.tematik}`);
  const koef = rbg.children.find((c) => c.code === 'RBG.K');
  assert(koef, `${g.file}: no koefisien branch RBG.K`);
  koef.adjustment = true;
  const koefLine = byCode.get('RBG.K.1.1.A');
  assert(num(koefLine.row.min_value) === g.koefisien[0] && num(koefLine.row.max_value) === g.koefisien[1], `${g.file}: koefisien range differs from the README`);
  koefLine.node.uncertain =
    'The koefisien is an adjustment counted inside RB General; every published evaluation has it empty or 0, so how a value is used is not known. lke applies the usual rule (skor / max × bobot) and reports any value other than 0.';
  const general = rbg.children.filter((c) => c !== koef).reduce((s, c) => s + c.bobot, 0);
  assert(Math.abs(general - rbg.bobot) < 1e-9, `${g.file}: RB General children (without the koefisien) sum to ${general}`);

  const rubric = {
    id: `rb-2023-${group}`,
    title: `Indeks RB: RB General + RB Tematik, ${g.title} (evaluasi 2023-)`,
    regulation: 'Peraturan Menteri PANRB Nomor 3 Tahun 2023 dan Nomor 9 Tahun 2023 (KepmenPANRB 739/2023; 182/2024)',
    kind: 'rb',
    form: 'lines',
    roundIndicators: 2,
    years: [2023, 2024],
    detect: { titles: ['RB GENERAL', 'RB TEMATIK'] },
    scales: Object.fromEntries(Object.entries(scales).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    predikat: {
      name: 'Predikat',
      bands: RB_PREDIKAT_BANDS,
      note: `Lower bound exclusive, upper inclusive: 60.00 is CC, 60.01 is B. RB Tematik (at most ${g.tematik}) is added on top, so the index may pass 100.`,
    },
    tree: roots.map(ordered),
    notes: [
      'Source: ../shared/domain/rb-2023 (read from the public code and database dump of KemenPANRB\'s Portal RB, repository HanaDewi/portalrb-indv, dump of June 2024).',
      'points(line) = skor / max × bobot (the range minimum is not subtracted: SPIP 2.845 on 1-5, bobot 4 → 2.28), × points(pengali) / bobot(pengali) for a line with a pengali (multiplyBy), rounded half-up to 2 decimals; totals are sums of the rounded points.',
      'RB General is scaled to 100 over the lines that apply: RB General / (100 − Σ bobot of the lines the evaluator excluded) × 100. An empty value counts 0 and keeps its bobot; only a line marked "dikecualikan", "tidak diperhitungkan", "tidak berlaku" or "tidak menjadi pembagi" leaves the denominator. RB Tematik lines never change it.',
      `Indeks RB = the adjusted RB General + RB Tematik (at most ${g.tematik}).`,
      'The 2024 evaluation (KepmenPANRB 182/2024) kept the method; the weights are those after the bulk weight change of 24 November 2023.',
      'Published points that do not follow the rule (a stale bobot, a tie rounded down in binary floating point, the pengali taken unrounded) are reported line by line, never hidden.',
    ],
  };
  return rubric;
}

const NODE_KEYS = ['code', 'level', 'name', 'bobot', 'aliases', 'adjustForExcluded', 'onTop', 'adjustment', 'note', 'uncertain', 'children', 'questions'];
function ordered(node) {
  const out = {};
  for (const k of NODE_KEYS) if (node[k] !== undefined) out[k] = k === 'children' ? node[k].map(ordered) : node[k];
  return out;
}

function toYaml(rubric, file) {
  const doc = new YAML.Document(rubric);
  // short scalar lists and small all-scalar maps inside lists (bands, rules, questions) go flow style
  YAML.visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => YAML.isScalar(i))) node.flow = true;
    },
    Map(_, node, path) {
      const parent = path[path.length - 1];
      if (YAML.isSeq(parent) && node.items.every((p) => YAML.isScalar(p.value) || (YAML.isSeq(p.value) && p.value.flow)) && JSON.stringify(node.toJSON()).length <= 110) node.flow = true;
    },
  });
  doc.commentBefore = [
    ' yaml-language-server: $schema=../schema/rubric.schema.json',
    ` Generated by scripts/gen-rubrics-rb2023.mjs from ../shared/domain/rb-2023 (${file} and README.md).`,
    ' Do not edit by hand: change the script or the domain data, then run `node scripts/gen-rubrics-rb2023.mjs`',
    ' (`node scripts/gen-rubrics-rb2023.mjs --check` verifies that this file is up to date).',
  ].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

function main() {
  let stale = 0;
  for (const group of Object.keys(GROUPS)) {
    const rubric = build(group);
    const text = toYaml(rubric, GROUPS[group].file);
    const url = new URL(`${rubric.id}.yaml`, OUT);
    const lines = [];
    const walk = (n) => (n.questions ? lines.push(n) : n.children.forEach(walk));
    rubric.tree.forEach(walk);
    const summary = `${lines.length} lines, ${lines.filter((n) => n.questions[0].rules).length} with a pengali`;
    if (CHECK_ONLY) {
      const current = existsSync(url) ? readFileSync(url, 'utf8') : '';
      if (current !== text) {
        console.error(`gen-rubrics-rb2023: rubrics/${rubric.id}.yaml is out of date; run node scripts/gen-rubrics-rb2023.mjs`);
        stale++;
      } else console.log(`rubrics/${rubric.id}.yaml is up to date: ${summary}`);
      continue;
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(url, text);
    console.log(`wrote rubrics/${rubric.id}.yaml: ${summary}`);
  }
  if (stale) process.exit(1);
}

main();
