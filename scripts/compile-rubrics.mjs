// Build step: validates every built-in rubric (rubrics/*.yaml) and writes it as JSON beside the code
// (dist/rubrics/<id>.json, stamped with the YAML's checksum), so `lke score` compiles it without loading the YAML
// parser and zod at run time. A rubric that does not validate fails the build with its file:line:col.
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubricText } from '../dist/rubric/load.js';
import { stampOf } from '../dist/rubric/compiled.js';
import { BUILTIN_DIR, COMPILED_DIR, builtinRubricIds } from '../dist/engine/rubrics.js';

mkdirSync(COMPILED_DIR, { recursive: true });
for (const id of builtinRubricIds()) {
  const file = join(BUILTIN_DIR, `${id}.yaml`);
  const text = readFileSync(file, 'utf8');
  try {
    // the structural checks too, not only the schema; the JSON holds the validated data
    const { input: data } = parseRubricText(text, file);
    const out = join(COMPILED_DIR, `${id}.json`);
    writeFileSync(`${out}.tmp`, JSON.stringify({ stamp: stampOf(readFileSync(file)), rubric: data }));
    renameSync(`${out}.tmp`, out);
  } catch (e) {
    console.error(`compile-rubrics: ${e.message}`);
    process.exit(1);
  }
}
