// What the user named → the worksheets a use-case reads, or one usage error.
import { expandInputs, type InputWarning } from '../engine/inputs.js';
import { langFromEnv, type Lang } from '../words/lang.js';
import { USAGE_WORDS } from '../words/usage.js';
import { ExitError } from './errors.js';

/**
 * `lke score`: a glob without a match is an error; a missing file is passed on, so that the reader reports it with
 * the other files.
 */
export function scoreInputs(args: string[], cwd: string, lang: Lang = langFromEnv(), onWarning?: (text: string) => void): string[] {
  const { files, missing, warnings } = expandInputs(args, cwd);
  for (const w of warnings) onWarning?.(inputWarningText(w, lang));
  const globsWithoutMatch = missing.filter((m) => !files.includes(m));
  if (globsWithoutMatch.length > 0) throw new ExitError(USAGE_WORDS[lang].noMatch(globsWithoutMatch));
  if (files.length === 0) throw new ExitError(USAGE_WORDS[lang].noWorksheet(args));
  return files;
}

/** `lke check`: anything that names nothing is an error before any file is read. */
export function checkInputs(args: string[], cwd: string, lang: Lang = langFromEnv(), onWarning?: (text: string) => void): string[] {
  const { files, missing, warnings } = expandInputs(args, cwd);
  for (const w of warnings) onWarning?.(inputWarningText(w, lang));
  if (missing.length > 0) throw new ExitError(USAGE_WORDS[lang].missing(missing));
  if (files.length === 0) throw new ExitError(USAGE_WORDS[lang].noWorksheet(args));
  return files;
}

/** A warning about the inputs (a symbolic link loop), in words. */
export function inputWarningText(w: InputWarning, lang: Lang): string {
  return USAGE_WORDS[lang].symlinkLoop(w.path, w.target);
}
