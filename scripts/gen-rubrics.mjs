#!/usr/bin/env node
// Generates the built-in rubrics from the domain data in ../shared/domain (outside this repository):
//   rubrics/zi-2021.yaml  LKE Zona Integritas, PermenPANRB 90/2021  (zi-2021-questions.csv + zi-2021-weights.csv)
//   rubrics/rb-2014.yaml  LKE Reformasi Birokrasi, PermenPANRB 14/2014 (rb-2014-questions.csv + rb-2014-weights.csv)
// The doubts and conversions come from ../shared/domain/README.md and are written down in this script.
//
// Usage: node scripts/gen-rubrics.mjs            write both files
//        node scripts/gen-rubrics.mjs --check    fail when the committed files differ from what would be written
//        node scripts/gen-rubrics.mjs --domain <dir> --out <dir>
//
// Only the `yaml` package and node builtins are used. Every structural check fails loudly (exit 1).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import YAML from 'yaml';

// ---------------------------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const argValue = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (!v) fail(`${name} needs a directory`);
  return v;
};
const dirUrl = (p) => pathToFileURL(resolve(p) + '/');
const DOMAIN = argValue('--domain') ? dirUrl(argValue('--domain')) : new URL('../../shared/domain/', import.meta.url);
const OUT = argValue('--out') ? dirUrl(argValue('--out')) : new URL('../rubrics/', import.meta.url);
const CHECK_ONLY = argv.includes('--check');

