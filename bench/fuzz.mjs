#!/usr/bin/env node
// Fuzzing the read-and-score path: valid worksheets (fixtures/*.xlsx) mutated at three levels, each case scored
// in-process; every case must end in a score or a known error code, never an exception.
//
//   node bench/fuzz.mjs                          5000 cases from seed 1 (needs npm run build: it runs dist/)
//   node bench/fuzz.mjs --cases 20000 --seed 7   more, from another seed
//   node bench/fuzz.mjs --seed 7 --case 1234     replay one case (prints its mutations; keeps the file)
//
// Levels: "bytes" mutates the raw .xlsx; "entry" inflates the zip, mutates the bytes of one part (the sheet, the
// shared strings, the workbook, its relationships, the core properties) and zips it again; "xml" edits the sheet
// or shared-strings XML as text: cell types swapped (t="s" ↔ n, str, b, e, inlineStr), values replaced (huge,
// negative, text, out-of-range shared-string indices), closing tags deleted, rows duplicated, references broken,
// a DOCTYPE or deep nesting inserted, merges over the whole sheet. Each case's random stream depends only on
// (seed, case number), so any case replays alone. test/hostile-fuzz.test.ts runs a bounded number of them in CI.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mulberry32 } from './rng.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Every error code a file may end with (WorkbookErrorCode and the pipeline's own); "internal" is a bug. */
export const KNOWN_CODES = new Set([
  'file-not-found',
  'file-unreadable',
  'file-too-large',
  'file-empty',
  'not-a-workbook',
  'xls-format',
  'ods-format',
  'encrypted',
  'corrupt',
  'zip-bomb',
  'too-many-rows',
  'too-many-columns',
  'no-worksheet',
  'no-lke-sheet',
  'rubric-ambiguous',
  'rubric-unknown',
]);

/** A file's error code: the reader's own for a refused workbook (FileProblem 'unreadable'), else the problem's. */
const codeOf = (error) => (error?.code === 'unreadable' ? error.readCode : error?.code);

export { mulberry32 };

/** The random stream of one case: depends only on the seed and the case number. */
export const caseRng = (seed, n) => mulberry32(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b));

const pick = (rng, xs) => xs[Math.floor(rng() * xs.length)];
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

