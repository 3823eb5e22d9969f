// `lke template --rubric ID|PATH -o blank.xlsx`: a blank worksheet in the official layout for a rubric, written
// atomically. The use-case, the presenter and exceljs are imported only when the command runs.
import type { Command } from 'commander';
import { langFlag, metaFlags } from '../flags.js';

export function registerTemplate(program: Command): void {
  const cmd = program
    .command('template')
    .description('write a blank worksheet for a rubric: the official layout (a table of values for a rubric of lines), dropdowns, live formulas, the rubric stamped in')
    .requiredOption('-r, --rubric <id|path>', 'a built-in id (zi-2021, rb-2014, rb-2023-kabkota, rb-2023-provinsi, rb-2023-kl) or a YAML file')
    .requiredOption('-o, --out <file>', 'the workbook to write (.xlsx)');
  langFlag(metaFlags(cmd)).action(async (opts: { rubric: string; out: string; opd?: string; year?: number; lang?: 'id' | 'en' }) => {
    const [{ template }, { presenterFor }, { writeAtomic }, { langFromEnv }] = await Promise.all([
      import('../../app/template.js'),
      import('../../present/registry.js'),
      import('../output.js'),
      import('../../words/lang.js'),
    ]);
    const doc = await template(opts.rubric, { opd: opts.opd, year: opts.year, lang: opts.lang ?? langFromEnv() });
    const render = await presenterFor('xlsx', 'workbook');
    writeAtomic(opts.out, await render(doc, { color: false }));
  });
}
