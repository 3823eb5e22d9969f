// Text similarity for matching worksheet rows to rubric items: Dice coefficient over word sets, after removing
// what offices change freely (case, accents, punctuation, old weights in brackets such as "(2,5)").

const cache = new Map<string, Set<string>>();

export function normalizeText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(\s*\d+(?:[.,]\d+)?\s*\)/g, ' ') // "(1)", "(2,5)": old weights kept in labels
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function words(s: string): Set<string> {
  let w = cache.get(s);
  if (!w) {
    w = new Set(normalizeText(s).split(' ').filter((t) => t.length > 0));
    if (cache.size > 20000) cache.clear();
    cache.set(s, w);
  }
  return w;
}

/** 0..1: how much two texts share their words. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  for (const t of small) if (big.has(t)) common++;
  return (2 * common) / (wa.size + wb.size);
}
