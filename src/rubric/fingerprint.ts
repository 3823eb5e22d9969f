// A rubric's version: a short hash of everything that decides how a worksheet is matched and scored (codes,
// wording, bobot, scales, formulas, rules, predikat), not of its documentation (notes, uncertain facts,
// explanations). A worksheet made by `lke template` carries it, so a sheet made from another version of the
// rubric is told apart. Hashing the rubric file's data (not the compiled tree) keeps new fields covered.
import type { Rubric } from './model.js';
import type { RubricInput } from './schema.js';

/** Keys that document a rubric without changing how it scores. */
const DOCUMENTATION = new Set(['$schema', 'note', 'notes', 'uncertain', 'explanation']);

/** Two FNV-1a-style hashes with different seeds: 64 bits without BigInt, the same on every platform. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** The rubric's scoring content as one canonical text: keys sorted, documentation left out. */
export function scoringContent(input: RubricInput): string {
  return JSON.stringify(input, function (this: unknown, key, value: unknown) {
    if (DOCUMENTATION.has(key)) return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]]));
    }
    return value;
  });
}

/** "v1-0123456789abcdef": changes whenever the scoring content does. */
export function rubricVersion(input: RubricInput): string {
  return `v1-${hash(scoringContent(input))}`;
}

const versions = new WeakMap<Rubric, string>();

/** The version of a loaded rubric, computed once per rubric (every stamped worksheet of a batch asks for it). */
export function versionOf(rubric: Rubric): string {
  let v = versions.get(rubric);
  if (v === undefined) versions.set(rubric, (v = rubricVersion(rubric.input)));
  return v;
}
