// `lke score` as people run it: the built CLI on the bundled fixtures. Each case records stdout, stderr and the
// exit code together in one snapshot file under test/snapshots/score/, so a change of what users see shows up
// in review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run, type Run } from './helpers/run.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/bin.cjs');
const MINI = 'fixtures/check/rubric/lke-mini.yaml';
const QUICK = 'fixtures/lke-rb-2014-kalteng-2021.xlsx';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Awaited, not spawnSync: a file of CLI runs must not block vitest's worker (its RPC times out after 60 s). */
function lke(args: string[], lang = 'en_US.UTF-8'): Promise<Run> {
  const env = { ...process.env, NO_COLOR: '1', LANG: lang, LC_ALL: '', LC_MESSAGES: '', LKE_NO_RESPAWN: '1' };
  return run(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 60000 });
}

const normalise = (s: string) => s.replaceAll(`"version": "${VERSION}"`, '"version": "<package.json version>"');
const record = (args: string[], r: Run) => `$ lke ${args.join(' ')}\nexit code: ${r.code}\n--- stdout\n${normalise(r.stdout)}--- stderr\n${r.stderr}`;

// name → [args, LANG]
const CASES: Record<string, [string[], string?]> = {
  'single-table': [['score', QUICK]],
  'single-table-id': [['score', QUICK], 'id_ID.UTF-8'],
  'single-table-lang-en': [['score', QUICK, '--lang', 'en'], 'id_ID.UTF-8'],
  'single-detail': [['score', 'fixtures/check/faults/dinas-kesehatan-2024.xlsx', '--rubric', MINI, '--detail']],
  'single-json': [['score', 'fixtures/check/faults/dinas-kesehatan-2024.xlsx', '--rubric', MINI, '--format', 'json']],
  'single-blank-zero-opd-year': [['score', 'fixtures/check/faults/dinas-kesehatan-2024.xlsx', '--rubric', MINI, '--blank', 'zero', '--opd', 'Dinas X', '--year', '2023']],
  'folder-table': [['score', 'fixtures/check/batch/submissions', '--rubric', MINI, '--jobs', '2']],
  'folder-json': [['score', 'fixtures/check/batch/submissions', '--rubric', MINI, '--format', 'json', '--jobs', '2']],
  'folder-table-jobs-1': [['score', 'fixtures/check/batch/submissions', '--rubric', MINI, '--jobs', '1']],
  'glob-mixed-rubrics': [['score', 'fixtures/*.xlsx', '--jobs', '2']],
  'unreadable-file': [['score', 'fixtures/check/batch/submissions/dinas-c-2024.xlsx', '--rubric', MINI]],
  'unreadable-file-json': [['score', 'fixtures/check/batch/submissions/dinas-c-2024.xlsx', '--rubric', MINI, '--format', 'json']],
  'error-missing-file': [['score', 'fixtures/nope.xlsx']],
  'error-glob-without-match': [['score', 'fixtures/check/**/*.xlsm']],
  'error-bad-format': [['score', QUICK, '--format', 'pdf']],
  'error-bad-year': [['score', QUICK, '--year', '24']],
  'error-unknown-flag': [['score', QUICK, '--bogus']],
  'error-unknown-rubric': [['score', QUICK, '--rubric', 'rb-1999']],
  'error-bad-max-rows': [['score', QUICK, '--max-rows', '0']],
  'target-bb': [['score', QUICK, '--target', 'BB']],
  'target-number-markdown-id': [['score', QUICK, '--target', '62,5', '--format', 'markdown'], 'id_ID.UTF-8'],
  'target-not-applicable': [['score', QUICK, '--target', 'WBK']],
  'zi-minima': [['score', 'fixtures/lke-zi-2021-sample-opd.xlsx']],
  'error-unknown-target': [['score', QUICK, '--target', 'ZZ']],
  'error-binary-to-stdout': [['score', QUICK, '--format', 'xlsx']],
  'error-out-is-input': [['score', QUICK, '--out', QUICK]],
  'error-out-unknown-extension': [['score', QUICK, '--out', 'laporan.pdf']],
  'error-two-formats-on-stdout': [['score', QUICK, '--format', 'json', '--format', 'csv']],
};

describe('lke score: stdout, stderr and exit code per case (test/snapshots/score/)', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const [args, lang] = CASES[name]!;
    const r = await lke(args, lang);
    await expect(record(args, r)).toMatchFileSnapshot(`snapshots/score/${name}.txt`);
    if (name.startsWith('error-')) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