/** The valid worksheets the mutations start from. */
export function loadBases() {
  const dir = join(ROOT, 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

// ───────────────────────────── level 1 and 2: bytes ─────────────────────────────

const JUNK = ['<', '>', '&', '"', '\0', '</c>', '<c>', '&amp;', '&#0;', '&#xD800;', ']]>', '<!--', '\uFFFF', '\u00e9', '😀'];

function mutateBytes(rng, bytes, log) {
  const b = Array.from(bytes);
  const edits = int(rng, 1, 4);
  for (let k = 0; k < edits && b.length > 0; k++) {
    const at = int(rng, 0, b.length - 1);
    switch (int(rng, 0, 6)) {
      case 0: {
        const n = int(rng, 1, 16);
        for (let i = 0; i < n && at + i < b.length; i++) b[at + i] ^= 1 << int(rng, 0, 7);
        log.push(`flip ${n} bytes at ${at}`);
        break;
      }
      case 1:
        b.length = at;
        log.push(`truncate at ${at}`);
        break;
      case 2: {
        const ins = Array.from(strToU8(pick(rng, JUNK)));
        b.splice(at, 0, ...ins);
        log.push(`insert ${ins.length} bytes at ${at}`);
        break;
      }
      case 3: {
        const n = int(rng, 1, 256);
        b.fill(0, at, at + n);
        log.push(`zero ${n} bytes at ${at}`);
        break;
      }
      case 4: {
        const n = int(rng, 1, 512);
        b.splice(at, 0, ...b.slice(at, at + n));
        log.push(`repeat ${n} bytes at ${at}`);
        break;
      }
      case 5: {
        const n = int(rng, 1, 512);
        b.splice(at, n);
        log.push(`delete ${n} bytes at ${at}`);
        break;
      }
      default: {
        const v = pick(rng, [0x00, 0xff, 0x7f, 0x80]);
        for (let i = 0; i < 4 && at + i < b.length; i++) b[at + i] = v;
        log.push(`set 4 bytes at ${at} to ${v}`);
      }
    }
  }
  return Uint8Array.from(b);
}

// ───────────────────────────── level 3: XML structure ─────────────────────────────

const TYPES = ['s', 'n', 'str', 'b', 'e', 'inlineStr', 'd', 'x'];
const VALUES = ['1e308', '-1e308', 'NaN', 'Infinity', '-0', '', ' ', '999999999', '-1', '0.1e-320', 'Ya', '#REF!', 'A'.repeat(5000), '1'.repeat(400), '&lt;script&gt;', '=cmd|\' /C calc\'!A0', '😀', '\u202e'];
const REFS = ['A0', 'XFD1048576', 'XFE1', 'A1048577', '$A$1', 'a1', '1A', '', 'AAAAAAAAAA1', 'B-5', 'A99999999999999999999'];

/** Replaces the k-th match of `re` (global) through `fn`. */
function atMatch(text, re, k, fn) {
  let i = 0;
  return text.replace(re, (...m) => (i++ === k ? fn(...m) : m[0]));
}
const count = (text, re) => (text.match(re) ?? []).length;

const XML_MUTATIONS = [
  ['swap cell types', (rng, x) => {
    const n = int(rng, 1, 40);
    let out = x;
    for (let i = 0; i < n; i++) {
      const cells = count(out, /<c [^>]*>/g);
      if (!cells) break;
      out = atMatch(out, /<c ([^>]*?)(\/?)>/g, int(rng, 0, cells - 1), (_, attrs, slash) => `<c ${attrs.replace(/\s*t="[^"]*"/, '')} t="${pick(rng, TYPES)}"${slash}>`);
    }
    return out;
  }],
  ['replace values', (rng, x) => {
    const n = int(rng, 1, 40);
    let out = x;
    for (let i = 0; i < n; i++) {
      const vs = count(out, /<v>[^<]*<\/v>/g);
      if (!vs) break;
      out = atMatch(out, /<v>[^<]*<\/v>/g, int(rng, 0, vs - 1), () => `<v>${pick(rng, [...VALUES, String(int(rng, -5, 100000))])}</v>`);
    }
    return out;
  }],
  ['delete a closing tag', (rng, x) => {
    const tag = pick(rng, ['</c>', '</row>', '</v>', '</si>', '</t>', '</sheetData>', '</worksheet>', '</sst>']);
    const n = count(x, new RegExp(tag.replace('/', '\\/'), 'g'));
    return n ? atMatch(x, new RegExp(tag.replace('/', '\\/'), 'g'), int(rng, 0, n - 1), () => '') : x;
  }],
  ['duplicate rows', (rng, x) => {
    const n = count(x, /<row [^>]*>.*?<\/row>/g);
    let out = x;
    for (let i = 0, k = int(rng, 1, 10); i < k && n; i++) out = atMatch(out, /<row [^>]*>.*?<\/row>/g, int(rng, 0, n - 1), (row) => row.repeat(int(rng, 2, 5)));
    return out;
  }],
  ['break references', (rng, x) => {
    let out = x;
    for (let i = 0, k = int(rng, 1, 10); i < k; i++) {
      const n = count(out, / r="[^"]*"/g);
      if (!n) break;
      out = atMatch(out, / r="[^"]*"/g, int(rng, 0, n - 1), () => ` r="${pick(rng, [...REFS, String(int(rng, -3, 2000000))])}"`);
    }
    return out;
  }],
  ['insert a DOCTYPE', (rng, x) => x.replace(/^(<\?xml[^>]*\?>)?/, (h) => `${h ?? ''}<!DOCTYPE x [<!ENTITY a "${'b'.repeat(int(rng, 1, 50))}"><!ENTITY e SYSTEM "file:///etc/passwd">]>`).replace('<v>', '<v>&a;&e;')],
  ['nest deeply', (rng, x) => {
    const d = int(rng, 1000, 50000);
    return x.replace('<sheetData>', `<sheetData>${'<row>'.repeat(d)}${'</row>'.repeat(d)}`).replace(/(<si>)/, `$1${'<r>'.repeat(d)}${'</r>'.repeat(d)}`);
  }],
  ['merge everything', (rng, x) => {
    const merges = Array.from({ length: int(rng, 1, 500) }, () => `<mergeCell ref="${pick(rng, ['A1:XFD1048576', 'B5:B5', 'K1:A1', 'A1:A1048576', `C${int(rng, 1, 300)}:N${int(rng, 1, 300)}`])}"/>`).join('');
    return x.includes('<mergeCells') ? x.replace(/<mergeCells[^>]*>/, (m) => m + merges) : x.replace('</sheetData>', `</sheetData><mergeCells>${merges}</mergeCells>`);
  }],
  ['replace strings', (rng, x) => {
    let out = x;
    for (let i = 0, k = int(rng, 1, 30); i < k; i++) {
      const n = count(out, /<t( [^>]*)?>[^<]*<\/t>/g);
      if (!n) break;
      out = atMatch(out, /<t( [^>]*)?>[^<]*<\/t>/g, int(rng, 0, n - 1), () => `<t>${pick(rng, [...VALUES, 'Tidak', 'A.', '(B)', '0,75', '75%', 'Wajar Tanpa Pengecualian', 'PENILAIAN', 'Jawaban', 'A.I.1.a'])}</t>`);
    }
    return out;
  }],
  ['random formulas', (rng, x) => {
    const n = count(x, /<c ([^>]*)>/g);
    let out = x;
    for (let i = 0, k = int(rng, 1, 20); i < k && n; i++) out = atMatch(out, /<c ([^>]*)>/g, int(rng, 0, n - 1), (m) => `${m}<f>${pick(rng, ['SUM(A1:XFD1048576)', '1/0', 'INDIRECT("A"&ROW())', ''])}</f>`);
    return out;
  }],
];

/** How often each mutation is drawn: the ones that keep the XML well-formed go deeper into the pipeline. */
const XML_WEIGHTS = { 'swap cell types': 3, 'replace values': 3, 'delete a closing tag': 1, 'duplicate rows': 2, 'break references': 2, 'insert a DOCTYPE': 1, 'nest deeply': 1, 'merge everything': 1, 'replace strings': 3, 'random formulas': 2 };
const XML_POOL = XML_MUTATIONS.flatMap((m) => Array(XML_WEIGHTS[m[0]] ?? 1).fill(m));

const PARTS = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'docProps/core.xml', '[Content_Types].xml'];

/**
 * One mutated workbook from a base: `{ bytes, level, log }`. The level is chosen by the case's own stream.
 */
export function mutate(rng, base) {
  const log = [`base ${base.name}`];
  const level = pick(rng, ['bytes', 'entry', 'xml', 'xml', 'xml']);
  if (level === 'bytes') return { bytes: mutateBytes(rng, base.bytes, log), level, log };
  const parts = unzipSync(base.bytes);
  const names = PARTS.filter((p) => p in parts);
  if (level === 'entry') {
    const part = pick(rng, names);
    log.push(`part ${part}`);
    parts[part] = mutateBytes(rng, parts[part], log);
  } else {
    const part = rng() < 0.75 ? 'xl/worksheets/sheet1.xml' : pick(rng, names);
    for (let i = 0, k = int(rng, 1, 3); i < k; i++) {
      const [what, fn] = pick(rng, XML_POOL);
      log.push(`${part}: ${what}`);
      parts[part] = strToU8(fn(rng, strFromU8(parts[part])));
    }
  }
  return { bytes: zipSync(parts, { level: 1, mtime: new Date(Date.UTC(2022, 0, 1)) }), level, log };
}

/**
 * Runs cases [from, from + cases) of `seed`: each mutated file is written to a temp folder and scored through
 * `scoreFile` (src/ in the test, dist/ here). Returns the tally by outcome and the failures (thrown exceptions or
 * unknown codes) with what it takes to replay them.
 */
export async function runFuzz({ seed, cases, from = 0, scoreFile, rubrics, keep = false, onCase }) {
  const bases = loadBases();
  const dir = mkdtempSync(join(tmpdir(), 'lke-fuzz-'));
  const tally = {};
  const failures = [];
  let slowest = { ms: 0, n: -1 };
  try {
    for (let n = from; n < from + cases; n++) {
      const rng = caseRng(seed, n);
      const base = bases[Math.floor(rng() * bases.length)];
      const { bytes, level, log } = mutate(rng, base);
      const file = join(dir, `case-${seed}-${n}.xlsx`);
      writeFileSync(file, bytes);
      const t0 = Date.now();
      let outcome;
      try {
        const r = await scoreFile(file, { candidates: rubrics, blankPolicy: 'skip' });
        if (r.status === 'scored') outcome = 'scored';
        else if (r.status === 'error' && KNOWN_CODES.has(codeOf(r.error))) outcome = `error:${codeOf(r.error)}`;
        else {
          outcome = 'UNKNOWN';
          failures.push({ seed, n, level, log, error: `unknown outcome ${JSON.stringify(r.status)} ${JSON.stringify(r.error)}` });
        }
      } catch (e) {
        outcome = 'THROWN';
        failures.push({ seed, n, level, log, error: e?.stack ?? String(e) });
      }
      const ms = Date.now() - t0;
      if (ms > slowest.ms) slowest = { ms, n };
      tally[outcome] = (tally[outcome] ?? 0) + 1;
      onCase?.({ n, level, log, outcome, ms, file });
      if (!keep) rmSync(file, { force: true });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  return { tally, failures, slowest };
}

async function main() {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const seed = arg('seed', 1);
  const one = arg('case', undefined);
  const cases = one === undefined ? arg('cases', 5000) : 1;
  const dist = join(ROOT, 'dist');
  const { scoreFile } = await import(pathToFileURL(join(dist, 'engine/score-file.js')).href);
  const { builtinRubricIds, loadRubric } = await import(pathToFileURL(join(dist, 'engine/rubrics.js')).href);
  const rubrics = await Promise.all(builtinRubricIds().map(loadRubric));
  const t0 = Date.now();
  let done = 0;
  const { tally, failures, slowest } = await runFuzz({
    seed,
    cases,
    from: one ?? 0,
    scoreFile,
    rubrics,
    keep: one !== undefined,
    onCase: ({ n, log, outcome, ms, file }) => {
      if (one !== undefined) console.log(`case ${n} (${ms} ms): ${log.join('; ')}\n  → ${outcome}\n  file kept: ${file}`);
      else if (++done % 500 === 0) process.stderr.write(`${done}/${cases}\n`);
    },
  });
  const s = (Date.now() - t0) / 1000;
  console.log(`fuzz: seed ${seed}, ${cases} cases in ${s.toFixed(1)} s; slowest case ${slowest.n} (${slowest.ms} ms); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  for (const [k, v] of Object.entries(tally).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(28)} ${v}`);
  for (const f of failures) console.log(`FAILED seed ${f.seed} case ${f.n} [${f.level}] ${f.log.join('; ')}\n  ${f.error.split('\n').slice(0, 6).join('\n  ')}\n  replay: node bench/fuzz.mjs --seed ${f.seed} --case ${f.n}`);
  process.exitCode = failures.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
