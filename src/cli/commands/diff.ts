// `lke diff A B | DIR_A DIR_B | FILE`: flags → app/diff → a presenter → stdout or --out (atomically). The use-case and
// the presenters are imported only when the command runs, so `lke --help` stays fast.
import { Command, Option } from 'commander';
import { formatsFor, type Format } from '../../present/registry.js';
import { langFlag, limitFlags, rubricFlags } from '../flags.js';

const HELP_AFTER = `
What it compares:
  lke diff LAMA.xlsx BARU.xlsx     two worksheets: the self-assessment and the assessor's review, or last year and this year
  lke diff FILE.xlsx               the two assessment blocks of one worksheet (older year first, else left to right)
  lke diff 2023/ 2024/             every OPD of one folder with the same OPD in the other (by the OPD name in the
                                   worksheet, else by the file name), sorted by the change of the index

Formats: table (default), json (docs/report-format.md, schema/diff.schema.json), markdown, html (one page),
xlsx (needs --out, or stdout redirected to a file).

Exit codes: 0 compared, whatever the differences · 1 (folders) a worksheet could not be read; the others are
compared · 2 nothing to compare (an unreadable workbook, a workbook with one block, a file with a folder).`;

export function registerDiff(program: Command, version: () => string): void {
  const cmd = program
    .command('diff')
    .description("compare two worksheets (self-assessment and review, last year and this year), one worksheet's two blocks, or two folders")
    .argument('<inputs...>', 'two worksheets (.xlsx), one worksheet with two assessment blocks, or two folders')
    .addOption(new Option('-f, --format <format>', 'report format').choices(formatsFor('diff-report')).default('table'))
    .option('-o, --out <file>', 'write the report to this file (atomically) instead of stdout');
  rubricFlags(cmd);
  langFlag(cmd);
  limitFlags(cmd).addHelpText('after', HELP_AFTER);
  cmd.action(async (inputs: string[], opts) => {
    process.exitCode = await runDiff(inputs, { ...opts, version: version() });
  });
}

async function runDiff(inputs: string[], opts: { format: Format; out?: string; lang?: 'id' | 'en'; version: string }): Promise<number> {
  const [{ diff }, { PRESENTERS, presenterFor, outputOf }, { useColor, emit, prepareOut }, { ExitError }, { DIFF_CLI }, { langFromEnv }] = await Promise.all([
    import('../../app/diff.js'),
    import('../../present/registry.js'),
    import('../output.js'),
    import('../../app/errors.js'),
    import('../../words/diff.js'),
    import('../../words/lang.js'),
  ]);
  // refused before any work: a binary format never goes to a terminal
  if (PRESENTERS[opts.format].output === 'bytes' && !opts.out && process.stdout.isTTY) throw new ExitError(DIFF_CLI[opts.lang ?? langFromEnv()].bytesToTerminal(opts.format));
  // an --out that cannot be written fails now, not after the worksheets are scored
  if (opts.out) prepareOut(opts.out);
  const render = await presenterFor(opts.format, 'diff-report');
  const run = await diff(inputs, opts);
  if (run.report.mode === 'folders') for (const f of run.report.failed) process.stderr.write(`lke: ${f.error.message}\n`);
  const out = outputOf(opts.format, await render(run.report, { color: !opts.out && useColor(process.stdout) }));
  emit('text' in out ? out.text : out.bytes, opts.out);
  return run.exitCode;
}
