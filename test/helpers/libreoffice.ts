// LibreOffice as the real spreadsheet app in tests: recalculating a workbook's formulas, converting it to csv.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find(existsSync);
export const SOFFICE_NOTE = SOFFICE ? '' : ' [SKIPPED: soffice not installed]';

/**
 * Converts files with a throwaway LibreOffice profile that recalculates every xlsx formula on load (so the cached
 * results written out are LibreOffice's own); the outputs land in `outDir` under the inputs' base names.
 */
export function sofficeConvert(files: string[], to: string, outDir: string): void {
  const profile = join(outDir, '.profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files], {
    timeout: 240000,
    stdio: 'ignore',
    env: { ...process.env, HOME: outDir },
  });
}
