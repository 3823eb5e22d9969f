// A file's JSON (docs/report-format.md) on the real samples: every answer, finding and gap question carries its
// documented fields in the documented order, with the document's values and the A1 cell of its row and column.
import { describe, expect, it } from 'vitest';
import { jsonFile } from '../src/document/json.js';
import { fileDocument } from '../src/engine/file-document.js';
import { loadRubrics } from '../src/engine/job.js';
import { scoreFile } from '../src/engine/score-file.js';
import { a1 } from '../src/findings/position.js';
import { HAVE_SAMPLES, RB_SAMPLE, SKIP_NOTE, ZI_SAMPLE } from './helpers/shared.js';

const cell = (row: number | null, col: number | null) => (row !== null && col !== null ? a1(row, col) : null);

interface Out {
  answers: Record<string, unknown>[];
  findings: Record<string, unknown>[];
  gap: { areas: { unanswered: Record<string, unknown>[]; noEvidence: Record<string, unknown>[] }[] } | null;
}

describe.skipIf(!HAVE_SAMPLES)(`a file's JSON keeps the documented fields and order${SKIP_NOTE}`, () => {
  it.each([ZI_SAMPLE, RB_SAMPLE])('%s', async (path) => {
    const { candidates } = await loadRubrics(undefined);
    const doc = fileDocument(await scoreFile(path, { candidates, blankPolicy: 'skip' }), 'en', {});
    const out = jsonFile(doc) as Out;

    expect(doc.answers.length).toBeGreaterThan(50);
    expect(out.answers).toHaveLength(doc.answers.length);
    doc.answers.forEach((a, i) => {
      const j = out.answers[i]!;
      expect(Object.keys(j)).toEqual(['question', 'status', 'answer', 'score', 'sheet', 'cell', 'written', 'note', 'evidence']);
      expect(j).toEqual({ question: a.question, status: a.status, answer: a.answer, score: a.score, sheet: a.sheet, cell: cell(a.row, a.col), written: a.written, note: a.note, evidence: a.evidence });
    });
    expect(out.answers.some((a) => typeof a['cell'] === 'string')).toBe(true);

    expect(out.findings).toHaveLength(doc.findings.length);
    doc.findings.forEach((x, i) => {
      const j = out.findings[i]!;
      expect(Object.keys(j)).toEqual(['code', 'severity', 'message', 'sheet', 'cell', 'question']);
      expect(j).toEqual({ code: x.code, severity: x.severity, message: x.message, sheet: x.sheet, cell: cell(x.row, x.col), question: x.question });
    });

    const refs = (doc.gap?.areas ?? []).flatMap((a) => [...a.unanswered, ...a.noEvidence]);
    const outRefs = (out.gap?.areas ?? []).flatMap((a) => [...a.unanswered, ...a.noEvidence]);
    expect(outRefs).toHaveLength(refs.length);
    refs.forEach((r, i) => {
      expect(Object.keys(outRefs[i]!)).toEqual(['question', 'sheet', 'cell']);
      expect(outRefs[i]).toEqual({ question: r.question, sheet: r.sheet, cell: cell(r.row, r.col) });
    });
  });

  it('has notes, evidence, findings with a cell and gap questions to check on the samples', async () => {
    const { candidates } = await loadRubrics(undefined);
    const docs = await Promise.all([ZI_SAMPLE, RB_SAMPLE].map(async (p) => fileDocument(await scoreFile(p, { candidates, blankPolicy: 'skip' }), 'en', {})));
    expect(docs.some((d) => d.answers.some((a) => a.note !== null))).toBe(true);
    expect(docs.some((d) => d.answers.some((a) => a.evidence.length > 0))).toBe(true);
    expect(docs.some((d) => d.findings.some((f) => f.row !== null && f.col !== null))).toBe(true);
    expect(docs.some((d) => (d.gap?.areas ?? []).some((a) => a.unanswered.length + a.noEvidence.length > 0))).toBe(true);
  });
});
