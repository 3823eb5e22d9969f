// Presenters by name. Each takes the same Report and computes nothing of its own.
import type { Report } from './model.js';
import { renderJson } from './json.js';
import { renderTable, type TableOptions } from './table.js';
import { renderText } from './text.js';
import { renderSarif } from './sarif.js';
import { renderJunit } from './junit.js';
import { renderGithub } from './github.js';
import { renderMarkdown } from './markdown.js';

export interface RenderOptions extends TableOptions {}

export type Presenter = (report: Report, opts: RenderOptions) => string;

export const PRESENTERS: Record<string, Presenter> = {
  table: (r, o) => renderTable(r, o),
  json: (r) => renderJson(r),
  text: (r, o) => renderText(r, o),
  sarif: (r) => renderSarif(r),
  junit: (r) => renderJunit(r),
  github: (r) => renderGithub(r),
  markdown: (r) => renderMarkdown(r),
};

export const FORMATS = Object.keys(PRESENTERS);
export { CHECK_FORMATS, type CheckFormat } from './formats.js';
