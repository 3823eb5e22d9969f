// The progress bar over many files: on a terminal, `lke score` and `lke check` alike; never with --quiet, never
// when stderr is not a terminal. The terminal is a real pseudo-terminal from util-linux `script`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const FILES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => join('fixtures', f));
const HAVE_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** What a terminal shows while lke runs with `args` (stdout and stderr both on the terminal). */
function onTerminal(args: string[]): string {
  const cmd = [process.execPath, CLI, ...args].map(quote).join(' ');
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' }, timeout: 60_000 });
  return r.stdout;
}

const bar = new RegExp(` ${FILES.length}/${FILES.length} files \\| `);

describe.skipIf(!HAVE_SCRIPT)(`progress on a terminal${HAVE_SCRIPT ? '' : ' [SKIPPED: util-linux script is absent]'}`, () => {
  for (const command of ['score', 'check']) {
    it(`lke ${command} over ${FILES.length} files shows it, and not with --quiet`, () => {
      expect(FILES.length).toBeGreaterThan(2);
      expect(onTerminal([command, ...FILES])).toMatch(bar);
      expect(onTerminal([command, '--quiet', ...FILES])).not.toMatch(/ files \| /);
    });
    it(`lke ${command} with stderr not a terminal shows none`, () => {
      const r = spawnSync(process.execPath, [CLI, command, ...FILES], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).not.toMatch(/ files \| /);
    });
  }
});
