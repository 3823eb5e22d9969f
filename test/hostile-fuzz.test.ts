// Seeded fuzzing in CI: valid worksheets mutated at three levels (raw bytes, bytes inside a zip part, the sheet and
// shared-strings XML as text; see bench/fuzz.mjs), each scored in-process through scoreFile with the built-in
// rubrics. Every case must end "scored" or "error" with a known code; an exception or an unknown code fails with
// the seed and case number to replay: node bench/fuzz.mjs --seed S --case N. `npm run build` first for the replay;
// this test itself runs src/. LKE_FUZZ_CASES / LKE_FUZZ_SEED change the bounded CI run.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { caseRng, KNOWN_CODES, loadBases, mulberry32, mutate, runFuzz } from '../bench/fuzz.mjs';
import { scoreFile } from '../src/engine/score-file.js';
import { builtinRubricIds, loadRubric } from '../src/engine/rubrics.js';

const CASES = Number(process.env.LKE_FUZZ_CASES ?? 150);
const SEED = Number(process.env.LKE_FUZZ_SEED ?? 20240605);

describe('fuzz: mutated worksheets end in a score or a known error', () => {
  it('mulberry32 is deterministic and each case has its own stream', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(caseRng(7, 3)()).toBe(caseRng(7, 3)());
    expect(caseRng(7, 3)()).not.toBe(caseRng(7, 4)());
  });

  it('the same seed and case give the same bytes (replayable)', () => {
    const bases = loadBases();
    const one = (n: number) => {
      const rng = caseRng(SEED, n);
      return mutate(rng, bases[Math.floor(rng() * bases.length)]);
    };
    for (const n of [0, 1, 2, 3]) {
      const [x, y] = [one(n), one(n)];
      expect(Buffer.compare(Buffer.from(x.bytes), Buffer.from(y.bytes))).toBe(0);
      expect(x.log).toEqual(y.log);
    }
  });

  it(`${CASES} cases from seed ${SEED}`, { timeout: 120_000 }, async () => {
    const rubrics = await Promise.all(builtinRubricIds().map((id: string) => loadRubric(id)));
    const levels: Record<string, number> = {};
    const { tally, failures, slowest } = await runFuzz({
      seed: SEED,
      cases: CASES,
      scoreFile,
      rubrics,
      onCase: ({ level }: { level: string }) => (levels[level] = (levels[level] ?? 0) + 1),
    });
    console.log(`fuzz seed ${SEED}: ${JSON.stringify(tally)}; levels ${JSON.stringify(levels)}; slowest case ${slowest.n} (${slowest.ms} ms)`);
    const report = failures.map((f: { n: number; level: string; log: string[]; error: string }) => `seed ${SEED} case ${f.n} [${f.level}] ${f.log.join('; ')}: ${f.error.split('\n')[0]} (replay: node bench/fuzz.mjs --seed ${SEED} --case ${f.n})`);
    expect(report).toEqual([]);
    // every level was exercised, and the cases reached both ends: a score and a refusal
    expect(Object.keys(levels).sort()).toEqual(['bytes', 'entry', 'xml']);
    expect(tally.scored).toBeGreaterThan(0);
    expect(Object.keys(tally).some((k) => k.startsWith('error:'))).toBe(true);
    for (const k of Object.keys(tally)) expect(k === 'scored' || KNOWN_CODES.has(k.slice('error:'.length)), k).toBe(true);
    expect(slowest.ms).toBeLessThan(10_000);
  });
});
