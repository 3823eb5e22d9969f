// `lke rubric list|show|check|diff|import` and `lke rubrics` (= rubric list): flags → app/rubric → a presenter →
// stdout or --out (atomically). The use-cases and presenters are imported only when a command runs.
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { DocumentKind, Documents, Format } from '../../present/registry.js';
import { formatsFor } from '../../present/registry.js';
import type { Lang } from '../../words/lang.js';
import { langFlag } from '../flags.js';

interface Common {
  format: Format;
  out?: string | undefined;
  lang?: Lang | undefined;
}

const HELP_AFTER = `
Commands:
  list                 the built-in rubrics: id, title, regulation, years, completeness, uncertain facts
  show ID|PATH         the tree with bobot and answer scales (--format text, markdown or json)
  check FILE           every problem of a rubric file with its code and file:line:col; exit 2 when unusable
                       (--format text, json, github or sarif, for a CI gate on a rubric repository)
  diff A B             nodes and questions added, removed, moved, renamed; bobot, scales, formulas and rules
                       changed; exit 1 when they differ
  import WORKBOOK      a rubric derived from an official template or a filled worksheet (-o rubric.yaml);
                       what it cannot derive is a TODO comment in the YAML, listed on stderr

Examples:
  lke rubric show zi-2021 --format markdown > zi-2021.md
  lke rubric check rubrics/pemda-2025.yaml --format sarif --out rubric.sarif
  lke rubric import "LKE RB 2025.xlsx" -o rubrics/rb-2025.yaml && lke rubric diff rb-2014 rubrics/rb-2025.yaml`;

async function emitDoc<K extends DocumentKind>(kind: K, doc: Documents[K], opts: Common): Promise<void> {
  const [{ presenterFor, outputOf }, { emit, useColor }] = await Promise.all([import('../../present/registry.js'), import('../output.js')]);
  const render = await presenterFor(opts.format, kind);
  const out = outputOf(opts.format, await render(doc, { color: !opts.out && useColor(process.stdout) }));
  emit('text' in out ? out.text : out.bytes, opts.out);
}

async function lang(opts: Common): Promise<Lang> {
  const { langFromEnv } = await import('../../words/lang.js');
  return opts.lang ?? langFromEnv();
}

const formatOption = (kind: DocumentKind, fallback: Format) => new Option('-f, --format <format>', 'output format').choices(formatsFor(kind)).default(fallback);

export function registerRubric(program: Command, version: () => string): void {
  const rubric = program.command('rubric').description('the rubric tools: list, show, check, diff and import rubrics').addHelpText('after', HELP_AFTER);
  /** A subcommand with its arguments, --format (the presenters of its document), --out and --lang. */
  const sub = (parent: Command, name: string, description: string, kind: DocumentKind, fallback: Format, args: [string, string][] = []) => {
    const cmd = parent.command(name).description(description);
    for (const [a, d] of args) cmd.argument(a, d);
    return langFlag(cmd.addOption(formatOption(kind, fallback)).option('-o, --out <file>', 'write to this file (atomically) instead of stdout'));
  };
  const rubricArg: [string, string] = ['<rubric>', 'a built-in id (zi-2021, rb-2014) or a YAML file'];

  const list = async (opts: Common) => {
    const { listRubrics } = await import('../../app/rubric.js');
    await emitDoc('rubric-list', await listRubrics(await lang(opts)), opts);
  };
  sub(rubric, 'list', 'list the built-in rubrics', 'rubric-list', 'table').action(list);
  sub(program, 'rubrics', 'list the built-in rubrics (the same as lke rubric list)', 'rubric-list', 'table').action(list);

  sub(rubric, 'show', 'the tree of a rubric with its bobot and answer scales', 'rubric-view', 'text', [rubricArg]).action(async (ref: string, opts: Common) => {
    const { showRubric } = await import('../../app/rubric.js');
    await emitDoc('rubric-view', await showRubric(ref, await lang(opts)), opts);
  });

  sub(rubric, 'check', 'check a rubric file: every problem with its code and file:line:col; exit 2 when it cannot be used', 'rubric-check', 'text', [['<file>', 'a rubric YAML file (or a built-in id)']]).action(
    async (file: string, opts: Common) => {
      const [{ checkRubric }, { rubricCheckExitCode }] = await Promise.all([import('../../app/rubric.js'), import('../../document/rubric-check.js')]);
      const doc = checkRubric(file, { lang: await lang(opts), version: version() });
      await emitDoc('rubric-check', doc, opts);
      process.exitCode = rubricCheckExitCode(doc);
    },
  );

  sub(rubric, 'diff', 'what differs between two rubrics; exit 1 when they differ', 'rubric-diff', 'text', [
    ['<a>', 'a built-in id or a YAML file'],
    ['<b>', 'a built-in id or a YAML file'],
  ]).action(async (a: string, b: string, opts: Common) => {
    const [{ diffRubric }, { rubricDiffExitCode }] = await Promise.all([import('../../app/rubric.js'), import('../../document/rubric-diff.js')]);
    const doc = await diffRubric(a, b, await lang(opts));
    await emitDoc('rubric-diff', doc, opts);
    process.exitCode = rubricDiffExitCode(doc);
  });

  sub(rubric, 'import', 'derive a rubric from an official template or a filled worksheet (.xlsx); -o names the rubric file', 'rubric-import', 'yaml', [['<workbook>', 'the workbook (.xlsx)']])
    .option('--id <id>', 'the rubric id (default: from the --out file name)')
    .action(async (workbook: string, opts: Common & { id?: string }) => {
      const [{ importRubricFrom }, { ExitError }] = await Promise.all([import('../../app/rubric.js'), import('../../app/errors.js')]);
      if (opts.out && resolve(opts.out) === resolve(workbook)) throw new ExitError(`--out ${opts.out}: that is the workbook itself; lke never overwrites its input`);
      const doc = await importRubricFrom(workbook, { id: opts.id, out: opts.out, lang: await lang(opts) });
      await emitDoc('rubric-import', doc, opts);
      for (const t of doc.todos) process.stderr.write(`lke: TODO: ${t.message}\n`);
      // written either way; 1 when lke rubric check would refuse it as written
      process.exitCode = doc.errors > 0 ? 1 : 0;
    });
}
