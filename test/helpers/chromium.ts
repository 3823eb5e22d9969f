// Headless Chromium as the real browser in tests: the DOM after load, a screenshot, and every console message
// (a Content-Security-Policy violation or a script error shows as a CONSOLE line on stderr).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
export const CHROMIUM_NOTE = CHROMIUM ? '' : ' [SKIPPED: chromium not installed]';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Load {
  /** stdout: the DOM with --dump-dom */
  out: string;
  /** The page's console messages. */
  console: string[];
}

export function chromium(file: string, extra: string[]): Load {
  const profile = mkdtempSync(join(tmpdir(), 'lke-chromium-'));
  const r = spawnSync(CHROMIUM!, [...FLAGS, `--user-data-dir=${profile}`, '--enable-logging=stderr', '--log-level=0', ...extra, pathToFileURL(file).href], {
    encoding: 'utf8',
    timeout: 120000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, HOME: profile },
  });
  if (r.error) throw r.error;
  return { out: r.stdout, console: r.stderr.split('\n').filter((l) => /:CONSOLE[:(]/.test(l)) };
}