function fail(msg) {
  console.error(`gen-rubrics: ${msg}`);
  process.exit(1);
}
function assert(cond, msg) {
  if (!cond) fail(msg);
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 4180 CSV: quoted fields, doubled quotes, embedded commas and line breaks, CRLF or LF, optional BOM.

export function parseCsv(text, name = 'csv') {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let closed = false; // just after the closing quote of a field
  let line = 1;
  const endField = () => {
    row.push(field);
    field = '';
    closed = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          closed = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
      line++;
    } else if (closed) {
      fail(`${name}:${line}: character ${JSON.stringify(ch)} after a closing quote`);
    } else if (ch === '"') {
      if (field !== '') fail(`${name}:${line}: quote inside an unquoted field`);
      quoted = true;
    } else {
      field += ch;
    }
  }
  if (quoted) fail(`${name}: unterminated quoted field at the end of the file`);
  if (field !== '' || closed || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function readCsv(file, columns) {
  const url = new URL(file, DOMAIN);
  assert(existsSync(url), `missing ${fileURLToPath(url)}`);
  const rows = parseCsv(readFileSync(url, 'utf8'), file);
  const header = rows.shift();
  assert(header && columns.every((c, i) => header[i] === c), `${file}: header must be ${columns.join(',')}, got ${header}`);
  return rows.map((r, i) => {
    assert(r.length === header.length, `${file}: record ${i + 2} has ${r.length} fields, expected ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, r[j].trim()]));
  });
}

const QUESTION_COLUMNS = [
  'code', 'component', 'category', 'area_no', 'area_name', 'indicator_no', 'indicator_name', 'indicator_weight',
  'question_letter', 'question_text', 'answer_type', 'options', 'option_texts', 'formula', 'notes',
];
const WEIGHT_COLUMNS = ['code', 'level', 'name', 'bobot', 'parent_code'];

// ---------------------------------------------------------------------------------------------------------------
// Comments: attach `obj[COMMENT] = 'text'` to any object; it is emitted as a YAML comment before that node.

const COMMENT = Symbol('comment');
const withComment = (obj, text) => {
  if (text) obj[COMMENT] = obj[COMMENT] ? `${obj[COMMENT]}\n${text}` : text;
  return obj;
};

/** Drop undefined values (keeps key order). */
const clean = (obj) => {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  if (obj[COMMENT]) out[COMMENT] = obj[COMMENT];
  return out;
};

// ---------------------------------------------------------------------------------------------------------------
// Scales (README "Answer → score"; 0.67 and 0.33 are literal constants in both sheets)

const ROUNDING_NOTE = 'B and C score the literal constants 0.67 and 0.33 (as in both sheets), not 2/3 and 1/3.';
const choice = (label, pairs, extra = {}) =>
  clean({ type: 'choice', label, ...extra, options: pairs.map(([code, score]) => ({ code, score })) });
const ABC = () => choice('A/B/C', [['A', 1], ['B', 0.5], ['C', 0]]);
const ABCD = (comment) => withComment(choice('A/B/C/D', [['A', 1], ['B', 0.67], ['C', 0.33], ['D', 0]], { note: ROUNDING_NOTE }), comment);
const ABCDE = () => choice('A/B/C/D/E', [['A', 1], ['B', 0.75], ['C', 0.5], ['D', 0.25], ['E', 0]]);

const OPTION_SCALE = { 'A|B|C': 'abc', 'A|B|C|D': 'abcd', 'A|B|C|D|E': 'abcde', 'Ya|Tidak': 'ya-tidak' };

// ---------------------------------------------------------------------------------------------------------------
// Shared building

function loadWeights(file) {
  const rows = readCsv(file, WEIGHT_COLUMNS);
  const nodes = new Map();
  const roots = [];
  for (const r of rows) {
    assert(!nodes.has(r.code), `${file}: duplicate node code ${r.code}`);
    assert(['component', 'category', 'area', 'indicator'].includes(r.level), `${file}: ${r.code} has level ${r.level}`);
    const bobot = Number(r.bobot);
    assert(Number.isFinite(bobot) && bobot > 0, `${file}: ${r.code} has bobot ${r.bobot}`);
    const node = { code: r.code, level: r.level, name: r.name, bobot, children: [] };
    nodes.set(r.code, node);
    if (r.parent_code) {
      const parent = nodes.get(r.parent_code);
      assert(parent, `${file}: ${r.code} names parent ${r.parent_code} before it is defined`);
      parent.children.push(node);
    } else {
      assert(r.level === 'component', `${file}: root ${r.code} is not a component`);
      roots.push(node);
    }
  }
  for (const n of nodes.values()) {
    if (n.level === 'indicator') {
      assert(n.children.length === 0, `${file}: indicator ${n.code} has child nodes`);
      delete n.children;
      n.questions = [];
    } else {
      assert(n.children.length > 0, `${file}: ${n.level} ${n.code} has no children`);
    }
  }
  return { nodes, roots };
}

/**
 * Hasil: survey indices, the audit opinion, the SAKIP score, capaian kinerja: measured outside the worksheet, so a
 * gap path never proposes to change them (README "Hasil").
 */
function markOutcome(node) {
  assert(node && node.level === 'component' && /HASIL/.test(node.name), `the hasil component is not B`);
  node.outcome = true;
}

/** The indicator a question belongs to: itself for hasil items (B.I.a), else its code minus the last segment. */
function indicatorOf(code, nodes) {
  const self = nodes.get(code);
  if (self && self.level === 'indicator') return self;
  const parent = nodes.get(code.replace(/\.[^.]+$/, ''));
  return parent && parent.level === 'indicator' ? parent : undefined;
}

/** "A. text || B. text" → { A: 'text', B: 'text' }, checked against the option list. */
function splitOptionTexts(row, codes) {
  const parts = row.option_texts.split(/\s*\|\|\s*/);
  assert(parts.length === codes.length, `${row.code}: ${parts.length} option texts for options ${codes.join('|')}`);
  const out = {};
  parts.forEach((p, i) => {
    const m = /^([A-Za-z-]+)\.\s*([\s\S]*)$/.exec(p.trim());
    assert(m && m[1].toUpperCase() === codes[i].toUpperCase(), `${row.code}: option text ${i + 1} does not start with "${codes[i]}."`);
    assert(m[2].trim() !== '', `${row.code}: option ${codes[i]} has an empty text`);
    out[codes[i]] = m[2].trim();
  });
  return out;
}

function questionBase(row, scale) {
  return { code: row.code, text: row.question_text, scale };
}

/** Build a choice question from its CSV row. */
function choiceQuestion(row) {
  const scale = OPTION_SCALE[row.options];
  assert(scale, `${row.code}: unknown option set ${row.options}`);
  if (row.answer_type === 'yes_no') {
    assert(scale === 'ya-tidak', `${row.code}: yes_no with options ${row.options}`);
    assert(row.option_texts !== '', `${row.code}: yes_no without its Ya criterion`);
    return { ...questionBase(row, scale), explanation: row.option_texts };
  }
  assert(row.answer_type === 'options' && scale !== 'ya-tidak', `${row.code}: answer type ${row.answer_type} with ${row.options}`);
  return { ...questionBase(row, scale), optionTexts: splitOptionTexts(row, row.options.split('|')) };
}

function checkCsvIndicator(row, ind, file) {
  assert(ind, `${file}: question ${row.code} has no indicator in the weights file`);
  assert(Number(row.indicator_weight) === ind.bobot, `${file}: ${row.code} indicator_weight ${row.indicator_weight} ≠ bobot ${ind.bobot} of ${ind.code}`);
  assert(row.indicator_name === ind.name, `${file}: ${row.code} indicator_name "${row.indicator_name}" ≠ "${ind.name}"`);
}

/** Apply { code: { note?, uncertain?, comment? } } to nodes and questions; every entry must be used. */
function applyDoubts(doubts, nodes, questions, label) {
  for (const [code, d] of Object.entries(doubts)) {
    const target = d.on === 'node' ? nodes.get(code) : questions.get(code) ?? nodes.get(code);
    assert(target, `${label}: doubt for unknown code ${code}`);
    for (const k of ['note', 'uncertain']) {
      if (d[k]) target[k] = target[k] ? `${target[k]} ${d[k]}` : d[k];
    }
    if (d.comment) withComment(target, d.comment);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Verification (fails loudly)

function verify(rubric, expect, label) {
  const nodeCodes = new Set();
  const questionCodes = new Map();
  const inputCodes = new Set();
  const perArea = new Map();
  const byScale = new Map();
  let subInputs = 0;
  const order = [];
  const walk = (n, path) => {
    assert(!nodeCodes.has(n.code), `${label}: duplicate node code ${n.code}`);
    nodeCodes.add(n.code);
    const area = path.find((p) => p.level === 'area') ?? path.find((p) => p.level === 'component');
    if (n.children) {
      assert(!n.questions, `${label}: ${n.code} has both children and questions`);
      const sum = n.children.reduce((s, c) => s + c.bobot, 0);
      assert(Math.abs(sum - n.bobot) <= 0.011, `${label}: children of ${n.code} sum to ${sum}, bobot is ${n.bobot}`);
      n.children.forEach((c) => walk(c, [...path, c]));
      return;
    }
    assert(n.level === 'indicator', `${label}: leaf ${n.code} is a ${n.level}, not an indicator`);
    assert(n.questions && n.questions.length >= 1, `${label}: indicator ${n.code} has no question`);
    for (const q of n.questions) {
      assert(!questionCodes.has(q.code), `${label}: duplicate question code ${q.code}`);
      questionCodes.set(q.code, n);
      order.push(q.code);
      assert(rubric.scales[q.scale], `${label}: ${q.code} uses unknown scale ${q.scale}`);
      byScale.set(q.scale, (byScale.get(q.scale) ?? 0) + 1);
      const areaKey = area.code;
      perArea.set(areaKey, (perArea.get(areaKey) ?? 0) + 1);
      for (const inp of q.inputs ?? []) {
        assert(!inputCodes.has(inp.code), `${label}: duplicate sub-input code ${inp.code}`);
        inputCodes.add(inp.code);
        subInputs++;
      }
    }
  };
  rubric.tree.forEach((c) => walk(c, [c]));
  const rootSum = rubric.tree.reduce((s, c) => s + c.bobot, 0);
  assert(Math.abs(rootSum - 100) <= 0.011, `${label}: components sum to ${rootSum}, not 100`);

  // A question may share a code with a node only when it is the sole question of that very indicator.
  for (const [code, ind] of questionCodes) {
    if (nodeCodes.has(code)) {
      assert(ind.code === code && ind.questions.length === 1, `${label}: question ${code} reuses a node code`);
    }
  }
  for (const code of inputCodes) {
    assert(!nodeCodes.has(code) && !questionCodes.has(code), `${label}: sub-input ${code} reuses a node or question code`);
  }

  // Rules point at earlier questions.
  for (const n of allIndicators(rubric.tree)) {
    for (const q of n.questions) {
      for (const r of q.rules ?? []) {
        const target = r.multiplyBy ?? r.zeroWhen?.question;
        assert(questionCodes.has(target), `${label}: ${q.code} rule names unknown question ${target}`);
        assert(order.indexOf(target) < order.indexOf(q.code), `${label}: ${q.code} rule names a later question ${target}`);
      }
    }
  }

  // Counts (README "Counts").
  const total = questionCodes.size;
  assert(total === expect.questions, `${label}: ${total} questions, README says ${expect.questions}`);
  assert(subInputs === expect.subInputs, `${label}: ${subInputs} sub-inputs, README says ${expect.subInputs}`);
  for (const [area, n] of Object.entries(expect.perArea)) {
    assert(perArea.get(area) === n, `${label}: area ${area} has ${perArea.get(area) ?? 0} questions, README says ${n}`);
  }
  for (const [scale, n] of Object.entries(expect.byScale)) {
    assert((byScale.get(scale) ?? 0) === n, `${label}: ${byScale.get(scale) ?? 0} questions on scale ${scale}, expected ${n}`);
  }

  // Best answers everywhere must give 100.
  const best = maxTotal(rubric);
  assert(Math.abs(best - 100) < 1e-9, `${label}: best-answer total is ${best}, not 100`);
  return { total, subInputs, byScale: Object.fromEntries([...byScale].sort()) };
}

function allIndicators(tree) {
  const out = [];
  const walk = (n) => (n.children ? n.children.forEach(walk) : out.push(n));
  tree.forEach(walk);
  return out;
}

function maxTotal(rubric) {
  const bestScore = (q) => {
    const s = rubric.scales[q.scale];
    if (s.type === 'choice') return Math.max(...s.options.map((o) => o.score)) / (s.max ?? 1);
    return 1; // percent (ratio capped at 1), number (top of range)
  };
  return allIndicators(rubric.tree).reduce((sum, n) => {
    const scores = n.questions.map(bestScore);
    return sum + (scores.reduce((a, b) => a + b, 0) / scores.length) * n.bobot;
  }, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Output

function toYaml(rubric, header) {
  const doc = new YAML.Document(rubric);
  const comment = (text) => text.split('\n').map((l) => ` ${l}`).join('\n');
  const isScalar = (v) => v === null || typeof v !== 'object';
  // Copy the symbol comments onto the YAML nodes (on the key for map entries, on the item for list entries);
  // short scalar lists and small all-scalar maps inside lists (options, bands, rules) go flow style.
  const attach = (value, node) => {
    if (Array.isArray(value)) {
      if (value.every(isScalar) && value.every((v) => String(v).length < 40)) node.flow = true;
      value.forEach((v, i) => {
        const item = node.items[i];
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          if (v[COMMENT]) item.commentBefore = comment(v[COMMENT]);
          const vals = Object.values(v);
          if (vals.every(isScalar) && JSON.stringify(v).length <= 100 && !('text' in v && 'key' in v)) item.flow = true;
        }
        attach(v, item);
      });
    } else if (value && typeof value === 'object') {
      for (const pair of node.items) {
        const child = value[pair.key.value];
        if (child && typeof child === 'object' && !Array.isArray(child) && child[COMMENT]) pair.key.commentBefore = comment(child[COMMENT]);
        attach(child, pair.value);
      }
    }
  };
  attach(rubric, doc.contents);
  doc.commentBefore = header.map((l) => (l ? ` ${l}` : '')).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

function headerLines(sources) {
  return [
    'yaml-language-server: $schema=../schema/rubric.schema.json',
    `Generated by scripts/gen-rubrics.mjs from ../shared/domain (${sources.join(', ')} and README.md).`,
    'Do not edit by hand: change the script or the domain data, then run `node scripts/gen-rubrics.mjs`',
    '(`node scripts/gen-rubrics.mjs --check` verifies that this file is up to date).',
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// LKE Zona Integritas, PermenPANRB 90/2021

const ZI_RATIOS = {
  // code: the formula/clamp written here, and the CSV formula it must agree with (whitespace removed, lower case)
  'A.II.1.i.a': { formula: 'b / a', clamp: [null, 1], csv: 'min(b/a,1)' },
  'A.II.1.i.b': { formula: 'b / a', clamp: [null, 1], csv: 'min(b/a,1)' },
  'A.II.4.i.a': { formula: 'b / a', clamp: [null, 1], csv: 'min(b/a,1)' },
  'A.II.6.i.b': { formula: 'b / a', clamp: [null, 1], csv: 'min(b/a,1)' },
  'A.II.5.ii.a': {
    formula: 'c / a',
    clamp: [null, 1],
    csv: 'min(c/a,1)',
    unused: { b: 'Required by the sheet (blank check) but not used in the score, so there is no half credit.' },
  },
  'A.II.3.iii.a': {
    formula: 'if(a = 0 and b = 0, 1, (a - b) / a)',
    clamp: [0, null],
    csv: 'ifa=0andb=0then1elsemax(0,(a-b)/a)',
    unused: { c: 'Required by the sheet (blank check) but not used in the score.' },
  },
  'A.II.5.iii.a': {
    formula: 'e / a',
    clamp: [null, 1],
    csv: 'min(e/a,1)',
    check: { a: 'b + c + d' },
    inputNotes: { a: 'The sheet computes it as b + c + d.' },
  },
  'A.II.5.iii.b': {
    formula: 'e / a',
    clamp: [null, 1],
    csv: 'min(e/a,1)',
    check: { a: 'b + c + d' },
    inputNotes: { a: 'Typed in the sample sheet (12 while b + c + d = 13); used as given, a mismatch with the check is a finding.' },
  },
};

const ZI_RATIO_NOTE = {
  'A.II.3.iii.a': 'a = 0 with b > 0 gives #DIV/0! in the sheet; input c (sanctioned) is required but not used.',
  'A.II.5.ii.a': 'Input b (sedang diproses) is required but not used, so no half credit; a = 0 gives #DIV/0! in the sheet.',
  'A.II.5.iii.a': 'The sheet has no rule for a = 0 (#DIV/0!).',
  'A.II.5.iii.b': 'The sheet has no rule for a = 0 (#DIV/0!).',
  default: 'The sheet has no rule for a = 0 (#DIV/0!); the app scores 1 when a and b are both 0.',
};

const ZI_DOUBTS = {
  'A.I.1.i.a': {
    uncertain: 'The source sheet has "Ya" instead of "Ya/Tidak" as answer type (so it scores "-" and drops the row); treated as Ya/Tidak.',
    comment: 'README Doubts ZI 2: answer-type cell "Ya" in the source copy; treated as yes/no here.',
  },
  'A.I.5.iii': {
    on: 'node',
    uncertain: 'Its 4 questions come from a filled OPD copy where question b looks locally added; check the count against Lampiran III.',
    comment: 'README Doubts ZI 1: the source is a filled OPD copy, not the clean Lampiran III template.',
  },
  'A.I.5.iii.b': {
    uncertain: 'Lower-case text with a typo in the source copy (sheet and seeder): possibly a local addition, check against Lampiran III.',
  },
  'A.I.6.i': {
    on: 'node',
    uncertain: 'Its 4 questions come from a filled OPD copy where question d looks locally edited; check the count against Lampiran III.',
    comment: 'README Doubts ZI 1: the source is a filled OPD copy, not the clean Lampiran III template.',
  },
  'A.I.6.i.d': {
    uncertain: 'Lower-case text in the source copy: possibly locally edited, check against Lampiran III.',
  },
  'A.I.6.v': {
    on: 'node',
    note: 'The sheet lists the rows in the order a, c (database, Ya/Tidak), b (perbaikan, A/B/C); codes follow the seeder (a, b, c).',
    comment: 'README Doubts ZI 8: row order in the sheet is a, c, b.',
  },
  'A.II.5.iii': {
    on: 'node',
    uncertain:
      'Scored as mean(LHKPN %, LHKASN %) × 2 as the app does; the sheet formula AVERAGE(L176:L179)*2 ignores LHKASN (apparently a sheet bug).',
    comment:
      'README Doubts ZI 3: the sheet shows sub-blocks LHKPN (bobot 1) and LHKASN (bobot 1), not in the weights file;\n' +
      'its indicator formula averages the LHKPN block with the LHKPN % and ignores LHKASN (the sample loses 0.133333).',
  },
  'A.II.5.iii.b': {
    uncertain:
      'Input a is typed in the sample (12) while b + c + d = 13 and the seeder says a = b + c + d; a is used as given and a mismatch is a finding.',
    comment: 'README Doubts ZI 4: which rule for the LHKASN denominator is official is unclear.',
  },
};

// README Background, "Per-area minima" and "Conditions on the instansi and the unit".
const ZI_AREAS = ['A.I.1', 'A.I.2', 'A.I.3', 'A.I.4', 'A.I.5', 'A.I.6', 'A.II.1', 'A.II.2', 'A.II.3', 'A.II.4', 'A.II.5', 'A.II.6'];
const ZI_MINIMA_SOURCE =
  "Area and hasil minima: BPS's internal ZI application (2023), tables min_wbk / min_wbbm (an application, not the regulation); the LHKPN minimum and the conditions to confirm: PermenPANRB 5/2024, Tabel 5 (../shared/domain/README.md, Background).";
const ZI_MINIMA_UNCERTAIN = 'The minima come from one agency\'s application, not from PermenPANRB 90/2021 or 5/2024.';
const ZI_CONFIRM = (wbbm) => [
  { code: 'opini-bpk', text: 'Opini BPK atas laporan keuangan instansi paling rendah WTP', en: "The BPK audit opinion on the instansi's financial statements is at least WTP" },
  {
    code: 'predikat-sakip',
    text: `Predikat SAKIP instansi paling rendah ${wbbm ? 'BB' : 'B'}`,
    en: `The instansi's SAKIP predikat is at least ${wbbm ? 'BB' : 'B'}`,
  },
  {
    code: 'indeks-rb',
    text: `Indeks RB instansi paling rendah ${wbbm ? 'B (pemda) atau BB (K/L)' : 'CC (pemda) atau B (K/L)'}`,
    en: `The instansi's Indeks RB is at least ${wbbm ? 'B (pemda) or BB (K/L)' : 'CC (pemda) or B (K/L)'}`,
  },
  { code: 'maturitas-spip', text: 'Maturitas SPIP instansi paling rendah level 3', en: "The instansi's SPIP maturity is at least level 3" },
  { code: 'tindak-lanjut-temuan', text: 'Tindak lanjut hasil pemeriksaan (temuan audit) unit 100 %', en: "The unit has followed up 100 % of audit findings" },
  { code: 'lama-pembangunan', text: 'Zona Integritas telah dibangun paling singkat satu tahun', en: 'The unit has built its Zona Integritas for at least a year' },
];
/** [code, label, % of bobot per pengungkit area, hasil minima [node, nilai, note], conditions to confirm] */
const ZI_TARGETS = [
  ['WBK', 'Wilayah Bebas dari Korupsi', 60, [
    ['B.I.a', 15.75, 'IPAK at least 3.6 on the 0-4 scale.'],
    ['B.I.b', 2.5, 'Capaian kinerja at least 2.50 of 5.'],
    ['B.II.a', 14, 'IPKP at least 3.2 on the 0-4 scale.'],
  ], ZI_CONFIRM(false)],
  ['WBBM', 'Wilayah Birokrasi Bersih dan Melayani', 75, [
    ['B.I.a', 15.75, 'IPAK at least 3.6 on the 0-4 scale.'],
    ['B.I.b', 3.75, 'Capaian kinerja at least 3.75 of 5.'],
    ['B.II.a', 15.75, 'IPKP at least 3.6 on the 0-4 scale.'],
  ], ZI_CONFIRM(true)],
];

function buildZi() {
  const wFile = 'zi-2021-weights.csv';
  const qFile = 'zi-2021-questions.csv';
  const { nodes, roots } = loadWeights(wFile);
  markOutcome(nodes.get('B'));
  const rows = readCsv(qFile, QUESTION_COLUMNS);
  const questions = new Map();

  for (const row of rows) {
    const sub = /^(.+)\(([a-z])\)$/.exec(row.code);
    if (sub) {
      const q = questions.get(sub[1]);
      assert(q && q.inputs, `${qFile}: sub-input ${row.code} does not follow its ratio question`);
      assert(row.answer_type === 'number', `${qFile}: sub-input ${row.code} has answer type ${row.answer_type}`);
      const key = sub[2];
      assert(key === String.fromCharCode(97 + q.inputs.length), `${qFile}: sub-input ${row.code} is out of order`);
      const spec = ZI_RATIOS[sub[1]];
      const check = spec.check?.[key];
      if (check) {
        assert(row.formula.replace(/\s/g, '').includes(check.replace(/\s/g, '')), `${qFile}: ${row.code} formula "${row.formula}" does not mention ${check}`);
      } else {
        assert(row.formula === '', `${qFile}: ${row.code} has an unexpected formula "${row.formula}"`);
      }
      q.inputs.push(clean({ key, code: row.code, text: row.question_text, check, note: spec.unused?.[key] ?? spec.inputNotes?.[key] }));
      continue;
    }
    const ind = indicatorOf(row.code, nodes);
    checkCsvIndicator(row, ind, qFile);
    let q;
    if (row.answer_type === 'percent') {
      const spec = ZI_RATIOS[row.code];
      assert(spec, `${qFile}: ratio question ${row.code} has no formula in this script`);
      const csv = row.formula.split(';')[0].replace(/\s/g, '').toLowerCase();
      assert(csv === spec.csv, `${qFile}: ${row.code} CSV formula "${row.formula}" disagrees with the script (${spec.csv})`);
      q = { ...questionBase(row, 'percent'), inputs: [], formula: spec.formula, clamp: spec.clamp };
      q.note = ZI_RATIO_NOTE[row.code] ?? ZI_RATIO_NOTE.default;
    } else if (row.answer_type === 'number') {
      assert(['B.I.a', 'B.II.a'].includes(row.code), `${qFile}: unexpected number question ${row.code}`);
      assert(/^x\/4\b/.test(row.formula), `${qFile}: ${row.code} formula "${row.formula}" is not x/4`);
      q = { ...questionBase(row, 'survey-0-4'), bukti: false };
    } else {
      q = choiceQuestion(row);
    }
    if (/labels this single question "-"/.test(row.notes)) {
      assert(ind.questions.length === 0 && row.question_letter === 'a', `${qFile}: ${row.code} is not a sole question a`);
      q.note = [q.note, 'The sheet labels this single question "-"; letter a follows the seeder.'].filter(Boolean).join(' ');
    }
    questions.set(q.code, q);
    ind.questions.push(q);
  }
  for (const [code, spec] of Object.entries(ZI_RATIOS)) {
    const q = questions.get(code);
    assert(q, `${qFile}: ratio question ${code} is missing`);
    const keys = q.inputs.map((i) => i.key);
    const used = new Set(spec.formula.match(/\b[a-z]\b/g));
    for (const k of used) assert(keys.includes(k), `${code}: formula uses ${k} but the CSV has inputs ${keys.join(',')}`);
    const unused = keys.filter((k) => !used.has(k) && !Object.values(spec.check ?? {}).join(' ').includes(k));
    assert(unused.join() === Object.keys(spec.unused ?? {}).join(), `${code}: inputs ${unused.join(',')} unused by the formula, script expects ${Object.keys(spec.unused ?? {}).join(',')}`);
  }
  applyDoubts(ZI_DOUBTS, nodes, questions, 'zi-2021');

  const rubric = {
    id: 'zi-2021',
    title: 'LKE Zona Integritas (Lampiran III PermenPANRB 90/2021)',
    regulation: 'Peraturan Menteri PANRB Nomor 90 Tahun 2021',
    kind: 'zi',
    years: [2021, 2026],
    detect: { titles: ['ZONA INTEGRITAS', '90 TAHUN 2021', 'WBK', 'WBBM'] },
    defaults: { bukti: true },
    scales: {
      'ya-tidak': choice('Ya/Tidak', [['Ya', 1], ['Tidak', 0]], { labels: ['Y/T'] }),
      abc: ABC(),
      abcd: ABCD('README Doubts ZI 11: the PN Serang example cannot tell 0.67 from 2/3; both sample sheets use the literals.'),
      abcde: ABCDE(),
      percent: {
        type: 'percent',
        label: '%',
        note: 'Ratio questions are computed from their sub-inputs; in the sheet the % rows are computed, not typed.',
      },
      jumlah: { type: 'count', label: 'Jumlah', note: 'The numeric sub-inputs of the ratio questions.' },
      'survey-0-4': withComment(
        {
          type: 'number',
          label: 'Nilai (0-4)',
          range: [0, 4],
          clamp: false,
          uncertain:
            'IPAK/IPKP ÷ 4 with no cap above 4 is the sheet formula; thresholds or conversions in the 90/2021 guidance outside the LKE are not covered.',
        },
        'README Doubts ZI 10: hasil conversion confirmed only by the sheet formula.',
      ),
    },
    predikat: withComment(
      {
        name: 'Predikat ZI',
        bands: [],
        note: 'Zona Integritas has no letter category of the index: a unit qualifies for WBK or WBBM when its scores meet the minima below (targets) and its instansi meets conditions set outside the LKE.',
      },
      'README Background: total cut-offs of 75 (WBK) and 85 (WBBM) are often quoted but not confirmed by any source, so there are no bands.',
    ),
    targets: ZI_TARGETS.map(([code, label, areaPercent, hasil, confirm]) => withComment({
      code,
      label,
      source: ZI_MINIMA_SOURCE,
      uncertain: code === 'WBBM' ? `${ZI_MINIMA_UNCERTAIN} The WBBM area minimum is given as "about 75 %".` : ZI_MINIMA_UNCERTAIN,
      minima: [
        { nodes: [...ZI_AREAS], percent: areaPercent, note: 'Every pengungkit area, pemenuhan and reform alike.' },
        ...hasil.map(([node, nilai, note]) => ({ nodes: [node], nilai, note })),
        // the one condition of 5/2024 on the unit that the worksheet does show: its LHKPN/LHKASN ratios
        { nodes: ['A.II.5.iii'], percent: 100, note: 'PermenPANRB 5/2024 (Tabel 5): 100 % LHKPN/LHKASN compliance of the unit.' },
      ],
      confirm,
    }, 'README Background: per-area and hasil minima (BPS app), and the conditions PermenPANRB 5/2024 sets on the unit and its instansi.')),
    tree: roots,
    notes: [
      'Source: axxpxmd/zona_integritas @ 63b5a566, public/form kuesioner.xlsx sheet "LKE ZI" (Lampiran III PermenPANRB 90/2021), cross-checked with its seeders and KuesionerController; the xlsx is a filled OPD copy from Kota Tangerang Selatan, not the blank template.',
      'Indicator nilai = mean of its question scores × bobot (AVERAGE(range)*bobot); blank questions are left out of the mean, not counted as 0; an indicator with every question blank gives #DIV/0! in the sheet.',
      'Area, category and component nilai are the sums of their children; total = Pengungkit + Hasil; % = nilai / bobot.',
      'Ratio questions: when a required sub-input is blank the sheet shows "Blm Diisi" and the row is not scored.',
      'Ratio edge cases differ between the sheet and the app: the sheet has no a = 0 rule except disiplin (a = b = 0 → 1); the app returns 1 whenever a and b are both 0 and null when a = 0 and b > 0.',
      'Percent entry: the app divides typed values 1 < v ≤ 100 by 100; the sheet takes a typed value as-is (its % rows are computed, not typed).',
      'Sample check (README): the Tangerang Selatan sheet totals 95.576190; recomputed from its answers with these data it is 95.709524, the whole difference being the sheet LHKPN/LHKASN formula (A.II.5.iii).',
    ],
  };
  const counts = verify(
    rubric,
    {
      questions: 113,
      subInputs: 24,
      perArea: {
        'A.I.1': 12, 'A.I.2': 9, 'A.I.3': 18, 'A.I.4': 11, 'A.I.5': 18, 'A.I.6': 19,
        'A.II.1': 4, 'A.II.2': 6, 'A.II.3': 3, 'A.II.4': 3, 'A.II.5': 4, 'A.II.6': 3,
      },
      byScale: { 'ya-tidak': 17, percent: 8, 'survey-0-4': 2, abc: 36, abcd: 33, abcde: 17 },
    },
    'zi-2021',
  );
  const hasil = allIndicators([nodes.get('B')]).flatMap((n) => n.questions);
  assert(hasil.length === 3, `zi-2021: ${hasil.length} hasil questions, README says 3`);
  return { rubric: finish(rubric), counts, sources: [qFile, wFile] };
}

// ---------------------------------------------------------------------------------------------------------------
// LKE Reformasi Birokrasi, PermenPANRB 14/2014

const RB_RULE_UNCERTAIN =
  'Conditional rule found in the BPS 2015 sheet: whether these are official 14/2014 rules or that sheet\'s own is unknown.';
const RB_RULES = {
  // target: [rules, the CSV notes pattern that must confirm it]
  'A.V.4.c': [[{ multiplyBy: 'A.V.4.b' }], /multiplies this score by the score of sheet row\(s\) \d+ = A\.V\.4\.b\b/],
  'A.V.4.d': [[{ multiplyBy: 'A.V.4.c' }], /multiplies this score by the score of sheet row\(s\) \d+ = A\.V\.4\.c\b/],
  'A.V.4.e': [[{ multiplyBy: 'A.V.4.d' }], /multiplies this score by the score of sheet row\(s\) \d+ = A\.V\.4\.d\b/],
  'A.VIII.4.b': [[{ multiplyBy: 'A.VIII.4.a' }], /multiplies this score by the score of sheet row\(s\) \d+ = A\.VIII\.4\.a\b/],
  'A.VIII.4.c': [[{ multiplyBy: 'A.VIII.4.a' }], /multiplies this score by the score of sheet row\(s\) \d+ = A\.VIII\.4\.a\b/],
  'A.I.2.d': [[{ zeroWhen: { question: 'A.I.2.a', answers: ['Tidak'] } }], /sets this score to 0 when the answer in sheet row\(s\) [\d,]+ = A\.I\.2\.a\b.* is Tidak/],
};

const RB_HASIL = {
  // code: scale, the CSV formula prefix it must agree with
  'B.I.1': ['sakip-0-100', 'x/100'],
  'B.I.2': ['survey-0-5', 'x/5'],
  'B.II.1': ['survey-0-4', 'x/4'],
  'B.III.1': ['survey-0-4', 'x/4'],
};

// Opini BPK: the BPS 2015 sheet ("LKE " I205 is the Pilihan Jawaban label; K205 holds the lookup) and the SQL `bobot` row 7.
/** The Indeks RB categories, the same since 2014 (README "Predikat"); also used by gen-rubrics-rb2023.mjs. */
export const RB_PREDIKAT_BANDS = [
  { code: 'AA', label: 'Sangat memuaskan', above: 90 },
  { code: 'A', label: 'Memuaskan', above: 80 },
  { code: 'BB', label: 'Sangat baik', above: 70 },
  { code: 'B', label: 'Baik', above: 60 },
  { code: 'CC', label: 'Cukup', above: 50 },
  { code: 'C', label: 'Kurang', above: 30 },
  { code: 'D', label: 'Sangat kurang' },
];

const OPINI_LABEL = 'WTP/WTP dengan paragraph penjelas/WDP/TMP/TW/Tidak menyusun Laporan Keuangan';
const OPINI = [
  // code, points, aliases: the sheet formula's long label, then the SQL's form when it differs from the code
  ['WTP', 3, ['Wajar Tanpa Pengecualian']],
  ['WTP-DPP', 2.5, ['WTP-Dengan Paragraph Penjelas', 'WTP dengan paragraph penjelas']],
  ['WDP', 2, ['Wajar Dengan Pengecualian']],
  ['TMP', 1.5, ['Tidak Memberikan Pendapat']],
  ['TW', 1, ['Tidak Wajar']],
  ['none', 0, ['Tidak Memiliki Laporan Keuangan', 'Tidak menyusun Laporan Keuangan']],
];

const RB_DOUBTS = {
  'A.I.2.a': {
    note: 'The 2015 sheet formula for this row points at A.I.1.a (a copy error there); its SQL explanation is the criterion only, without "Ya, apabila".',
    comment: 'README Doubts RB 1 and 2: the one yes/no item whose penjelasan does not start with "Ya"; sheet formula copy error.',
  },
  'A.I.2.e': {
    note: 'The 2015 sheet also zeroes this score when A.I.2.b is Tidak, which cannot happen (A.I.2.b is A/B/C), so that rule is not encoded.',
    comment: 'README Doubts RB 2: the sheet rule "0 when A.I.2.b = Tidak" is inert (A.I.2.b is A/B/C); not encoded.',
  },
  'A.III.2.a': { note: 'The sheet gives this single question no letter; letter a is assigned.' },
  'A.VII.4': {
    on: 'node',
    note: '"Whistle-Bowling System" is the SQL spelling; the 2015 sheet writes Whistle-Blowing System.',
    comment: 'README Doubts RB 5: SQL typo in the sub-area name.',
  },
};

function buildRb() {
  const wFile = 'rb-2014-weights.csv';
  const qFile = 'rb-2014-questions.csv';
  const { nodes, roots } = loadWeights(wFile);
  markOutcome(nodes.get('B'));
  const rows = readCsv(qFile, QUESTION_COLUMNS);
  const questions = new Map();
  const seenRuleNotes = new Set();

  for (const row of rows) {
    assert(!/\(/.test(row.code), `${qFile}: unexpected sub-input ${row.code}`);
    const ind = indicatorOf(row.code, nodes);
    checkCsvIndicator(row, ind, qFile);
    let q;
    if (row.code.startsWith('B.')) {
      const explanation = /SQL explanation: (.+)$/.exec(row.notes)?.[1]?.trim();
      if (row.code === 'B.II.2') {
        assert(row.options === OPINI.map((o) => o[0]).join('|'), `${qFile}: B.II.2 options ${row.options}`);
        assert(/^lookup points \(out of bobot 3\): WTP 3, WTP-DPP 2\.5, WDP 2, TMP 1\.5, TW 1, none 0;/.test(row.formula), `${qFile}: B.II.2 formula "${row.formula}" disagrees with the script`);
        q = { ...questionBase(row, 'opini-bpk'), bukti: false, explanation };
      } else {
        const [scale, prefix] = RB_HASIL[row.code] ?? fail(`${qFile}: unexpected hasil row ${row.code}`);
        assert(row.answer_type === 'number' && row.formula.startsWith(`${prefix};`), `${qFile}: ${row.code} formula "${row.formula}" is not ${prefix}`);
        q = { ...questionBase(row, scale), bukti: false, explanation };
      }
      assert(ind.code === row.code, `${qFile}: hasil ${row.code} is not its own indicator`);
    } else {
      q = choiceQuestion(row);
    }
    const rule = RB_RULES[row.code];
    if (rule) {
      assert(rule[1].test(row.notes), `${qFile}: ${row.code} notes do not confirm the rule ${JSON.stringify(rule[0])}: ${row.notes}`);
      q.rules = rule[0];
      q.uncertain = RB_RULE_UNCERTAIN;
      withComment(q, 'README Doubts RB 2: conditional scoring found in the BPS 2015 sheet.');
    }
    if (/conditional scoring/.test(row.notes)) seenRuleNotes.add(row.code);
    questions.set(q.code, q);
    ind.questions.push(q);
  }
  // Every conditional rule in the CSV notes is either encoded or the inert A.I.2.e one.
  const expected = new Set([...Object.keys(RB_RULES), 'A.I.2.e']);
  assert([...seenRuleNotes].sort().join() === [...expected].sort().join(), `${qFile}: conditional-scoring notes on ${[...seenRuleNotes].join(', ')}`);
  assert(/A\.I\.2\.b\b.* is Tidak/.test(rows.find((r) => r.code === 'A.I.2.e').notes), `${qFile}: A.I.2.e rule no longer points at A.I.2.b`);
  assert(questions.get('A.I.2.b').scale === 'abc', `${qFile}: A.I.2.b is no longer A/B/C, so the A.I.2.e rule may matter`);
  applyDoubts(RB_DOUBTS, nodes, questions, 'rb-2014');
  nodes.get('A.VII.4').aliases = ['Whistle-Blowing System'];

  // Opini option texts from the CSV ("WTP. Wajar Tanpa Pengecualian = 3"), points checked against the sheet's lookup.
  const opiniRow = rows.find((r) => r.code === 'B.II.2');
  const opiniTexts = splitOptionTexts(opiniRow, OPINI.map((o) => o[0]));
  const opiniOptions = OPINI.map(([code, score, aliases]) => {
    const m = /^(.*?)\s*=\s*([\d.]+)$/.exec(opiniTexts[code]);
    assert(m && Number(m[2]) === score, `${qFile}: B.II.2 option ${code} text "${opiniTexts[code]}" disagrees with ${score} points`);
    return { code, score, text: m[1], aliases };
  });

  const surveyUncertain = (range) =>
    `The ${range} input scale comes from the one BPS 2015 sheet; other years' templates may differ.`;
  const rubric = {
    id: 'rb-2014',
    title: 'LKE Reformasi Birokrasi (Indeks RB, PermenPANRB 14/2014)',
    regulation: 'Peraturan Menteri PANRB Nomor 14 Tahun 2014',
    kind: 'rb',
    years: [2014, 2019],
    detect: { titles: ['REFORMASI BIROKRASI', 'INDEKS RB', '14 TAHUN 2014'] },
    defaults: { bukti: true },
    scales: {
      'ya-tidak': choice('Y/T', [['Ya', 1], ['Tidak', 0]], { labels: ['Ya/Tidak'] }),
      abc: ABC(),
      abcd: ABCD('README "Answer → score": literal 0.67/0.33 in the BPS 2015 sheet; the KPPU example scores C as 0.33.'),
      abcde: ABCDE(),
      'sakip-0-100': { type: 'number', label: '0-100', range: [0, 100], clamp: false, note: 'Nilai hasil evaluasi SAKIP; nilai = x/100 × bobot.' },
      'survey-0-5': withComment(
        { type: 'number', label: '0-5', range: [0, 5], clamp: false, uncertain: surveyUncertain('0-5 internal-survey') },
        'README Doubts RB 4: 0-5, not 1-4, in the BPS 2015 sheet (J201/5*6).',
      ),
      'survey-0-4': withComment(
        { type: 'number', label: '0-4', range: [0, 4], clamp: false, uncertain: surveyUncertain('0-4 external-survey') },
        'README Doubts RB 4: the external surveys are x/4 in the BPS 2015 sheet.',
      ),
      'opini-bpk': withComment(
        {
          type: 'choice',
          label: OPINI_LABEL,
          max: 3,
          uncertain:
            'The sheet lookup uses long labels and the SQL short ones ("Tidak menyusun Laporan Keuangan"); codes here are short, both spellings are aliases.',
          options: opiniOptions,
        },
        'README Doubts RB 3: label of the BPS 2015 sheet (cell I205); aliases from its K205 lookup and the SQL bobot row 7.',
      ),
    },
    predikat: {
      name: 'Predikat',
      bands: RB_PREDIKAT_BANDS,
      note: 'Lower bound exclusive, upper inclusive: 60.00 is CC, 60.01 is B (categories unchanged since 2014).',
    },
    tree: roots,
    notes: [
      'Source: zdp2430/lkerb @ e7776d72, file/lkerb.sql (structure, texts, weights) and "LKE RB BPS 2015 - Hasil Evaluasi Kemenpan.xlsx" (answer types, hasil conversions, conditional rules).',
      'Answer types come from the 2015 sheet: the SQL item.id_bobot_FK is 1 (A/B/C) for every pengungkit item and 2 for every hasil item, so it is unusable; the option counts in the SQL penjelasan agree with the sheet.',
      'Sub-area nilai = SUM(range)/COUNT(range) × bobot: blank questions are left out of the mean, not counted as 0; a sub-area with every question blank gives #DIV/0!.',
      'Area and component nilai are the sums of their children; total = Proses + Hasil; % = nilai / bobot.',
      'README check: the BPS 2015 answers give the sheet total 71.406286 only with the A.V.4.c rule (72.210286 with the plain table).',
      'A few A/B/C formulas in the 2015 sheet carry 0.6/0.3 in their unused 4-option branch; harmless.',
      'The 2015 sheet labels the top component "PROSES (60)" and keeps the weights in names ("Harmonisasi (2,5)").',
      'The SQL lke_detail.nilai and persentase are decimal(5,0), so that app would have stored integers only.',
      'This describes the 14/2014 instrument as used in 2015; small wording changes in other PMPRB years (2014-2019) are possible.',
    ],
  };
  const counts = verify(
    rubric,
    {
      questions: 151,
      subInputs: 0,
      perArea: {
        'A.I': 18, 'A.II': 4, 'A.III': 10, 'A.IV': 11, 'A.V': 39, 'A.VI': 8, 'A.VII': 35, 'A.VIII': 21,
        'B.I': 2, 'B.II': 2, 'B.III': 1,
      },
      byScale: {
        'ya-tidak': 41, abc: 38, abcd: 64, abcde: 3, 'sakip-0-100': 1, 'survey-0-5': 1, 'survey-0-4': 2, 'opini-bpk': 1,
      },
    },
    'rb-2014',
  );
  const proses = allIndicators([nodes.get('A')]).reduce((s, n) => s + n.questions.length, 0);
  assert(proses === 146, `rb-2014: ${proses} pengungkit questions, README says 146`);
  return { rubric: finish(rubric), counts, sources: [qFile, wFile] };
}

// ---------------------------------------------------------------------------------------------------------------
// Final shape: fixed key order, no undefined values.

const NODE_KEYS = ['code', 'level', 'name', 'bobot', 'outcome', 'rekomendasi', 'aliases', 'note', 'uncertain', 'children', 'questions'];
const QUESTION_KEYS = ['code', 'text', 'scale', 'bukti', 'explanation', 'optionTexts', 'inputs', 'formula', 'clamp', 'rules', 'aliases', 'note', 'uncertain'];

function ordered(obj, keys) {
  const extra = Object.keys(obj).filter((k) => !keys.includes(k));
  assert(extra.length === 0, `unexpected keys ${extra.join(', ')} on ${obj.code}`);
  const out = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  if (obj[COMMENT]) out[COMMENT] = obj[COMMENT];
  return out;
}

function finish(rubric) {
  const node = (n) =>
    ordered({ ...n, [COMMENT]: n[COMMENT], children: n.children?.map(node), questions: n.questions?.map((q) => ordered({ ...q, [COMMENT]: q[COMMENT] }, QUESTION_KEYS)) }, NODE_KEYS);
  return { ...rubric, tree: rubric.tree.map(node) };
}

// ---------------------------------------------------------------------------------------------------------------

function main() {
  const outputs = [
    ['zi-2021.yaml', buildZi()],
    ['rb-2014.yaml', buildRb()],
  ];
  let stale = 0;
  for (const [file, { rubric, counts, sources }] of outputs) {
    const text = toYaml(rubric, headerLines(sources));
    const url = new URL(file, OUT);
    const summary = `${counts.total} questions, ${counts.subInputs} sub-inputs (${Object.entries(counts.byScale).map(([k, v]) => `${k} ${v}`).join(', ')})`;
    if (CHECK_ONLY) {
      const current = existsSync(url) ? readFileSync(url, 'utf8') : '';
      if (current !== text) {
        console.error(`gen-rubrics: rubrics/${file} is out of date; run node scripts/gen-rubrics.mjs`);
        stale++;
      } else {
        console.log(`rubrics/${file} is up to date: ${summary}`);
      }
      continue;
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(url, text);
    console.log(`wrote rubrics/${file}: ${summary}`);
  }
  if (stale) process.exit(1);
}

// Run when executed (not when imported, e.g. to test parseCsv).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
