// What the user named → the worksheets a use-case reads, or one usage error.
import { expandInputs } from '../engine/inputs.js';
import { ExitError } from './errors.js';

/**
 * `lke score`: a glob without a match is an error; a missing file is passed on, so that the reader reports it with
 * the other files.
 */
export function scoreInputs(args: string[], cwd: string): string[] {
  const { files, missing } = expandInputs(args, cwd);
  const globsWithoutMatch = missing.filter((m) => !files.includes(m));
  if (globsWithoutMatch.length > 0) throw new ExitError(`no worksheet matches ${globsWithoutMatch.join(', ')}`);
  if (files.length === 0) throw new ExitError(`no .xlsx worksheet found in ${args.join(', ')}`);
  return files;
}

/** `lke check`: anything that names nothing is an error before any file is read. */
export function checkInputs(args: string[], cwd: string): string[] {
  const { files, missing } = expandInputs(args, cwd);
  if (missing.length > 0) throw new ExitError(`${missing.length === 1 ? 'no such file or no match' : 'no such files or no matches'}: ${missing.join(', ')}`);
  if (files.length === 0) throw new ExitError(`no .xlsx worksheet found in ${args.join(', ')}`);
  return files;
}
