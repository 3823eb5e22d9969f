// A rubric a worksheet may be detected as: one already compiled, or a built-in known by its id, form and title
// words and compiled only when detection or a report needs it. Detection of a sheet whose title names its rubric
// matches that one rubric only, so a one-file run compiles one built-in instead of every one (bench/README.md).
import type { Rubric } from './model.js';

export interface LazyRubric {
  readonly id: string;
  readonly form: Rubric['form'];
  readonly detectTitles: readonly string[];
  /** The compiled rubric, compiled on the first call. */
  load(): Rubric;
}

export type Candidate = Rubric | LazyRubric;

export const rubricOf = (c: Candidate): Rubric => ('load' in c ? c.load() : c);

/** The candidates by id, each compiled when first looked up (a lookup table: get and has, never iterated). */
export function rubricsById(candidates: readonly Candidate[]): Map<string, Rubric> {
  return new LazyRubricMap(candidates);
}

class LazyRubricMap extends Map<string, Rubric> {
  readonly #candidates: Map<string, Candidate>;
  constructor(candidates: readonly Candidate[]) {
    super();
    this.#candidates = new Map(candidates.map((c) => [c.id, c]));
  }
  override get(id: string): Rubric | undefined {
    let r = super.get(id);
    const c = r ? undefined : this.#candidates.get(id);
    if (c) super.set(id, (r = rubricOf(c)));
    return r;
  }
  override has(id: string): boolean {
    return this.#candidates.has(id);
  }
}
