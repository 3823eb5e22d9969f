// The rubric tools as use-cases, each returning a document: list the built-ins, show one (the tree with bobot and
// scales), check a rubric file (every problem with its line:col), diff two, import one from a workbook. Plain
// functions: no process, no stdout.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { RubricCheckDoc } from '../document/rubric-check.js';
import type { RubricDiffDoc } from '../document/rubric-diff.js';
import type { RubricImportDoc } from '../document/rubric-import.js';
import type { RubricList } from '../document/rubric-list.js';
import type { RubricViewDoc } from '../document/rubric-view.js';
import { builtinPath, builtinRubricIds } from '../engine/rubrics.js';
import { importRubric as derive } from '../import/rubric-import.js';
import { ImportError } from '../import/derive.js';
import { checkRubricText } from '../rubric/check.js';
import { MAX_RUBRIC_BYTES } from '../rubric/compiled.js';
import { diffRubrics } from '../rubric/diff.js';
import { problem, severityOf, type RubricProblem } from '../rubric/problems.js';
import { rubricSummary, rubricView } from '../rubric/view.js';
import { WorkbookError } from '../workbook/errors.js';
import { readWorkbookWithFormulas } from '../workbook/read.js';
import { importTodoMessage } from '../words/import.js';
import type { Lang } from '../words/lang.js';
import { ExitError } from './errors.js';
import { rubricOrExit } from './options.js';

export async function listRubrics(lang: Lang): Promise<RubricList> {
  const rubrics = await Promise.all(builtinRubricIds().map(rubricOrExit));
  return { lang, rubrics: rubrics.map(rubricSummary) };
}

export async function showRubric(ref: string, lang: Lang): Promise<RubricViewDoc> {
  return { ...rubricView(await rubricOrExit(ref), ref), lang };
}

export async function diffRubric(a: string, b: string, lang: Lang): Promise<RubricDiffDoc> {
  const [ra, rb] = await Promise.all([rubricOrExit(a), rubricOrExit(b)]);
  return { ...diffRubrics(ra, rb, { a, b }), lang };
}

/** A rubric file (or a built-in id) checked completely; a file that cannot be read is one problem of its own. */
export function checkRubric(ref: string, opts: { lang: Lang; version: string }): RubricCheckDoc {
  const file = builtinPath(ref) ?? ref;
  const doc = (problems: RubricProblem[], rubric: RubricCheckDoc['rubric'] = null): RubricCheckDoc => {
    const located = problems.map((p) => ({ ...p, severity: severityOf(p.code) }));
    const errors = located.filter((p) => p.severity === 'error').length;
    return { lang: opts.lang, tool: { name: 'lke', version: opts.version }, file, rubric, problems: located, errors, warnings: located.length - errors };
  };
  let buf: Buffer;
  try {
    if (statSync(file).size > MAX_RUBRIC_BYTES) return doc([problem('file-too-large', [], { mib: MAX_RUBRIC_BYTES / 1024 / 1024 })]);
    buf = readFileSync(file);
  } catch {
    return doc([problem('file-not-found', [], { ref, builtins: builtinRubricIds().join(', ') || '—' })]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return doc([problem('file-not-utf8', [], {})]);
  }
  const c = checkRubricText(text, file);
  return doc(c.problems, c.rubric ? { id: c.rubric.id, title: c.rubric.title } : null);
}

/** A rubric id from a file name: lower-case letters, digits and '-'. */
export function idFrom(name: string): string {
  const id = basename(name, extname(name))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'imported';
}

/** A rubric derived from a workbook (an official template or a filled worksheet). */
export async function importRubricFrom(workbook: string, opts: { id?: string | undefined; out?: string | undefined; lang: Lang }): Promise<RubricImportDoc> {
  let wb;
  try {
    wb = await readWorkbookWithFormulas(workbook);
  } catch (e) {
    if (e instanceof WorkbookError) throw new ExitError(e.message);
    throw e;
  }
  const id = opts.id ?? idFrom(opts.out ?? workbook);
  if (!/^[a-z0-9-]+$/.test(id)) throw new ExitError(`--id ${id}: a rubric id holds lower-case letters, digits and '-' only`);
  const builtins = await Promise.all(builtinRubricIds().map(rubricOrExit));
  let imp;
  try {
    imp = derive(wb, { id, file: basename(workbook), builtins, lang: opts.lang });
  } catch (e) {
    if (e instanceof ImportError) throw new ExitError(`${workbook}: ${e.message}`);
    throw e;
  }
  return {
    lang: opts.lang,
    source: { file: workbook, sheet: imp.sheet, headerRow: imp.headerRow },
    id,
    yaml: imp.yaml,
    todos: imp.todos.map((t) => ({ code: t.code, at: t.at ?? null, message: importTodoMessage(t, opts.lang) })),
    errors: checkRubricText(imp.yaml, `${id}.yaml`).errors,
  };
}
