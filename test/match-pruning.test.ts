// The matcher skips items that cannot win (src/match/match.ts): the next item scored first, an item skipped when
// its best possible fit cannot beat the best so far or reach the acceptance threshold. It must choose exactly as
// scoring every item of every window does, for the right rubric and for the wrong one (what rubric detection
// runs), on real sheets and on sheets damaged in the ways offices damage them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../src/workbook/read.js';
import { findHeader } from '../src/layout/header.js';
import { readEntries, type Entry } from '../src/layout/entries.js';
import { matchEntries, type MatchResult } from '../src/match/match.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';
import { HAVE_SAMPLES, RB_SAMPLE, ZI_SAMPLE } from './helpers/shared.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const rubrics = await Promise.all(builtinRubricIds().map(loadRubric));

/** What the match decided, row by row. */
function choices(m: MatchResult) {
  const rows = (map: Map<string, Entry>) => [...map].map(([code, e]) => `${code}@${e.row}`).sort();
  return {
    nodes: rows(m.nodes),
    questions: rows(m.questions),
    inputs: rows(m.inputs),
    unmatched: m.unmatched.map((e) => e.row),
    duplicates: m.duplicates.map((d) => `${d.code}@${d.entry.row}<${d.first.row}`),
  };
}

let seed = 0x2545f491;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);

/** The entry list damaged: rows swapped nearby, texts cut or emptied, numbering dropped or changed. */
function damaged(entries: Entry[]): Entry[] {
  const out = entries.map((e) => ({ ...e }));
  for (let k = 0; k < Math.max(3, out.length / 10); k++) {
    const i = Math.floor(rnd() * out.length);
    const e = out[i]!;
    const what = rnd();
    if (what < 0.25 && i + 1 < out.length) [out[i], out[i + 1]] = [out[i + 1]!, e];
    else if (what < 0.45) e.text = e.text.slice(0, Math.floor(e.text.length * rnd()));
    else if (what < 0.6) e.text = '';
    else if (what < 0.75) e.token = undefined;
    else if (what < 0.9) e.token = 'abcdefghij'[Math.floor(rnd() * 10)];
    else e.text = `${e.text} ${out[Math.floor(rnd() * out.length)]!.text}`;
  }
  return out;
}

async function entryLists(): Promise<[string, Entry[]][]> {
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(FIXTURES, f));
  if (HAVE_SAMPLES) files.push(RB_SAMPLE, ZI_SAMPLE);
  const lists: [string, Entry[]][] = [];
  for (const f of files) {
    const header = findHeader((await readWorkbook(f)).sheets);
    if (header) lists.push([f, readEntries(header)]);
  }
  return lists;
}

describe('the pruned match = every item scored', () => {
  it('on every fixture and sample, against every built-in rubric, as read and damaged 20 ways each', async () => {
    const lists = await entryLists();
    expect(lists.length).toBeGreaterThan(4);
    let compared = 0;
    let accepted = 0;
    for (const [file, entries] of lists) {
      for (let n = 0; n <= 20; n++) {
        const list = n === 0 ? entries : damaged(entries);
        for (const r of rubrics) {
          const pruned = choices(matchEntries(r, list));
          expect(pruned, `${file} #${n} ${r.id}`).toEqual(choices(matchEntries(r, list, { exhaustive: true })));
          compared++;
          accepted += pruned.questions.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(accepted).toBeGreaterThan(10_000);
  });
});
