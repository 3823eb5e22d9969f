// The machine formats of `lke check` against their specifications: SARIF against the SARIF 2.1.0 JSON Schema as
// Microsoft ships it (@microsoft/jest-sarif, lib/schemas/sarif-2.1.0-rtm.5.json: draft-04, validated with
// ajv-draft-04 and ajv-formats, so uri-reference and date-time are checked too), JUnit as well-formed XML
// (saxes, a conforming XML parser), and the JSON report against schema/report.schema.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import ajv2020 from 'ajv/dist/2020.js';
import { SaxesParser } from 'saxes';
import { check } from '../src/app/check.js';
import { renderSarif } from '../src/present/ci/sarif.js';
import { renderJunit } from '../src/present/ci/junit.js';
import { renderJson } from '../src/present/report/json.js';
import type { CheckedReport } from '../src/document/check-report.js';

// ajv and its plugins are CommonJS: under NodeNext their default import is module.exports.
const cjs = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
const Ajv04 = cjs<typeof ajvDraft04.default>(ajvDraft04);
const addFormats = cjs<typeof ajvFormats.default>(ajvFormats);
const Ajv2020 = cjs<typeof ajv2020.default>(ajv2020);

const require = createRequire(import.meta.url);
const SARIF_SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const sarifSchema = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
const reportSchema = JSON.parse(readFileSync(fileURLToPath(new URL('../schema/report.schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;

const RUBRIC = 'fixtures/check/rubric/lke-mini.yaml';
const SCENARIOS: Record<string, string[]> = {
  clean: ['fixtures/check/clean'],
  faults: ['fixtures/check/faults'],
  submission: ['fixtures/check/submission'],
  // the batch folder holds a file that is not a workbook: a tool execution notification in SARIF, an <error> in JUnit
  batch: ['fixtures/check/batch/submissions', 'fixtures/check/faults'],
};

async function report(name: string, lang: 'id' | 'en' = 'en'): Promise<CheckedReport> {
  return (await check(SCENARIOS[name]!, { rubric: RUBRIC, config: false, lang, version: '0.0.0-test', cwd: process.cwd(), jobs: 1 })).report;
}

describe('SARIF is valid against the SARIF 2.1.0 JSON Schema', () => {
  // unicodeRegExp off: the rtm.5 text's language pattern (^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$, corrected to
  // ^[a-zA-Z]{2}(-[a-zA-Z]{2})?$ in the OASIS errata text) is no valid regular expression with the u flag. lke
  // writes no `language` property, so that pattern never applies to its output.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(sarifSchema);

  it('the schema is the SARIF 2.1.0 one', () => {
    expect(sarifSchema.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(String(sarifSchema.title)).toMatch(/SARIF\) Version 2\.1\.0/);
  });

  it.each(Object.keys(SCENARIOS).flatMap((s) => [[s, 'en'], [s, 'id']] as const))('%s (%s)', async (name, lang) => {
    const log = JSON.parse(renderSarif(await report(name, lang))) as { version: string; runs: { results: unknown[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const ok = validate(log);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(ok).toBe(true);
    expect(log.version).toBe('2.1.0');
  });

  it('rejects what breaks it (the validator is not a no-op)', async () => {
    const log = JSON.parse(renderSarif(await report('faults'))) as { runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const bad = structuredClone(log);
    bad.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(bad)).toBe(false);
    const zero = structuredClone(log);
    zero.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(zero)).toBe(false);
  });
});

describe('JUnit is well-formed XML', () => {
  function parse(xml: string): { root: string; suites: number; cases: number; failures: number } {
    const p = new SaxesParser({ xmlns: false });
    const seen = { root: '', suites: 0, cases: 0, failures: 0 };
    p.on('opentag', (t) => {
      if (!seen.root) seen.root = t.name;
      if (t.name === 'testsuite') seen.suites++;
      if (t.name === 'testcase') seen.cases++;
      if (t.name === 'failure') seen.failures++;
    });
    p.write(xml).close(); // throws on any well-formedness error
    return seen;
  }

  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const r = await report(name);
    const xml = renderJunit(r);
    const seen = parse(xml);
    expect(seen.root).toBe('testsuites');
    expect(seen.suites).toBe(r.files.length);
    const questions = r.files.reduce((n, f) => n + (f.status === 'scored' ? f.answers.length + 1 : 1), 0);
    expect(seen.cases).toBe(questions);
    expect(seen.failures).toBe(r.summary.findings.error);
  });

  it('survives messages with markup and control characters', () => {
    const r: CheckedReport = {
      schemaVersion: 1,
      tool: { name: 'lke', version: 'x' },
      rubric: null,
      blankPolicy: 'skip',
      lang: 'en',
      files: [
        {
          file: 'a&b <c>.xlsx',
          status: 'scored',
          opd: null,
          year: null,
          rubric: { id: 'r', title: 't' },
          sheet: 'L"K\'E',
          index: 1,
          predikat: null,
          nodes: [],
          answers: [{ question: 'A.1', status: 'invalid', answer: null, score: null, sheet: 'L"K\'E', row: 1, col: 11, written: null, note: null, evidence: [] }],
          findings: [{ code: 'answer-invalid', severity: 'error', message: 'answer "<b>&\u0007]]>" is not one of A/B', sheet: 'L"K\'E', row: 1, col: 11, question: 'A.1' }],
          counts: { error: 1, warning: 0, info: 0 },
          gap: null,
        },
      ],
      summary: { files: 1, scored: 1, failed: 0, index: null, predikat: {}, rubrics: [], areas: [], duplicateOpds: [], findings: { error: 1, warning: 0, info: 0 } },
    };
    expect(parse(renderJunit(r)).failures).toBe(1);
  });
});

describe('the JSON of lke check is the documented report', () => {
  const validate = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true }).compile(reportSchema);
  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const json = JSON.parse(renderJson(await report(name))) as { check: { exitCode: number } };
    const ok = validate(json);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(ok).toBe(true);
    expect(json.check.exitCode).toBe(name === 'clean' ? 0 : 1);
  });
});
