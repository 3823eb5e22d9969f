// `lke score FILE…`: flags → app/score → each requested format to stdout or its --out file (atomically). The
// use-case and the presenters are imported only when the command runs, so `lke --help` stays fast.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { jobFlags, langFlag, limitFlags, metaFlags, outputFlags, rubricFlags, type OutputRequest } from '../flags.js';
import { cliLang, usageWords } from '../lang.js';

const HELP_AFTER = `
Formats (--format, repeatable; each --out writes the --format before it, or the format its extension names):
  table     the report in the terminal (default)
  json      the documented JSON report (docs/report-format.md)
  markdown  the summary, the area table and the path to the target, for issue trackers and chat
  csv       a row per node and per question (a row per OPD × area for several files); UTF-8 with BOM
  html      one self-contained page with charts, printable on A4 (a page per OPD for several files)
  xlsx      a report workbook: summary, a sheet per area, findings (ranking and OPD × area matrix for several)
Text formats may go to stdout; xlsx only to a file. When every format goes to a file, stdout stays empty.

The gap report aims at --target: a predikat (BB), a number (75) or, for Zona Integritas, WBK or WBBM; by default
the next predikat up (for ZI: WBK, then WBBM). It lists the fewest answer changes that reach it, each re-scored.

Examples:
  lke score dinkes-2024.xlsx --target BB
  lke score dinkes-2024.xlsx --out laporan.html
  lke score submissions/ --out rekap.xlsx --out rekap.html --format json --out rekap.json`;

export function registerScore(program: Command, version: () => string): void {
  const outputs: OutputRequest[] = [];
  const cmd = program.command('score').description('score one or more filled LKE worksheets (.xlsx)').argument('<files...>', 'worksheet files (.xlsx), folders (searched recursively) or globs');
  rubricFlags(cmd).option('-t, --target <predikat|number>', 'what the gap report aims at: BB, 75, WBK (default: the next predikat up)');
  outputFlags(program, cmd, 'score-report', outputs, true);
  metaFlags(cmd);
  langFlag(cmd).option('--detail', 'show indicators in the table too');
  limitFlags(cmd);
  jobFlags(cmd)
    .addHelpText('after', HELP_AFTER)
    .action(async (args: string[], opts) => {
      process.exitCode = await runScore(args, outputs, { ...opts, debug: program.opts().debug, version: version() });
    });
}

async function runScore(args: string[], requested: OutputRequest[], opts: { jobs?: number; quiet?: boolean; detail?: boolean; debug?: boolean; version: string }): Promise<number> {
  const [{ score }, { scoreInputs }, { PRESENTERS, presenterFor, outputOf, streamFor }, { useColor, progressBar, planOutputs, emit, atomicStream }, respawn] = await Promise.all([
    import('../../app/score.js'),
    import('../../app/inputs.js'),
    import('../../present/registry.js'),
    import('../output.js'),
    import('../respawn.js'),
  ]);
  const warnings: string[] = [];
  const files = scoreInputs(args, process.cwd(), cliLang(), (text) => warnings.push(text));
  const outputs = planOutputs(requested, files, 'score-report', { fallback: 'table' });
  const jobs = opts.jobs ?? availableParallelism();
  if (files.length > 1 && respawn.shouldRespawn(files.length, jobs)) {
    const code = await respawn.respawn();
    // the copy could not be started: score here, as it would have
    if (code >= 0) return code;
  }
  // lke score is read by people: the severity word in their language (lke check keeps "warning" for CI matchers)
  for (const w of warnings) process.stderr.write(`lke: ${usageWords().warning}: ${w}\n`);
  if (process.env['LKE_RESPAWNED'] && opts.debug) process.stderr.write(`lke: scoring ${files.length} files with ${respawn.GC_FLAG} (restarted for a big batch)\n`);
  // a batch's JSON report is written file by file as the files are done (to stdout, or to its file renamed into
  // place at the end); everything else is presented once the run is done
  const streamed = files.length > 1 ? outputs.find((o) => 'stream' in PRESENTERS[o.format] && PRESENTERS[o.format].stream) : undefined;
  const stream = streamed ? await streamFor(streamed.format) : undefined;
  const sink = streamed?.out ? atomicStream(streamed.out) : undefined;
  const rest = outputs.filter((o) => o !== streamed);
  const presenters = await Promise.all(rest.map((o) => presenterFor(o.format, 'score-report')));
  const bar = files.length > 1 && !opts.quiet && process.stderr.isTTY && !(streamed && !streamed.out && process.stdout.isTTY) ? await progressBar(files.length) : undefined;
  const write = sink ? sink.write : (chunk: string) => process.stdout.write(chunk);
  // a batch keeps of each file what its formats read: the whole gap only for the html and xlsx
  const keep = files.length === 1 ? 'all' : outputs.some((o) => PRESENTERS[o.format].reads === 'exports') ? 'exports' : 'summary';
  let run;
  try {
    run = await score(
      files,
      { ...opts, jobs, keep },
      {
        onBegin: stream ? (head) => stream.begin(head, write) : undefined,
        onFileJson: stream ? (json) => stream.file(json) : undefined,
        onProgress: bar ? (done, _total, file) => bar.update(done, file) : undefined,
      },
    );
  } catch (e) {
    sink?.abort();
    throw e;
  }
  const { report, exitCode } = run;
  bar?.stop();
  stream?.end(report);
  sink?.commit();
  for (const f of report.files) if (f.error) process.stderr.write(`lke: ${f.error.message}\n`);
  // A table with nothing scored would only repeat stderr; the other formats always say what happened.
  const onlyErrors = report.files.every((f) => f.status === 'error');
  for (const [i, o] of rest.entries()) {
    if (o.format === 'table' && !o.out && onlyErrors) continue;
    const out = outputOf(o.format, await presenters[i]!(report, { color: !o.out && useColor(process.stdout), detail: opts.detail }));
    emit('text' in out ? out.text : out.bytes, o.out);
  }
  return exitCode;
}
