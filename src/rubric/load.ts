// Rubric YAML text → validated, compiled Rubric (pure: the files are read by src/engine/rubrics.ts). The first
// problem stops it, named file:line:col; `lke rubric check` (rubric/check.ts) lists them all.
import { compileRubricChecked, type Rubric } from './model.js';
import { RubricLoadError } from './compiled.js';
import { parseRubricYaml } from './parse.js';
import type { RubricProblem } from './problems.js';
import { rubricProblemMessage } from '../words/rubric.js';

export { RubricLoadError };

export function parseRubricText(text: string, file: string): Rubric {
  const parsed = parseRubricYaml(text, file);
  const fail = (problems: RubricProblem[]): never => {
    const first = problems[0]!;
    const pos = first.line !== undefined ? first : parsed.position(first.path);
    const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
    // a shape problem names the path of keys too, as the JSON Schema would
    const path = first.code.startsWith('schema-') && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new RubricLoadError(`${where}: ${path}${rubricProblemMessage(first, 'en')}${more}`, file);
  };
  if (!parsed.data) return fail(parsed.problems);
  const { rubric, issues } = compileRubricChecked(parsed.data);
  return rubric ?? fail(issues);
}
