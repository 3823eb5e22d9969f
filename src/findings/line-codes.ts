// The findings of a rubric of lines (the Indeks RB from 2023) read from a table of values, and of checking a
// published evaluation against the rule: their typed arguments and severities, spread into codes.ts. Their wording
// is in src/words/line-findings.ts. Imports nothing but the finding types.
import type { Severity } from './codes.js';

interface Line {
  code: string;
  name: string;
}

/** The known causes of published points that do not follow the rule (unknown when none reproduces them). */
export type PublishedCause = 'tie' | 'pengali-unrounded' | 'bobot-changed' | 'excluded' | 'unknown';

export interface LineFindingArgs {
  /** divisor: the line's bobot is in a denominator (RB General), so an empty value keeps it there. */
  'line-empty': Line & { bobot: string; divisor: boolean };
  'line-absent': Line & { bobot: string; divisor: boolean };
  'line-excluded': Line & { remark: string; bobot: string; value?: string | undefined };
  'line-exclusion-ignored': Line & { remark: string };
  'value-out-of-range': Line & { value: string; range: string };
  'value-invalid': Line & { value: string; allowed: string };
  'option-uncertain': { answer: string; note: string };
  'adjustment-used': Line & { value: string; points: string };
  'line-unnamed': { row: number };
  'line-duplicate': Line & { row: number; firstRow: number };
  'line-name-approximate': Line & { row: number; text: string };
  'line-code-conflict': Line & { row: number; given: string; other: string };
  /** exact: the tie; pengali: the pengali lines; bobot: the weight that reproduces the published points, current: the rubric's. */
  'published-mismatch': Line & {
    published: string;
    computed: string;
    diff: string;
    cause: PublishedCause;
    exact?: string | undefined;
    pengali?: string | undefined;
    bobot?: string | undefined;
    current?: string | undefined;
  };
  'published-invalid': Line & { value: string };
}

export const LINE_SEVERITY: { readonly [C in keyof LineFindingArgs]: Severity } = {
  'line-empty': 'warning',
  'line-absent': 'warning',
  'line-excluded': 'info',
  'line-exclusion-ignored': 'warning',
  'value-out-of-range': 'error',
  'value-invalid': 'error',
  'option-uncertain': 'warning',
  'adjustment-used': 'warning',
  'line-unnamed': 'warning',
  'line-duplicate': 'error',
  'line-name-approximate': 'info',
  'line-code-conflict': 'warning',
  'published-mismatch': 'warning',
  'published-invalid': 'warning',
};
