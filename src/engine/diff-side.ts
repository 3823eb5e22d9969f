// A scored file (or one of its assessment blocks) as the diff reads it: plain data, nothing of the workbook kept.
import { detachedText } from '../workbook/grid.js';
import { colLetters } from '../findings/position.js';
import type { DiffSide, SideAnswer } from '../diff/side.js';
import { toNumber } from '../score/exact.js';
import type { FileResult } from './score-file.js';

/** The side of a scored result; `block` is the 0-based block it was scored from, when one was chosen. */
export function toDiffSide(r: FileResult, block?: number): DiffSide {
  const { rubric, scored, meta, header } = r;
  if (r.status !== 'scored' || !rubric || !scored || !meta) throw new Error(`${r.file}: not scored`);
  // a table of values (a rubric of lines) has no LKE header and no blocks
  const b = block !== undefined ? header?.blocks[block] : undefined;
  const answers: SideAnswer[] = [];
  for (const node of rubric.nodes.values()) {
    if (node.questions.length === 0) continue;
    // the indicator's mean counts the scored questions, and under --blank zero the blanks too; a rubric of lines
    // gives each line its own points
    const counted = node.questions.filter((q) => scored.questions.get(q.code)!.score !== undefined || scored.blankPolicy === 'zero').length;
    const points = (code: string, score: number) => {
      const line = scored.lines?.get(code);
      if (line) return line.excluded ? null : toNumber(line.points);
      return counted === 0 ? null : (score * node.bobot) / counted;
    };
    for (const q of node.questions) {
      const res = scored.questions.get(q.code)!;
      const qa = r.answers?.questions.get(q.code);
      const where = qa?.answer?.where ?? qa?.where;
      const written = qa?.answer && res.status === 'invalid' ? (qa.answer.error ?? String(qa.answer.value ?? '')) : null;
      answers.push({
        question: q.code,
        indicator: node.code,
        text: q.text,
        present: qa !== undefined,
        status: res.status,
        answer: res.answer ?? null,
        written: written === null ? null : detachedText(written),
        score: res.score ?? null,
        nilai: res.score === undefined ? null : points(q.code, res.score),
        at: where?.row !== undefined && where.col !== undefined ? { sheet: where.sheet ?? null, row: where.row, col: where.col } : null,
        note: qa?.remark && qa.remark.value !== null && String(qa.remark.value).trim() ? detachedText(String(qa.remark.value).trim()) : null,
      });
    }
  }
  const order = new Map([...rubric.questions.keys()].map((c, i) => [c, i]));
  answers.sort((x, y) => order.get(x.question)! - order.get(y.question)!);
  const source = meta.sources.opd;
  return {
    file: r.file,
    block: b ? { number: block! + 1, title: b.title ? detachedText(b.title.text) : null, column: colLetters(b.columns.jawaban) } : null,
    opd: meta.opd ?? null,
    opdSource: source === '--opd' ? 'option' : source === 'file name' ? 'file name' : 'sheet',
    year: meta.year ?? null,
    rubric: { id: rubric.id, title: rubric.title },
    blankPolicy: scored.blankPolicy,
    index: scored.index,
    predikat: scored.predikat ? { code: scored.predikat.code, label: scored.predikat.label ?? null } : null,
    nodes: scored.nodes.map((n) => ({ code: n.code, level: n.level, depth: n.node.depth, parent: n.node.parent?.code ?? null, name: n.name, bobot: n.bobot, nilai: n.nilai, percent: n.percent })),
    answers,
  };
}
