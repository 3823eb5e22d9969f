// `lke check`: worksheets → the check document: the score report of each worksheet after the config's severity
// overrides and baseline, and the gate's one verdict and exit code. Scored by the same engine as `lke score`
// (the worker pool), keeping per file only what the chosen formats read. A plain function: no process, no stdout.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkSummary, type CheckedReport, type FailOn } from '../document/check-report.js';
import { assembleReport, type Keep, type ReportFile } from '../document/score-report.js';
import { builtinPath } from '../engine/rubrics.js';
import { expandInputs } from '../engine/inputs.js';
import type { Rubric } from '../rubric/model.js';
import type { BlankPolicy, OffScalePolicy } from '../score/types.js';
import { langFromEnv, type Lang } from '../words/lang.js';
import { USAGE_WORDS } from '../words/usage.js';
import { ConfigError, findConfig, loadConfig, type LoadedConfig } from '../config/load.js';
import { applyPolicy, isBelow, isValidThreshold, parseThresholds, staleEntries, targetOf, thresholdFor, type CheckedFile, type FindingPolicy, type Thresholds } from '../config/policy.js';
import { withDuplicateOpds } from '../engine/file-document.js';
import { ExitError } from './errors.js';
import { checkInputs } from './inputs.js';
import { startRun, type RunOptions } from './options.js';
import { rubricsById } from '../rubric/candidate.js';

export interface CheckOptions extends RunOptions {
  /** A config file; false: read none (--no-config); undefined: lke.config.yaml in `cwd` if any. */
  config?: string | false | undefined;
  failOn?: FailOn | undefined;
  maxWarnings?: number | undefined;
  failUnder?: string | undefined;
  /** How much of each file the chosen formats read (the run keeps no more). */
  keep?: Exclude<Keep, 'summary'> | undefined;
  /** The working directory: where the config is looked for, what relative paths are relative to. */
  cwd: string;
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
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
  offScale?: OffScalePolicy | undefined;
  failOn: FailOn;
  maxWarnings?: number | undefined;
  failUnder?: Thresholds | undefined;
  config?: LoadedConfig | undefined;
}

function settingsFrom(opts: CheckOptions, lang: Lang): Settings {
  const cwd = opts.cwd;
  let config: LoadedConfig | undefined;
  if (opts.config !== false) {
    const path = opts.config ?? findConfig(cwd);
    try {
      if (path) config = loadConfig(resolve(cwd, path), opts.config ?? relative(cwd, path));
    } catch (e) {
      if (e instanceof ConfigError) throw new ExitError(e.say?.(lang) ?? e.message);
      throw e;
    }
  }
  const c = config?.config ?? {};
  // a rubric path in the config is relative to the config file, a built-in id is an id
  const rubric = opts.rubric ?? (c.rubric && !builtinPath(c.rubric) ? resolve(config!.dir, c.rubric) : c.rubric);
  const failUnder = opts.failUnder ?? c.failUnder;
  const threshold = failUnder === undefined ? undefined : parseThresholds(failUnder);
  for (const t of threshold ? [...(threshold.all ? [threshold.all] : []), ...threshold.byRubric.values()] : []) {
    if (!isValidThreshold(t)) throw new ExitError(USAGE_WORDS[lang].failUnder(t.text));
  }
  return {
    rubric,
    blank: opts.blank ?? c.blank ?? 'skip',
    offScale: opts.offScale ?? c.offScale,
    failOn: opts.failOn ?? c.failOn ?? 'error',
    maxWarnings: opts.maxWarnings ?? c.maxWarnings,
    failUnder: threshold,
    config,
  };
}

