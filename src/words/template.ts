// The wording of a written template (Indonesian and English): the sheet's prompts and the Petunjuk Pengisian.
import type { Lang } from './lang.js';

export interface TemplateWords {
  sheetTitle: (title: string) => string;
  rubricLine: (id: string, version: string) => string;
  choosePrompt: (label: string) => string;
  percentPrompt: string;
  numberPrompt: (lo: number, hi: number) => string;
  countPrompt: string;
  countLabel: string;
  /** A table of values (a rubric of lines). Total labels stay Indonesian: the reader knows them as totals. */
  lines: {
    rentang: string;
    nilai: string;
    dikecualikan: string;
    remarkPrompt: string;
    denominator: (name: string) => string;
    adjusted: (name: string) => string;
    index: (kind: string) => string;
    predikat: (kind: string) => string;
    steps: (p: { title: string; regulation: string; id: string; version: string }) => string[];
  };
  petunjuk: {
    sheet: string;
    title: string;
    steps: (p: { title: string; regulation: string; id: string; version: string }) => string[];
    scales: string;
    scaleHead: [string, string];
    rules: string;
    multiplyBy: (code: string, dep: string) => string;
    zeroWhen: (code: string, dep: string, answers: string) => string;
    predikat: string;
    above: (x: number) => string;
    atLeast: (x: number) => string;
    rest: string;
    uncertain: string;
  };
}

// The labels written on a table-of-values sheet stay Indonesian in both languages: the reader recognises them
// (the computed column, the total rows) and skips them as it reads the table back.
const LINE_SHEET_LABELS: Omit<TemplateWords['lines'], 'remarkPrompt' | 'steps'> = {
  rentang: 'Rentang',
  nilai: 'Nilai Hitung',
  dikecualikan: 'Dikecualikan',
  denominator: (n) => `Penyesuaian: pembagi ${n} (bobot − bobot yang dikecualikan)`,
  adjusted: (n) => `${n} (penyesuaian)`,
  index: (k) => (k === 'rb' ? 'Indeks RB' : 'Nilai Akhir'),
  predikat: (k) => `${k === 'rb' ? 'Indeks RB' : 'Nilai Akhir'}: predikat`,
};

