// `lke check FILE…`: validate worksheets for CI. Scores each file (scoreFiles), adds the submission checks
// (evidence references, rubric version for the year), applies the config's severity overrides and baseline,
// decides the exit code from the thresholds, and writes each requested format (stdout or --out, atomically).
// checkFiles is a plain function the tests call; runCheck prints and writes.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { scoreFiles } from './score.js';
import { expandInputs } from '../inputs.js';
import { EXIT, ExitError } from '../exit.js';
import { useColor } from '../color.js';
import { langFromEnv, type Lang } from '../../words/lang.js';
import { buildReport } from '../../report/model.js';
import { presenter } from '../../report/registry.js';
import type { CheckFormat } from '../../report/formats.js';
import type { CheckedReport, CheckSummary } from '../../report/ci.js';
import { builtinPath } from '../../rubric/builtin.js';
import type { BlankPolicy } from '../../score/types.js';
import { ConfigError, findConfig, loadConfig, type LoadedConfig } from '../../config/load.js';
import { applyPolicy, evaluateGate, isBelow, parseThreshold, type GateFile, type Threshold } from '../../config/policy.js';
import type { FailOn } from '../../config/schema.js';

export interface CheckOutput {
  format: CheckFormat;
  /** A file to write; stdout when absent. */
  out?: string | undefined;
}

export interface CheckOptions {
  /** A config file; false: read none (--no-config); undefined: lke.config.yaml in the working directory if any. */
  config?: string | false | undefined;
  rubric?: string | undefined;
  blank?: BlankPolicy | undefined;
  failOn?: FailOn | undefined;
  maxWarnings?: number | undefined;
  failUnder?: string | undefined;
  lang?: Lang | undefined;
  outputs?: CheckOutput[] | undefined;
  version: string;
}

export interface CheckRun {
  report: CheckedReport;
  exitCode: number;
  /** Messages for stderr (files that could not be read). */
  diagnostics: string[];
}

interface Settings {
  rubric?: string | undefined;
  blank: BlankPolicy;
  failOn: FailOn;
  maxWarnings?: number | undefined;
  failUnder?: Threshold | undefined;
  config?: LoadedConfig | undefined;
}

function settingsFrom(opts: CheckOptions, cwd: string): Settings {
  let config: LoadedConfig | undefined;
  if (opts.config !== false) {
    const path = opts.config ?? findConfig(cwd);
    try {
      if (path) config = loadConfig(resolve(cwd, path), opts.config ?? relative(cwd, path));
    } catch (e) {
      if (e instanceof ConfigError) throw new ExitError(e.message);
      throw e;
    }
  }
  const c = config?.config ?? {};
  // a rubric path in the config is relative to the config file, a built-in id is an id
  const rubric = opts.rubric ?? (c.rubric && !builtinPath(c.rubric) ? resolve(config!.dir, c.rubric) : c.rubric);
  const failUnder = opts.failUnder ?? c.failUnder;
  return {
    rubric,
    blank: opts.blank ?? c.blank ?? 'skip',
    failOn: opts.failOn ?? c.failOn ?? 'error',
    maxWarnings: opts.maxWarnings ?? c.maxWarnings,
    failUnder: failUnder === undefined ? undefined : parseThreshold(failUnder),
    config,
  };
}

