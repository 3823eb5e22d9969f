// Writes a realistic filled LKE Zona Integritas worksheet (PermenPANRB 90/2021, official layout) for the bench.
// The rows follow the built-in rubric zi-2021 in reading order (nodes, questions, sub-inputs); numbering cascades
// over B..F by depth with the text in the next column, as in the official sheet. Cached Nilai results come from a
// first pass through lke itself so the sheet is self-consistent (no nilai-mismatch findings). `seed` varies the
// answers, counts and notes (bench/batch.mjs writes a corpus of distinct files); `opd` the Unit Kerja in the title.
import ExcelJS from 'exceljs';
import { mulberry32 } from './rng.mjs';
import { loadRubric } from '../dist/engine/rubrics.js';
import { scoreFile } from '../dist/engine/score-file.js';

export const TARGET_ROWS = 300;

const LONG_NOTE =
  'Catatan evaluator: bukti dukung telah diperiksa; dokumen SK, notulen rapat, daftar hadir dan laporan monitoring ' +
  'tersedia pada tautan yang dicantumkan. Perlu penguatan pada konsistensi pelaksanaan, keterlibatan pimpinan dan ' +
  'tindak lanjut hasil evaluasi secara berkala sesuai rencana kerja pembangunan Zona Integritas.';

/** Deterministic pseudo-random numbers, so every run writes the same sheet. */
const rng = mulberry32;

const colLetter = (c) => String.fromCharCode(64 + c); // B..Q only
const B = 2; // first numbering column
const H = 8, I = 9, J = 10, K = 11, L = 12, M = 13, O = 15, P = 16, Q = 17;

function answersFor(rubric, rand) {
  const answers = new Map(); // question code → option code / number
  const inputs = new Map(); // sub-input code → count
  for (const q of rubric.questions.values()) {
    const s = q.scale;
    if (q.inputs.length > 0) {
      const vals = {};
      for (const sub of q.inputs) if (sub.key !== 'a') vals[sub.key] = 2 + Math.floor(rand() * 20);
      const checked = q.inputs.find((sub) => sub.key === 'a' && sub.check);
      // a = b + c + d when the rubric checks it; otherwise a denominator at least as large as any numerator
      vals.a = checked
        ? checked.check.source.match(/[a-z]+/g).reduce((sum, k) => sum + (vals[k] ?? 0), 0)
        : Math.max(...Object.values(vals), 1) + Math.floor(rand() * 5);
      if (q.formula?.source.includes('a - b')) vals.b = Math.floor(vals.a * rand()); // fewer violations this year
      for (const sub of q.inputs) inputs.set(sub.code, vals[sub.key]);
    } else if (s.type === 'choice') {
      const n = s.options.length;
      // mostly good answers, as in real submissions
      const idx = Math.min(n - 1, Math.floor(rand() * rand() * n));
      answers.set(q.code, s.options[idx].code);
    } else if (s.type === 'number') {
      answers.set(q.code, +(s.range[0] + (s.range[1] - s.range[0]) * (0.7 + 0.25 * rand())).toFixed(2));
    } else {
      answers.set(q.code, +(0.6 + 0.4 * rand()).toFixed(2));
    }
  }
  return { answers, inputs };
}

const choiceFormula = (scale, ref) => {
  // =IF(K9="A",1,IF(K9="B",0.5,IF(K9="C",0,"")))
  let f = '""';
  for (const o of [...scale.options].reverse()) f = `IF(${ref}="${o.code}",${o.score},${f})`;
  return f;
};

/**
 * Adds the LKE block for `items` to `ws` from row `start`; returns the next free row.
 * `cached` maps codes to cached Nilai (and ratio) results; undefined on the first pass.
 */
