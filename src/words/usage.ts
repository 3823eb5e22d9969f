// The words of usage errors and run warnings, Indonesian and English: a flag or value lke cannot use, inputs that
// name nothing, outputs that cannot be written, folders walked, the baseline of lke.config.yaml. Each is one line;
// the CLI puts `lke: ` before it.
import type { Lang } from './lang.js';

const list = (xs: string[]) => xs.join(', ');

export const USAGE_WORDS = {
  id: {
    // commander's parse errors, in our words
    unknownOption: (flag: string) => `opsi tidak dikenal: ${flag}`,
    unknownCommand: (name: string) => `perintah tidak dikenal: ${name}`,
    didYouMean: (x: string) => `; maksudnya ${x}?`,
    invalidValue: (flags: string, value: string, reason: string) => `opsi ${flags}: nilai "${value}" tidak sah: ${reason}`,
    invalidArgument: (name: string, value: string, reason: string) => `argumen ${name}: nilai "${value}" tidak sah: ${reason}`,
    choices: (xs: string[]) => `pilihannya ${list(xs)}`,
    missingArgument: (name: string) => `argumen ${name} belum diberikan`,
    optionMissingValue: (flags: string) => `opsi ${flags} memerlukan nilai`,
    tooManyArguments: (expected: number, got: number) => `terlalu banyak argumen: diharapkan ${expected}, diberikan ${got}`,
    help: '(lihat lke --help)',
    // our value parsers
    sizeMiB: 'ukuran dalam MiB lebih dari 0, mis. 50',
    positiveInt: 'bilangan bulat paling sedikit 1',
    count: 'bilangan bulat 0 atau lebih',
    year: 'tahun empat angka, mis. 2024',
    failUnder: (v: string) => `--fail-under ${v}: bukan angka 0–100 dan bukan predikat (mis. 60, B, WBK)`,
    noPredikat: (v: string, rubric: string, file: string, bands: string[]) =>
      `--fail-under ${v}: bukan angka 0–100 dan bukan predikat rubrik ${rubric} pada ${file} (predikatnya: ${list(bands)})`,
    // rubric and config files named on the command line
    rubricNotFound: (ref: string, builtins: string[]) => `rubrik "${ref}" tidak ditemukan (bawaan: ${list(builtins) || 'tidak ada'}; atau berikan path ke berkas .yaml)`,
    rubricTooLarge: (file: string, mib: number) => `${file}: berkas rubrik lebih besar dari ${mib} MiB`,
    rubricNotUtf8: (file: string) => `${file}: bukan teks UTF-8 yang sah; simpan rubriknya sebagai UTF-8`,
    configNotFound: (file: string) => `${file}: berkas konfigurasi tidak ditemukan`,
    configTooLarge: (file: string) => `${file}: berkas konfigurasi lebih besar dari 1 MiB`,
    // inputs
    noMatch: (globs: string[]) => `tidak ada lembar kerja yang cocok dengan ${list(globs)}`,
    noWorksheet: (args: string[]) => `tidak ada lembar kerja .xlsx di ${list(args)}`,
    missing: (xs: string[]) => `${xs.length === 1 ? 'berkas tidak ada atau tidak ada yang cocok' : 'berkas-berkas tidak ada atau tidak ada yang cocok'}: ${list(xs)}`,
    // outputs
    outWithoutFormat: (v: string) => `--out ${v}: berikan dahulu --format yang ditulisnya (mis. --format sarif --out ${v})`,
    outTaken: (v: string, format: string, out: string) => `--out ${v}: --format ${format} sebelumnya sudah ditulis ke ${out}`,
    oneStdout: (formats: string[]) => `hanya satu format yang dapat ke stdout (${list(formats)}); berikan --out untuk yang lain`,
    outTwice: (v: string) => `--out ${v} diberikan dua kali`,
    outIsInput: (v: string) => `--out ${v} adalah salah satu lembar kerja; lke tidak pernah menimpa masukannya`,
    outNoFormat: (v: string, formats: string[]) => `--out ${v}: nama berkasnya tidak menyebut format yang ditulis; berikan --format sebelumnya (salah satu dari ${list(formats)})`,
    binaryToStdout: (format: string) => `--format ${format} menulis berkas biner; berikan berkasnya dengan --out (mis. --out laporan.${format})`,
    cannotWrite: (path: string, why: string) => `tidak dapat menulis ${path}: ${why}`,
    parentNotFolder: (parent: string) => `${parent} bukan folder`,
    danglingLink: (link: string) => `${link} adalah tautan simbolik ke sesuatu yang tidak ada`,
    cannotCreate: (dir: string, why: string) => `folder ${dir} tidak dapat dibuat: ${why}`,
    refused: 'sistem berkasnya menolak (ENOENT)',
    // run warnings
    warning: 'peringatan',
    stale: (entry: string, why: string) => `entri accepted (${entry}) tidak menerima temuan apa pun: ${why}`,
    malformed: (entry: string, why: string) => `entri accepted (${entry}) terbaca, tetapi ${why}`,
    staleNoFile: 'berkasnya tidak ada',
    staleNoQuestion: (q: string, rubrics: string[]) => `pertanyaan ${q} tidak ada di rubrik ${list(rubrics)}`,
    staleNoSheet: (sheets: string[], expected: string) => `lembar kerjanya tidak punya lembar itu (lembar LKE-nya: ${list(sheets)}); tulis selnya ${expected}`,
    staleCellForm: (expected: string) => `tulis selnya seperti Excel menulisnya: ${expected}`,
    staleNoFinding: 'temuan itu tidak ada lagi; hapus entri ini dari baseline',
    symlinkLoop: (path: string, target: string) => `${path} menunjuk ke ${target}, folder yang sedang ditelusuri (symlink yang berputar); dilewati`,
    internal: (message: string) => `galat internal: ${message}`,
    debugHint: '(jalankan dengan --debug untuk rinciannya)',
  },
  en: {
    unknownOption: (flag: string) => `unknown option ${flag}`,
    unknownCommand: (name: string) => `unknown command ${name}`,
    didYouMean: (x: string) => `; did you mean ${x}?`,
    invalidValue: (flags: string, value: string, reason: string) => `option ${flags}: "${value}" is not valid: ${reason}`,
    invalidArgument: (name: string, value: string, reason: string) => `argument ${name}: "${value}" is not valid: ${reason}`,
    choices: (xs: string[]) => `the choices are ${list(xs)}`,
    missingArgument: (name: string) => `missing argument ${name}`,
    optionMissingValue: (flags: string) => `option ${flags} needs a value`,
    tooManyArguments: (expected: number, got: number) => `too many arguments: expected ${expected}, got ${got}`,
    help: '(see lke --help)',
    sizeMiB: 'a size in MiB above 0, e.g. 50',
    positiveInt: 'a whole number of at least 1',
    count: 'a whole number, 0 or more',
    year: 'a four-digit year, e.g. 2024',
    failUnder: (v: string) => `--fail-under ${v}: neither a number in 0–100 nor a predikat (e.g. 60, B, WBK)`,
    noPredikat: (v: string, rubric: string, file: string, bands: string[]) =>
      `--fail-under ${v}: neither a number in 0–100 nor a predikat of the rubric ${rubric} of ${file} (its predikat: ${list(bands)})`,
    rubricNotFound: (ref: string, builtins: string[]) => `rubric "${ref}" not found (built-in: ${list(builtins) || 'none'}; or give a path to a .yaml file)`,
    rubricTooLarge: (file: string, mib: number) => `${file}: rubric file is larger than ${mib} MiB`,
    rubricNotUtf8: (file: string) => `${file}: not valid UTF-8 text; save the rubric as UTF-8`,
    configNotFound: (file: string) => `${file}: config file not found`,
    configTooLarge: (file: string) => `${file}: config file is larger than 1 MiB`,
    noMatch: (globs: string[]) => `no worksheet matches ${list(globs)}`,
    noWorksheet: (args: string[]) => `no .xlsx worksheet found in ${list(args)}`,
    missing: (xs: string[]) => `${xs.length === 1 ? 'no such file or no match' : 'no such files or no matches'}: ${list(xs)}`,
    outWithoutFormat: (v: string) => `--out ${v}: give the --format it writes first (e.g. --format sarif --out ${v})`,
    outTaken: (v: string, format: string, out: string) => `--out ${v}: the --format ${format} before it already writes to ${out}`,
    oneStdout: (formats: string[]) => `only one format can go to stdout (${list(formats)}); give the others an --out file`,
    outTwice: (v: string) => `--out ${v} is given twice`,
    outIsInput: (v: string) => `--out ${v} is one of the worksheets; lke never overwrites its input`,
    outNoFormat: (v: string, formats: string[]) => `--out ${v}: the name does not say which format to write; give --format before it (one of ${list(formats)})`,
    binaryToStdout: (format: string) => `--format ${format} writes a binary file; give it one with --out (e.g. --out report.${format})`,
    cannotWrite: (path: string, why: string) => `cannot write ${path}: ${why}`,
    parentNotFolder: (parent: string) => `${parent} is not a folder`,
    danglingLink: (link: string) => `${link} is a symbolic link to nothing`,
    cannotCreate: (dir: string, why: string) => `the folder ${dir} cannot be created: ${why}`,
    refused: 'the file system refuses it (ENOENT)',
    warning: 'warning',
    stale: (entry: string, why: string) => `the accepted entry (${entry}) accepts no finding: ${why}`,
    malformed: (entry: string, why: string) => `the accepted entry (${entry}) is read, but ${why}`,
    staleNoFile: 'its file does not exist',
    staleNoQuestion: (q: string, rubrics: string[]) => `the question ${q} is not in the rubric ${list(rubrics)}`,
    staleNoSheet: (sheets: string[], expected: string) => `the worksheet has no such sheet (its LKE sheet: ${list(sheets)}); write the cell as ${expected}`,
    staleCellForm: (expected: string) => `write the cell as Excel writes it: ${expected}`,
    staleNoFinding: 'no such finding any more; remove the entry from the baseline',
    symlinkLoop: (path: string, target: string) => `${path} points to ${target}, a folder being walked (a symlink loop); skipped`,
    internal: (message: string) => `internal error: ${message}`,
    debugHint: '(run with --debug for details)',
  },
} satisfies Record<Lang, unknown>;

export type UsageWords = (typeof USAGE_WORDS)[Lang];

/** A message of an error raised below the CLI: its English text (the Error's message) and how to say it in the user's language. */
export function bilingual(say: (w: UsageWords) => string): { message: string; say: (lang: Lang) => string } {
  return { message: say(USAGE_WORDS.en), say: (lang) => say(USAGE_WORDS[lang]) };
}
