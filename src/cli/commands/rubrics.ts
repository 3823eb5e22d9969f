// `lke rubrics`: the built-in rubrics.
import type { Command } from 'commander';

export function registerRubrics(program: Command): void {
  program
    .command('rubrics')
    .description('list the built-in rubrics')
    .action(async () => {
      const [{ listRubrics }, { presenterFor }] = await Promise.all([import('../../app/rubrics.js'), import('../../present/registry.js')]);
      const render = await presenterFor('list', 'rubric-list');
      process.stdout.write(await render(await listRubrics(), { color: false }));
    });
}
