// The built-in rubrics (rubrics/*.yaml). At build time each is validated and written as JSON next to the code
// (dist/rubrics/<id>.json, stamped with the YAML's checksum); at run time that JSON is compiled directly, so a CLI
// run needs neither the YAML parser nor zod. A stale or missing JSON falls back to the YAML loader.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { compileRubric, type Rubric } from './model.js';
import type { RubricInput } from './schema.js';

const here = dirname(fileURLToPath(import.meta.url));
export const BUILTIN_DIR = resolve(here, '../../rubrics');
/** Where the build writes the validated JSON (dist/rubrics when running from dist). */
export const COMPILED_DIR = resolve(here, '../rubrics');

export interface CompiledRubricFile {
  /** The YAML it was compiled from: stampOf(bytes). */
  stamp: string;
  rubric: RubricInput;
}

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

/**
 * Tells a compiled JSON from the YAML it came from: CRC-32 and length. A staleness check against edits, not a
 * defence (the files sit side by side); node:crypto would cost every run and every batch worker ~9 ms to load,
 * zlib is loaded anyway for reading workbooks.
 */
export const stampOf = (buf: Buffer) => `crc32:${(crc32(buf) >>> 0).toString(16)}:${buf.length}`;

const cache = new Map<string, Rubric>();

/** A built-in rubric from its precompiled JSON, or undefined when there is none for the current YAML. */
export function loadCompiledBuiltin(id: string): Rubric | undefined {
  const hit = cache.get(id);
  if (hit) return hit;
  const yamlPath = builtinPath(id);
  const jsonPath = join(COMPILED_DIR, `${id}.json`);
  if (!yamlPath || !existsSync(jsonPath)) return undefined;
  const compiled = JSON.parse(readFileSync(jsonPath, 'utf8')) as CompiledRubricFile;
  if (compiled.stamp !== stampOf(readFileSync(yamlPath))) return undefined;
  const rubric = compileRubric(compiled.rubric, id);
  cache.set(id, rubric);
  return rubric;
}

/**
 * A rubric by built-in id or YAML path: a built-in from its precompiled JSON, anything else (a YAML file, a stale
 * build) through the YAML loader, imported only then. Throws RubricLoadError for a broken rubric.
 */
export async function loadRubricAsync(ref: string): Promise<Rubric> {
  const fast = builtinPath(ref) ? loadCompiledBuiltin(ref) : undefined;
  if (fast) return fast;
  const { loadRubric } = await import('./load.js');
  return loadRubric(ref);
}
