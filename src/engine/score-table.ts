// One table of values (a rubric of lines: the Indeks RB from 2023) through the pipe: table → lines → score →
// checks (the table's bobot against the rubric's, the published points against the rule). The one entry from
// score-file.ts; kept apart so it moves as one piece.
import type { Workbook } from '../workbook/grid.js';
import { readValueRows, type ValueTable } from '../layout/value-table.js';
import { workbookStamp, type RubricChoice } from './detect-rubric.js';
import { readMetadata } from '../layout/metadata.js';
import { collectLines, detectLineRubric, matchLines } from '../match/lines.js';
import { score } from '../score/score.js';
import { runChecks } from '../checks/list.js';
import type { FileResult, ScoreOptions } from './score-file.js';
import { sortFindings, withOverrides } from './score-file.js';
import { rubricOf } from '../rubric/candidate.js';

export function scoreValueTable(wb: Workbook, table: ValueTable, opts: ScoreOptions): FileResult {
  const file = wb.file;
  const rows = readValueRows(table);
  const meta = withOverrides(readMetadata(table.sheet, table.row, file), opts);
  const sheetName = table.sheet.name;
  let rubric = opts.rubric;
  if (rubric && rubric.form !== 'lines') {
    return { file, status: 'error', meta, sheetName, findings: [], error: { code: 'rubric-unknown', found: '', table: { by: 'questionnaire', ids: [], given: rubric.id } } };
  }
  const stamp = workbookStamp(wb);
  let rubricChoice: RubricChoice | undefined;
  if (!rubric) {
    const candidates = opts.candidates.filter((c) => c.form === 'lines');
    // a table lke template wrote names its rubric (the group) in its stamp (then only that one is compiled); else
    // the names tell it
    const stamped = stamp && candidates.find((c) => c.id === stamp.id);
    if (stamped) {
      rubric = rubricOf(stamped);
      rubricChoice = { rubric, how: 'stamp', reason: `stamped ${stamped.id}`, coverage: {} };
    } else {
      const choice = detectLineRubric(rows, candidates.map(rubricOf));
      if (!choice.rubric) return { file, status: 'error', meta, sheetName, findings: [], error: { code: choice.code ?? 'rubric-ambiguous', found: choice.found, table: choice.table } };
      rubric = choice.rubric;
    }
  }
  const { answers, findings: structural } = collectLines(rubric, table, matchLines(rubric, rows, { approximate: true }), wb.formats);
  const scored = score(rubric, answers, { blankPolicy: opts.blankPolicy });
  // a table has no evidence column: the evidence check finds nothing to look at
  const checks = runChecks({ rubric, answers, scored, sheet: sheetName, year: meta.year, yearAt: meta.yearAt, yearSource: meta.sources.year, exists: () => false, stamp });
  const findings = sortFindings([...structural, ...scored.findings, ...checks]);
  return { file, status: 'scored', rubric, rubricChoice, meta, sheetName, scored, answers, findings };
}
