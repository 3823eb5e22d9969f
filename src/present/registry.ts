// Presenters by name. Each entry says which documents it presents, whether it writes text or bytes, whether it
// can be written file by file as a run goes (streamed), and how to load it: presenter modules are imported only
// when asked for, so this table is cheap enough for the commands' flag definitions (`--format` choices come from
// it). A presenter takes a document and computes nothing of its own.
//
// To add a format: a module under present/<document>/ exporting a Presenter, and an entry here.
import type { CheckedReport } from '../document/check-report.js';
import type { Report } from '../document/score-report.js';
import type { RubricList } from '../document/rubric-list.js';

/** Every document kind a presenter can present, with its type. */
export interface Documents {
  'score-report': Report;
  'check-report': CheckedReport;
  'rubric-list': RubricList;
}
export type DocumentKind = keyof Documents;

export interface PresentOptions {
  /** ANSI colours (a terminal without NO_COLOR). */
  color: boolean;
  /** Show indicators in the score table too. */
  detail?: boolean | undefined;
}

export type Output = { text: string } | { bytes: Uint8Array };

export type Presenter<K extends DocumentKind> = (doc: Documents[K], opts: PresentOptions) => string | Uint8Array;

/** A presenter written file by file: the head, each file as the run finishes it (in order), then the end. */
export interface StreamPresenter {
  begin(head: Pick<Report, 'schemaVersion' | 'tool' | 'blankPolicy' | 'lang'>, write: (chunk: string) => void): void;
  /** A file's whole document as its JSON text (made where it was scored). */
  file(fileJson: string): void;
  end(report: Report): void;
}

export interface PresenterDef<K extends DocumentKind = DocumentKind> {
  documents: readonly K[];
  output: 'text' | 'bytes';
  /** Loads the streamed form (score reports of many files), when the format has one. */
  stream?: (() => Promise<StreamPresenter>) | undefined;
  /** How much of each file the presenter reads: the run keeps no more (memory stays flat over many files). */
  reads: 'findings' | 'all';
  load: () => Promise<Presenter<K>>;
}

const def = <K extends DocumentKind>(d: PresenterDef<K>) => d;

export const PRESENTERS = {
  table: def({ documents: ['score-report'], output: 'text', reads: 'all', load: async () => (await import('./report/table.js')).renderTable }),
  text: def({ documents: ['check-report'], output: 'text', reads: 'findings', load: async () => (await import('./ci/text.js')).renderText }),
  json: def({
    documents: ['score-report', 'check-report'],
    output: 'text',
    reads: 'all',
    stream: async () => (await import('./report/json.js')).streamJson(),
    load: async () => (await import('./report/json.js')).renderJson,
  }),
  sarif: def({ documents: ['check-report'], output: 'text', reads: 'findings', load: async () => (await import('./ci/sarif.js')).renderSarif }),
  junit: def({ documents: ['check-report'], output: 'text', reads: 'all', load: async () => (await import('./ci/junit.js')).renderJunit }),
  github: def({ documents: ['check-report'], output: 'text', reads: 'findings', load: async () => (await import('./ci/github.js')).renderGithub }),
  markdown: def({ documents: ['check-report'], output: 'text', reads: 'findings', load: async () => (await import('./ci/markdown.js')).renderMarkdown }),
  list: def({ documents: ['rubric-list'], output: 'text', reads: 'all', load: async () => (await import('./rubrics/list.js')).renderRubricList }),
} satisfies Record<string, Omit<PresenterDef, 'load'> & { load: () => Promise<unknown> }>;

export type Format = keyof typeof PRESENTERS;

/** The formats that present a kind of document, in table order: a command's `--format` choices. */
export function formatsFor(kind: DocumentKind): Format[] {
  return (Object.keys(PRESENTERS) as Format[]).filter((f) => (PRESENTERS[f].documents as readonly DocumentKind[]).includes(kind));
}

export function isFormat(name: string): name is Format {
  return Object.hasOwn(PRESENTERS, name);
}

/** The presenter of a format for a kind of document (the format is one of formatsFor(kind)). */
export async function presenterFor<K extends DocumentKind>(format: Format, kind: K): Promise<Presenter<K>> {
  const d = PRESENTERS[format] as unknown as PresenterDef<DocumentKind>;
  if (!d.documents.includes(kind)) throw new Error(`the format ${format} does not present a ${kind}`);
  return (await d.load()) as unknown as Presenter<K>;
}

/** Output as text or bytes, as the registry says the format writes. */
export function outputOf(format: Format, rendered: string | Uint8Array): Output {
  return PRESENTERS[format].output === 'bytes' ? { bytes: rendered as Uint8Array } : { text: rendered as string };
}
