// Worksheet entries ↔ rubric items. Rows are taken in order and matched to the rubric's reading order:
// the numbering and the text decide together, so letters out of order ("a, c, b"), "d" without its dot and
// "-" for a lone question still land on the right question. A full code (flat layout) matches directly.
import type { Entry } from '../layout/entries.js';
import { soleQuestion, type Item, type Question, type Rubric, type SubInput } from '../rubric/model.js';
import { dice, diceBound, words, type Words } from './similarity.js';

export interface MatchResult {
  nodes: Map<string, Entry>;
  questions: Map<string, Entry>;
  inputs: Map<string, Entry>;
  /** Rows that carry numbering, a bobot or an answer but match nothing in the rubric. */
  unmatched: Entry[];
  /** Rows that repeat a question already matched. */
  duplicates: { entry: Entry; code: string; first: Entry }[];
}

const AHEAD = 60;
const BEHIND = 15;
const ACCEPT = 0.55;
const GLOBAL_ACCEPT = 0.85;
const DUPLICATE = 0.9;

const textsOf = (item: Item): string[] =>
  item.kind === 'node' ? [item.name, ...item.aliases] : item.kind === 'question' ? [item.text, ...item.aliases] : [item.text];

const labelOf = (item: Item): string | undefined => (item.kind === 'input' ? undefined : item.label);

/** Word sets of every item's texts, computed once per rubric (matching runs for every file and candidate). */
interface RubricWords {
  words: Words[][];
  labels: (string | undefined)[];
  index: WordIndex;
}

const wordCache = new WeakMap<Rubric, RubricWords>();
function itemWords(rubric: Rubric): RubricWords {
  let w = wordCache.get(rubric);
  if (!w) {
    const words_ = rubric.items.map((it) => textsOf(it).map((t) => words(t)));
    w = { words: words_, labels: rubric.items.map((it) => labelOf(it)?.toLowerCase()), index: indexWords(words_) };
    wordCache.set(rubric, w);
  }
  return w;
}

/** Which items use each word (any of their texts), and each item's shortest text in words. */
interface WordIndex {
  postings: Map<number, number[]>;
  shortest: Int32Array;
  /** Scratch: shared-word counts per item. */
  counts: Int32Array;
}

function indexWords(all: Words[][]): WordIndex {
  const postings = new Map<number, number[]>();
  const shortest = new Int32Array(all.length);
  all.forEach((texts, j) => {
    const seen = new Set<number>();
    for (const w of texts) for (const id of w) seen.add(id);
    for (const id of seen) {
      const list = postings.get(id);
      if (list) list.push(j);
      else postings.set(id, [j]);
    }
    shortest[j] = texts.reduce((m, w) => Math.min(m, w.length), texts.length > 0 ? Infinity : 0);
  });
  return { postings, shortest, counts: new Int32Array(all.length) };
}

/**
 * The items, in rubric order, that share enough words with `ew` for a Dice of `floor` to be possible: an item
 * sharing c of the entry's words scores at most 2c / (|ew| + its shortest text). The rest cannot reach it.
 */
function itemsSharing(index: WordIndex, ew: Words, floor: number): number[] {
  const { postings, shortest, counts } = index;
  const touched: number[] = [];
  for (const id of ew) {
    for (const j of postings.get(id) ?? []) {
      const c = counts[j]!;
      counts[j] = c + 1;
      if (c === 0) touched.push(j);
    }
  }
  const out: number[] = [];
  for (const j of touched) {
    if ((2 * counts[j]!) / (ew.length + shortest[j]!) >= floor) out.push(j);
    counts[j] = 0;
  }
  return out.sort((a, b) => a - b);
}

function answered(e: Entry): boolean {
  return e.jawaban !== undefined || e.pilihan !== undefined;
}

function textScore(ew: Words, iw: Words[], floor = 0): number {
  if (ew.length === 0) return 0;
  let best = 0;
  for (const w of iw) {
    if (diceBound(ew.length, w.length) < floor) continue;
    const d = dice(ew, w);
    if (d > best) best = d;
  }
  return best;
}

/** How well a row fits an item: text similarity, +0.2 for the same numbering label, −0.3 for the wrong kind of row. */
function fit(e: Entry, ew: Words, item: Item, iw: Words[], label: string | undefined, token: string | undefined): number {
  return adjust(textScore(ew, iw), e, item, label, token);
}

/** The most `fit` can give: the text part bounded by the word counts alone (the same additions, so never less). */
function fitBound(e: Entry, ew: Words, item: Item, iw: Words[], label: string | undefined, token: string | undefined): number {
  let t = 0;
  if (ew.length > 0) for (const w of iw) t = Math.max(t, diceBound(ew.length, w.length));
  return adjust(t, e, item, label, token);
}

function adjust(s: number, e: Entry, item: Item, label: string | undefined, token: string | undefined): number {
  if (token && label && token === label) s += 0.2;
  if (item.kind === 'node') {
    if (answered(e) && !soleQuestion(item)) s -= 0.3;
  } else if (!answered(e) && e.bobot && !e.nilai) {
    s -= 0.3;
  }
  return s;
}

/**
 * `exhaustive` scores every item of each row's window, skipping nothing (the tests hold the pruned search to the
 * same choices).
 */
