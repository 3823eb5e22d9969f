// `lke score FILE…`: flags → app/score → a presenter → stdout. The use-case and the presenters are imported only
// when the command runs, so `lke --help` stays fast.
import { Command, Option } from 'commander';
import { formatsFor, type Format } from '../../present/registry.js';
import { jobFlags, langFlag, limitFlags, metaFlags, rubricFlags } from '../flags.js';
import { cliLang, usageWords } from '../lang.js';

export function registerScore(program: Command, version: () => string): void {
  const cmd = program.command('score').description('score one or more filled LKE worksheets (.xlsx)').argument('<files...>', 'worksheet files (.xlsx), folders (searched recursively) or globs');
  rubricFlags(cmd).addOption(new Option('-f, --format <format>', 'report format').choices(formatsFor('score-report')).default('table'));
  metaFlags(cmd);
  langFlag(cmd).option('--detail', 'show indicators in the table too');
  limitFlags(cmd);
  jobFlags(cmd).action(async (args: string[], opts) => {
    process.exitCode = await runScore(args, { ...opts, debug: program.opts().debug, version: version() });
  });
}

async function runScore(args: string[], opts: { format: Format; jobs?: number; quiet?: boolean; detail?: boolean; debug?: boolean; version: string }): Promise<number> {
  const [{ score }, { scoreInputs }, { PRESENTERS, presenterFor }, { useColor, progressBar }, respawn, { availableParallelism }] = await Promise.all([
    import('../../app/score.js'),
    import('../../app/inputs.js'),
    import('../../present/registry.js'),
    import('../output.js'),
    import('../respawn.js'),
    import('node:os'),
  ]);
  const warnings: string[] = [];
  const files = scoreInputs(args, process.cwd(), cliLang(), (text) => warnings.push(text));
  const jobs = opts.jobs ?? availableParallelism();
  if (files.length > 1 && respawn.shouldRespawn(files.length, jobs)) {
    const code = await respawn.respawn();
    // the copy could not be started: score here, as it would have
    if (code >= 0) return code;
  }
  // lke score is read by people: the severity word in their language (lke check keeps "warning" for CI matchers)
  for (const w of warnings) process.stderr.write(`lke: ${usageWords().warning}: ${w}\n`);
  if (process.env['LKE_RESPAWNED'] && opts.debug) process.stderr.write(`lke: scoring ${files.length} files with ${respawn.GC_FLAG} (restarted for a big batch)\n`);
  const def = PRESENTERS[opts.format];
  // a batch's report is written file by file as the files are done, when the format can be
  const stream = files.length > 1 && 'stream' in def && def.stream ? await def.stream() : undefined;
  const render = stream ? undefined : await presenterFor(opts.format, 'score-report');
  const bar = files.length > 1 && !opts.quiet && process.stderr.isTTY && !(stream && process.stdout.isTTY) ? await progressBar(files.length) : undefined;
  const write = (chunk: string) => process.stdout.write(chunk);
  const { report, exitCode } = await score(
    files,
    { ...opts, jobs },
    {
      onBegin: stream ? (head) => stream.begin(head, write) : undefined,
      onFileJson: stream ? (json) => stream.file(json) : undefined,
      onProgress: bar ? (done, _total, file) => bar.update(done, file) : undefined,
    },
  );
  bar?.stop();
  stream?.end(report);
  for (const f of report.files) if (f.error) process.stderr.write(`lke: ${f.error.message}\n`);
  // A table with nothing scored would only repeat stderr; json always prints the report for machines.
  const onlyErrors = report.files.every((f) => f.status === 'error');
  if (render && !(opts.format === 'table' && onlyErrors)) process.stdout.write(await render(report, { color: useColor(process.stdout), detail: opts.detail }));
  return exitCode;
}
