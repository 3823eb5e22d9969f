// Presenters by name. Each entry says which documents it presents, whether it writes text or bytes, whether it
// can be written file by file as a run goes (streamed), and how to load it: presenter modules are imported only
// when asked for, so this table is cheap enough for the commands' flag definitions (`--format` choices come from
// it). A presenter takes a document and computes nothing of its own.
//
// To add a format: a module under present/<document>/ exporting a Presenter, and an entry here. One format name
// (json, table, markdown) may present several kinds of document, each with its own presenter.
import type { CheckedReport } from '../document/check-report.js';
import type { DiffReport } from '../document/diff-report.js';
import type { Report } from '../document/score-report.js';
import type { RubricList } from '../document/rubric-list.js';
import type { RubricViewDoc } from '../document/rubric-view.js';
import type { RubricCheckDoc } from '../document/rubric-check.js';
import type { RubricDiffDoc } from '../document/rubric-diff.js';
import type { RubricImportDoc } from '../document/rubric-import.js';
import type { WorkbookPlan } from '../document/workbook-plan.js';

/** Every document kind a presenter can present, with its type. */
export interface Documents {
  'score-report': Report;
  'check-report': CheckedReport;
  'rubric-list': RubricList;
  'diff-report': DiffReport;
  'rubric-view': RubricViewDoc;
  'rubric-check': RubricCheckDoc;
  'rubric-diff': RubricDiffDoc;
  'rubric-import': RubricImportDoc;
  /** A workbook to write (lke template). */
  workbook: WorkbookPlan;
}
export type DocumentKind = keyof Documents;

export interface PresentOptions {
  /** ANSI colours (a terminal without NO_COLOR). */
  color: boolean;
  /** Show indicators in the score table too. */
  detail?: boolean | undefined;
}

export type Output = { text: string } | { bytes: Uint8Array };

/** A presenter; one that writes a file format through a library (xlsx) may take its time (a promise). */
export type Presenter<K extends DocumentKind> = (doc: Documents[K], opts: PresentOptions) => string | Uint8Array | Promise<string | Uint8Array>;

/** A presenter written file by file: the head, each file as the run finishes it (in order), then the end. */
export interface StreamPresenter {
  begin(head: Pick<Report, 'schemaVersion' | 'tool' | 'blankPolicy' | 'lang'>, write: (chunk: string) => void): void;
  /** A file's whole document as its JSON text (made where it was scored). */
  file(fileJson: string): void;
  end(report: Report): void;
}

/** The presenter of each kind of document a format presents, each loaded only when asked for. */
export type Loaders = { [K in DocumentKind]?: () => Promise<Presenter<K>> };

export interface PresenterDef {
  output: 'text' | 'bytes';
  /** Loads the streamed form (score reports of many files), when the format has one. */
  stream?: (() => Promise<StreamPresenter>) | undefined;
  /**
   * How much of each file the presenter reads: the run keeps no more (memory stays flat over many files). `exports`:
   * of a batch, each file's whole gap but no answers or findings.
   */
  reads: 'findings' | 'exports' | 'all';
  /** File extensions that pick this format for an --out file (`report.xlsx`). */
  extensions?: readonly string[] | undefined;
  load: Loaders;
}

const def = (d: PresenterDef) => d;

