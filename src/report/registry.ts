// Presenters by name, each loaded only when asked for (a json run need not load the terminal table's chalk and
// cli-table3). Each takes the same Report and computes nothing of its own.
import type { Report } from './model.js';
import type { TableOptions } from './table.js';

export interface RenderOptions extends TableOptions {}

export type Presenter = (report: Report, opts: RenderOptions) => string;

const LOADERS: Record<string, () => Promise<Presenter>> = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJson,
  // the CI formats render a CheckedReport (a Report with an optional `check` summary)
  text: async () => (await import('./text.js')).renderText as Presenter,
  sarif: async () => (await import('./sarif.js')).renderSarif as Presenter,
  junit: async () => (await import('./junit.js')).renderJunit as Presenter,
  github: async () => (await import('./github.js')).renderGithub as Presenter,
  markdown: async () => (await import('./markdown.js')).renderMarkdown as Presenter,
};

export const FORMATS = Object.keys(LOADERS);

/** The presenter of a format, or undefined for an unknown one. */
export async function presenter(format: string): Promise<Presenter | undefined> {
  const load = LOADERS[format];
  return load ? load() : undefined;
}

export { CHECK_FORMATS, type CheckFormat } from './formats.js';