export const TEMPLATE_WORDS: Record<Lang, TemplateWords> = {
  id: {
    sheetTitle: (t) => `LEMBAR KERJA EVALUASI: ${t}`,
    rubricLine: (id, v) => `rubrik lke ${id} (versi ${v})`,
    choosePrompt: (l) => `Pilih jawaban dari daftar (${l}).`,
    percentPrompt: 'Isi persentase 0–100%.',
    numberPrompt: (lo, hi) => `Isi angka ${lo}–${hi}.`,
    countPrompt: 'Isi jumlah: angka 0 atau lebih.',
    countLabel: 'Jumlah',
    lines: {
      ...LINE_SHEET_LABELS,
      remarkPrompt: 'Kosongkan, atau tulis catatan. "dikecualikan" (atau "tidak diperhitungkan", "tidak berlaku") mengeluarkan indikator dari pembagi.',
      steps: (p) => [
        `Lembar "LKE" memuat setiap indikator ${p.title} (${p.regulation}). Isi UNIT KERJA dan TAHUN di bagian atas lembar.`,
        'Isi nilai capaian setiap indikator di kolom Skor (sel berwarna kuning), dalam rentang di kolom Rentang; Opini BPK dipilih dari daftar (WTP, WDP, TW, TMP).',
        'Skor yang dibiarkan kosong dihitung 0 dan bobotnya tetap menjadi pembagi.',
        'Indikator yang dikecualikan evaluator: tulis "dikecualikan" (atau "tidak diperhitungkan", "tidak berlaku") di kolom Keterangan. Nilainya 0 dan bobotnya keluar dari pembagi RB General.',
        'Nilai Hitung dihitung otomatis: skor / nilai maksimum × bobot (dikali nilai indikator pengalinya / bobotnya), dibulatkan 2 desimal; lalu subtotal, penyesuaian, indeks dan predikat.',
        'Lembar diproteksi tanpa kata sandi agar rumus tidak terhapus: jangan menambah, menghapus atau memindahkan baris.',
        `Simpan sebagai .xlsx. Perintah "lke score BERKAS.xlsx" menilai lembar ini; rubriknya (${p.id}, versi ${p.version}) tercatat di dalam berkas.`,
      ],
    },
    petunjuk: {
      sheet: 'Petunjuk Pengisian',
      title: 'PETUNJUK PENGISIAN',
      steps: (p) => [
        `Lembar "LKE" memuat seluruh pertanyaan ${p.title} (${p.regulation}). Isi UNIT KERJA dan TAHUN di bagian atas lembar.`,
        'Jawab setiap pertanyaan di kolom Jawaban (sel berwarna kuning) dengan memilih dari daftar; arti setiap pilihan ada di kolom Penjelasan.',
        'Pertanyaan persentase yang dihitung diisi lewat baris "Jumlah …" di bawahnya; persentasenya dihitung otomatis.',
        'Nilai hasil (survei, SAKIP, opini) diisi dengan angka dalam rentang yang tertulis di kolom Pilihan Jawaban.',
        'Tulis bukti (nama dokumen dan/atau tautan) di kolom Bukti/Eviden dan catatan di kolom Catatan.',
        'Kolom Nilai dan % dihitung otomatis. Lembar diproteksi tanpa kata sandi agar rumus tidak terhapus: jangan menambah, menghapus atau memindahkan baris.',
        'Pertanyaan yang belum dijawab tidak dihitung dalam rata-rata indikatornya, seperti lembar kerja resmi.',
        `Simpan sebagai .xlsx. Perintah "lke score BERKAS.xlsx" menilai lembar ini; rubriknya (${p.id}, versi ${p.version}) tercatat di dalam berkas.`,
      ],
      scales: 'Skala jawaban',
      scaleHead: ['Pilihan Jawaban', 'Nilai setiap jawaban (skor 0–1)'],
      rules: 'Pertanyaan yang nilainya bergantung pada pertanyaan lain',
      multiplyBy: (c, d) => `${c}: nilainya dikalikan nilai ${d}`,
      zeroWhen: (c, d, a) => `${c}: bernilai 0 bila ${d} dijawab ${a}`,
      predikat: 'Predikat',
      above: (x) => `di atas ${x}`,
      atLeast: (x) => `${x} atau lebih`,
      rest: 'selebihnya',
      uncertain: 'Hal yang belum pasti dalam rubrik ini (tetap ditandai dalam laporan lke)',
    },
  },
  en: {
    sheetTitle: (t) => `EVALUATION WORKSHEET: ${t}`,
    rubricLine: (id, v) => `lke rubric ${id} (version ${v})`,
    choosePrompt: (l) => `Pick an answer from the list (${l}).`,
    percentPrompt: 'Enter a percentage, 0–100%.',
    numberPrompt: (lo, hi) => `Enter a number, ${lo}–${hi}.`,
    countPrompt: 'Enter a count: a number of 0 or more.',
    countLabel: 'Jumlah',
    lines: {
      ...LINE_SHEET_LABELS,
      remarkPrompt: 'Leave empty or write a note. "dikecualikan" (or "tidak diperhitungkan", "tidak berlaku") takes the indicator out of the denominator.',
      steps: (p) => [
        `The "LKE" sheet lists every indicator of ${p.title} (${p.regulation}). Fill in UNIT KERJA and TAHUN at the top.`,
        'Enter each indicator\'s raw value in the Skor column (the yellow cells), within the range in Rentang; Opini BPK is picked from the list (WTP, WDP, TW, TMP).',
        'A Skor left empty counts 0 and its bobot stays in the denominator.',
        'An indicator the evaluator excluded: write "dikecualikan" (or "tidak diperhitungkan", "tidak berlaku") in Keterangan. It scores 0 and its bobot leaves the RB General denominator.',
        'Nilai Hitung is computed: skor / maximum × bobot (times the pengali line\'s points / its bobot), rounded to 2 decimals; then the subtotals, the adjustment, the index and its predikat.',
        'The sheet is protected without a password so the formulas stay intact: do not add, delete or move rows.',
        `Save as .xlsx. "lke score FILE.xlsx" scores this sheet; its rubric (${p.id}, version ${p.version}) is recorded in the file.`,
      ],
    },
    petunjuk: {
      sheet: 'Petunjuk Pengisian',
      title: 'PETUNJUK PENGISIAN (how to fill in this worksheet)',
      steps: (p) => [
        `The "LKE" sheet holds every question of ${p.title} (${p.regulation}). Fill in UNIT KERJA and TAHUN at the top.`,
        'Answer each question in the Jawaban column (the yellow cells) by picking from the list; the Penjelasan column says what each option means.',
        'A computed percentage is filled in through the "Jumlah …" rows below it; the percentage follows by itself.',
        'Hasil values (surveys, SAKIP, audit opinion) are numbers within the range shown in Pilihan Jawaban.',
        'Write the evidence (document names and/or links) in Bukti/Eviden and notes in Catatan.',
        'Nilai and % are computed. The sheet is protected without a password so the formulas stay intact: do not add, delete or move rows.',
        "An unanswered question is left out of its indicator's mean, as in the official worksheets.",
        `Save as .xlsx. "lke score FILE.xlsx" scores this sheet; its rubric (${p.id}, version ${p.version}) is recorded in the file.`,
      ],
      scales: 'Answer scales',
      scaleHead: ['Pilihan Jawaban', 'What each answer scores (0–1)'],
      rules: 'Questions whose score depends on another question',
      multiplyBy: (c, d) => `${c}: its score is multiplied by the score of ${d}`,
      zeroWhen: (c, d, a) => `${c}: scores 0 when ${d} is answered ${a}`,
      predikat: 'Predikat',
      above: (x) => `above ${x}`,
      atLeast: (x) => `${x} or more`,
      rest: 'otherwise',
      uncertain: 'Facts this rubric leaves uncertain (lke keeps them marked in its reports)',
    },
  },
};
