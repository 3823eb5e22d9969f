// Build step: validates every built-in rubric (rubrics/*.yaml) and writes it as JSON beside the code
// (dist/rubrics/<id>.json, stamped with the YAML's checksum), so `lke score` compiles it without loading the YAML
// parser and zod at run time. A rubric that does not validate fails the build with its file:line:col.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubricText } from '../dist/rubric/load.js';
import { stampOf } from '../dist/rubric/compiled.js';
import { BUILTIN_DIR, COMPILED_DIR, builtinRubricIds } from '../dist/engine/rubrics.js';

mkdirSync(COMPILED_DIR, { recursive: true });
// what detection reads of each built-in before compiling it (src/engine/rubrics.ts, builtinCandidates)
const index = {};
for (const id of builtinRubricIds()) {
  const file = join(BUILTIN_DIR, `${id}.yaml`);
  const text = readFileSync(file, 'utf8');
  try {
    // the structural checks too, not only the schema; the JSON holds the validated data
    const { input: data } = parseRubricText(text, file);
    const out = join(COMPILED_DIR, `${id}.json`);
    const stamp = stampOf(readFileSync(file));
    writeFileSync(`${out}.tmp`, JSON.stringify({ stamp, rubric: data }));
    renameSync(`${out}.tmp`, out);
    index[id] = { stamp, form: data.form ?? 'questionnaire', detectTitles: data.detect.titles };
  } catch (e) {
    console.error(`compile-rubrics: ${e.message}`);
    process.exit(1);
  }
}
const indexFile = join(COMPILED_DIR, 'index.json');
writeFileSync(`${indexFile}.tmp`, JSON.stringify(index));
renameSync(`${indexFile}.tmp`, indexFile);
