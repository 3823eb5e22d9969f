// The flag groups the commands share, defined once; each fills one option group of src/app/options.ts.
import { Command, InvalidArgumentError, Option } from 'commander';
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

/** --rubric, --blank (RubricOptions). */
export function rubricFlags(cmd: Command): Command {
  return cmd
    .option('-r, --rubric <id|path>', 'rubric: a built-in id (zi-2021, rb-2014) or a YAML file; detected when absent')
    .addOption(new Option('--blank <policy>', 'blank answers: skip = left out of the mean as the official sheets do (default); zero = counted as 0').choices(['skip', 'zero']));
}

/** --opd, --year (MetaOptions). */
export function metaFlags(cmd: Command): Command {
  return cmd.option('--opd <name>', 'OPD name (overrides the title block and file name)').option('--year <year>', 'assessment year (overrides the title block and file name)', parseYear);
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
