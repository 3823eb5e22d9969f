// Finding and reading lke.config.yaml. Errors are one line naming file:line:col and the key at fault.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { offsetOf, yamlLocator } from '../rubric/yaml-position.js';
import { FINDING_CODES } from '../findings/codes.js';
import { CheckConfig, CONFIG_KEYS, SEVERITY_SETTINGS } from './schema.js';
import type { Lang } from '../words/lang.js';
import { bilingual, type UsageWords } from '../words/usage.js';

export const CONFIG_NAMES = ['lke.config.yaml', 'lke.config.yml'];
const MAX_CONFIG_BYTES = 1024 * 1024;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    /** The message in the user's language, when it is one of lke's own (a validation detail stays as written). */
    readonly say?: (lang: Lang) => string,
  ) {
    super(message);
  }
}

const configError = (say: (w: UsageWords) => string) => {
  const m = bilingual(say);
  return new ConfigError(m.message, m.say);
};

export interface LoadedConfig {
  /** Absolute path of the file read. */
  path: string;
  /** Its folder: relative paths in the file (rubric, accepted files) are relative to it. */
  dir: string;
  config: CheckConfig;
  /** Where each accepted entry starts, "lke.config.yaml:12:5" (warnings about stale entries name it). */
  acceptedAt: string[];
}

/** The config file in `cwd`, if there is one. */
export function findConfig(cwd: string): string | undefined {
  return CONFIG_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
}

export function loadConfig(path: string, shownAs = path): LoadedConfig {
  const abs = resolve(path);
  if (!existsSync(abs)) throw configError((w) => w.configNotFound(shownAs));
  const buf = readFileSync(abs);
  if (buf.length > MAX_CONFIG_BYTES) throw configError((w) => w.configTooLarge(shownAs));
  return { path: abs, dir: dirname(abs), ...parseConfig(buf.toString('utf8'), shownAs) };
}

export function parseConfigText(text: string, file: string): CheckConfig {
  return parseConfig(text, file).config;
}

function parseConfig(text: string, file: string): { config: CheckConfig; acceptedAt: string[] } {
  const { lineCounter, where: at } = yamlLocator(file);
  const doc = parseDocument(text, { lineCounter, customTags: [], prettyErrors: false, uniqueKeys: true, schema: 'core' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new ConfigError(`${at(e.pos[0])}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 }) ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${file}: a config file is a mapping of keys (rubric, failOn, …)`);
  const parsed = CheckConfig.safeParse(data);
  if (parsed.success) return { config: parsed.data, acceptedAt: (parsed.data.accepted ?? []).map((_, i) => at(offsetOf(doc, ['accepted', i]))) };
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = (p: (string | number)[], key?: boolean) => at(offsetOf(doc, p, key));
  if (issue.code === 'unrecognized_keys' && path[0] === 'severity') path.push(issue.keys[0]!);
  else if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const allowed = path.length === 0 ? CONFIG_KEYS : path.includes('accepted') ? ['code', 'file', 'question', 'cell', 'reason'] : [];
    throw new ConfigError(`${where([...path, key], true)}: unknown key "${key}"${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}${suggest(key, allowed)}`);
  }
  if (path[0] === 'severity' && path.length === 2 && !FINDING_CODES.includes(String(path[1]) as never)) {
    const key = String(path[path.length - 1]);
    throw new ConfigError(`${where(path, true)}: severity: unknown finding code "${key}" (the codes are in docs/report-format.md)${suggest(key, FINDING_CODES)}`);
  }
  const name = path.length ? `${path.join('.')}: ` : '';
  const message = path[0] === 'severity' ? `expected one of ${SEVERITY_SETTINGS.join(', ')}` : issue.message;
  throw new ConfigError(`${where(path)}: ${name}${message}`);
}

function suggest(key: string, options: readonly string[]): string {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const hit = options.find((o) => norm(o) === norm(key));
  return hit ? `; did you mean "${hit}"?` : '';
}
