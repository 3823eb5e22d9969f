// Two folders of worksheets (last year's and this year's, the OPDs' and the reviewed ones) paired OPD by OPD: by
// the OPD name the worksheet's title block gives, normalised, else by the file name without its year and the LKE
// words; a name that two files of one folder share pairs nothing.
// Pure: names in, pairs out.
import { basename, extname } from 'node:path';
import { normaliseName } from './side.js';

export interface PairInput {
  file: string;
  /** The OPD name the worksheet itself gives (its title block or --opd); null when it gives none or was unreadable. */
  opd: string | null;
}

export interface Pairing {
  /** Indices into the two lists, in the order of the second list; how each pair was made. */
  pairs: { from: number; to: number; by: 'opd' | 'file' }[];
  onlyFrom: number[];
  onlyTo: number[];
}

/** The part of a file name that names the OPD: no extension, year, LKE words or punctuation. */
export function fileKey(file: string): string {
  const name = basename(file, extname(file)).toLowerCase();
  return normaliseName(name.replace(/(?<![0-9])(?:19|20)\d\d(?![0-9])/g, ' ').replace(/[_\-.]+/g, ' ').replace(/\b(lke|pmprb|zi|rb|reviu|review|final|revisi)\b/g, ' '));
}

export function pairFiles(as: PairInput[], bs: PairInput[]): Pairing {
  const pairedA = new Set<number>();
  const pairedB = new Set<number>();
  const pairs: Pairing['pairs'] = [];
  const pass = (by: 'opd' | 'file', keyOf: (x: PairInput) => string | null) => {
    const index = (xs: PairInput[], taken: Set<number>) => {
      const m = new Map<string, number[]>();
      xs.forEach((x, i) => {
        const k = taken.has(i) ? null : keyOf(x);
        if (k) m.set(k, [...(m.get(k) ?? []), i]);
      });
      return m;
    };
    const ia = index(as, pairedA);
    const ib = index(bs, pairedB);
    for (const [k, [j, ...moreB]] of ib) {
      const found = ia.get(k);
      if (!found || found.length !== 1 || moreB.length > 0) continue;
      pairs.push({ from: found[0]!, to: j!, by });
      pairedA.add(found[0]!);
      pairedB.add(j!);
    }
  };
  pass('opd', (x) => (x.opd ? normaliseName(x.opd) || null : null));
  pass('file', (x) => fileKey(x.file) || null);
  pairs.sort((p, q) => p.to - q.to);
  return {
    pairs,
    onlyFrom: as.map((_, i) => i).filter((i) => !pairedA.has(i)),
    onlyTo: bs.map((_, i) => i).filter((i) => !pairedB.has(i)),
  };
}
