// An expected failure of a use-case: one line for the user, no stack trace, and the exit code to stop with.
// Anything else thrown is a bug (the CLI says so and how to see the stack).
import { EXIT } from '../document/exit.js';

export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