export function matchEntries(rubric: Rubric, entries: Entry[], opts: { exhaustive?: boolean } = {}): MatchResult {
  const prune = !opts.exhaustive;
  const res: MatchResult = { nodes: new Map(), questions: new Map(), inputs: new Map(), unmatched: [], duplicates: [] };
  const items = rubric.items;
  const { words: iw, labels, index } = itemWords(rubric);
  const matched = new Array<Entry | undefined>(items.length);
  let p = 0;

  const assign = (item: Item, e: Entry) => {
    matched[item.order] = e;
    if (item.kind === 'node') {
      res.nodes.set(item.code, e);
      const q = soleQuestion(item);
      if (q) {
        matched[q.order] = e;
        res.questions.set(q.code, e);
      }
    } else if (item.kind === 'question') res.questions.set(item.code, e);
    else res.inputs.set(item.code, e);
    const last = item.kind === 'node' && soleQuestion(item) ? item.order + 1 : item.order;
    if (last >= p) p = last + 1;
  };

  for (const e of entries) {
    if (e.total) continue;
    if (e.code) {
      const item: Item | undefined = rubric.nodes.get(e.code) ?? rubric.questions.get(e.code) ?? rubric.inputs.get(e.code);
      if (item) {
        if (matched[item.order]) res.duplicates.push({ entry: e, code: item.code, first: matched[item.order]! });
        else assign(item, e);
        continue;
      }
    }
    if (!e.text && !e.token && !answered(e)) continue;
    const ew = words(e.text);

    // The best fit in the window, ahead preferred (a small penalty per step) and behind discouraged. Rows mostly
    // come in the rubric's order, so the next unmatched item is scored first and every other item only when
    // its best possible fit (from the word counts and the label) could still beat it: the same choice, first
    // best in window order, at a fraction of the comparisons.
    const lo = Math.max(0, p - BEHIND);
    const hi = Math.min(items.length, p + AHEAD);
    const token = e.token?.toLowerCase();
    const adjusted = (j: number) => fit(e, ew, items[j]!, iw[j]!, labels[j], token) - (j >= p ? 0.004 * (j - p) : 0.05);
    const bound = (j: number) => fitBound(e, ew, items[j]!, iw[j]!, labels[j], token) - (j >= p ? 0.004 * (j - p) : 0.05);
    let first = p;
    while (first < hi && matched[first]) first++;
    let best: Item | undefined;
    let bestScore = -Infinity;
    let bestAt = Infinity;
    if (first < hi) {
      best = items[first];
      bestScore = adjusted(first);
      bestAt = first;
    }
    // the usual row, the very text of the next item with its label: no other item can reach its score
    const top = token ? 1 + 0.2 : 1;
    const unbeatable = prune && best !== undefined && bestScore > top - 0.004 * (first + 1 - p) && bestScore > top - 0.05;
    for (let j = unbeatable ? hi : lo; j < hi; j++) {
      if (matched[j] || j === first) continue;
      // a tie goes to the item earlier in the window, as a plain scan in order would choose; an item that cannot
      // reach ACCEPT is never the one taken (only an accepted best is used), which is most of a wrong rubric's items
      const b = prune ? bound(j) : Infinity;
      if (b < bestScore || b < ACCEPT || (b === bestScore && j > bestAt)) continue;
      const s = adjusted(j);
      if (s > bestScore || (s === bestScore && j < bestAt)) {
        bestScore = s;
        best = items[j];
        bestAt = j;
      }
    }
    if (best && bestScore >= ACCEPT) {
      assign(best, e);
      continue;
    }
    // No text to go by: trust the numbering when it names the next item in order.
    if (!e.text && e.token) {
      const next = items.slice(p).find((it, k) => !matched[p + k] && (it.kind !== 'node' || !answered(e) || soleQuestion(it)));
      const label = next && labelOf(next);
      if (next && label && label.toLowerCase() === e.token.toLowerCase()) {
        assign(next, e);
        continue;
      }
    }
    // A block moved elsewhere in the sheet: accept a near-identical text anywhere.
    let far: Item | undefined;
    let farScore = 0;
    // only for rows that would otherwise be reported, and only pairs whose sizes allow the threshold
    const reportable = e.token !== undefined || e.bobot !== undefined || answered(e);
    if (reportable && ew.length >= 3) {
      // only items sharing enough words to reach the threshold (an index of the rubric's words), in rubric order
      for (const j of itemsSharing(index, ew, GLOBAL_ACCEPT)) {
        if (matched[j]) continue;
        const s = textScore(ew, iw[j]!, GLOBAL_ACCEPT);
        if (s > farScore) {
          farScore = s;
          far = items[j];
        }
      }
    }
    if (far && farScore >= GLOBAL_ACCEPT) {
      assign(far, e);
      continue;
    }
    // The same question written twice.
    let dup: Question | SubInput | undefined;
    for (let j = Math.max(0, p - BEHIND * 2); j < Math.min(items.length, p + AHEAD); j++) {
      const it = items[j]!;
      if (it.kind === 'node' || !matched[j]) continue;
      if (answered(e) && textScore(ew, iw[j]!, DUPLICATE) >= DUPLICATE) {
        dup = it;
        break;
      }
    }
    if (dup) {
      res.duplicates.push({ entry: e, code: dup.code, first: matched[dup.order]! });
      continue;
    }
    if (e.token || e.code || e.bobot || (answered(e) && e.text)) res.unmatched.push(e);
  }
  return res;
}
