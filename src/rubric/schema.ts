// The rubric file format: one YAML file per regulation version, validated by this zod schema.
// schema/rubric.schema.json is generated from it (npm run schema) so editors can complete the YAML.
import { z } from 'zod';

const Code = z.string().min(1).regex(/^[A-Za-z0-9.()_-]+$/, 'a code holds letters, digits, dots and brackets only');

/** One answer option of a choice scale. `score` is in points; the question score is score / scale.max. */
export const ChoiceOption = z
  .object({
    code: z.string().min(1).describe('What the official sheet writes: "Ya", "A", "WTP"'),
    score: z.number().min(0).optional().describe('Points of the option; may be left out only when `uncertain` says why it is not known'),
    text: z.string().optional().describe('What the option means (the regulation wording)'),
    aliases: z.array(z.string()).optional().describe('Other spellings accepted as this option (besides the generic ones)'),
    uncertain: z.string().optional().describe('Why the points of this option are not confirmed (an answer with it is reported)'),
  })
  .strict()
  .refine((o) => o.score !== undefined || o.uncertain !== undefined, { message: 'an option without a score must say why in `uncertain`' });

const ScaleBase = {
  label: z.string().describe('The Pilihan Jawaban text the official sheet shows, e.g. "A/B/C"'),
  labels: z.array(z.string()).optional().describe('Other Pilihan Jawaban texts that mean this scale ("Y/T")'),
  note: z.string().optional(),
  uncertain: z.string().optional().describe('Why this conversion is not confirmed (kept visible in reports)'),
};

export const Scale = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('choice'),
      ...ScaleBase,
      max: z.number().positive().default(1).describe('Points of the best option; question score = points / max'),
      options: z.array(ChoiceOption).min(2),
      range: z
        .tuple([z.number(), z.number()])
        .optional()
        .describe('Numbers are read too: one equal to an option\'s score is that option, any other in this range a fraction of max ((x - lo) / (hi - lo))'),
    })
    .strict(),
  z
    .object({
      type: z.literal('percent'),
      ...ScaleBase,
    })
    .strict()
    .describe('A fraction 0..1, typed ("75%", 0.75) or computed by the question formula'),
  z
    .object({
      type: z.literal('number'),
      ...ScaleBase,
      range: z.tuple([z.number(), z.number()]).describe('The input range; score = (x - lo) / (hi - lo)'),
      clamp: z.boolean().default(false).describe('Score a value off the range at its bound instead of leaving it out (an answer-out-of-range error either way)'),
      fromZero: z
        .boolean()
        .optional()
        .describe('Score = x / hi: the low end only bounds the input and is not subtracted (Indeks RB 2023: SPIP 2.845 on 1-5 scores 2.845 / 5)'),
    })
    .strict(),
  z
    .object({
      type: z.literal('count'),
      ...ScaleBase,
    })
    .strict()
    .describe('A non-negative count: the numeric sub-inputs of ratio questions'),
]);

export const SubInput = z
  .object({
    key: z.string().regex(/^[a-z]$/, 'a sub-input key is one lower-case letter'),
    code: Code,
    text: z.string().min(1),
    check: z.string().optional().describe('An expression the value should equal (e.g. "b + c + d"); a finding when not'),
    note: z.string().optional(),
  })
  .strict();

export const Rule = z.union([
  z.object({ multiplyBy: Code.describe('Score is multiplied by the (adjusted) score of this earlier question') }).strict(),
  z
    .object({
      zeroWhen: z
        .object({ question: Code, answers: z.array(z.string()).min(1) })
        .strict()
        .describe('Score is 0 when that earlier question has one of these answers'),
    })
    .strict(),
]);

export const Question = z
  .object({
    code: Code,
    text: z.string().min(1),
    scale: z.string().min(1).describe('A key of the rubric scales'),
    bukti: z.boolean().optional().describe('Evidence required (default: the rubric default)'),
    explanation: z.string().optional().describe('Penjelasan: the criterion for a Ya answer, or the guidance of a number'),
    optionTexts: z
      .record(z.string(), z.string())
      .optional()
      .describe('What each option means for this question, keyed by option code (A: "Jika ...")'),
    inputs: z.array(SubInput).optional().describe('Numeric sub-inputs of a ratio question, each read from its own row'),
    formula: z.string().optional().describe('Score expression over the sub-input keys'),
    clamp: z
      .tuple([z.number().nullable(), z.number().nullable()])
      .optional()
      .describe('Lower and upper clamp of the formula result (null: none)'),
    rules: z.array(Rule).optional().describe('Dependent-question rules, applied in order'),
    aliases: z.array(z.string()).optional().describe('Other wordings of the question seen in official sheets'),
    note: z.string().optional(),
    uncertain: z.string().optional(),
  })
  .strict();

export const Level = z.enum(['component', 'sub-component', 'category', 'element', 'area', 'sub-element', 'indicator']);

export interface NodeInput {
  code: string;
  level: z.infer<typeof Level>;
  name: string;
  bobot: number;
  outcome?: boolean | undefined;
  rekomendasi?: string | undefined;
  aliases?: string[] | undefined;
  adjustForExcluded?: boolean | undefined;
  onTop?: boolean | undefined;
  adjustment?: boolean | undefined;
  note?: string | undefined;
  uncertain?: string | undefined;
  children?: NodeInput[] | undefined;
  questions?: z.infer<typeof Question>[] | undefined;
}

