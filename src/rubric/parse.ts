// Rubric YAML text → schema-valid data, every problem found on the way with the line and column of its YAML node
// (the loader stops at the first; `lke rubric check` lists them all). Pure: text in, data and problems out.
import { parseDocument, type Document } from 'yaml';
import { offsetOf, yamlLocator } from './yaml-position.js';
import { Rubric as RubricSchema, type RubricInput } from './schema.js';
import { problem, type RubricProblem } from './problems.js';

/** Aliases a rubric may expand: a few are handy, exponential nesting is an attack. */
export const MAX_ALIASES = 100;

export interface ParsedRubric {
  doc: Document;
  /** The schema-valid data (defaults applied); absent when the YAML or its shape is broken. */
  data?: RubricInput | undefined;
  /** The YAML's data as read, when the YAML is fine but its shape is not (rubric check looks further). */
  raw?: unknown;
  problems: RubricProblem[];
  /** The line and column (1-based) of the deepest YAML node that exists along a path of keys. */
  position: (path: (string | number)[], key?: boolean) => { line: number; col: number } | undefined;
}

export function parseRubricYaml(text: string, file = ''): ParsedRubric {
  const { lineCounter: lines } = yamlLocator(file);
  // No custom tags, and a low alias budget: a rubric is plain data (defends against "billion laughs").
  const doc = parseDocument(text, { lineCounter: lines, customTags: [], prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const at = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset));
  const position = (path: (string | number)[], key = false) => at(offsetOf(doc, path, key));
  const problems: RubricProblem[] = [];
  const located = (p: RubricProblem, pos: { line: number; col: number } | undefined) => problems.push({ ...p, ...pos });
  const out = (data?: RubricInput, raw?: unknown): ParsedRubric => ({ doc, data, raw, problems, position });

  for (const e of doc.errors) located(problem('yaml-syntax', [], { detail: e.message.split('\n')[0]! }), at(e.pos[0]));
  if (problems.length > 0) return out();
  // An unknown tag (!!js/function, !include …) is only a warning to the parser; a rubric is plain data.
  for (const w of doc.warnings) if (w.code === 'TAG_RESOLVE_FAILED') located(problem('yaml-tag', [], { detail: w.message.split('\n')[0]! }), at(w.pos[0]));
  if (problems.length > 0) return out();
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = (e as Error).message;
    problems.push(/alias/i.test(msg) ? problem('yaml-alias', [], { max: MAX_ALIASES }) : problem('yaml-syntax', [], { detail: msg.split('\n')[0]! }));
    return out();
  }
  if (data === null || data === undefined) {
    problems.push(problem('yaml-empty', [], {}));
    return out();
  }
  const parsed = RubricSchema.safeParse(data);
  if (parsed.success) return out(parsed.data);
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // point at the offending key itself, not at the object holding it
      for (const key of issue.keys) located(problem('schema-unknown-key', [...path, key], { key }), position([...path, key], true));
    } else if (issue.code === 'invalid_type') {
      located(problem('schema-type', path, { detail: issue.message }), position(path));
    } else if (issue.code === 'custom' && /children or questions/.test(issue.message)) {
      located(problem('schema-node-content', path, {}), position(path));
    } else {
      located(problem('schema-value', path, { detail: issue.message }), position(path));
    }
  }
  return out(undefined, data);
}

/**
 * The data with its shape problems patched where a stand-in is harmless (an unknown key dropped, a number that is
 * a word made 1, a text made "?"), so the whole-file checks can still run; undefined when that is not enough.
 */
export function patchedShape(raw: unknown, problems: RubricProblem[]): RubricInput | undefined {
  const data = structuredClone(raw) as Record<string | number, unknown>;
  for (const p of problems) {
    if (p.path.length === 0) return undefined;
    const parent = p.path.slice(0, -1).reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string | number, unknown>)[k] : undefined), data);
    if (!parent || typeof parent !== 'object') return undefined;
    const key = p.path[p.path.length - 1]!;
    if (p.code === 'schema-unknown-key') delete (parent as Record<string | number, unknown>)[key];
    else if (p.code === 'schema-type' && /expected number/.test(p.args.detail)) (parent as Record<string | number, unknown>)[key] = 1;
    else if (p.code === 'schema-type' && /expected string/.test(p.args.detail)) (parent as Record<string | number, unknown>)[key] = '?';
    else return undefined;
  }
  const again = RubricSchema.safeParse(data);
  return again.success ? again.data : undefined;
}
