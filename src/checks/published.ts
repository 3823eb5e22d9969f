// Checking a published evaluation line by line: every line whose published points differ from the rule by more than
// 0.005 is a finding with both numbers and the likely cause when it is a known one — a tie the application rounded
// down (binary floating point), the pengali taken unrounded, a bobot other than the current one (a stale weight).
// What an instansi brings to a sanggah. Pure.
import type { Rubric } from '../rubric/model.js';
import { finding, type Finding, type FindingArgs } from '../findings/codes.js';
import { isBlankCell, publishedValue } from '../score/lines.js';
import { cmp, exact, isTie, mul, roundExact, sub, toNumber, ZERO, type Exact } from '../score/exact.js';
import type { AnswerSheet, LineResult, Scored } from '../score/types.js';

export const PUBLISHED_TOLERANCE = 0.005;

const show = (e: Exact) => String(toNumber(e));

export function checkPublished(rubric: Rubric, sheet: AnswerSheet, scored: Scored): Finding[] {
  const out: Finding[] = [];
  // no published points at all (a projection): nothing to check
  if (!scored.lines || !scored.published) return out;
  const decimals = rubric.roundIndicators;
  const round = (e: Exact, mode: 'half-up' | 'half-down' = 'half-up') => (decimals === undefined ? e : roundExact(e, decimals, mode));
  // the bobot values the rubric gives its lines: a published line computed with another of them had its weight changed
  const bobots = [...new Set([...rubric.questions.values()].map((q) => q.parent.bobot))];
  for (const [code, line] of scored.lines) {
    const qa = sheet.questions.get(code);
    const rv = qa?.nilai;
    // an empty published cell is a line not published, not a 0 (the published total counts it 0)
    if (!rv || isBlankCell(rv)) continue;
    const node = rubric.questions.get(code)!.parent;
    const args = { code, name: node.name };
    const pub = publishedValue(rv);
    if (!pub) {
      out.push(finding('published-invalid', { ...rv.where, question: code }, { ...args, value: String(rv.value).trim() }));
      continue;
    }
    const diff = toNumber(sub(pub, line.points));
    if (Math.abs(diff) <= PUBLISHED_TOLERANCE + 1e-12) continue;
    out.push(
      finding('published-mismatch', { ...rv.where, question: code }, {
        ...args,
        published: show(pub),
        computed: show(line.points),
        diff: String(+Math.abs(diff).toFixed(6)),
        ...causeOf(line, pub, node.bobot, bobots, round, decimals),
      }),
    );
  }
  return out;
}

type Round = (e: Exact, mode?: 'half-up' | 'half-down') => Exact;

/** The known cause that reproduces the published points, tried from the most to the least common. */
type Cause = Pick<FindingArgs['published-mismatch'], 'cause' | 'exact' | 'pengali' | 'bobot' | 'current'>;

function causeOf(line: LineResult, pub: Exact, bobot: number, bobots: number[], round: Round, decimals: number | undefined): Cause {
  const same = (e: Exact) => cmp(e, pub) === 0;
  if (line.excluded) return { cause: cmp(pub, ZERO) === 0 ? 'unknown' : 'excluded' };
  if (decimals !== undefined && isTie(line.exact, decimals) && same(round(line.exact, 'half-down'))) {
    return { cause: 'tie', exact: show(line.exact) };
  }
  const base = line.fraction ? mul(line.fraction, exact(bobot)) : undefined;
  if (base && line.factors.length > 0) {
    const unrounded = line.factors.reduce((p, f) => mul(p, f.unrounded), base);
    if (same(round(unrounded)) || same(round(unrounded, 'half-down'))) return { cause: 'pengali-unrounded', pengali: line.factors.map((f) => f.code).join(', ') };
  }
  if (line.fraction) {
    const withBobot = (b: number) => line.factors.reduce((p, f) => mul(p, f.rounded), mul(line.fraction!, exact(b)));
    const fits = bobots.filter((b) => b !== bobot && (same(round(withBobot(b))) || same(round(withBobot(b), 'half-down'))));
    // the weight nearest the current one when several fit (small points leave room for more than one)
    fits.sort((a, b) => Math.abs(a - bobot) - Math.abs(b - bobot));
    if (fits[0] !== undefined) return { cause: 'bobot-changed', bobot: String(fits[0]), current: String(bobot) };
  }
  return { cause: 'unknown' };
}
