// Built-in rubrics as detection candidates, compiled only when detection needs them (src/rubric/candidate.ts,
// builtinCandidates in src/engine/rubrics.ts). Run on the build (dist/), where the compiled JSON and its index are:
// the same detections and scores as with every built-in compiled, and a sheet whose title names its rubric compiles
// that one only.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rubricOf, type Candidate, type LazyRubric } from '../src/rubric/candidate.js';
import type * as RubricsModule from '../src/engine/rubrics.js';
import type * as ScoreFileModule from '../src/engine/score-file.js';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const { builtinCandidates, builtinRubricIds, loadRubric } = (await import(join(DIST, 'engine/rubrics.js'))) as typeof RubricsModule;
const { scoreFile } = (await import(join(DIST, 'engine/score-file.js'))) as typeof ScoreFileModule;

/** The candidates, each lazy one counting its compilations into `loaded`. */
async function counted(loaded: string[]): Promise<Candidate[]> {
  return (await builtinCandidates()).map((c) => ('load' in c ? ({ ...c, load: () => (loaded.push(c.id), c.load()) } satisfies LazyRubric) : c));
}

describe('built-in candidates', () => {
  // first in the file: nothing is compiled yet (a compiled built-in stays in the loader's cache)
  it('the same results as every built-in compiled, on every fixture; a titled sheet compiles no other rubric', async () => {
    expect((await builtinCandidates()).every((c) => 'load' in c)).toBe(true);
    const files = readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'));
    const runs = [];
    for (const f of files) {
      const loaded: string[] = [];
      runs.push({ f, loaded, lazy: await scoreFile(join(FIXTURES, f), { candidates: await counted(loaded), blankPolicy: 'skip' }) });
    }
    expect(runs.flatMap((r) => r.loaded).length).toBeGreaterThan(0);
    const all = await Promise.all(builtinRubricIds().map(loadRubric));
    for (const { f, loaded, lazy } of runs) {
      const eager = await scoreFile(join(FIXTURES, f), { candidates: all, blankPolicy: 'skip' });
      expect(lazy.status, f).toBe(eager.status);
      expect(lazy.rubric?.id, f).toBe(eager.rubric?.id);
      expect(lazy.scored?.index, f).toBe(eager.scored?.index);
      expect(lazy.findings.map((x) => x.code), f).toEqual(eager.findings.map((x) => x.code));
      if (lazy.rubricChoice?.reason.startsWith('title')) expect(loaded.filter((id) => id !== lazy.rubric!.id), f).toEqual([]);
    }
  });

  it("every built-in is a candidate whose form and title words are its compiled rubric's", async () => {
    const cs = await builtinCandidates();
    expect(cs.map((c) => c.id)).toEqual(builtinRubricIds());
    for (const c of cs) {
      const r = rubricOf(c);
      expect(r.id).toBe(c.id);
      expect(r.form).toBe(c.form);
      expect(r.detectTitles).toEqual(c.detectTitles);
    }
  });

});
