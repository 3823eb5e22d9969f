// `lke rubric check`: every problem of a rubric file at once, each with its code and the line and column of its
// YAML node: the YAML itself, the shape (the JSON Schema's rules), then the whole-file checks (weight sums,
// codes, scales, formulas, rules, predikat) and the warnings (total bobot, unused scales, TODOs left by
// `lke rubric import`). Pure: the caller reads the file.
import { BOBOT_TOLERANCE, compileRubricChecked, totalBobotOf, type Rubric } from './model.js';
import { parseRubricYaml, patchedShape } from './parse.js';
import { problem, severityOf, type RubricProblem } from './problems.js';

export interface RubricCheck {
  file: string;
  /** The rubric when it compiles (warnings do not keep it from being used). */
  rubric?: Rubric | undefined;
  /** In file order (line, column); problems without a position last. */
  problems: RubricProblem[];
  errors: number;
  warnings: number;
}

export function checkRubricText(text: string, file: string): RubricCheck {
  const parsed = parseRubricYaml(text, file);
  const problems = [...parsed.problems];
  let rubric: Rubric | undefined;
  if (parsed.data) {
    const compiled = compileRubricChecked(parsed.data);
    rubric = compiled.rubric;
    for (const p of compiled.issues) problems.push({ ...p, ...parsed.position(p.path) });
  } else if (parsed.raw !== undefined) {
    // the shape is broken: the whole-file checks still run where stand-ins patch it, away from the patched nodes
    const patched = patchedShape(parsed.raw, parsed.problems);
    const near = (p: RubricProblem) => parsed.problems.some((s) => p.path.slice(0, -1).every((k, i) => s.path[i] === k));
    if (patched) for (const p of compileRubricChecked(patched).issues) if (!near(p)) problems.push({ ...p, ...parsed.position(p.path) });
  }
  if (rubric) {
    const total = totalBobotOf(rubric);
    if (Math.abs(total - 100) > BOBOT_TOLERANCE) {
      problems.push({ ...problem('total-bobot', ['tree'], { total: +total.toFixed(6) }), ...parsed.position(['tree']) });
    }
    const used = new Set([...rubric.questions.values()].map((q) => q.scale.key));
    // a count scale describes sub-inputs and is never a question's scale
    for (const s of rubric.scales.values()) {
      if (!used.has(s.key) && s.type !== 'count') problems.push({ ...problem('scale-unused', ['scales', s.key], { scale: s.key }), ...parsed.position(['scales', s.key]) });
    }
  }
  text.split('\n').forEach((line, i) => {
    const m = /#\s*(TODO\b.*)$/.exec(line);
    if (m) problems.push({ ...problem('todo-left', [], { text: m[1]!.trim() }), line: i + 1, col: m.index + 1 });
  });
  const END = Number.MAX_SAFE_INTEGER;
  problems.sort((a, b) => (a.line ?? END) - (b.line ?? END) || (a.col ?? 0) - (b.col ?? 0));
  const errors = problems.filter((p) => severityOf(p.code) === 'error').length;
  return { file, rubric: errors === 0 ? rubric : undefined, problems, errors, warnings: problems.length - errors };
}
