// The language of what the CLI says before and around a use-case (usage errors, output errors, warnings): --lang
// when the command line gives a valid one, else the environment's (words/lang.ts). Read from argv itself, so a
// parse error of any flag before or after --lang is already in the user's language.
import { langFromEnv, type Lang } from '../words/lang.js';
import { USAGE_WORDS, type UsageWords } from '../words/usage.js';

export function cliLang(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Lang {
  let lang: Lang | undefined;
  argv.forEach((a, i) => {
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'id' || v === 'en') lang = v;
  });
  return lang ?? langFromEnv(env);
}

/** The usage words in the CLI's language. */
export const usageWords = (): UsageWords => USAGE_WORDS[cliLang()];