function writeBlock(ws, rubric, items, start, data, cached, rand) {
  const rowOf = new Map();
  let r = start;
  const nodeRows = [];
  for (const item of items) {
    const row = ws.getRow(r);
    if (item.kind === 'node') {
      rowOf.set(item.code, r);
      const d = item.depth;
      row.getCell(B + d).value = `${item.label}.`;
      row.getCell(B + d + 1).value = item.name;
      row.getCell(H).value = item.bobot;
      nodeRows.push(item);
      const sole = item.questions.length === 1 && item.questions[0].code === item.code ? item.questions[0] : undefined;
      if (sole) {
        row.getCell(I).value = sole.explanation ?? `Nilai diisi sesuai hasil survei eksternal (skala ${sole.scale.label}).`;
        row.getCell(J).value = sole.scale.label;
        row.getCell(K).value = data.answers.get(sole.code) ?? null;
        row.getCell(O).value = LONG_NOTE;
        if (sole.bukti) {
          row.getCell(P).value = `Laporan ${sole.code}`;
          row.getCell(Q).value = { text: `https://drive.example.go.id/zi/${sole.code}`, hyperlink: `https://drive.example.go.id/zi/${sole.code}` };
        }
      }
    } else if (item.kind === 'question') {
      if (item.parent.questions.length === 1 && item.parent.code === item.code) continue; // on the node's row
      rowOf.set(item.code, r);
      const d = item.parent.depth + 1;
      row.getCell(B + d).value = `${item.label}.`;
      row.getCell(B + d + 1).value = item.text;
      const pj = item.optionTexts ? Object.entries(item.optionTexts).map(([k, v]) => `${k}. ${v}`).join('\n') : item.explanation;
      row.getCell(I).value = pj ?? 'Persentase dihitung dari isian jumlah di bawahnya.';
      row.getCell(J).value = item.scale.label;
      if (item.inputs.length > 0) {
        const refs = item.inputs.map((_, i) => `K${r + 1 + i}`);
        row.getCell(K).value = { formula: `IF(OR(${refs.map((x) => `${x}=""`).join(',')}),"Blm Diisi",${refs[1]}/${refs[0]})`, result: cached?.ratio.get(item.code) ?? 0 };
        row.getCell(L).value = { formula: `IF(K${r}="Blm Diisi",0,MIN(K${r},1))`, result: cached?.nilai.get(item.code) ?? 0 };
      } else {
        row.getCell(K).value = data.answers.get(item.code) ?? null;
        const f = item.scale.type === 'choice' ? choiceFormula(item.scale, `K${r}`) : `K${r}`;
        row.getCell(L).value = { formula: f, result: cached?.nilai.get(item.code) ?? 0 };
      }
      row.getCell(O).value = rand() < 0.5 ? LONG_NOTE : 'Sesuai';
      if (item.bukti) {
        row.getCell(P).value = `SK/Laporan ${item.code}`;
        row.getCell(Q).value = { text: `https://drive.example.go.id/zi/${item.code}`, hyperlink: `https://drive.example.go.id/zi/${item.code}` };
      }
    } else {
      rowOf.set(item.code, r);
      // sub-input: no numbering, the text under the question's text column, a count in Jawaban
      row.getCell(B + item.question.parent.depth + 2).value = item.text;
      row.getCell(J).value = 'Jumlah';
      row.getCell(K).value = data.inputs.get(item.code) ?? null;
    }
    r++;
  }
  // Nilai and % of the nodes: SUM of the children, or AVERAGE of the questions × bobot
  for (const n of nodeRows) {
    const nr = rowOf.get(n.code);
    const row = ws.getRow(nr);
    let f;
    if (n.children.length > 0) f = `SUM(${n.children.map((c) => `L${rowOf.get(c.code)}`).join(',')})`;
    else if (n.questions.length === 1 && n.questions[0].code === n.code) {
      const q = n.questions[0];
      f = q.scale.type === 'choice' ? `${choiceFormula(q.scale, `K${nr}`)}*H${nr}` : `K${nr}/4*H${nr}`;
    } else {
      const rows = n.questions.map((q) => rowOf.get(q.code));
      f = `AVERAGE(L${Math.min(...rows)}:L${Math.max(...rows)})*H${nr}`;
    }
    const nilai = cached?.nilai.get(n.code) ?? 0;
    row.getCell(L).value = { formula: f, result: nilai };
    row.getCell(M).value = { formula: `L${nr}/H${nr}`, result: n.bobot ? nilai / n.bobot : 0 };
  }
  return { next: r, rowOf };
}

function header(ws, title, opd) {
  ws.getCell('B1').value = title;
  ws.mergeCells('B1:I1');
  ws.getCell('K1').value = `Unit Kerja : ${opd}`;
  ws.getCell('O1').value = 'Tahun : 2024';
  ws.getCell('B2').value = 'Penilaian';
  ws.mergeCells('B2:G2');
  const labels = { H: 'Bobot', I: 'Penjelasan', J: 'Pilihan Jawaban', K: 'Jawaban', L: 'Nilai', M: '%', O: 'Catatan' };
  for (const [c, v] of Object.entries(labels)) ws.getCell(`${c}2`).value = v;
  ws.getRow(2).font = { bold: true };
  for (const [c, w] of Object.entries({ A: 2, B: 4, C: 4, D: 4, E: 4, F: 4, G: 60, H: 8, I: 60, J: 14, K: 12, L: 10, M: 8, O: 40, P: 24, Q: 40 })) ws.getColumn(c).width = w;
}

