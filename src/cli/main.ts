#!/usr/bin/env node
// The CLI wiring only: the command table, the exit codes of expected and unexpected failures. Each command
// registers its flags (src/cli/commands/*) and imports its use-case only when it runs, so `lke --help` loads
// neither the engine nor the presenters.
import { Command, CommanderError } from 'commander';
import { ExitError } from '../app/errors.js';
import { EXIT } from '../document/exit.js';
import { version } from './version.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerRubric } from './commands/rubric.js';
import { registerScore } from './commands/score.js';
import { registerTemplate } from './commands/template.js';
import { usageWords } from './lang.js';
import { usageLine } from './usage-errors.js';

const program = new Command('lke')
  .description('Score LKE worksheets (PMPRB Reformasi Birokrasi, Zona Integritas): the index, its predikat, gaps and findings')
  .version(version(), '-V, --version')
  .option('--debug', 'print stack traces of internal errors')
  .exitOverride()
  .configureOutput({
    writeErr: (s) => process.stderr.write(s),
    writeOut: (s) => process.stdout.write(s),
    // every parse error one line, in the user's language, like lke's own usage errors
    outputError: (s) => process.stderr.write(`lke: ${usageLine(s, usageWords())} ${usageWords().help}\n`),
  });

registerScore(program, version);
registerCheck(program, version);
registerDiff(program, version);
registerRubric(program, version);
registerTemplate(program);

// `lke score … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw e;
});

async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; every parse error is a usage error
      process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.ok : EXIT.usage;
      return;
    }
    if (e instanceof ExitError) {
      process.stderr.write(`lke: ${e.message}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    const w = usageWords();
    process.stderr.write(`lke: ${w.internal(err?.message ?? String(e))}${program.opts().debug ? `\n${err?.stack ?? ''}` : ` ${w.debugHint}`}\n`);
    process.exitCode = EXIT.usage;
  }
}

void main(process.argv);
