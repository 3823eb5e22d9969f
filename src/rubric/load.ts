// Adapter: rubric YAML file → validated, compiled Rubric. Errors name file:line:col.
import { readFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { Rubric as RubricSchema, type RubricInput } from './schema.js';
import { compileRubric, RubricInvalid, type Rubric, type RubricIssue } from './model.js';
import { builtinPath, builtinRubricIds, loadCompiledBuiltin } from './builtin.js';

export { builtinRubricIds };

/** Aliases a rubric may expand: a few are handy, exponential nesting is an attack. */
const MAX_ALIASES = 100;

/** Rubric files are small; anything bigger is a mistake or an attack. */
export const MAX_RUBRIC_BYTES = 5 * 1024 * 1024;

export class RubricLoadError extends Error {
  override name = 'RubricLoadError';
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** `ref` is a built-in id (zi-2021) or a path to a YAML file. */
export function resolveRubricPath(ref: string): string {
  return builtinPath(ref) ?? resolve(ref);
}

const cache = new Map<string, Rubric>();

export function loadRubric(ref: string): Rubric {
  const compiled = builtinPath(ref) ? loadCompiledBuiltin(ref) : undefined;
  if (compiled) return compiled;
  const file = resolveRubricPath(ref);
  const hit = cache.get(file);
  if (hit) return hit;
  if (!existsSync(file)) {
    throw new RubricLoadError(`rubric "${ref}" not found (built-in: ${builtinRubricIds().join(', ') || 'none'}; or give a path to a .yaml file)`, ref);
  }
  const buf = readFileSync(file);
  if (buf.length > MAX_RUBRIC_BYTES) throw new RubricLoadError(`${file}: rubric file is larger than ${MAX_RUBRIC_BYTES / 1024 / 1024} MiB`, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new RubricLoadError(`${file}: not valid UTF-8 text; save the rubric as UTF-8`, file);
  }
  const rubric = parseRubricText(text, file, basename(file, '.yaml'));
  cache.set(file, rubric);
  return rubric;
}

export function parseRubricText(text: string, file: string, source = file): Rubric {
  const input = parseRubricInput(text, file);
  try {
    return compileRubric(input.data, source);
  } catch (e) {
    if (e instanceof RubricInvalid) {
      const first: RubricIssue = e.issues[0]!;
      const more = e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : '';
      throw new RubricLoadError(`${input.where(offsetOf(input.doc, first.path))}: ${first.message}${more}`, file);
    }
    throw e;
  }
}

/** YAML text → schema-valid rubric data (defaults applied), with a locator for later errors. */
export function parseRubricInput(text: string, file: string): { data: RubricInput; doc: Document; where: (offset: number | undefined) => string } {
  const lines = new LineCounter();
  // No custom tags, and a low alias budget: a rubric is plain data (defends against "billion laughs").
  const doc = parseDocument(text, { lineCounter: lines, customTags: [], prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const where = (offset: number | undefined) => {
    if (offset === undefined) return `${file}`;
    const p = lines.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new RubricLoadError(`${where(e.pos[0])}: invalid YAML: ${e.message.split('\n')[0]}`, file);
  }
  // An unknown tag (!!js/function, !include …) is only a warning to the parser; a rubric is plain data.
  const tagWarning = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tagWarning) throw new RubricLoadError(`${where(tagWarning.pos[0])}: tags are not allowed in a rubric (${tagWarning.message.split('\n')[0]})`, file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const why = /alias/i.test((e as Error).message)
      ? `its aliases (*name) expand too far (over ${MAX_ALIASES}: a "billion laughs" file); write the values out instead of aliasing them`
      : (e as Error).message.split('\n')[0];
    throw new RubricLoadError(`${file}: ${why}`, file);
  }
  if (data === null || data === undefined) throw new RubricLoadError(`${file}: the rubric is empty; it must be a YAML mapping (see docs/rubric-format.md)`, file);
  const parsed = RubricSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    // point at the offending key itself, not at the object holding it
    if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
    throw new RubricLoadError(`${where(offsetOf(doc, path))}: ${describePath(path)}${issue.message}`, file);
  }
  return { data: parsed.data, doc, where };
}

function describePath(path: (string | number)[]): string {
  return path.length ? `${path.join('.')}: ` : '';
}

/** The source offset of the deepest YAML node that exists along `path`. */
function offsetOf(doc: Document, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return undefined;
}