/** `inputs` as the user named them: files, folders, globs. */
export async function check(inputs: string[], opts: CheckOptions): Promise<CheckRun> {
  const lang = opts.lang ?? langFromEnv();
  const s = settingsFrom(opts, lang);
  const diagnostics: string[] = [];
  // a CI log matcher reads lke check's lines: the severity word stays "warning" (docs/ci.md)
  const files = checkInputs(inputs, opts.cwd, lang, (text) => diagnostics.push(`warning: ${text}`));
  const { engine, rubrics } = await startRun(files, { ...opts, rubric: s.rubric, blank: s.blank, offScale: s.offScale, lang, keep: opts.keep ?? 'all' });
  const byId = rubricsById(rubrics.candidates);
  const policy: FindingPolicy = { severity: s.config?.config.severity ?? {}, accepted: s.config?.config.accepted ?? [], baseDir: s.config?.dir ?? opts.cwd };
  let accepted = 0;
  const hits = new Set<number>();
  const below: string[] = [];
  const afterPolicy = (f: ReportFile): ReportFile => {
    if (f.status !== 'scored') return f;
    const applied = applyPolicy(f.file, f.findings, policy, opts.cwd);
    accepted += applied.accepted.length;
    for (const i of applied.hits) hits.add(i);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const x of applied.kept) counts[x.severity]++;
    return { ...f, findings: applied.kept, counts };
  };
  const docs = withDuplicateOpds(await engine.run(files, { rubrics, onProgress: opts.onProgress }), lang).map(afterPolicy);
  if (s.config) diagnostics.push(...staleLines(s.config, policy, docs, hits, byId, opts.cwd, lang));

  // a threshold applies to the worksheets whose rubric has it; a rubric with none is said once, not an error
  const failUnderBy: Record<string, string> = {};
  const notApplied = new Map<string, number>();
  for (const f of docs) {
    const rubric = f.rubric ? byId.get(f.rubric.id) : undefined;
    if (!s.failUnder || f.status !== 'scored' || f.index === null || !rubric) continue;
    const targets = rubric.targets.map((x) => x.code);
    const t = thresholdFor(s.failUnder, rubric.id, rubric.predikat.bands, targets);
    if (!t) {
      notApplied.set(rubric.id, (notApplied.get(rubric.id) ?? 0) + 1);
      continue;
    }
    // a target of minima (ZI: WBK) is missed when any of its minima is; a band or a number is read off the index
    const target = targetOf(t, rubric.predikat.bands, targets);
    const under = target ? f.targets?.[target] === false : isBelow(t, f.index, f.predikat?.code, rubric.predikat.bands);
    if (under === undefined) {
      throw new ExitError(USAGE_WORDS[lang].noPredikat(t.text, rubric.id, f.file, rubric.predikat.bands.map((b) => b.code)));
    }
    failUnderBy[rubric.id] = t.text;
    if (under) below.push(f.file);
  }
  // a predikat no rubric of the run has is a mistake in the gate (a typo, the wrong instrument), not a pass
  if (s.failUnder?.all?.kind === 'predikat' && notApplied.size > 0 && Object.keys(failUnderBy).length === 0) {
    const f = docs.find((d) => d.rubric && notApplied.has(d.rubric.id))!;
    const rubric = byId.get(f.rubric!.id)!;
    throw new ExitError(USAGE_WORDS[lang].noPredikat(s.failUnder.text, rubric.id, f.file, rubric.predikat.bands.map((b) => b.code)));
  }
  const failUnderNotApplied = [...notApplied].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([rubric, files]) => ({ rubric, files }));
  const head = { blankPolicy: s.blank, lang, version: opts.version };
  const check = checkSummary(docs, below, { failOn: s.failOn, maxWarnings: s.maxWarnings, failUnder: s.failUnder?.text, failUnderBy, failUnderNotApplied, accepted });
  const report: CheckedReport = { ...assembleReport(docs, byId, head), check };
  diagnostics.push(...docs.filter((f) => f.error).map((f) => f.error!.message));
  return { report, exitCode: check.exitCode, diagnostics };
}

/** The baseline's entries that accepted nothing in this run (or are written amiss), one warning each at its line in the config. */
function staleLines(config: LoadedConfig, policy: FindingPolicy, docs: ReportFile[], hits: Set<number>, byId: Map<string, Rubric>, cwd: string, lang: Lang): string[] {
  const w = USAGE_WORDS[lang];
  const files: CheckedFile[] = docs.map((f) => ({
    file: f.file,
    sheet: f.sheet,
    rubric: f.rubric?.id ?? null,
    hasQuestion: (q) => byId.get(f.rubric?.id ?? '')?.questions.has(q) ?? false,
  }));
  // a path that exists, or a glob that matches something, names worksheets that this run may simply not have checked
  const exists = (file: string) => (/[*?{[]/.test(file) ? expandInputs([file], config.dir).files.length > 0 : existsSync(resolve(config.dir, file)));
  return staleEntries(policy, files, hits, cwd, exists).map(({ index, reason, accepted }) => {
    const a = policy.accepted[index]!;
    const why =
      reason.kind === 'no-file'
        ? w.staleNoFile
        : reason.kind === 'no-question'
          ? w.staleNoQuestion(a.question!, reason.rubrics)
          : reason.kind === 'no-sheet'
            ? w.staleNoSheet(reason.sheets, reason.expected)
            : reason.kind === 'cell-form'
              ? w.staleCellForm(reason.expected)
              : w.staleNoFinding;
    const entry = [a.code, a.file, a.question, a.cell].filter(Boolean).join(', ');
    // the config's place first, as compilers write it, so an editor or a CI matcher can jump to the line
    return `${config.acceptedAt[index]}: warning: ${accepted ? w.malformed(entry, why) : w.stale(entry, why)}`;
  });
}