export const PRESENTERS = {
  table: def({
    output: 'text',
    reads: 'all',
    load: {
      'score-report': async () => (await import('./report/table.js')).renderTable,
      'diff-report': async () => (await import('./diff/terminal.js')).renderDiffTerminal,
      'rubric-list': async () => (await import('./rubric/list.js')).renderRubricListTable,
    },
  }),
  text: def({
    output: 'text',
    reads: 'findings',
    load: {
      'check-report': async () => (await import('./ci/text.js')).renderText,
      'rubric-view': async () => (await import('./rubric/show.js')).renderRubricShowText,
      'rubric-check': async () => (await import('./rubric/check.js')).renderRubricCheckText,
      'rubric-diff': async () => (await import('./rubric/diff.js')).renderRubricDiffText,
    },
  }),
  json: def({
    output: 'text',
    reads: 'all',
    extensions: ['.json'],
    stream: async () => (await import('./report/json.js')).streamJson(),
    load: {
      'score-report': async () => (await import('./report/json.js')).renderJson,
      'check-report': async () => (await import('./report/json.js')).renderJson,
      'diff-report': async () => (await import('./diff/json.js')).renderDiffJson,
      'rubric-list': async () => (await import('./rubric/json.js')).renderRubricListJson,
      'rubric-view': async () => (await import('./rubric/json.js')).renderRubricShowJson,
      'rubric-check': async () => (await import('./rubric/check.js')).renderRubricCheckJson,
      'rubric-diff': async () => (await import('./rubric/json.js')).renderRubricDiffJson,
    },
  }),
  sarif: def({
    output: 'text',
    reads: 'findings',
    load: { 'check-report': async () => (await import('./ci/sarif.js')).renderSarif, 'rubric-check': async () => (await import('./rubric/check.js')).renderRubricCheckSarif },
  }),
  junit: def({ output: 'text', reads: 'all', load: { 'check-report': async () => (await import('./ci/junit.js')).renderJunit } }),
  github: def({
    output: 'text',
    reads: 'findings',
    load: { 'check-report': async () => (await import('./ci/github.js')).renderGithub, 'rubric-check': async () => (await import('./rubric/check.js')).renderRubricCheckGithub },
  }),
  markdown: def({
    output: 'text',
    reads: 'findings',
    extensions: ['.md', '.markdown'],
    load: {
      'check-report': async () => (await import('./ci/markdown.js')).renderMarkdown,
      'score-report': async () => (await import('./report/markdown.js')).renderReportMarkdown,
      'diff-report': async () => (await import('./diff/markdown.js')).renderDiffMarkdown,
      'rubric-list': async () => (await import('./rubric/list.js')).renderRubricListMarkdown,
      'rubric-view': async () => (await import('./rubric/show.js')).renderRubricShowMarkdown,
      'rubric-diff': async () => (await import('./rubric/diff.js')).renderRubricDiffMarkdown,
    },
  }),
  csv: def({ output: 'text', reads: 'exports', extensions: ['.csv'], load: { 'score-report': async () => (await import('./report/csv.js')).renderReportCsv } }),
  html: def({
    output: 'text',
    reads: 'exports',
    extensions: ['.html', '.htm'],
    load: { 'score-report': async () => (await import('./report/html.js')).renderReportHtml, 'diff-report': async () => (await import('./diff/html.js')).renderDiffHtml },
  }),
  xlsx: def({
    output: 'bytes',
    reads: 'exports',
    extensions: ['.xlsx'],
    load: {
      'score-report': async () => (await import('./report/xlsx.js')).renderReportXlsx,
      'diff-report': async () => (await import('./diff/xlsx.js')).renderDiffXlsx,
      workbook: async () => (await import('./workbook/xlsx.js')).renderXlsx,
    },
  }),
  yaml: def({ output: 'text', reads: 'all', load: { 'rubric-import': async () => (await import('./rubric/import.js')).renderRubricImportYaml } }),
};

export type Format = keyof typeof PRESENTERS;

/** The formats that present a kind of document, in table order: a command's `--format` choices. */
export function formatsFor(kind: DocumentKind): Format[] {
  return (Object.keys(PRESENTERS) as Format[]).filter((f) => PRESENTERS[f].load[kind] !== undefined);
}

export function isFormat(name: string): name is Format {
  return Object.hasOwn(PRESENTERS, name);
}

/** The presenter of a format for a kind of document (the format is one of formatsFor(kind)). */
export async function presenterFor<K extends DocumentKind>(format: Format, kind: K): Promise<Presenter<K>> {
  const load = (PRESENTERS[format].load as Loaders)[kind];
  if (!load) throw new Error(`the format ${format} does not present a ${kind}`);
  return load();
}

/** The format an --out file names by its extension, among a kind's formats; undefined when none does. */
export function formatOfPath(path: string, kind: DocumentKind): Format | undefined {
  const ext = /\.[^./\\]+$/.exec(path.toLowerCase())?.[0];
  if (!ext) return undefined;
  return formatsFor(kind).find((f) => ((PRESENTERS[f] as PresenterDef).extensions ?? []).includes(ext));
}

/** The streamed form of a format, when it has one. */
export async function streamFor(format: Format): Promise<StreamPresenter | undefined> {
  const d = PRESENTERS[format] as PresenterDef;
  return d.stream ? d.stream() : undefined;
}

/** Output as text or bytes, as the registry says the format writes. */
export function outputOf(format: Format, rendered: string | Uint8Array): Output {
  return PRESENTERS[format].output === 'bytes' ? { bytes: rendered as Uint8Array } : { text: rendered as string };
}
