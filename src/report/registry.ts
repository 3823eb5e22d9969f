// Presenters by name. Each takes the same Report and computes nothing of its own.
import type { Report } from './model.js';
import { renderJson } from './json.js';
import { renderTable, type TableOptions } from './table.js';

export interface RenderOptions extends TableOptions {}

export type Presenter = (report: Report, opts: RenderOptions) => string;

export const PRESENTERS: Record<string, Presenter> = {
  table: (r, o) => renderTable(r, o),
  json: (r) => renderJson(r),
};

export const FORMATS = Object.keys(PRESENTERS);
