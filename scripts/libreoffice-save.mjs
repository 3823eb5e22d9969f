#!/usr/bin/env node
// Opens worksheets in LibreOffice (headless) and saves them again as .xlsx, as an office that fills its LKE in
// LibreOffice Calc sends it: LibreOffice writes a formatted row as a styled cell in each of its 16,384 columns.
// Used by the tests (a LibreOffice-saved sample scores as the original) and the bench corpus; nothing is copied
// into the repository.
//
//   node scripts/libreoffice-save.mjs OUT_DIR FILE.xlsx...     writes OUT_DIR/<same name>.xlsx for each file
//
// Each run uses a profile folder of its own, so runs side by side (tests, other users of the machine) do not wait
// on one another's lock. Exit 2 when soffice is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function findSoffice() {
  for (const bin of ['soffice', 'libreoffice']) {
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return bin;
  }
  return undefined;
}

/**
 * Saves `files` again with LibreOffice into `outDir` (same base names); returns the paths written. Throws with
 * LibreOffice's own output when a file did not come out.
 */
export function saveWithLibreOffice(files, outDir, { soffice = findSoffice(), timeoutMs = 300_000 } = {}) {
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lke-lo-profile-'));
  try {
    const r = spawnSync(
      soffice,
      ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, ...files.map((f) => resolve(f))],
      { encoding: 'utf8', timeout: timeoutMs },
    );
    const out = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '.xlsx')));
    const missing = out.filter((f) => !existsSync(f));
    if (r.error || missing.length > 0) throw new Error(`LibreOffice did not save ${missing.join(', ') || 'the files'}: ${r.error?.message ?? ''}${r.stdout ?? ''}${r.stderr ?? ''}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const [outDir, ...files] = process.argv.slice(2);
  if (!outDir || files.length === 0) {
    console.error('usage: node scripts/libreoffice-save.mjs OUT_DIR FILE.xlsx...');
    process.exit(2);
  }
  const soffice = findSoffice();
  if (!soffice) {
    console.error('LibreOffice (soffice) is not installed');
    process.exit(2);
  }
  for (const f of saveWithLibreOffice(files, outDir, { soffice })) console.log(f);
}
