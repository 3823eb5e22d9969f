// The pure parts of `lke check`: evidence references, the rubric year, the config file, severity overrides and
// the baseline, the thresholds, and the escaping of the CI formats. Assertions are on codes, not prose.
import { describe, expect, it, onTestFinished } from 'vitest';
import { classifyBukti, checkEvidence, checkRubricYear, FAST_PATHS } from '../src/checks/submission.js';
import { finding, FINDING_CODES, SEVERITY, type Finding } from '../src/findings/codes.js';
import { a1Of, parseA1 } from '../src/findings/position.js';
import { findingHelp, renderMessage } from '../src/words/findings.js';
import { parseConfigText, ConfigError } from '../src/config/load.js';
import { applyPolicy, isBelow, parseThreshold } from '../src/config/policy.js';
import { cellRef } from '../src/findings/position.js';
import { checkSummary, failingSeverities, fileFails } from '../src/document/check-report.js';
import { failedFile, type ReportFile } from '../src/document/score-report.js';
import { xmlEscape } from '../src/present/ci/junit.js';
import { artifactUri } from '../src/present/ci/sarif.js';
import { planOutputs } from '../src/cli/output.js';
import { ExitError } from '../src/app/errors.js';
import type { AnswerSheet } from '../src/score/types.js';
import { mini } from './helpers/mini-rubric.js';

