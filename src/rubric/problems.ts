// Every problem `lke rubric check` (and the rubric loader) can find in a rubric file: its code, severity and the
// arguments its message needs, typed per code. The wording is in src/words/rubric.ts. Errors make a rubric
// unusable (exit 2); warnings do not stop it from being used.

export interface RubricProblemArgs {
  // the file and its YAML
  'file-not-found': { ref: string; builtins: string };
  'file-not-utf8': Record<never, never>;
  'file-too-large': { mib: number };
  'yaml-syntax': { detail: string };
  'yaml-tag': { detail: string };
  'yaml-alias': { max: number };
  'yaml-empty': Record<never, never>;
  // the shape (the zod schema, the same rules as schema/rubric.schema.json)
  'schema-unknown-key': { key: string };
  'schema-type': { detail: string };
  'schema-value': { detail: string };
  'schema-node-content': Record<never, never>;
  // the whole-file checks
  'scale-option-duplicate': { scale: string; option: string };
  'scale-option-above-max': { scale: string; option: string; score: number; max: number };
  'scale-range-order': { scale: string };
  'scale-unknown': { question: string; scale: string };
  'code-duplicate': { code: string; what: 'node' | 'question' | 'input' };
  'code-shared': { code: string };
  'option-text-unknown': { question: string; option: string; scale: string };
  'input-key-duplicate': { question: string; key: string };
  'check-unknown-input': { question: string; key: string; name: string };
  'formula-needs-percent': { question: string };
  'inputs-without-formula': { question: string };
  'formula-unknown-input': { question: string; name: string };
  'formula-syntax': { question: string; detail: string };
  'bobot-sum': { code: string; bobot: number; sum: number };
  'rule-unknown-question': { question: string; ref: string };
  'rule-forward': { question: string; ref: string };
  'rule-unknown-answer': { question: string; ref: string; answer: string };
  'band-both-bounds': { band: string };
  'band-no-bound': { band: string };
  'target-code-taken': { target: string };
  'target-node-unknown': { target: string; code: string };
  // a rubric of lines (form: lines), read from a table by the indicators' names
  'lines-not-indicator': { code: string };
  'lines-not-one-line': { code: string };
  'lines-scale': { code: string };
  'lines-name-twice': { code: string; name: string; other: string };
  // warnings: usable, but worth a look
  'total-bobot': { total: number };
  'scale-unused': { scale: string };
  'todo-left': { text: string };
}

export type RubricProblemCode = keyof RubricProblemArgs;

export const WARNINGS = new Set<RubricProblemCode>(['total-bobot', 'scale-unused', 'todo-left']);

export const severityOf = (code: RubricProblemCode): 'error' | 'warning' => (WARNINGS.has(code) ? 'warning' : 'error');

/** A problem found in a rubric: where (the path of YAML keys, and its position once known) and what. */
export type RubricProblem = {
  [C in RubricProblemCode]: {
    code: C;
    args: RubricProblemArgs[C];
    path: (string | number)[];
    line?: number | undefined;
    col?: number | undefined;
  };
}[RubricProblemCode];

export function problem<C extends RubricProblemCode>(code: C, path: (string | number)[], args: RubricProblemArgs[C]): RubricProblem {
  return { code, path, args } as RubricProblem;
}
