#!/usr/bin/env node
// The CLI wiring only: parse flags, call a command function, print, set the exit code. Commands are imported
// lazily so `lke --help` loads neither exceljs nor the rubric machinery.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, ExitError } from './exit.js';
import { version } from './version.js';
import { registerCheck } from './check-command.js';

const program = new Command('lke')
  .description('Score LKE worksheets (PMPRB Reformasi Birokrasi, Zona Integritas): the index, its predikat, gaps and findings')
  .version(version(), '-V, --version')
  .option('--debug', 'print stack traces of internal errors')
  .showHelpAfterError('(run lke --help for usage)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

const parseMiB = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a size in MiB, e.g. 50');
  return n;
};

const parsePositiveInt = (v: string): number => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return Number(v);
};

const parseYear = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('a four-digit year, e.g. 2024');
  return Number(v);
};

program
  .command('score')
  .description('score one or more filled LKE worksheets (.xlsx)')
  .argument('<files...>', 'worksheet files (.xlsx)')
  .option('-r, --rubric <id|path>', 'rubric: a built-in id (zi-2021, rb-2014) or a YAML file; detected when absent')
  .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json']).default('table'))
  .addOption(new Option('--blank <policy>', 'blank answers: skip = left out of the mean as the official sheets do; zero = counted as 0').choices(['skip', 'zero']).default('skip'))
  .option('--opd <name>', 'OPD name (overrides the title block and file name)')
  .option('--year <year>', 'assessment year (overrides the title block and file name)', parseYear)
  .addOption(new Option('--lang <lang>', 'language of messages').choices(['id', 'en']))
  .option('--detail', 'show indicators in the table too')
  .option('--max-file-size <MiB>', 'refuse workbooks larger than this', parseMiB, 50)
  .option('--max-unpacked <MiB>', 'refuse workbooks whose parts unpack to more than this', parseMiB, 200)
  .option('--max-ratio <n>', 'refuse a part that expands more than n times (zip bombs)', parsePositiveInt, 200)
  .option('--max-rows <n>', 'refuse sheets with more rows with content', parsePositiveInt, 100000)
  .option('--max-columns <n>', 'refuse sheets with content beyond this column', parsePositiveInt, 2000)
  .option('--max-cells <n>', 'refuse workbooks with more cells with content', parsePositiveInt, 500000)
  .option('-j, --jobs <n>', 'worker threads for several files (default: the number of cores)', parsePositiveInt)
  .option('--timeout <seconds>', 'give up on a file after this long', parsePositiveInt, 60)
  .option('-q, --quiet', 'no progress bar')
  .action(async (files: string[], opts) => {
    const { runScore } = await import('./commands/score.js');
    process.exitCode = await runScore(files, { ...opts, debug: program.opts().debug, version: version() });
  });

program
  .command('rubrics')
  .description('list the built-in rubrics')
  .action(async () => {
    const { runRubrics } = await import('./commands/rubrics.js');
    process.exitCode = await runRubrics();
  });

// `lke score … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw e;
});

registerCheck(program);

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
    process.stderr.write(`lke: internal error: ${err?.message ?? String(e)}${program.opts().debug ? `\n${err?.stack ?? ''}` : ' (run with --debug for details)'}\n`);
    process.exitCode = EXIT.usage;
  }
}

await main(process.argv);