export const Node: z.ZodType<NodeInput> = z.lazy(() =>
  z
    .object({
      code: Code,
      level: Level,
      name: z.string().min(1),
      bobot: z.number().positive(),
      outcome: z
        .boolean()
        .optional()
        .describe(
          'Results measured outside the worksheet (survey indices, the audit opinion, the SAKIP score), for this node and everything under it: scored as reported, never proposed for change on the path to a target',
        ),
      rekomendasi: z.string().optional().describe('A recommendation shown when this indicator is among the weakest'),
      aliases: z.array(z.string()).optional(),
      adjustForExcluded: z
        .boolean()
        .optional()
        .describe('Scaled to its bobot over the lines that apply: nilai / (bobot - bobot of the lines marked excluded) x bobot (RB General)'),
      onTop: z.boolean().optional().describe('Added on top of the index: its bobot is not part of the total, so the index may pass it (RB Tematik)'),
      adjustment: z
        .boolean()
        .optional()
        .describe("An adjustment (the koefisien): its bobot is outside its parent's and its nilai may be negative"),
      note: z.string().optional(),
      uncertain: z.string().optional(),
      children: z.array(Node).min(1).optional(),
      questions: z.array(Question).min(1).optional(),
    })
    .strict()
    .refine((n) => (n.children ? 1 : 0) + (n.questions ? 1 : 0) === 1, {
      message: 'a node has either children or questions (exactly one of them)',
    }),
);

export const Band = z
  .object({
    code: z.string().min(1),
    label: z.string().optional(),
    above: z.number().optional().describe('Band applies when index > above (lower bound exclusive)'),
    atLeast: z.number().optional().describe('Band applies when index >= atLeast'),
  })
  .strict();

/** A minimum nilai for one or more nodes: a share of each node's bobot, or points. */
export const Minimum = z
  .object({
    nodes: z.array(Code).min(1).describe('Codes of the nodes the minimum applies to, each on its own'),
    percent: z.number().min(0).max(100).optional().describe("At least this % of each node's bobot"),
    nilai: z.number().min(0).optional().describe('At least this nilai (points)'),
    note: z.string().optional(),
  })
  .strict()
  .refine((m) => (m.percent === undefined) !== (m.nilai === undefined), { message: 'a minimum has either percent or nilai (exactly one of them)' });

/** A condition on the unit or its instansi that the worksheet cannot show (opini BPK, SAKIP, SPIP …). */
export const Condition = z
  .object({
    code: Code,
    text: z.string().min(1).describe('The condition, in Indonesian'),
    en: z.string().optional().describe('The condition in English'),
  })
  .strict();

/**
 * A target the index bands cannot express (Zona Integritas: WBK, WBBM): minima per node read off the worksheet,
 * plus the conditions the unit must confirm. lke checks the minima and never gives a verdict on the rest.
 */
export const Target = z
  .object({
    code: z.string().min(1),
    label: z.string().optional(),
    source: z.string().min(1).describe('Where the minima come from'),
    uncertain: z.string().optional().describe('Why the minima are not confirmed (kept visible in reports)'),
    minima: z.array(Minimum).min(1),
    confirm: z.array(Condition).default([]).describe('Conditions the worksheet cannot show, listed for the unit to confirm'),
  })
  .strict();

export const Rubric = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    regulation: z.string(),
    kind: z.enum(['rb', 'zi']),
    form: z
      .enum(['questionnaire', 'lines'])
      .optional()
      .describe('questionnaire (default): questions answered in the LKE layout; lines: one raw value per indicator, read from a table (Indikator, Skor, ...)'),
    roundIndicators: z
      .number()
      .int()
      .min(0)
      .max(6)
      .optional()
      .describe('The instrument rounds each indicator\'s nilai half-up to this many decimals before summing; multiplyBy rules use the rounded nilai'),
    years: z.tuple([z.number().int(), z.number().int()]).optional().describe('PMPRB years this version was used for'),
    detect: z
      .object({ titles: z.array(z.string()).default([]).describe('Words in the sheet title that identify this rubric') })
      .strict()
      .default({ titles: [] }),
    defaults: z.object({ bukti: z.boolean().default(false) }).strict().default({ bukti: false }),
    scales: z.record(z.string(), Scale),
    predikat: z
      .object({
        name: z.string().default('Predikat'),
        bands: z
          .array(Band)
          .describe('Checked top down; the first band that holds wins; a band without bound catches the rest. Empty: the instrument has no category of the index (ZI)'),
        note: z.string().optional(),
        uncertain: z.string().optional(),
      })
      .strict(),
    targets: z.array(Target).optional().describe('Targets beside the predikat bands (ZI: WBK, WBBM), for the gap report'),
    tree: z.array(Node).min(1),
    notes: z.array(z.string()).optional(),
  })
  .strict();

export type RubricInput = z.infer<typeof Rubric>;
export type ScaleDef = z.infer<typeof Scale>;
export type QuestionDef = z.infer<typeof Question>;
export type SubInputDef = z.infer<typeof SubInput>;
export type RuleDef = z.infer<typeof Rule>;
export type BandDef = z.infer<typeof Band>;
export type TargetDef = z.infer<typeof Target>;
export type ConditionDef = z.infer<typeof Condition>;
export type LevelName = z.infer<typeof Level>;
