// One file of a run, the same in a worker thread and in-process: never throws, every failure becomes a file with
// status "error". What it hands back is a document (no grid), cut to what the run keeps.
import { isMainThread } from 'node:worker_threads';
import { failedFile, keepOf, type Keep, type ReportFile } from '../document/score-report.js';
import { jsonFileText } from '../document/json.js';
import { fileProblemText } from '../words/errors.js';
import type { Lang } from '../words/lang.js';
import type { BlankPolicy, OffScalePolicy } from '../score/types.js';
import type { ReadLimits } from '../workbook/limits.js';
import type { Rubric } from '../rubric/model.js';
import type { Candidate } from '../rubric/candidate.js';
import { builtinCandidates, loadRubric } from './rubrics.js';
import { scoreFile } from './score-file.js';
import { fileDocument, type GapRequest } from './file-document.js';

/** What every file of a run is scored with (sent once to each worker). */
export interface JobSetup {
  /** A rubric id or YAML path to force; else detection among the built-ins. */
  rubric?: string | undefined;
  blankPolicy: BlankPolicy;
  offScale?: OffScalePolicy | undefined;
  opd?: string | undefined;
  year?: number | undefined;
  sheet?: string | undefined;
  limits: ReadLimits;
  lang: Lang;
  /** How much of each file's document the run keeps (the whole one goes to `json` when asked for). */
  keep: Keep;
  /** Also give each file's whole document as JSON text, ready for its place in a streamed report. */
  json?: boolean | undefined;
  /** Make each file's gap analysis (lke score), aiming at this target or the next one up. */
  gap?: GapRequest | undefined;
}

export interface JobResult {
  file: ReportFile;
  json?: string | undefined;
}

export interface Rubrics {
  forced?: Rubric | undefined;
  /** What a file's rubric is detected among: the built-ins, each compiled when first needed. */
  candidates: Candidate[];
}

/** The rubrics a run scores with: the forced one, or every built-in to detect among. */
export async function loadRubrics(ref: string | undefined): Promise<Rubrics> {
  const forced = ref ? await loadRubric(ref) : undefined;
  return { forced, candidates: forced ? [forced] : await builtinCandidates() };
}

export async function runJob(file: string, setup: JobSetup, rubrics: Rubrics | Promise<Rubrics>): Promise<JobResult> {
  let doc: ReportFile;
  try {
    const { forced, candidates } = await rubrics;
    const r = await scoreFile(file, { rubric: forced, candidates, blankPolicy: setup.blankPolicy, offScale: setup.offScale, opd: setup.opd, year: setup.year, sheet: setup.sheet, limits: setup.limits });
    doc = fileDocument(r, setup.lang, setup.gap);
  } catch (e) {
    doc = failed(file, { code: 'internal', cause: 'threw', detail: (e as Error)?.message ?? String(e) }, setup);
  }
  return resultOf(doc, setup);
}

export function failed(file: string, problem: Parameters<typeof fileProblemText>[1], setup: Pick<JobSetup, 'lang'>): ReportFile {
  return failedFile(file, fileProblemText(file, problem, setup.lang));
}

export function resultOf(doc: ReportFile, setup: Pick<JobSetup, 'json' | 'keep'>): JobResult {
  // What the run keeps outlives the file, so in the main thread it is a fresh copy: text read from a workbook (the
  // OPD name, say) is a slice of the part's whole XML text and would keep that alive, ~100 KB per file. A worker's
  // result is copied anyway on its way to the main thread.
  const kept = keepOf(doc, setup.keep);
  return { file: isMainThread ? (JSON.parse(JSON.stringify(kept)) as ReportFile) : kept, json: setup.json ? jsonFileText(doc) : undefined };
}
