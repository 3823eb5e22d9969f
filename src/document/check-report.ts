// `lke check`'s document: the score report of the worksheets plus the gate's outcome. The one verdict (which
// rules failed the run, and which worksheet fails) and the one exit code are decided here; every presenter
// (text, sarif, junit, github, markdown, json) reads them, none re-derives them.
import type { Severity } from '../findings/codes.js';
import { EXIT } from './exit.js';
import type { Report, ReportFile } from './score-report.js';

export type FailOn = 'error' | 'warning' | 'never';

export type GateReason = 'unreadable' | 'errors' | 'warnings' | 'max-warnings' | 'fail-under';

/** The outcome of `lke check`, carried as the report's optional `check` field (docs/report-format.md). */
export interface CheckSummary {
  failOn: FailOn;
  maxWarnings: number | null;
  failUnder: string | null;
  /** The threshold each rubric's worksheets were held to (rubric id → "B"), for the rubrics of the run. */
  failUnderBy: Record<string, string>;
  /** Rubrics of the run no --fail-under threshold applies to (said once, not an error), with their files. */
  failUnderNotApplied: { rubric: string; files: number }[];
  /** Findings left out because the config file accepts them (its baseline). */
  accepted: number;
  passed: boolean;
  exitCode: number;
  /** Why the run failed, in this order: unreadable, errors, warnings, max-warnings, fail-under. */
  reasons: GateReason[];
  /** Files (as given) whose index or predikat is under failUnder. */
  below: string[];
}

export type CheckedReport = Report & { check?: CheckSummary | undefined };


export interface GateInput {
  failOn: FailOn;
  maxWarnings?: number | undefined;
  /** The threshold as the user gave it (shown in messages). */
  failUnder?: string | undefined;
  failUnderBy?: Record<string, string> | undefined;
  failUnderNotApplied?: { rubric: string; files: number }[] | undefined;
  accepted: number;
}

/** The findings' severities that fail the run. */
export function failingSeverities(failOn: FailOn): Severity[] {
  return failOn === 'never' ? [] : failOn === 'warning' ? ['error', 'warning'] : ['error'];
}

/**
 * The gate over the worksheets (`below`: the files under --fail-under). One file that cannot be read is lke
 * unable to do its job (exit 2); among several it is one bad submission (exit 1).
 */
export function checkSummary(files: ReportFile[], below: string[], gate: GateInput): CheckSummary {
  const errors = files.reduce((n, f) => n + f.counts.error, 0);
  const warnings = files.reduce((n, f) => n + f.counts.warning, 0);
  const failed = files.filter((f) => f.status === 'error').length;
  const reasons: GateReason[] = [];
  if (failed > 0) reasons.push('unreadable');
  if (gate.failOn !== 'never' && errors > 0) reasons.push('errors');
  if (gate.failOn === 'warning' && warnings > 0) reasons.push('warnings');
  if (gate.maxWarnings !== undefined && warnings > gate.maxWarnings) reasons.push('max-warnings');
  if (below.length > 0) reasons.push('fail-under');
  const exitCode = files.length === 1 && failed === 1 ? EXIT.usage : reasons.length > 0 ? EXIT.findings : EXIT.ok;
  return {
    failOn: gate.failOn,
    maxWarnings: gate.maxWarnings ?? null,
    failUnder: gate.failUnder ?? null,
    failUnderBy: gate.failUnderBy ?? {},
    failUnderNotApplied: gate.failUnderNotApplied ?? [],
    accepted: gate.accepted,
    passed: exitCode === EXIT.ok,
    exitCode,
    reasons,
    below,
  };
}

/** The threshold a worksheet was held to, as shown: its rubric's, else the one given. */
export function thresholdOf(check: CheckSummary, f: ReportFile): string {
  return (f.rubric ? check.failUnderBy[f.rubric.id] : undefined) ?? check.failUnder ?? '';
}

/** Whether this worksheet is one the run fails on: unreadable, a finding of a failing severity, or under the threshold. */
export function fileFails(check: CheckSummary, f: ReportFile): boolean {
  if (f.status === 'error') return true;
  if (check.below.includes(f.file)) return true;
  return failingSeverities(check.failOn).some((s) => f.counts[s] > 0);
}
