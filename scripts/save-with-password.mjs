#!/usr/bin/env node
// Saves a worksheet with a password as a real LibreOffice does, for fixtures/password/: an OpenDocument .ods
// (AES-256, the key from the password by PBKDF2; META-INF/manifest.xml lists the encrypted parts) and an Excel
// 97-2003 .xls (RC4 CryptoAPI: a FILEPASS record right after the workbook stream's BOF). LibreOffice has no
// command-line flag for a password, so the script drives it with a Basic macro in a throwaway profile. The
// encryption salts are random: the files differ on each run, which is why they are committed, not regenerated in
// tests. Usage: node scripts/save-with-password.mjs [source.xlsx] [out-folder]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const source = resolve(process.argv[2] ?? join(ROOT, 'fixtures/check/clean/dinas-kominfo-2024.xlsx'));
const out = resolve(process.argv[3] ?? join(ROOT, 'fixtures/password'));
const PASSWORD = 'rahasia';

const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(src As String, dst As String, filter As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = filter
  store(1).Name = "Password"
  store(1).Value = "${PASSWORD}"
  doc.storeToURL(ConvertToURL(dst), store())
  doc.close(True)
End Sub

Sub Main
  SaveWithPassword(Environ("LKE_SRC"), Environ("LKE_OUT") &amp; "/password-protected.ods", "calc8")
  SaveWithPassword(Environ("LKE_SRC"), Environ("LKE_OUT") &amp; "/password-protected.xls", "MS Excel 97")
End Sub
</script:module>
`;

const profile = mkdtempSync(join(tmpdir(), 'lke-lo-'));
const soffice = (args, env = {}) => {
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180000 });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')}: ${r.status} ${r.stderr}`);
};
try {
  // a first start makes the profile (and its Standard Basic library), which the macro then goes into
  soffice(['--convert-to', 'csv', '--outdir', profile, source]);
  writeFileSync(join(profile, 'user/basic/Standard/Module1.xba'), MACRO);
  mkdirSync(out, { recursive: true });
  soffice(['vnd.sun.star.script:Standard.Module1.Main?language=Basic&location=application'], { LKE_SRC: source, LKE_OUT: out });
  console.log(`wrote ${out}/password-protected.ods and .xls (password "${PASSWORD}")`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
