// Text similarity for matching worksheet rows to rubric items: Dice coefficient over word sets, after removing
// what offices change freely (case, accents, punctuation, old weights in brackets such as "(2,5)").
// Words are interned to numbers and kept as sorted arrays: matching compares thousands of pairs per file.
import { detachedText } from '../workbook/grid.js';

export type Words = Int32Array;

const ids = new Map<string, number>();
const cache = new Map<string, Words>();
const EMPTY: Words = new Int32Array(0);

export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(\s*\d+(?:[.,]\d+)?\s*\)/g, ' ') // "(1)", "(2,5)": old weights kept in labels
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The distinct words of a text, as sorted word ids. */
export function words(s: string): Words {
  if (!s) return EMPTY;
  let w = cache.get(s);
  if (!w) {
    const set = new Set<number>();
    for (const t of normalizeText(s).split(' ')) {
      if (!t) continue;
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      set.add(id);
    }
    w = Int32Array.from(set).sort();
    if (cache.size > 20000) cache.clear();
    cache.set(detachedText(s), w);
  }
  return w;
}

/** Dice coefficient of two sorted word-id arrays. */
export function dice(a: Words, b: Words): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < na && j < nb) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * common) / (na + nb);
}

/** The best Dice a pair of these sizes could reach: skips pairs that cannot pass a threshold. */
export function diceBound(na: number, nb: number): number {
  return na + nb === 0 ? 0 : (2 * Math.min(na, nb)) / (na + nb);
}
