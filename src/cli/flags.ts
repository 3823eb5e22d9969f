// The flag groups the commands share, defined once; each fills one option group of src/app/options.ts.
import { Command, InvalidArgumentError, Option } from 'commander';
import { ExitError } from '../app/errors.js';
import { formatsFor, type DocumentKind, type Format } from '../present/registry.js';
import { usageWords } from './lang.js';

const parseMiB = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(usageWords().sizeMiB);
  return n;
};

export const parsePositiveInt = (v: string): number => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError(usageWords().positiveInt);
  return Number(v);
};

export const parseCount = (v: string): number => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(usageWords().count);
  return Number(v);
};

const parseYear = (v: string): number => {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError(usageWords().year);
  return Number(v);
};

/** --rubric, --blank, --off-scale (RubricOptions). */
export function rubricFlags(cmd: Command): Command {
  return cmd
    .option('-r, --rubric <id|path>', 'rubric: a built-in id (zi-2021, rb-2014) or a YAML file; detected when absent')
    .addOption(new Option('--blank <policy>', 'blank answers: skip = left out of the mean as the official sheets do (default); zero = counted as 0').choices(['skip', 'zero']))
    .addOption(new Option('--off-scale <policy>', 'values off their scale (an error either way): skip = not scored (default); clamp = scored at the bound').choices(['skip', 'clamp']));
}

/** --opd, --year, --sheet (MetaOptions). */
export function metaFlags(cmd: Command): Command {
  return cmd
    .option('--opd <name>', 'OPD name (overrides the title block and file name)')
    .option('--year <year>', 'assessment year (overrides the title block and file name)', parseYear)
    .option('--sheet <name>', 'the sheet to score (default: the most complete LKE sheet of each workbook)');
}

/** --lang. */
export function langFlag(cmd: Command): Command {
  return cmd.addOption(new Option('--lang <lang>', 'language of the messages (default: from LANG/LC_ALL, else id)').choices(['id', 'en']));
}

/** The reader's limits and the time per file (LimitOptions). */
export function limitFlags(cmd: Command): Command {
  return cmd
    .option('--max-file-size <MiB>', 'refuse workbooks larger than this', parseMiB, 50)
    .option('--max-unpacked <MiB>', 'refuse workbooks whose parts unpack to more than this', parseMiB, 200)
    .option('--max-ratio <n>', 'refuse a part that expands more than n times (zip bombs)', parsePositiveInt, 200)
    .option('--max-rows <n>', 'refuse sheets with more rows with content', parsePositiveInt, 100000)
    .option('--max-columns <n>', 'refuse sheets with content beyond this column', parsePositiveInt, 2000)
    .option('--max-cells <n>', 'refuse workbooks with more cells with content', parsePositiveInt, 500000)
    .option('--timeout <seconds>', 'give up on a file after this long', parsePositiveInt, 60);
}

/** --jobs, --quiet (JobOptions, and the progress bar). */
export function jobFlags(cmd: Command): Command {
  return cmd.option('-j, --jobs <n>', 'worker threads for several files (default: the number of cores)', parsePositiveInt).option('-q, --quiet', 'no progress bar');
}

/** A format and where it goes: a file, or stdout when `out` is absent. */
export interface OutputRequest {
  /** Absent for an --out given without a --format of its own: its extension names the format. */
  format?: Format | undefined;
  out?: string | undefined;
}

export interface PlannedOutput {
  format: Format;
  out?: string | undefined;
}

/**
 * -f/--format (repeatable) and -o/--out, in the order given: an --out writes the --format just before it. With
 * `byExtension`, an --out with no --format of its own takes the format its extension names (report.xlsx);
 * without, it is an error. `list` collects the requests of the run (emptied when the command starts again).
 */
export function outputFlags(program: Command, cmd: Command, kind: DocumentKind, list: OutputRequest[], byExtension: boolean): Command {
  const formats = formatsFor(kind);
  cmd
    .addOption(
      new Option('-f, --format <format>', 'output format (repeatable)').choices(formats).argParser((v: string, prev: string[] | undefined) => {
        if (!(formats as string[]).includes(v)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}.`);
        return [...(prev ?? []), v];
      }),
    )
    .option('-o, --out <file>', byExtension ? 'write to this file (atomically): the --format given just before it, else the one its extension names' : 'write the format given just before to this file (atomically) instead of stdout');
  // a program parsed more than once (tests) starts each run with no formats
  program.hook('preSubcommand', (_program, sub) => {
    if (sub === cmd) list.length = 0;
  });
  cmd.on('option:format', (v: string) => list.push({ format: v as Format }));
  cmd.on('option:out', (v: string) => {
    const last = list[list.length - 1];
    if (last && last.out === undefined) last.out = v;
    else if (byExtension) list.push({ out: v });
    else if (!last) throw new ExitError(usageWords().outWithoutFormat(v));
    else throw new ExitError(usageWords().outTaken(v, last.format!, last.out!));
  });
  return cmd;
}

