// commander's parse errors as lke says every usage error: one line, in the user's language. commander has no hook
// for its wording, so its (pinned) English messages are read back by their fixed shapes; a shape not known here
// passes through as one line.
import type { UsageWords } from '../words/usage.js';

/** "-f, --format <format>" → "--format". */
const longFlag = (flags: string) => flags.split(/[\s,|]+/).find((f) => f.startsWith('--')) ?? flags;

function reason(text: string, w: UsageWords): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(text.trim());
  return choices ? w.choices(choices[1]!.split(', ')) : text.trim();
}

export function usageLine(message: string, w: UsageWords): string {
  const m = message.replace(/^error: /, '').trimEnd();
  const suggest = (rest: string | undefined) => {
    const s = rest && /\(Did you mean (.+?)\?\)/.exec(rest);
    return s ? w.didYouMean(s[1]!) : '';
  };
  let r: RegExpExecArray | null;
  if ((r = /^unknown option '(.+?)'([\s\S]*)$/.exec(m))) return w.unknownOption(r[1]!) + suggest(r[2]);
  if ((r = /^unknown command '(.+?)'([\s\S]*)$/.exec(m))) return w.unknownCommand(r[1]!) + suggest(r[2]);
  if ((r = /^option '(.+?)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/.exec(m))) return w.invalidValue(longFlag(r[1]!), r[2]!, reason(r[3]!, w));
  if ((r = /^command-argument value '([\s\S]*)' is invalid for argument '(.+?)'\. ([\s\S]*)$/.exec(m))) return w.invalidArgument(r[2]!, r[1]!, reason(r[3]!, w));
  if ((r = /^missing required argument '(.+?)'/.exec(m))) return w.missingArgument(r[1]!);
  if ((r = /^option '(.+?)' argument missing/.exec(m))) return w.optionMissingValue(longFlag(r[1]!));
  if ((r = /^too many arguments[\s\S]*Expected (\d+) arguments? but got (\d+)\./.exec(m))) return w.tooManyArguments(Number(r[1]), Number(r[2]));
  return m.replace(/\s*\n\s*/g, '; ');
}
