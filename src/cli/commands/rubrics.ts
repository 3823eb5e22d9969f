// `lke rubrics`: the built-in rubrics and what they cover.
import { builtinRubricIds } from '../../rubric/builtin.js';
import { loadRubricOrExit } from './score.js';

export async function runRubrics(): Promise<number> {
  for (const id of builtinRubricIds()) {
    const r = await loadRubricOrExit(id);
    const years = r.years ? ` ${r.years[0]}–${r.years[1]}` : '';
    process.stdout.write(`${id.padEnd(10)} ${r.title} (${r.regulation}${years}; ${r.questions.size} questions)\n`);
  }
  return 0;
}
