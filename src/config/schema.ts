// lke.config.yaml: what a province or agency sets once for `lke check` — the rubric, the blank policy, the
// thresholds that fail a run, severity overrides per finding code, and the findings it has accepted (a baseline).
// Unknown keys are errors; flags given on the command line override the file.
import { z } from 'zod';
import { FINDING_CODES, type FindingCode, type Severity } from '../findings/codes.js';

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'off'] as const;
export type SeveritySetting = Severity | 'off';

const codeEnum = z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]);

export const AcceptedFinding = z.strictObject({
  code: codeEnum.describe('The finding code accepted'),
  file: z.string().min(1).describe('The worksheet, relative to this file (a glob such as submissions/**/dinkes*.xlsx is allowed)'),
  question: z.string().min(1).optional().describe('The question code; without it every finding of this code in the file is accepted'),
  cell: z
    .string()
    .regex(/^(.+!)?[A-Z]{1,3}\d+$/, 'a cell such as K12 or LKE!K12')
    .optional()
    .describe('The cell, for findings without a question (a row that matches nothing, a Nilai of a node)'),
  reason: z.string().optional().describe('Why it was accepted (for people; not read)'),
});
export type AcceptedFinding = z.infer<typeof AcceptedFinding>;

export const CheckConfig = z.strictObject({
  rubric: z.string().min(1).optional().describe('A built-in rubric id (zi-2021, rb-2014) or a rubric YAML file relative to this file'),
  blank: z.enum(['skip', 'zero']).optional().describe('Blank answers: skip (left out of the mean) or zero (counted as 0)'),
  offScale: z.enum(['skip', 'clamp']).optional().describe('Values off their scale (an error either way): skip (not scored) or clamp (scored at the bound)'),
  failOn: z.enum(FAIL_ON).optional().describe('The lowest severity that fails the run'),
  maxWarnings: z.number().int().min(0).optional().describe('Fail when there are more warnings than this'),
  failUnder: z
    .union([z.number().min(0).max(100), z.string().min(1), z.record(z.string().min(1), z.union([z.number().min(0).max(100), z.string().min(1)]))])
    .optional()
    .describe('Fail any worksheet whose index is below this number, or whose predikat is below this one (e.g. B); or one per rubric ({ rb-2014: B, zi-2021: WBK })'),
  severity: z.partialRecord(codeEnum, z.enum(SEVERITY_SETTINGS)).optional().describe('Severity per finding code; off drops the code'),
  accepted: z.array(AcceptedFinding).optional().describe('Findings accepted as they are (a baseline): only new ones count'),
});
export type CheckConfig = z.infer<typeof CheckConfig>;

export const CONFIG_KEYS = Object.keys(CheckConfig.shape);
