#!/usr/bin/env node
// Writes schema/rubric.schema.json, the JSON Schema editors use to complete and check rubric YAML files
// (`# yaml-language-server: $schema=../schema/rubric.schema.json`), from the zod schema in src/rubric/schema.ts.
// The conversion lives in src/rubric/json-schema.ts (rubricJsonSchema), shared with test/schemas.test.ts; this
// script runs its built copy, so build first:
//
//   npm run build && npm run schema          write the file
//   node scripts/gen-json-schema.mjs --check  fail (exit 1) when the committed file differs
//
// schema/report.schema.json is written by hand (docs/report-format.md); this script does not touch it.
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const built = new URL('dist/rubric/json-schema.js', root);
const out = new URL('schema/rubric.schema.json', root);
const rel = (u) => fileURLToPath(u).slice(fileURLToPath(root).length);

function fail(msg) {
  console.error(`gen-json-schema: ${msg}`);
  process.exit(1);
}

if (!existsSync(built)) fail(`${rel(built)} is missing; run \`npm run build\` first`);
for (const src of ['src/rubric/schema.ts', 'src/rubric/json-schema.ts']) {
  const s = new URL(src, root);
  const d = new URL(src.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js'), root);
  if (existsSync(s) && existsSync(d) && statSync(s).mtimeMs > statSync(d).mtimeMs) {
    fail(`${src} is newer than its build; run \`npm run build\` first`);
  }
}

const { rubricJsonSchemaText } = await import(built.href);
const text = rubricJsonSchemaText();

if (process.argv.includes('--check')) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current !== text) fail(`${rel(out)} is out of date; run \`npm run build && npm run schema\``);
  console.log(`${rel(out)} is up to date`);
} else {
  mkdirSync(new URL('schema/', root), { recursive: true });
  writeFileSync(out, text);
  console.log(`wrote ${rel(out)}`);
}
