// The one rubric loader: a built-in id (rubrics/<id>.yaml) or a path to a YAML file → a validated Rubric, cached
// per id or path. A built-in is compiled from the JSON the build validated and wrote beside the code
// (dist/rubrics/<id>.json, stamped with its YAML's CRC-32 and length), so a run loads neither the YAML parser nor
// zod; a YAML file, or a built-in whose JSON is missing or stale, goes through the YAML parser, imported only then.
// The parsing itself is pure (src/rubric/); reading the files is done here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRubric, type Rubric } from '../rubric/model.js';
import type { Candidate } from '../rubric/candidate.js';
import { MAX_RUBRIC_BYTES, RubricLoadError, stampOf, type CompiledRubricFile } from '../rubric/compiled.js';
import { bilingual, type UsageWords } from '../words/usage.js';

const here = dirname(fileURLToPath(import.meta.url));
export const BUILTIN_DIR = resolve(here, '../../rubrics');
/** Where the build writes the validated JSON (dist/rubrics when running from dist). */
export const COMPILED_DIR = resolve(here, '../rubrics');

export function builtinRubricIds(): string[] {
  if (!existsSync(BUILTIN_DIR)) return [];
  return readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

export function builtinPath(id: string): string | undefined {
  const p = join(BUILTIN_DIR, `${id}.yaml`);
  return /^[a-z0-9-]+$/.test(id) && existsSync(p) ? p : undefined;
}

const cache = new Map<string, Rubric>();

/** A rubric by built-in id or YAML path. Throws RubricLoadError (one line, file:line:col) for a broken rubric. */
export async function loadRubric(ref: string): Promise<Rubric> {
  const builtin = builtinPath(ref);
  const key = builtin ?? resolve(ref);
  const hit = cache.get(key);
  if (hit) return hit;
  const rubric = (builtin && compiledBuiltin(ref, builtin)) || (await fromYaml(ref, key));
  cache.set(key, rubric);
  return rubric;
}

/** What the build wrote of each built-in for detection (scripts/compile-rubrics.mjs): dist/rubrics/index.json. */
type BuiltinIndex = Record<string, { stamp: string; form: Rubric['form']; detectTitles: string[] }>;

/**
 * Every built-in as a detection candidate. One whose compiled JSON matches its YAML (the index's stamp) is compiled
 * only when detection or a report asks for it; any other (edited since the build, no index) is loaded now.
 */
export async function builtinCandidates(): Promise<Candidate[]> {
  let index: BuiltinIndex = {};
  try {
    index = JSON.parse(readFileSync(join(COMPILED_DIR, 'index.json'), 'utf8')) as BuiltinIndex;
  } catch {
    index = {};
  }
  return Promise.all(
    builtinRubricIds().map(async (id): Promise<Candidate> => {
      const head = index[id];
      const yamlPath = join(BUILTIN_DIR, `${id}.yaml`);
      if (!head || cache.has(yamlPath) || head.stamp !== stampOf(readFileSync(yamlPath))) return loadRubric(id);
      const load = () => {
        let r = cache.get(yamlPath);
        if (!r) cache.set(yamlPath, (r = compileRubric((JSON.parse(readFileSync(join(COMPILED_DIR, `${id}.json`), 'utf8')) as CompiledRubricFile).rubric)));
        return r;
      };
      return { id, form: head.form, detectTitles: head.detectTitles, load };
    }),
  );
}

/** A built-in from its precompiled JSON, or undefined when there is none for the current YAML. */
function compiledBuiltin(id: string, yamlPath: string): Rubric | undefined {
  const jsonPath = join(COMPILED_DIR, `${id}.json`);
  if (!existsSync(jsonPath)) return undefined;
  const compiled = JSON.parse(readFileSync(jsonPath, 'utf8')) as CompiledRubricFile;
  if (compiled.stamp !== stampOf(readFileSync(yamlPath))) return undefined;
  return compileRubric(compiled.rubric);
}

async function fromYaml(ref: string, file: string): Promise<Rubric> {
  const fail = (file: string, say: (w: UsageWords) => string): never => {
    const m = bilingual(say);
    throw new RubricLoadError(m.message, file, m.say);
  };
  if (!existsSync(file)) fail(ref, (w) => w.rubricNotFound(ref, builtinRubricIds()));
  const buf = readFileSync(file);
  if (buf.length > MAX_RUBRIC_BYTES) fail(file, (w) => w.rubricTooLarge(file, MAX_RUBRIC_BYTES / 1024 / 1024));
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    fail(file, (w) => w.rubricNotUtf8(file));
  }
  const { parseRubricText } = await import('../rubric/load.js');
  return parseRubricText(text, file);
}
