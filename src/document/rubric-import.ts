// `lke rubric import`: the rubric derived from a workbook, as YAML text with its TODOs, and the TODOs themselves
// (worded in the document's language) for stderr.
import type { Lang } from '../words/lang.js';

export interface RubricImportDoc {
  lang: Lang;
  /** The workbook it came from, its LKE sheet and header row. */
  source: { file: string; sheet: string; headerRow: number };
  id: string;
  /** The rubric file, comments included. */
  yaml: string;
  /** What is left to do, by code, with where it stands (a node or question code) and its wording. */
  todos: { code: string; at: string | null; message: string }[];
  /** Problems of the result as `lke rubric check` finds them (errors make it unusable as written). */
  errors: number;
}
