// LibreOffice as a real spreadsheet app for tests: convert (and so recalculate) workbooks headless, each run
// with a profile of its own (runs by other people on the machine must not share one).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'].find(existsSync);
export const HAVE_SOFFICE = SOFFICE !== undefined;

/** Opens each file in LibreOffice Calc and saves it as .xlsx into `outdir`; returns the written paths. */
export function sofficeConvert(files: string[], outdir: string): string[] {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
  const tmp = mkdtempSync(join(tmpdir(), 'lke-soffice-'));
  mkdirSync(outdir, { recursive: true });
  try {
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${join(tmp, 'profile')}`, '--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', outdir, ...files], {
      env: { ...process.env, HOME: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files.map((f) => {
    const out = join(outdir, basename(f).replace(/\.[^.]+$/, '.xlsx'));
    if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
    return out;
  });
}
