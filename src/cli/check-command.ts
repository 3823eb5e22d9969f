// The `check` subcommand's flags. The command itself (and exceljs behind it) is imported only when it runs, so
// `lke --help` stays fast.
import { Command, InvalidArgumentError, Option } from 'commander';
import { CHECK_FORMATS, type CheckFormat } from '../report/formats.js';
import { ExitError } from './exit.js';
import { version } from './version.js';

const parseCount = (v: string): number => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a whole number, 0 or more');
  return Number(v);
};

const HELP_AFTER = `
Formats (--format, repeatable; each --out writes the --format before it):
  text      one line per finding (file:Sheet!A1: severity: message [code]) and the totals (default)
  json      the report of \`lke score --format json\` with a "check" summary (docs/report-format.md)
  sarif     SARIF 2.1.0 for code scanning (region startLine = row, startColumn = column)
  junit     JUnit XML: a testsuite per workbook, a testcase per question, a failure per error finding
  github    GitHub Actions annotations (::error file=…,line=…,title=Sheet!E12::…)
  markdown  a summary to post on a pull request

Configuration: lke.config.yaml in the working directory (or --config): rubric, blank, failOn, maxWarnings,
failUnder, severity (per finding code: error, warning, info, off) and accepted (a baseline of findings:
code + file + question). Flags override the file. See docs/ci.md.

Exit codes: 0 passed · 1 findings at or above --fail-on, more warnings than --max-warnings, a worksheet
under --fail-under, or (among several files) a file that could not be read · 2 lke could not do its job
(usage, a missing file, an invalid config or rubric, a single unreadable workbook).

Examples:
  lke check submissions/
  lke check 'submissions/**/*.xlsx' --fail-under B --max-warnings 20
  lke check submissions/ --format sarif --out lke.sarif --format junit --out lke-junit.xml --format github`;

export function registerCheck(program: Command): void {
  // --format and --out in the order given: an --out belongs to the --format just before it
  const outputs: { format: CheckFormat; out?: string }[] = [];
  const cmd = program
    .command('check')
    .description('check worksheets for CI: answers, evidence, the sheet formulas, the rubric version; exit 1 on findings')
    .argument('<files...>', 'worksheets (.xlsx), folders (searched recursively) or globs')
    .option('-c, --config <file>', 'config file (default: lke.config.yaml in the working directory, if present)')
    .option('--no-config', 'read no config file')
    .option('-r, --rubric <id|path>', 'rubric: a built-in id (zi-2021, rb-2014) or a YAML file; detected when absent')
    .addOption(new Option('--blank <policy>', 'blank answers: skip = left out of the mean; zero = counted as 0').choices(['skip', 'zero']))
    .addOption(new Option('--fail-on <severity>', 'the lowest finding severity that fails the run (default: error)').choices(['error', 'warning', 'never']))
    .option('--max-warnings <n>', 'fail when there are more warnings than n', parseCount)
    .option('--fail-under <number|predikat>', 'fail any worksheet whose index is below the number or whose predikat is below this one (e.g. 60, B)')
    .addOption(new Option('-f, --format <format>', 'output format (repeatable)').choices([...CHECK_FORMATS]).argParser((v: string, prev: string[] | undefined) => {
      if (!(CHECK_FORMATS as readonly string[]).includes(v)) throw new InvalidArgumentError(`Allowed choices are ${CHECK_FORMATS.join(', ')}.`);
      return [...(prev ?? []), v];
    }))
    .option('-o, --out <file>', 'write the format given just before to this file (atomically) instead of stdout')
    .addOption(new Option('--lang <lang>', 'language of the messages (default: from LANG/LC_ALL, else id)').choices(['id', 'en']))
    .addHelpText('after', HELP_AFTER)
    .action(async (files: string[], opts) => {
      const { runCheck } = await import('./commands/check.js');
      process.exitCode = await runCheck(files, {
        config: opts.config === false ? false : opts.config,
        rubric: opts.rubric,
        blank: opts.blank,
        failOn: opts.failOn,
        maxWarnings: opts.maxWarnings,
        failUnder: opts.failUnder,
        lang: opts.lang,
        outputs,
        version: version(),
      });
    });
  // a program parsed more than once (tests) starts each run with no formats
  program.hook('preSubcommand', (_program, sub) => {
    if (sub === cmd) outputs.length = 0;
  });
  cmd.on('option:format', (v: string) => outputs.push({ format: v as CheckFormat }));
  cmd.on('option:out', (v: string) => {
    const last = outputs[outputs.length - 1];
    if (!last) throw new ExitError(`--out ${v}: give the --format it writes first (e.g. --format sarif --out ${v})`);
    if (last.out !== undefined) throw new ExitError(`--out ${v}: the --format ${last.format} before it already writes to ${last.out}`);
    last.out = v;
  });
}
