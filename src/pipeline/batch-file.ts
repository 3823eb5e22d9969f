// Scoring one file of a batch, the same in a worker thread and in-process: never throws, every failure becomes
// a file with status "error".
import { isMainThread } from 'node:worker_threads';
import { compactFile, fileReport, type ReportFile } from '../report/model.js';
import { fileJson } from '../report/json.js';
import type { Lang } from '../words/lang.js';
import type { BlankPolicy } from '../score/types.js';
import type { ReadLimits } from '../workbook/read.js';
import type { Rubric } from '../rubric/model.js';
import { builtinRubricIds, loadRubricAsync as load } from '../rubric/builtin.js';
import { scoreFile } from './score-file.js';

export interface WorkerSetup {
  /** A rubric id or YAML path to force; else detection among the built-ins. */
  rubric?: string | undefined;
  blankPolicy: BlankPolicy;
  opd?: string | undefined;
  year?: number | undefined;
  limits: ReadLimits;
  lang: Lang;
  /** Also give each file's whole report as JSON text, ready for its place in the report (`--format json`). */
  json?: boolean | undefined;
}

/**
 * One file of a batch: what the summary and ranking need (components to areas, counts: small, so thousands stay
 * in the main thread), and with `json` the file's whole report already as text, which the main thread only writes.
 */
export interface BatchResult {
  file: ReportFile;
  json?: string | undefined;
}

let rubrics: { forced?: Rubric | undefined; candidates: Rubric[] } | undefined;

async function rubricsFor(setup: WorkerSetup) {
  if (!rubrics) {
    const forced = setup.rubric ? await load(setup.rubric) : undefined;
    rubrics = { forced, candidates: forced ? [forced] : await Promise.all(builtinRubricIds().map(load)) };
  }
  return rubrics;
}

export function errorFile(file: string, code: string, message: string): ReportFile {
  return {
    file,
    status: 'error',
    opd: null,
    year: null,
    rubric: null,
    sheet: null,
    index: null,
    predikat: null,
    nodes: [],
    answers: [],
    findings: [],
    counts: { error: 0, warning: 0, info: 0 },
    error: { code, message },
  };
}

export async function scoreOneForBatch(file: string, setup: WorkerSetup): Promise<BatchResult> {
  let report: ReportFile;
  try {
    const { forced, candidates } = await rubricsFor(setup);
    const r = await scoreFile(file, { rubric: forced, candidates, blankPolicy: setup.blankPolicy, opd: setup.opd, year: setup.year, limits: setup.limits });
    report = fileReport(r, setup.lang);
  } catch (e) {
    report = errorFile(file, 'internal', `${file}: internal error while scoring (${(e as Error)?.message ?? String(e)})`);
  }
  return resultOf(report, setup);
}

export function resultOf(report: ReportFile, setup: Pick<WorkerSetup, 'json'>): BatchResult {
  // The summary outlives the file, so in the main thread it is a fresh copy: text read from a workbook (the OPD
  // name, say) is a slice of the part's whole XML text and would keep that alive, ~100 KB per file. A worker's
  // result is copied anyway on its way to the main thread.
  const file = compactFile(report);
  return { file: isMainThread ? (JSON.parse(JSON.stringify(file)) as ReportFile) : file, json: setup.json ? fileJson(report) : undefined };
}
