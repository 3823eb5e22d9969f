// The JSON Schema of rubric YAML files, derived from the zod schema in ./schema.ts. One function, used by
// scripts/gen-json-schema.mjs (through dist/) to write schema/rubric.schema.json, and by test/schemas.test.ts
// (through src/) to check that the committed file is up to date.
import { z } from 'zod';
import { Rubric } from './schema.js';

export const RUBRIC_SCHEMA_ID = 'urn:lke:schema:rubric';

type Json = Record<string, unknown>;

/**
 * The input side (`io: 'input'`): fields with a zod default are optional, as a rubric author writes them.
 * zod has no JSON form for refinements, so the one that matters to authors — a node has either `children` or
 * `questions` — is added by hand; the rest (weight sums, unique codes, references) are checked when lke loads
 * the rubric.
 */
export function rubricJsonSchema(): Json {
  const generated = z.toJSONSchema(Rubric, { target: 'draft-2020-12', io: 'input' }) as Json;
  const { $schema, $defs, ...rest } = generated;
  const defs = ($defs ?? {}) as Record<string, Json>;
  // The recursive tree node is the one $def zod extracts (for the z.lazy cycle); give it a readable name.
  const nodeKey = Object.keys(defs).find((k) => {
    const props = defs[k]?.properties as Json | undefined;
    return props !== undefined && 'children' in props && 'questions' in props && 'level' in props;
  });
  if (nodeKey === undefined) throw new Error('rubricJsonSchema: the tree node is missing from $defs');
  const node: Json = {
    description: 'A node of the rubric tree (component, category, area or indicator): either children or questions',
    ...defs[nodeKey],
    oneOf: [{ required: ['children'] }, { required: ['questions'] }],
  };
  const renamed: Record<string, Json> = { Node: node };
  for (const [k, v] of Object.entries(defs)) if (k !== nodeKey) renamed[k] = v;
  const schema: Json = {
    $schema,
    $id: RUBRIC_SCHEMA_ID,
    title: 'lke rubric',
    description:
      'A rubric of lke: one YAML file per regulation version (rubrics/*.yaml). Generated from src/rubric/schema.ts by `npm run schema`; do not edit by hand. See docs/rubric-format.md.',
    ...rest,
    $defs: renamed,
  };
  const ref = JSON.stringify(`#/$defs/${nodeKey}`);
  return JSON.parse(JSON.stringify(schema).split(ref).join(JSON.stringify('#/$defs/Node'))) as Json;
}

/** The text of schema/rubric.schema.json. */
export function rubricJsonSchemaText(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
