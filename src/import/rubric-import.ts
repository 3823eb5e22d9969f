// `lke rubric import` put together: the rubric derived from the workbook, written as YAML with each TODO as a
// comment beside what it concerns (the file's head for the rubric as a whole). Pure: a read workbook in.
import type { Rubric } from '../rubric/model.js';
import type { RubricInput } from '../rubric/schema.js';
import { rubricToYaml } from '../rubric/to-yaml.js';
import type { Workbook } from '../workbook/grid.js';
import { IMPORT_WORDS, importTodoMessage } from '../words/import.js';
import type { Lang } from '../words/lang.js';
import { deriveRubric } from './derive.js';
import type { ImportTodo } from './todos.js';

export interface RubricImport {
  input: RubricInput;
  yaml: string;
  todos: ImportTodo[];
  sheet: string;
  headerRow: number;
}

export function importRubric(wb: Workbook, opts: { id: string; file: string; builtins?: Rubric[] | undefined; lang: Lang }): RubricImport {
  const d = deriveRubric(wb, opts);
  const head = [IMPORT_WORDS[opts.lang].head(opts.file, d.sheet, d.headerRow)];
  const at = new Map<string, string[]>();
  for (const t of d.todos) {
    const line = `TODO: ${importTodoMessage(t, opts.lang)}`;
    if (t.at) at.set(t.at, [...(at.get(t.at) ?? []), line]);
    else head.push(line);
  }
  return { input: d.input, yaml: rubricToYaml(d.input, { head, at }), todos: d.todos, sheet: d.sheet, headerRow: d.headerRow };
}
