// Who and when: the OPD and the year from the title block ("INSTANSI : …", "TAHUN : 2015"), else the file name.
import { basename, extname } from 'node:path';
import { textOf, type Sheet } from '../workbook/grid.js';
import { TITLE_LABELS } from './canonical.js';

export interface Metadata {
  opd?: string | undefined;
  instansi?: string | undefined;
  year?: number | undefined;
  /** Where each value came from: a cell ("LKE!F2") or "file name". */
  sources: Partial<Record<'opd' | 'year', string>>;
  /** The cell the year was read from, when it came from the title block. */
  yearAt?: { sheet: string; row: number; col: number } | undefined;
  /** Text of the title rows above the header, for rubric detection. */
  title: string;
}

const KEYS: [RegExp, 'opd' | 'instansi' | 'year'][] = [
  [TITLE_LABELS.opd.reads, 'opd'],
  [TITLE_LABELS.instansi.reads, 'instansi'],
  [TITLE_LABELS.year.reads, 'year'],
];

export function readMetadata(sheet: Sheet, headerRow: number, file: string): Metadata {
  const meta: Metadata = { sources: {}, title: '' };
  const titleParts: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const cells = sheet.rows.get(r);
    if (!cells) continue;
    const cols = [...cells.keys()].sort((a, b) => a - b);
    for (let i = 0; i < cols.length; i++) {
      const c = cells.get(cols[i]!)!;
      const t = textOf(c);
      if (!t) continue;
      titleParts.push(t);
      for (const [re, key] of KEYS) {
        const m = re.exec(t);
        if (!m) continue;
        let value = (m[m.length - 1] ?? '').trim();
        let at = c;
        // "INSTANSI :" in one cell and the value in a later one
        for (let j = i + 1; !value && j < cols.length; j++) {
          const next = cells.get(cols[j]!)!;
          const nt = textOf(next).replace(/^:\s*/, '').trim();
          if (nt) {
            value = nt;
            at = next;
          }
        }
        if (!value) continue;
        if (key === 'year') {
          const y = /\b(20\d\d|19\d\d)\b/.exec(value);
          if (y && meta.year === undefined) {
            meta.year = Number(y[1]);
            meta.sources.year = `${sheet.name}!${at.address}`;
            meta.yearAt = { sheet: sheet.name, row: at.row, col: at.col };
          }
        } else if (key === 'opd' && meta.opd === undefined) {
          meta.opd = value;
          meta.sources.opd = `${sheet.name}!${at.address}`;
        } else if (key === 'instansi' && meta.instansi === undefined) {
          meta.instansi = value;
        }
        break;
      }
    }
  }
  meta.title = titleParts.join(' ');
  if (meta.opd === undefined && meta.instansi !== undefined) {
    meta.opd = meta.instansi;
    meta.sources.opd = `${sheet.name} (Instansi)`;
  }
  const name = basename(file, extname(file));
  if (meta.opd === undefined) {
    meta.opd = name.replace(/[_]+/g, ' ').replace(/\b(19|20)\d\d\b/g, '').replace(/\b(lke|pmprb|zi|rb)\b/gi, '').replace(/[\s-]+/g, ' ').trim() || name;
    meta.sources.opd = 'file name';
  }
  if (meta.year === undefined) {
    const y = /(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/.exec(name);
    if (y) {
      meta.year = Number(y[1]);
      meta.sources.year = 'file name';
    }
  }
  return meta;
}
