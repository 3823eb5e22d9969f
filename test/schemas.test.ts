// The two JSON Schemas in schema/: rubric.schema.json (generated from the zod schema, for editors) and
// report.schema.json (hand-written, the contract of `lke score --format json`). Validated with ajv.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { rubricJsonSchemaText } from '../src/rubric/json-schema.js';
import { score } from '../src/app/score.js';
import { renderJson } from '../src/present/report/json.js';
import { FINDING_CODES, SEVERITY } from '../src/findings/codes.js';
import { findingTitle } from '../src/words/findings.js';

// ajv is CommonJS: under NodeNext its default import is module.exports, whose `default` is the class.
type Ajv2020Class = typeof ajv2020.default;
const Ajv2020: Ajv2020Class = (ajv2020 as unknown as { default?: Ajv2020Class }).default ?? (ajv2020 as unknown as Ajv2020Class);

const root = new URL('../', import.meta.url);
const readJson = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(rel, root), 'utf8')) as Record<string, unknown>;
const rubricSchemaText = readFileSync(new URL('schema/rubric.schema.json', root), 'utf8');
const reportSchema = readJson('schema/report.schema.json');

const SAMPLES = new URL('../../shared/domain/samples/', import.meta.url);
const HAVE_SAMPLES = existsSync(SAMPLES);
const RB_SAMPLE = fileURLToPath(new URL('lke-rb-2014-bps-2015.xlsx', SAMPLES));
const ZI_SAMPLE = fileURLToPath(new URL('lke-zi-2021-tangsel.xlsx', SAMPLES));
const NO_SAMPLES = HAVE_SAMPLES ? '' : ' [SKIPPED: ../shared/domain/samples is absent]';

function compile(schema: Record<string, unknown>): ValidateFunction {
  // strict: an unknown keyword or a malformed schema fails instead of being ignored. strictRequired is off because
  // `oneOf: [{ required: [children] }, { required: [questions] }]` names properties declared one level up.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
  return ajv.compile(schema);
}

function expectValid(validate: ValidateFunction, data: unknown): void {
  const ok = validate(data);
  const errors = (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  expect(errors).toEqual([]);
  expect(ok).toBe(true);
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function notAWorkbook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lke-schemas-'));
  tempDirs.push(dir);
  const file = join(dir, 'x.xlsx');
  writeFileSync(file, 'this is plain text, not a workbook\n');
  return file;
}

async function jsonReport(files: string[]): Promise<Record<string, unknown>> {
  const run = await score(files, { version: 'test', lang: 'en', keep: 'all', jobs: 1 });
  return JSON.parse(renderJson(run.report)) as Record<string, unknown>;
}

describe('schema/rubric.schema.json', () => {
  const validate = compile(JSON.parse(rubricSchemaText) as Record<string, unknown>);
  const rubrics = readdirSync(new URL('rubrics/', root)).filter((f) => f.endsWith('.yaml'));

  it('is up to date with src/rubric/schema.ts (run `npm run build && npm run schema`)', () => {
    expect(rubricSchemaText).toBe(rubricJsonSchemaText());
  });

  it('finds the built-in rubrics', () => {
    expect(rubrics).toEqual(expect.arrayContaining(['rb-2014.yaml', 'zi-2021.yaml']));
  });

  it.each(rubrics)('accepts rubrics/%s as written', (name) => {
    const text = readFileSync(new URL(`rubrics/${name}`, root), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/rubric.schema.json');
    expectValid(validate, parseYaml(text));
  });

  it('rejects what the zod schema rejects: unknown keys, a node with both children and questions', () => {
    const rubric = parseYaml(readFileSync(new URL('rubrics/zi-2021.yaml', root), 'utf8')) as { tree: Record<string, unknown>[] } & Record<string, unknown>;
    expect(validate({ ...rubric, colour: 'red' })).toBe(false);
    const [first, ...rest] = rubric.tree;
    const both = { ...first, questions: [{ code: 'X.a', text: 'x', scale: 'ya-tidak' }] };
    expect(validate({ ...rubric, tree: [both, ...rest] })).toBe(false);
    const neither = { ...first, children: undefined };
    delete neither.children;
    expect(validate({ ...rubric, tree: [neither, ...rest] })).toBe(false);
  });
});

describe('schema/report.schema.json', () => {
  const validate = compile(reportSchema);

  it('lists every finding code of src/findings/codes.ts', () => {
    const defs = reportSchema.$defs as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    expect(defs.Finding!.properties.code!.enum).toEqual(FINDING_CODES);
  });

  it('docs/report-format.md has a row for every finding code with its severity and Indonesian title', () => {
    const doc = readFileSync(new URL('docs/report-format.md', root), 'utf8');
    for (const code of FINDING_CODES) {
      expect(doc, code).toContain(`| \`${code}\` | ${SEVERITY[code]} |`);
      expect(doc, code).toContain(findingTitle(code, 'id'));
    }
  });

  it.skipIf(!HAVE_SAMPLES)(`accepts the report of the RB sample (lke-rb-2014-bps-2015.xlsx)${NO_SAMPLES}`, async () => {
    const report = await jsonReport([RB_SAMPLE]);
    expectValid(validate, report);
    const file = (report.files as { status: string; nodes: unknown[] }[])[0]!;
    expect(file.status).toBe('scored');
    expect(file.nodes.length).toBeGreaterThan(0);
  });

  it('accepts the report of a file that cannot be scored (status "error")', async () => {
    const report = await jsonReport([notAWorkbook()]);
    expectValid(validate, report);
    const file = (report.files as { status: string; error?: { code: string } }[])[0]!;
    expect(file.status).toBe('error');
    expect(file.error?.code).toBe('not-a-workbook');
  });

  it.skipIf(!HAVE_SAMPLES)(`accepts a batch: the ZI sample (with findings) and a failed file${NO_SAMPLES}`, async () => {
    const report = await jsonReport([ZI_SAMPLE, notAWorkbook()]);
    expectValid(validate, report);
    const files = report.files as { status: string; findings: unknown[] }[];
    expect(files.map((f) => f.status)).toEqual(['scored', 'error']);
    expect(files[0]!.findings.length).toBeGreaterThan(0);
  });

  it('rejects a report that breaks the model: unknown field, error file without error, scored file with one', async () => {
    const report = await jsonReport([notAWorkbook()]);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    const file = (report.files as Record<string, unknown>[])[0]!;
    const { error: _error, ...withoutError } = file;
    expect(validate({ ...report, files: [withoutError] })).toBe(false);
    expect(validate({ ...report, files: [{ ...file, status: 'scored' }] })).toBe(false);
    expect(validate({ ...report, files: [{ ...file, findings: [{ code: 'no-such-code', severity: 'info', message: '', sheet: null, cell: null, question: null }] }] })).toBe(false);
  });
});