async function writeWorkbook(file, rubric, data, cached, seed, opd) {
  const rand = rng(seed === DEFAULT_SEED ? 7 : seed ^ 0x5bd1e995);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lke bench';
  const ws = wb.addWorksheet('LKE ZI');
  header(ws, 'LEMBAR KERJA EVALUASI PEMBANGUNAN ZONA INTEGRITAS MENUJU WBK/WBBM (PERMENPANRB 90 TAHUN 2021)', opd);
  const pengungkit = rubric.items.filter((it) => it.code.startsWith('A'));
  const hasil = rubric.items.filter((it) => it.code.startsWith('B'));
  let { next: r, rowOf } = writeBlock(ws, rubric, pengungkit, 3, data, cached, rand);
  ws.getCell(`B${r}`).value = 'TOTAL PENGUNGKIT';
  ws.getCell(`L${r}`).value = { formula: `L${rowOf.get('A')}`, result: cached?.nilai.get('A') ?? 0 };
  r++;
  const h = writeBlock(ws, rubric, hasil, r, data, cached, rand);
  r = h.next;
  ws.getCell(`B${r}`).value = 'TOTAL HASIL';
  ws.getCell(`L${r}`).value = { formula: `L${h.rowOf.get('B')}`, result: cached?.nilai.get('B') ?? 0 };
  r++;
  ws.getCell(`B${r}`).value = 'NILAI EVALUASI ZONA INTEGRITAS';
  ws.getCell(`L${r}`).value = { formula: `L${rowOf.get('A')}+L${h.rowOf.get('B')}`, result: cached?.index ?? 0 };
  r += 2;
  // below the grand total: the evaluator's notes and the signature block, up to ~300 rows in all
  let n = 1;
  while (r <= TARGET_ROWS - 6) {
    ws.getCell(`B${r}`).value = `${n}.`;
    ws.getCell(`C${r}`).value = `${LONG_NOTE} (${n})`;
    ws.getCell(`I${r}`).value = LONG_NOTE;
    ws.getCell(`O${r}`).value = LONG_NOTE;
    r++;
    n++;
  }
  for (const t of ['Mengetahui,', `Kepala ${opd}`, '', '', 'NIP. 19700101 199503 1 001']) ws.getCell(`I${r++}`).value = t || null;
  // official templates carry a dropdown over the whole Jawaban column
  ws.dataValidations.add('K1:K1048576', { type: 'list', allowBlank: true, formulae: ['"Ya,Tidak,A,B,C,D,E"'] });

  // a second sheet the evaluator keeps: a copy of the hasil block and notes
  const ev = wb.addWorksheet('Catatan evaluator');
  header(ev, 'CATATAN EVALUATOR - KOMPONEN HASIL', opd);
  let e = writeBlock(ev, rubric, hasil, 3, data, cached, rand).next + 1;
  for (let k = 1; k <= 40; k++) {
    ev.getCell(`B${e}`).value = `${k}.`;
    ev.getCell(`C${e}`).value = LONG_NOTE;
    e++;
  }
  ev.dataValidations.add('K1:K1048576', { type: 'list', allowBlank: true, formulae: ['"Ya,Tidak,A,B,C,D,E"'] });
  await wb.xlsx.writeFile(file);
  return { rows: ws.rowCount, evaluatorRows: ev.rowCount };
}

const DEFAULT_SEED = 2024;
const DEFAULT_OPD = 'Dinas Komunikasi dan Informatika';
let zi;

/**
 * Writes the worksheet to `file`; returns its row counts. Two passes: the second caches lke's own Nilai.
 * Without options it writes the same sheet every time (bench/score.mjs); another `seed` gives other answers.
 */
export async function makeWorksheet(file, { seed = DEFAULT_SEED, opd = DEFAULT_OPD } = {}) {
  const rubric = (zi ??= await loadRubric('zi-2021'));
  const data = answersFor(rubric, rng(seed));
  await writeWorkbook(file, rubric, data, undefined, seed, opd);
  const first = await scoreFile(file, { rubric, candidates: [rubric], blankPolicy: 'skip' });
  if (first.status !== 'scored') throw new Error(`bench worksheet: first pass not scored: ${first.error?.message}`);
  const cached = { nilai: new Map(), ratio: new Map(), index: first.scored.index };
  for (const n of first.scored.nodes) cached.nilai.set(n.code, n.nilai);
  for (const [code, q] of first.scored.questions) {
    // a hasil indicator answered on its own row shares its code with the node: the row shows the node's nilai
    if (q.score !== undefined && !cached.nilai.has(code)) cached.nilai.set(code, q.score);
    if (typeof q.answer === 'number') cached.ratio.set(code, q.answer);
  }
  return { ...(await writeWorkbook(file, rubric, data, cached, seed, opd)), index: first.scored.index };
}
