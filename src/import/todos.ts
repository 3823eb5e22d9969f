// What `lke rubric import` could not derive from a workbook, or derived with a caveat: each becomes a TODO
// comment in the written YAML (beside the node it concerns) and a line on stderr. Codes and typed arguments here,
// the wording in src/words/import.ts.

export interface ImportTodoArgs {
  /** The sheet's Nilai formula computes something else than lke would (a defect of the sheet, kept visible). */
  'formula-defective': { code: string; cell: string; formula: string; imported: string };
  /** A formula lke could not follow (a function it does not know, a shape it cannot read). */
  'formula-unknown': { code: string; cell: string; formula: string; why: string };
  /** A question's Nilai formula reads another row's answer, not its own. */
  'formula-other-row': { code: string; cell: string; row: number; scale: string };
  /** No formula scores the question: its scale was taken from its Pilihan Jawaban label. */
  'scale-from-label': { code: string; label: string; scale: string };
  /** Nothing tells how the question is scored: its scale is a guess. */
  'scale-guessed': { code: string; label: string; scale: string };
  /** A dependency in a formula that can never apply (the other question has no such answer). */
  'rule-inert': { code: string; dep: string; answer: string };
  /** A formula reads another row in a way lke cannot express as a rule. */
  'dependency-unknown': { code: string; cell: string; ref: string };
  /** A node without a Bobot cell: its bobot is the sum of its children. */
  'bobot-from-children': { code: string; bobot: number };
  /** The name carried a weight in brackets that is not its bobot (an older weight). */
  'bracket-weight': { code: string; bracket: string; bobot: number };
  /** The children's bobot do not add up to the parent's, as written in the sheet. */
  'bobot-sum': { code: string; bobot: number; sum: number };
  /** A row that is neither a node, a question nor a sub-input. */
  'row-ignored': { row: number; text: string };
  /** A node without questions or children. */
  'node-empty': { code: string; row: number };
  /** A row without a number of its own: its code was made up. */
  'code-generated': { code: string; row: number };
  /** The indicator's formula counts blank answers (lke leaves them out, as the official sheets do). */
  'blank-counted': { code: string; cell: string };
  'regulation-unknown': Record<never, never>;
  'kind-guessed': { kind: string };
  'predikat-copied': { from: string };
  'predikat-unknown': Record<never, never>;
  'bukti-column-absent': Record<never, never>;
}

export type ImportTodoCode = keyof ImportTodoArgs;

export type ImportTodo = {
  [C in ImportTodoCode]: {
    code: C;
    args: ImportTodoArgs[C];
    /** The code of the node or question it concerns (the YAML comment goes there); none: the file's head. */
    at?: string | undefined;
  };
}[ImportTodoCode];

export function todo<C extends ImportTodoCode>(code: C, args: ImportTodoArgs[C], at?: string): ImportTodo {
  return { code, args, at } as ImportTodo;
}
