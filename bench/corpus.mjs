// The benches' corpus: N distinct filled LKE ZI worksheets (other answers, counts, notes and Unit Kerja per file),
// written by generator threads (exceljs writing is the slow part, ~0.2 s each) and reused when a folder holds them.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export const OPDS = [
  'Dinas Komunikasi dan Informatika', 'Dinas Pendidikan', 'Dinas Kesehatan', 'Badan Kepegawaian dan Pengembangan SDM',
  'Dinas Kependudukan dan Pencatatan Sipil', 'Badan Pendapatan Daerah', 'Dinas Penanaman Modal dan PTSP', 'Dinas Sosial',
  'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Perhubungan', 'Inspektorat Daerah', 'RSUD dr. Soetomo',
  'Kantor Imigrasi Kelas I TPI', 'Pengadilan Negeri Kelas IA', 'Kantor Pelayanan Pajak Pratama', 'Badan Perencanaan Pembangunan Daerah',
];
const slug = (s) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
export const fileName = (i) => `LKE-ZI-2024-${slug(OPDS[i % OPDS.length])}-${String(i + 1).padStart(4, '0')}.xlsx`;

if (!isMainThread && workerData?.role === 'generate-corpus') {
  const { makeWorksheet } = await import('./make-worksheet.mjs');
  const out = [];
  for (const i of workerData.indices) {
    const file = join(workerData.dir, fileName(i));
    const m = await makeWorksheet(file, { seed: 1000 + i * 7919, opd: OPDS[i % OPDS.length] });
    out.push({ file, index: m.index, rows: m.rows });
  }
  parentPort.postMessage(out);
}

/**
 * The N worksheets in `dir` (written when missing). Stops the bench (`die`) when two are byte-identical or the
 * folder holds other worksheets (lke reads every *.xlsx in it).
 */
export async function ensureCorpus(dir, n, { log, die, kept }) {
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  const wanted = Array.from({ length: n }, (_, i) => i);
  const missing = wanted.filter((i) => !existsSync(join(dir, fileName(i))));
  if (missing.length > 0) {
    const t0 = performance.now();
    const threads = Math.min(cpus().length, missing.length);
    await Promise.all(
      Array.from({ length: threads }, (_, k) => new Promise((res, rej) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { role: 'generate-corpus', dir, indices: missing.filter((_, j) => j % threads === k) } });
        w.once('message', res);
        w.once('error', rej);
      })),
    );
    log(`bench: wrote ${missing.length} worksheets into ${kept ? dir : 'a temp folder'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const files = wanted.map((i) => join(dir, fileName(i)));
  const distinctBytes = new Set(files.map((f) => readFileSync(f).toString('base64'))).size;
  if (distinctBytes !== n) die(`${n - distinctBytes} of the ${n} worksheets are byte-identical to another`);
  const extra = readdirSync(dir).filter((f) => f.endsWith('.xlsx') && !files.includes(join(dir, f)));
  if (extra.length > 0) die(`${dir} holds ${extra.length} other .xlsx files (${extra[0]} …); use an empty --dir`);
  return { dir, files, sizes: files.map((f) => statSync(f).size) };
}
