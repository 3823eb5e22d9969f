// Exit codes, one meaning each: 0 done and clean, 1 findings (or a failed gate, or a bad file among several),
// 2 lke could not do its job (usage, a single unreadable workbook, an invalid rubric or config).
import type { ReportFile } from './score-report.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** `lke score`'s exit code: 2 when its one file could not be scored, 1 for a failed file or error findings, else 0. */
export function scoreExitCode(files: Pick<ReportFile, 'status' | 'counts'>[], inputs: number): number {
  const failed = files.some((f) => f.status === 'error');
  if (failed && inputs === 1) return EXIT.usage;
  return failed || files.some((f) => f.counts.error > 0) ? EXIT.findings : EXIT.ok;
}