describe('evidence references', () => {
  it.each([
    ['https://drive.google.com/file/d/abc', undefined, 'url'],
    ['http://ppid.kaltengprov.go.id/sk.pdf', undefined, 'url'],
    ['mailto:zi@example.go.id', undefined, 'url'],
    ['www.dinas.example.go.id/sop', undefined, 'bad-link'],
    ['drive.google.com/file/d/abc', undefined, 'bad-link'],
    ['bit.ly/3xYz', undefined, 'bad-link'],
    ['http//drive.example.go.id/x', undefined, 'bad-link'],
    ['https:/drive.example.go.id/x', undefined, 'bad-link'],
    ['htps://drive.example.go.id/x', undefined, 'bad-link'],
    ['https:drive.example.go.id/x', undefined, 'bad-link'],
    ['Http: lihat lampiran', undefined, 'text'],
    ['SK', 'https://drive example.go.id/x', 'bad-link'],
    ['SK Tim ZI: https://drive.google.com/file/d/abc', undefined, 'url'],
    ['bukti/sk-tim.pdf', undefined, 'relative-path'],
    ['SK Tim RB.pdf', undefined, 'relative-path'],
    ['./eviden/A.I.1.a/', undefined, 'relative-path'],
    ['..\\bukti\\notulen.docx', undefined, 'relative-path'],
    ['C:\\Users\\opd\\bukti.pdf', undefined, 'absolute-path'],
    ['/home/opd/bukti.pdf', undefined, 'absolute-path'],
    ['\\\\server\\share\\bukti.pdf', undefined, 'absolute-path'],
    ['Terlampir', undefined, 'text'],
    ['SK Nomor 12/2021 tentang Tim ZI', undefined, 'text'],
    ['Dokumen: sk.pdf', undefined, 'text'],
    ['SK Tim', 'bukti/sk%20tim.pdf', 'relative-path'],
    ['SK Tim', 'https://example.go.id/sk', 'url'],
    ['Lihat lembar Rekap', '#Rekap!A1', 'internal'],
    ['SK', 'file:///C:/bukti/sk.pdf', 'absolute-path'],
  ])('%s (link %s) is %s', (text, link, kind) => {
    expect(classifyBukti({ text, link }).map((c) => c.kind)).toEqual([kind]);
  });

  it('a cell listing several links is checked link by link', () => {
    const cs = classifyBukti({ text: '1. https://drive.google.com/a\n2. www.dinas.go.id/b,\n3. (http//x.go.id/c)' });
    expect(cs.map((c) => `${c.kind} ${c.value}`)).toEqual(['url https://drive.google.com/a', 'bad-link www.dinas.go.id/b', 'bad-link http//x.go.id/c']);
  });

  it('decodes a hyperlink target before looking the file up', () => {
    expect(classifyBukti({ text: 'SK', link: 'bukti/sk%20tim.pdf' })[0]!.value).toBe('bukti/sk tim.pdf');
  });

  // The classifier skips the URL parser for plain http(s) links and the word split for text with no link in it;
  // both shortcuts must agree with what they skip, on odd strings as much as on ordinary ones.
  const oddStrings = (() => {
    const parts = ['http', 'https', 'ftp', 'HTTP', 'mailto', 'www', '://', ':/', ':', ';', '/', '//', '.', '..', '-', 'xn--', 'xn--a', 'go.id',
      'a', 'Z9', '0', '12', '999', '0x1f', ':80', ':99999', '?', '#', '%20', ' ', '\t', '(', '"', "'", '[', '<', ',', 'é', '_', '@', '\\', 'h', 'tt', 'p', 's'];
    let x = 0x2545f491;
    const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const out: string[] = ['https://drive.example.go.id/zi/A.I.1.i.a', 'http://1.2.3.999/x', 'http://example.123/', 'http://xn--a.com/', 'https://a..b/', 'http://-a-.id'];
    const hostParts = ['a', 'Z9', '0', '12', '0x1f', 'xn--', 'go', 'id', '.', '.', '-', ':80', ':8080', ':0', '_'];
    const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)]!;
    for (let n = 0; n < 6000; n++) {
      let s = rnd() < 0.5 ? pick(['http://', 'https://', 'ftp://', 'www.', '(http//', '']) : '';
      // half look like a link's host, then anything
      if (rnd() < 0.5) for (let k = 1 + Math.floor(rnd() * 5); k > 0; k--) s += pick(hostParts);
      for (let k = Math.floor(rnd() * 8); k > 0; k--) s += pick(parts);
      out.push(s);
    }
    for (let n = 0; n < 3000; n++) {
      let s = `${pick(['http', 'https', 'ftp', 'ftps', 'HTTPS'])}://`;
      for (let k = 1 + Math.floor(rnd() * 4); k > 0; k--) s += (k > 1 || rnd() < 0.1 ? '.' : '') + pick(['a', 'Z9', 'go', 'id', '0', '12', '0x1f', 'xn--a', 'a-b', '-a', 'é', '']);
      if (rnd() < 0.3) s += `:${pick(['80', '8080', '0', '65535', '99999', ''])}`;
      for (let k = Math.floor(rnd() * 6); k > 0; k--) s += pick(['/', '?', '#', 'a', '%20', '%zz', 'é', '..', '\\', '@', ':', '[', ']']);
      out.push(s);
    }
    return out;
  })();

  it('a link taken as a URL without the parser is one the parser takes, with a host', () => {
    let fast = 0;
    for (const s of oddStrings) {
      if (!FAST_PATHS.PLAIN_URL.test(s)) continue;
      fast++;
      expect(() => new URL(s), s).not.toThrow();
      expect(new URL(s).hostname, s).not.toBe('');
    }
    expect(fast).toBeGreaterThan(150);
  });

  it('a text skipped as holding no link has no word that is one', () => {
    let skipped = 0;
    for (const s of oddStrings) {
      const text = s.trim();
      if (FAST_PATHS.MAY_HOLD_LINK.test(text)) continue;
      skipped++;
      const words = text.split(/\s+/).map((w) => w.replace(/^[(<"'\[]+|[)>"'\],;.]+$/g, ''));
      expect(words.filter((w) => FAST_PATHS.LINKISH.test(w)), s).toEqual([]);
    }
    expect(skipped).toBeGreaterThan(1000);
  });

  it('checks each evidence cell of each question, at that cell', () => {
    const sheet: AnswerSheet = {
      hasBukti: true,
      nodes: new Map(),
      questions: new Map([
        ['A.I.1.a', { where: { sheet: 'LKE', row: 9, col: 11 }, inputs: new Map(), buktiRefs: [{ text: 'bukti/ada.pdf', where: { sheet: 'LKE', row: 9, col: 13 } }, { text: 'bukti/hilang.pdf', where: { sheet: 'LKE', row: 9, col: 14 } }] }],
        ['A.I.1.b', { where: { sheet: 'LKE', row: 10, col: 11 }, inputs: new Map(), buktiRefs: [{ text: 'www.x.go.id', where: { sheet: 'LKE', row: 10, col: 13 } }] }],
        ['A.I.1.c', { where: { sheet: 'LKE', row: 11, col: 11 }, inputs: new Map(), buktiRefs: [{ text: 'Terlampir', where: { sheet: 'LKE', row: 11, col: 13 } }] }],
      ]),
    };
    const fs = checkEvidence(sheet, { exists: (p) => p === 'bukti/ada.pdf' });
    expect(fs.map((f) => `${f.code} ${a1Of(f)} ${f.question}`)).toEqual(['bukti-path-missing N9 A.I.1.a', 'bukti-link-invalid M10 A.I.1.b']);
    expect(fs[1]!.code === 'bukti-link-invalid' && fs[1]!.args.hint).toBe('scheme');
  });
});

describe('rubric version for the year', () => {
  const rubric = { ...mini(), years: [2021, 2024] as [number, number] };
  it('a year inside the rubric years is fine; outside it is a finding at the Tahun cell', () => {
    const F3 = { sheet: 'LKE', row: 3, col: 6 };
    expect(checkRubricYear(rubric, 2021, F3, undefined, 'LKE')).toEqual([]);
    expect(checkRubricYear(rubric, 2024, F3, undefined, 'LKE')).toEqual([]);
    const [f] = checkRubricYear(rubric, 2025, F3, undefined, 'LKE');
    expect(f).toMatchObject({ code: 'rubric-year-mismatch', severity: 'warning', ...F3 });
    expect(f!.args).toMatchObject({ rubric: 'mini', from: 2021, to: 2024, year: 2025, source: 'cell' });
  });
  it('a year from the file name has no cell', () => {
    const [f] = checkRubricYear(rubric, 2019, undefined, 'file name', 'LKE');
    expect(f).toMatchObject({ sheet: 'LKE', row: undefined, col: undefined });
    expect(f!.code === 'rubric-year-mismatch' && f!.args.source).toBe('file name');
  });
  it('no finding without rubric years or without a year', () => {
    expect(checkRubricYear(mini(), 1999, { sheet: 'LKE', row: 3, col: 6 }, undefined, 'LKE')).toEqual([]);
    expect(checkRubricYear(rubric, undefined, undefined, undefined, 'LKE')).toEqual([]);
  });
});

describe('the findings table', () => {
  it('every code has a severity, id/en titles, help and a message in both languages', () => {
    for (const code of FINDING_CODES) {
      expect(['error', 'warning', 'info']).toContain(SEVERITY[code]);
      for (const lang of ['id', 'en'] as const) {
        expect(findingHelp(code, lang).length, `${code} ${lang}`).toBeGreaterThan(20);
        expect(renderMessage({ ...finding(code, { question: 'A.I.1.a' }, {} as never) }, lang).length).toBeGreaterThan(5);
      }
    }
  });
  it('link hints and year sources are worded in the report language', () => {
    const link = finding('bukti-link-invalid', { question: 'A.I.1.a' }, { link: 'www.x', hint: 'scheme' });
    expect(renderMessage(link, 'en')).toContain('https://');
    expect(renderMessage(link, 'id')).toContain('awali');
    const year = finding('rubric-year-mismatch', {}, { rubric: 'rb-2014', from: 2014, to: 2019, year: 2021, source: 'file name' });
    expect(renderMessage(year, 'id')).toContain('nama berkas');
  });
});

describe('lke.config.yaml', () => {
  const ok = `rubric: rb-2014
blank: zero
failOn: warning
maxWarnings: 3
failUnder: B
severity:
  bukti-missing: error
  block-ignored: off
accepted:
  - {code: bukti-missing, file: submissions/dinkes-2024.xlsx, question: A.I.1.a, reason: on paper}
`;
  it('reads every key', () => {
    expect(parseConfigText(ok, 'lke.config.yaml')).toEqual({
      rubric: 'rb-2014',
      blank: 'zero',
      failOn: 'warning',
      maxWarnings: 3,
      failUnder: 'B',
      severity: { 'bukti-missing': 'error', 'block-ignored': 'off' },
      accepted: [{ code: 'bukti-missing', file: 'submissions/dinkes-2024.xlsx', question: 'A.I.1.a', reason: 'on paper' }],
    });
    expect(parseConfigText('', 'empty.yaml')).toEqual({});
  });
  const error = (text: string) => {
    try {
      parseConfigText(text, 'c.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('an unknown key is an error naming the key and its line', () => {
    expect(error('rubric: rb-2014\nfailon: warning\n')).toMatch(/^c\.yaml:2:1: unknown key "failon" .*did you mean "failOn"/);
    expect(error('accepted:\n  - code: bukti-missing\n    file: a.xlsx\n    questoin: A.I\n')).toMatch(/^c\.yaml:4:5: unknown key "questoin"/);
  });
  it('an unknown finding code, a bad severity, a bad value name their place', () => {
    expect(error('severity:\n  bukti-mising: error\n')).toMatch(/^c\.yaml:2:3: severity: unknown finding code "bukti-mising"/);
    expect(error('severity:\n  bukti-missing: fatal\n')).toMatch(/^c\.yaml:2:\d+: severity\.bukti-missing: expected one of error, warning, info, off/);
    expect(error('maxWarnings: -1\n')).toMatch(/^c\.yaml:1:\d+: maxWarnings: /);
    expect(error('failOn: sometimes\n')).toMatch(/^c\.yaml:1:\d+: failOn: /);
    expect(error('accepted:\n  - code: no-such-code\n    file: a.xlsx\n')).toMatch(/^c\.yaml:2:\d+: accepted\.0\.code: /);
  });
  it('broken YAML and a list at the top are errors too', () => {
    expect(error('failOn: [\n')).toMatch(/^c\.yaml:\d+:\d+: invalid YAML/);
    expect(error('- a\n- b\n')).toMatch(/a config file is a mapping/);
  });
});

describe('severity overrides and the baseline', () => {
  const f = (code: Finding['code'], question?: string, cell?: string): Finding => finding(code, { sheet: 'LKE', ...(cell ? parseA1(cell) : {}), question }, {} as never);
  const findings = [f('bukti-missing', 'A.I.1.a', 'K9'), f('bukti-missing', 'A.I.1.b', 'K10'), f('block-ignored', undefined, 'N6'), f('row-unmatched', undefined, 'F20'), f('answer-invalid', 'A.I.2.a', 'K12')];
  const list = (fs: Finding[]) => fs.map((x) => `${x.code} ${x.severity} ${x.question ?? a1Of(x)}`);

  it('raises, lowers and turns off codes', () => {
    const r = applyPolicy('a.xlsx', findings, { severity: { 'bukti-missing': 'error', 'block-ignored': 'off', 'answer-invalid': 'info' }, accepted: [], baseDir: '/w' }, '/w');
    expect(list(r.kept)).toEqual(['bukti-missing error A.I.1.a', 'bukti-missing error A.I.1.b', 'row-unmatched warning F20', 'answer-invalid info A.I.2.a']);
    expect(r.accepted).toEqual([]);
  });
  it('accepts by code + file + question, by cell, or every finding of a code in a file; files relative to the config', () => {
    const accepted = [
      { code: 'bukti-missing' as const, file: 'subs/a.xlsx', question: 'A.I.1.a' },
      { code: 'row-unmatched' as const, file: './subs/*.xlsx', cell: 'LKE!F20' },
      { code: 'block-ignored' as const, file: 'subs/b.xlsx' },
    ];
    const r = applyPolicy('subs/a.xlsx', findings, { severity: {}, accepted, baseDir: '/w/prov' }, '/w/prov');
    expect(list(r.accepted)).toEqual(['bukti-missing warning A.I.1.a', 'row-unmatched warning F20']);
    expect(list(r.kept)).toEqual(['bukti-missing warning A.I.1.b', 'block-ignored info N6', 'answer-invalid error A.I.2.a']);
    // the same file named from another working directory
    expect(applyPolicy('prov/subs/a.xlsx', findings, { severity: {}, accepted, baseDir: '/w/prov' }, '/w').accepted).toHaveLength(2);
    // another file: nothing accepted
    expect(applyPolicy('subs/c.xlsx', findings, { severity: {}, accepted: accepted.slice(0, 1), baseDir: '/w/prov' }, '/w/prov').accepted).toEqual([]);
  });
});

describe('thresholds', () => {
  const bands = [{ code: 'AA' }, { code: 'A' }, { code: 'BB' }, { code: 'B' }, { code: 'CC' }, { code: 'C' }, { code: 'D' }];
  it('parses a number or a predikat', () => {
    expect(parseThreshold('60')).toEqual({ kind: 'index', value: 60, text: '60' });
    expect(parseThreshold('72,5')).toMatchObject({ kind: 'index', value: 72.5 });
    expect(parseThreshold(65)).toMatchObject({ kind: 'index', value: 65 });
    expect(parseThreshold('BB')).toEqual({ kind: 'predikat', code: 'BB', text: 'BB' });
  });
  it('an index is compared as published (2 decimals half-up); a predikat by its rank in the bands', () => {
    expect(isBelow(parseThreshold('60'), 59.994, 'CC', bands)).toBe(true);
    expect(isBelow(parseThreshold('60'), 59.995, 'CC', bands)).toBe(false);
    expect(isBelow(parseThreshold('B'), 55, 'CC', bands)).toBe(true);
    expect(isBelow(parseThreshold('B'), 65, 'B', bands)).toBe(false);
    expect(isBelow(parseThreshold('b'), 75, 'BB', bands)).toBe(false);
    expect(isBelow(parseThreshold('WBK'), 75, 'BB', bands)).toBeUndefined();
  });
  const doc = (file: string, error: number, warning: number): ReportFile => ({ ...failedFile(file, { code: 'x', message: 'x' }), status: 'scored', error: undefined, counts: { error, warning, info: 0 } });
  it('the gate: errors under --fail-on error, warnings under warning, never; max-warnings; fail-under; unreadable files', () => {
    const files = [doc('a', 1, 2), doc('b', 0, 1)];
    expect(checkSummary(files, ['b'], { failOn: 'error', accepted: 0 })).toMatchObject({ reasons: ['errors', 'fail-under'], below: ['b'], exitCode: 1, passed: false });
    expect(checkSummary(files, ['b'], { failOn: 'warning', accepted: 0 }).reasons).toEqual(['errors', 'warnings', 'fail-under']);
    expect(checkSummary(files, ['b'], { failOn: 'never', maxWarnings: 3, accepted: 0 }).reasons).toEqual(['fail-under']);
    expect(checkSummary(files, ['b'], { failOn: 'never', maxWarnings: 2, accepted: 0 }).reasons).toEqual(['max-warnings', 'fail-under']);
    expect(checkSummary(files, [], { failOn: 'never', accepted: 0 })).toMatchObject({ reasons: [], exitCode: 0, passed: true });
    // one file that cannot be read: lke could not do its job; among several: a bad submission
    const bad = failedFile('c', { code: 'corrupt', message: 'c: broken' });
    expect(checkSummary([bad], [], { failOn: 'never', accepted: 0 })).toMatchObject({ reasons: ['unreadable'], exitCode: 2 });
    expect(checkSummary([bad, doc('a', 0, 0)], [], { failOn: 'never', accepted: 0 })).toMatchObject({ reasons: ['unreadable'], exitCode: 1 });
  });
  it('a worksheet fails exactly when the gate says so: under --fail-on never its errors do not fail it', () => {
    const a = doc('a', 1, 2);
    const never = checkSummary([a], [], { failOn: 'never', accepted: 0 });
    expect(fileFails(never, a)).toBe(false);
    expect(fileFails(checkSummary([a], [], { failOn: 'error', accepted: 0 }), a)).toBe(true);
    expect(fileFails(checkSummary([a], ['a'], { failOn: 'never', accepted: 0 }), a)).toBe(true);
    expect(failingSeverities('never')).toEqual([]);
    expect(failingSeverities('warning')).toEqual(['error', 'warning']);
  });
});

describe('the CI formats', () => {
  it('names cells as Excel does', () => {
    expect(cellRef('LKE', 'K12')).toBe('LKE!K12');
    expect(cellRef('LKE ZI', 'E12')).toBe("'LKE ZI'!E12");
    expect(cellRef("Dinas's", 'A1')).toBe("'Dinas''s'!A1");
    expect(cellRef('LKE', null)).toBe('LKE');
    expect(parseA1('K12')).toEqual({ row: 12, col: 11 });
    expect(parseA1('AB3')).toEqual({ row: 3, col: 28 });
    expect(parseA1('12')).toBeUndefined();
    expect(a1Of({ row: 28, col: 703 })).toBe('AAA28');
  });
  it('escapes XML and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape(`a<b>&"c'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
  it('SARIF artifact URIs: relative paths stay relative and are percent-encoded', () => {
    expect(artifactUri('submissions/Dinas Kesehatan 2024.xlsx')).toBe('submissions/Dinas%20Kesehatan%202024.xlsx');
    expect(artifactUri('/srv/lke/a b.xlsx')).toBe('file:///srv/lke/a%20b.xlsx');
  });
  it('plans outputs: the text by default, at most one format on stdout, never over an input', () => {
    // the CLI speaks the language of the environment (or --lang); these messages are asserted in English
    const saved = process.env['LC_ALL'];
    process.env['LC_ALL'] = 'en_US.UTF-8';
    onTestFinished(() => {
      if (saved === undefined) delete process.env['LC_ALL'];
      else process.env['LC_ALL'] = saved;
    });
    const plan = (o: Parameters<typeof planOutputs>[0], inputs: string[]) => planOutputs(o, inputs, 'check-report', { fallback: 'text', stdoutToo: 'text' });
    expect(plan([], [])).toEqual([{ format: 'text' }]);
    expect(plan([{ format: 'sarif', out: 'a.sarif' }], [])).toEqual([{ format: 'text' }, { format: 'sarif', out: 'a.sarif' }]);
    expect(plan([{ format: 'github' }, { format: 'sarif', out: 'a.sarif' }], [])).toHaveLength(2);
    expect(() => plan([{ format: 'json' }, { format: 'sarif' }], [])).toThrow(ExitError);
    expect(() => plan([{ format: 'json', out: 'x' }, { format: 'sarif', out: './x' }], [])).toThrow(/given twice/);
    expect(() => plan([{ format: 'json', out: 'a.xlsx' }], ['a.xlsx'])).toThrow(/never overwrites/);
  });
});
