// Exit codes, one meaning each: 0 scored clean, 1 scored with error findings (or a file failed in a batch),
// 2 lke could not do its job (usage, unreadable workbook, invalid rubric).
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** An expected failure: one line for the user, no stack trace. */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
