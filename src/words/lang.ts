// The languages lke speaks: Indonesian by default, English on request (--lang, or LANG/LC_ALL starting with en).
export type Lang = 'id' | 'en';

export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(v) ? 'en' : 'id';
}
