// Worksheet text reaches reports through messages (answers, question texts): it must never become markup.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/present/ci/markdown.js';
import type { CheckedReport } from '../src/document/check-report.js';

const hostile = '<img src=x onerror=alert(1)> | **bold** `code`';

const report = {
  lang: 'en',
  files: [
    {
      file: 'dinas.xlsx',
      status: 'scored',
      rubric: { id: 'rb-2014', title: 'LKE RB' },
      index: 50,
      predikat: { code: 'C', label: 'Kurang', uncertain: null },
      counts: { error: 1, warning: 0, info: 0 },
      findings: [{ code: 'answer-invalid', severity: 'error', message: `A.I.1.a: answer "${hostile}" is not one of Ya/Tidak`, sheet: 'LKE', row: 12, col: 11, question: 'A.I.1.a' }],
    },
  ],
  summary: { files: 1, scored: 1, failed: 0, index: null, findings: { error: 1, warning: 0, info: 0 } },
} as unknown as CheckedReport;

describe('markdown report', () => {
  it('escapes HTML and table pipes from worksheet text', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\*\\*bold\\*\\* \\`code\\`');
  });
});
