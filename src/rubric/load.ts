// Rubric YAML text → validated, compiled Rubric (pure: the files are read by src/engine/rubrics.ts). Errors name
// file:line:col.
import { parseDocument, type Document } from 'yaml';
import { Rubric as RubricSchema, type RubricInput } from './schema.js';
import { compileRubric, RubricInvalid, type Rubric, type RubricIssue } from './model.js';
import { RubricLoadError } from './compiled.js';
import { offsetOf, yamlLocator } from './yaml-position.js';

export { RubricLoadError };

/** Aliases a rubric may expand: a few are handy, exponential nesting is an attack. */
const MAX_ALIASES = 100;

export function parseRubricText(text: string, file: string): Rubric {
  const input = parseRubricInput(text, file);
  try {
    return compileRubric(input.data);
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
  const { lineCounter, where } = yamlLocator(file);
  // No custom tags, and a low alias budget: a rubric is plain data (defends against "billion laughs").
  const doc = parseDocument(text, { lineCounter, customTags: [], prettyErrors: false, uniqueKeys: true, schema: 'core' });
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
