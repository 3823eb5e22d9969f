// Two scored worksheets compared: the answers that changed (with the nilai each moved and the reviewer's note), the
// questions found on one side only, the delta per node, the index and predikat before and after. Worksheets on
// different rubric versions are compared at the level the versions share: components and areas matched by name.
// Pure: the sides are plain data.
import type { LevelName } from '../rubric/schema.js';
import type { Change, Diff, NodeDelta, OneSided, SideSummary } from '../document/diff-report.js';
import { normaliseName, type DiffSide, type SideAnswer, type SideNode } from './side.js';

const summary = (s: DiffSide): SideSummary => ({ file: s.file, block: s.block, opd: s.opd, year: s.year, rubric: s.rubric, index: s.index, predikat: s.predikat });

export function compareSides(a: DiffSide, b: DiffSide): Diff {
  const same = a.rubric.id === b.rubric.id;
  const head = {
    from: summary(a),
    to: summary(b),
    level: same ? ('question' as const) : ('area' as const),
    index: { from: a.index, to: b.index, delta: b.index - a.index },
    predikat: { from: a.predikat?.code ?? null, to: b.predikat?.code ?? null, changed: (a.predikat?.code ?? null) !== (b.predikat?.code ?? null) },
  };
  if (!same) return { ...head, changes: [], oneSided: [], ...sharedAreas(a.nodes, b.nodes) };
  const { changes, oneSided } = answerChanges(a.answers, b.answers);
  const before = new Map(a.nodes.map((n) => [n.code, n]));
  const nodes: NodeDelta[] = [];
  for (const n of b.nodes) {
    const m = before.get(n.code);
    if (m) nodes.push(delta(m, n));
  }
  return { ...head, changes, oneSided, nodes, unmatched: [] };
}

/** What an answer is, for telling whether it changed: its status and the answer as understood (or as written). */
function answerKey(x: SideAnswer): string {
  if (x.status === 'scored') return `scored ${typeof x.answer} ${String(x.answer)}`;
  if (x.status === 'invalid') return `invalid ${x.written ?? ''}`;
  return x.status;
}

function answerChanges(as: SideAnswer[], bs: SideAnswer[]): { changes: Change[]; oneSided: OneSided[] } {
  const before = new Map(as.map((x) => [x.question, x]));
  const changes: Change[] = [];
  const oneSided: OneSided[] = [];
  const oneSide = (x: SideAnswer, side: 'from' | 'to'): OneSided => ({ question: x.question, indicator: x.indicator, text: x.text, side, answer: shown(x), at: x.at });
  for (const y of bs) {
    const x = before.get(y.question);
    if (!x || !x.present) {
      if (y.present) oneSided.push(oneSide(y, 'to'));
      continue;
    }
    if (!y.present) {
      oneSided.push(oneSide(x, 'from'));
      continue;
    }
    if (answerKey(x) === answerKey(y)) continue;
    changes.push({
      question: y.question,
      indicator: y.indicator,
      text: y.text,
      at: y.at,
      atFrom: x.at,
      from: shown(x),
      to: shown(y),
      statusFrom: x.status,
      statusTo: y.status,
      scoreFrom: x.score,
      scoreTo: y.score,
      nilaiFrom: x.nilai,
      nilaiTo: y.nilai,
      note: y.note ?? x.note,
    });
  }
  return { changes, oneSided };
}

/** The answer to show: as understood when lke could use it, else as written, else null (blank). */
const shown = (x: SideAnswer): string | number | null => (x.status === 'scored' ? x.answer : x.status === 'invalid' ? x.written : null);

function delta(m: SideNode, n: SideNode): NodeDelta {
  return {
    code: n.code,
    codeFrom: m.code,
    level: n.level,
    depth: n.depth,
    name: n.name,
    bobotFrom: m.bobot,
    bobotTo: n.bobot,
    nilaiFrom: m.nilai,
    nilaiTo: n.nilai,
    delta: n.nilai - m.nilai,
    percentFrom: m.percent,
    percentTo: n.percent,
  };
}

const SHARED_LEVELS: ReadonlySet<LevelName> = new Set<LevelName>(['component', 'area']);

/** Components and areas of two rubric versions paired by level and normalised name; a name used twice pairs nothing. */
function sharedAreas(as: SideNode[], bs: SideNode[]): Pick<Diff, 'nodes' | 'unmatched'> {
  const key = (n: SideNode) => `${n.level} ${normaliseName(n.name)}`;
  const count = (ns: SideNode[]) => {
    const m = new Map<string, number>();
    for (const n of ns) if (SHARED_LEVELS.has(n.level)) m.set(key(n), (m.get(key(n)) ?? 0) + 1);
    return m;
  };
  const ca = count(as);
  const cb = count(bs);
  const unique = (k: string) => ca.get(k) === 1 && cb.get(k) === 1;
  const before = new Map(as.filter((n) => SHARED_LEVELS.has(n.level) && unique(key(n))).map((n) => [key(n), n]));
  const nodes: NodeDelta[] = [];
  const unmatched: Diff['unmatched'] = [];
  for (const n of bs) {
    if (!SHARED_LEVELS.has(n.level)) continue;
    const m = unique(key(n)) ? before.get(key(n)) : undefined;
    if (m) nodes.push(delta(m, n));
    else unmatched.push({ side: 'to', code: n.code, level: n.level, name: n.name, nilai: n.nilai });
  }
  for (const m of as) {
    if (SHARED_LEVELS.has(m.level) && !unique(key(m))) unmatched.push({ side: 'from', code: m.code, level: m.level, name: m.name, nilai: m.nilai });
  }
  return { nodes, unmatched };
}