export async function checkFiles(args: string[], opts: CheckOptions): Promise<CheckRun> {
  const cwd = process.cwd();
  const s = settingsFrom(opts, cwd);
  const lang = opts.lang ?? langFromEnv();
  const { files, missing } = expandInputs(args, cwd);
  if (missing.length > 0) throw new ExitError(`${missing.length === 1 ? 'no such file or no match' : 'no such files or no matches'}: ${missing.join(', ')}`);
  if (files.length === 0) throw new ExitError(`no .xlsx worksheet found in ${args.join(', ')}`);

  const scored = await scoreFiles(files, { rubric: s.rubric, blank: s.blank, lang, version: opts.version });
  const policy = { severity: s.config?.config.severity ?? {}, accepted: s.config?.config.accepted ?? [], baseDir: s.config?.dir ?? cwd };
  let accepted = 0;
  const results = scored.results.map((r) => {
    const applied = applyPolicy(r.file, r.findings, policy, cwd);
    accepted += applied.accepted.length;
    return { ...r, findings: applied.kept };
  });
  const report: CheckedReport = buildReport(results, { blankPolicy: s.blank, lang, version: opts.version });

  const gateFiles: GateFile[] = report.files.map((f, i) => {
    const r = results[i]!;
    let below: boolean | undefined;
    if (s.failUnder && f.status === 'scored' && f.index !== null && r.rubric) {
      below = isBelow(s.failUnder, f.index, f.predikat?.code, r.rubric.predikat.bands);
      if (below === undefined) {
        const bands = r.rubric.predikat.bands.map((b) => b.code).join(', ');
        throw new ExitError(`--fail-under ${s.failUnder.text}: the rubric ${r.rubric.id} of ${f.file} has no predikat ${s.failUnder.text} (its predikat: ${bands})`);
      }
    }
    return { file: f.file, failed: f.status === 'error', errors: f.counts.error, warnings: f.counts.warning, below };
  });
  const gate = evaluateGate(gateFiles, { failOn: s.failOn, maxWarnings: s.maxWarnings, failUnder: s.failUnder });
  // One file that cannot be read is lke unable to do its job (2); among several it is one bad submission (1).
  const exitCode = files.length === 1 && gateFiles[0]!.failed ? EXIT.usage : gate.reasons.length > 0 ? EXIT.findings : EXIT.ok;
  const check: CheckSummary = {
    failOn: s.failOn,
    maxWarnings: s.maxWarnings ?? null,
    failUnder: s.failUnder?.text ?? null,
    accepted,
    passed: exitCode === EXIT.ok,
    exitCode,
    reasons: gate.reasons,
    below: gate.below,
  };
  report.check = check;
  const diagnostics = report.files.filter((f) => f.error).map((f) => f.error!.message);
  return { report, exitCode, diagnostics };
}

/** Formats to stdout and to files: at most one to stdout; when every format has a file, the text goes to stdout. */
export function planOutputs(outputs: CheckOutput[] | undefined, inputs: string[]): CheckOutput[] {
  const list = outputs && outputs.length > 0 ? outputs : [{ format: 'text' as const }];
  const toStdout = list.filter((o) => !o.out);
  if (toStdout.length > 1) throw new ExitError(`only one format can go to stdout (${toStdout.map((o) => o.format).join(', ')}); give the others an --out file`);
  const seen = new Set<string>();
  const ins = new Set(inputs.map((i) => resolve(i)));
  for (const o of list) {
    if (!o.out) continue;
    const p = resolve(o.out);
    if (seen.has(p)) throw new ExitError(`--out ${o.out} is given twice`);
    if (ins.has(p)) throw new ExitError(`--out ${o.out} is one of the worksheets; lke never overwrites its input`);
    seen.add(p);
  }
  return toStdout.length === 0 ? [{ format: 'text' }, ...list] : list;
}

/** Write next to the target, then rename: a reader never sees half a report, and a failed run leaves the old one. */
export function writeAtomic(path: string, text: string): void {
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ExitError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function runCheck(args: string[], opts: CheckOptions): Promise<number> {
  const { files } = expandInputs(args);
  const outputs = planOutputs(opts.outputs, files);
  const run = await checkFiles(args, opts);
  for (const d of run.diagnostics) process.stderr.write(`lke: ${d}\n`);
  for (const o of outputs) {
    const render = (await presenter(o.format))!;
    const text = render(run.report, { color: !o.out && useColor(process.stdout) });
    if (o.out) writeAtomic(o.out, text);
    else process.stdout.write(text);
  }
  return run.exitCode;
}
