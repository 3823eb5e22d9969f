// `lke template`: a blank worksheet for a rubric (built-in id or YAML path) in the official layout, as a workbook
// document the xlsx presenter writes.
import type { WorkbookPlan } from '../document/workbook-plan.js';
import { linesTemplatePlan } from '../template/lines.js';
import { templatePlan } from '../template/plan.js';
import type { Lang } from '../words/lang.js';
import { rubricOrExit } from './options.js';

export async function template(ref: string, opts: { opd?: string | undefined; year?: number | undefined; lang: Lang }): Promise<WorkbookPlan> {
  const rubric = await rubricOrExit(ref);
  // a rubric of lines is filled as a table of values (Kode, Indikator, Skor, Keterangan), not as a questionnaire
  return rubric.form === 'lines' ? linesTemplatePlan(rubric, opts).plan : templatePlan(rubric, opts).plan;
}
