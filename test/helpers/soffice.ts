// LibreOffice as a real spreadsheet app for tests: convert (and so recalculate) workbooks headless, each run
// with a profile of its own (runs by other people on the machine must not share one).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { run } from './run.js';

export const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'].find(existsSync);
export const HAVE_SOFFICE = SOFFICE !== undefined;

/** Opens each file in LibreOffice Calc and saves it as .xlsx into `outdir`; returns the written paths. Awaited, not
 * blocking: a conversion takes seconds and the test worker must keep answering vitest meanwhile. */
export async function sofficeConvert(files: string[], outdir: string): Promise<string[]> {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed');
  const tmp = mkdtempSync(join(tmpdir(), 'lke-soffice-'));
  mkdirSync(outdir, { recursive: true });
  try {
    const r = await run(SOFFICE, [`-env:UserInstallation=file://${join(tmp, 'profile')}`, '--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', outdir, ...files], {
      env: { ...process.env, HOME: tmp },
      timeout: 300_000,
    });
    if (r.code !== 0) throw new Error(`soffice exited ${r.code}: ${r.stderr.trim()}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return files.map((f) => {
    const out = join(outdir, basename(f).replace(/\.[^.]+$/, '.xlsx'));
    if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
    return out;
  });
}
