// `lke check FILE…`: flags → app/check → each requested format to stdout or its --out file (atomically). The
// use-case and the presenters are imported only when the command runs, so `lke --help` stays fast.
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ExitError } from '../../app/errors.js';
import { usageWords } from '../lang.js';
import { formatsFor, type Format } from '../../present/registry.js';
import { jobFlags, langFlag, limitFlags, metaFlags, parseCount, rubricFlags } from '../flags.js';

export interface CheckOutput {
  format: Format;
  /** A file to write; stdout when absent. */
  out?: string | undefined;
}

const FORMATS = formatsFor('check-report');

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
  // --format and --out in the order given: an --out belongs to the --format just before it
  const outputs: CheckOutput[] = [];
  const cmd = program
    .command('check')
    .description('check worksheets for CI: answers, evidence, the sheet formulas, the rubric version; exit 1 on findings')
    .argument('<files...>', 'worksheets (.xlsx), folders (searched recursively) or globs')
    .option('-c, --config <file>', 'config file (default: lke.config.yaml in the working directory, if present)')
    .option('--no-config', 'read no config file');
  rubricFlags(cmd)
    .addOption(new Option('--fail-on <severity>', 'the lowest finding severity that fails the run (default: error)').choices(['error', 'warning', 'never']))
    .option('--max-warnings <n>', 'fail when there are more warnings than n', parseCount)
    .option('--fail-under <number|predikat>', 'fail any worksheet whose index is below the number or whose predikat is below this one (e.g. 60, B)')
    .addOption(
      new Option('-f, --format <format>', 'output format (repeatable)').choices(FORMATS).argParser((v: string, prev: string[] | undefined) => {
        if (!(FORMATS as string[]).includes(v)) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(', ')}.`);
        return [...(prev ?? []), v];
      }),
    )
    .option('-o, --out <file>', 'write the format given just before to this file (atomically) instead of stdout');
  metaFlags(cmd);
  langFlag(cmd);
  limitFlags(cmd);
  jobFlags(cmd)
    .addHelpText('after', HELP_AFTER)
    .action(async (args: string[], opts) => {
      process.exitCode = await runCheck(args, outputs, { ...opts, config: opts.config === false ? false : opts.config, version: version() });
    });
  // a program parsed more than once (tests) starts each run with no formats
  program.hook('preSubcommand', (_program, sub) => {
    if (sub === cmd) outputs.length = 0;
  });
  cmd.on('option:format', (v: string) => outputs.push({ format: v as Format }));
  cmd.on('option:out', (v: string) => {
    const last = outputs[outputs.length - 1];
    if (!last) throw new ExitError(usageWords().outWithoutFormat(v));
    if (last.out !== undefined) throw new ExitError(usageWords().outTaken(v, last.format, last.out));
    last.out = v;
  });
}

/** Formats to stdout and to files: at most one to stdout; when every format has a file, the text goes to stdout. */
export function planOutputs(outputs: CheckOutput[] | undefined, inputs: string[]): CheckOutput[] {
  const list: CheckOutput[] = outputs && outputs.length > 0 ? outputs : [{ format: 'text' }];
  const toStdout = list.filter((o) => !o.out);
  const w = usageWords();
  if (toStdout.length > 1) throw new ExitError(w.oneStdout(toStdout.map((o) => o.format)));
  const seen = new Set<string>();
  const ins = new Set(inputs.map((i) => resolve(i)));
  for (const o of list) {
    if (!o.out) continue;
    const p = resolve(o.out);
    if (seen.has(p)) throw new ExitError(w.outTwice(o.out));
    if (ins.has(p)) throw new ExitError(w.outIsInput(o.out));
    seen.add(p);
  }
  return toStdout.length === 0 ? [{ format: 'text' }, ...list] : list;
}

async function runCheck(args: string[], requested: CheckOutput[], opts: { quiet?: boolean; version: string } & Record<string, unknown>): Promise<number> {
  const [{ check }, { expandInputs }, { PRESENTERS, presenterFor, outputOf }, { useColor, emit, prepareOut, progressBar }] = await Promise.all([
    import('../../app/check.js'),
    import('../../engine/inputs.js'),
    import('../../present/registry.js'),
    import('../output.js'),
  ]);
  const cwd = process.cwd();
  const files = expandInputs(args, cwd).files;
  const outputs = planOutputs(requested, files);
  for (const o of outputs) if (o.out) prepareOut(o.out);
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
