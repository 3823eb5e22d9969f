// `lke check FILE…`: flags → app/check → each requested format to stdout or its --out file (atomically). The
// use-case and the presenters are imported only when the command runs, so `lke --help` stays fast.
import { Command, Option } from 'commander';
import { jobFlags, langFlag, limitFlags, metaFlags, outputFlags, parseCount, rubricFlags, type OutputRequest } from '../flags.js';


const HELP_AFTER = `
Formats (--format, repeatable; each --out writes the --format before it):
  text      one line per finding (file:Sheet!A1: severity: message [code]) and the totals (default)
  json      the report of \`lke score --format json\` with a "check" summary (docs/report-format.md)
  sarif     SARIF 2.1.0 for code scanning (region startLine = row, startColumn = column)
  junit     JUnit XML: a testsuite per workbook, a testcase per question (one per failing finding when a
            question has several), at most one failure per testcase
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

export function registerCheck(program: Command, version: () => string): void {
  const outputs: OutputRequest[] = [];
  const cmd = program
    .command('check')
    .description('check worksheets for CI: answers, evidence, the sheet formulas, the rubric version; exit 1 on findings')
    .argument('<files...>', 'worksheets (.xlsx), folders (searched recursively) or globs')
    .option('-c, --config <file>', 'config file (default: lke.config.yaml in the working directory, if present)')
    .option('--no-config', 'read no config file');
  rubricFlags(cmd)
    .addOption(new Option('--fail-on <severity>', 'the lowest finding severity that fails the run (default: error)').choices(['error', 'warning', 'never']))
    .option('--max-warnings <n>', 'fail when there are more warnings than n', parseCount)
    .option('--fail-under <threshold>', 'fail any worksheet whose index is below the number or whose predikat is below this one (e.g. 60, B; the rubrics that have it), or one per rubric (rb-2014=B,zi-2021=WBK)');
  outputFlags(program, cmd, 'check-report', outputs, false);
  metaFlags(cmd);
  langFlag(cmd);
  limitFlags(cmd);
  jobFlags(cmd)
    .addHelpText('after', HELP_AFTER)
    .action(async (args: string[], opts) => {
      process.exitCode = await runCheck(args, outputs, { ...opts, config: opts.config === false ? false : opts.config, version: version() });
    });
}

async function runCheck(args: string[], requested: OutputRequest[], opts: { quiet?: boolean; version: string } & Record<string, unknown>): Promise<number> {
  const [{ check }, { expandInputs }, { PRESENTERS, presenterFor, outputOf }, { useColor, emit, progressBar, planOutputs }] = await Promise.all([
    import('../../app/check.js'),
    import('../../engine/inputs.js'),
    import('../../present/registry.js'),
    import('../output.js'),
  ]);
  const cwd = process.cwd();
  const files = expandInputs(args, cwd).files;
  // when every format goes to a file, the text still goes to stdout
  const outputs = planOutputs(requested, files, 'check-report', { fallback: 'text', stdoutToo: 'text' });
  const presenters = await Promise.all(outputs.map((o) => presenterFor(o.format, 'check-report')));
  const keep = outputs.some((o) => PRESENTERS[o.format].reads === 'all') ? 'all' : 'findings';
  const bar = files.length > 1 && !opts.quiet && process.stderr.isTTY ? await progressBar(files.length) : undefined;
  const run = await check(args, { ...opts, keep, cwd, onProgress: bar ? (done: number, _t: number, file: string) => bar.update(done, file) : undefined });
  bar?.stop();
  for (const d of run.diagnostics) process.stderr.write(`lke: ${d}\n`);
  for (const [i, o] of outputs.entries()) {
    const out = outputOf(o.format, await presenters[i]!(run.report, { color: !o.out && useColor(process.stdout) }));
    emit('text' in out ? out.text : out.bytes, o.out);
  }
  return run.exitCode;
}
