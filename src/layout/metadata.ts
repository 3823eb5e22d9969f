// Who and when: the OPD and the year from the title block ("INSTANSI : …", "TAHUN : 2015"), else the file name.
import { basename, extname } from 'node:path';
import { textOf, type Sheet } from '../workbook/grid.js';
import { TITLE_LABELS } from './canonical.js';
import { finding, type Finding } from '../findings/codes.js';

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
  const fromName = fromFileName(name);
  if (meta.opd === undefined) {
    meta.opd = fromName.opd || name;
    meta.sources.opd = 'file name';
  }
  if (meta.year === undefined && fromName.year !== undefined) {
    meta.year = fromName.year;
    meta.sources.year = 'file name';
  }
  return meta;
}

const YEAR = '((?:19|20)\\d\\d)(?![0-9])';
/** "Tahun 2015", "TA 2015", "Th. 2015", "T.A. 2015": the year of the assessment. */
const YEAR_AFTER_TAHUN = new RegExp(`(?:^|[^a-z0-9])(?:tahun|th|ta|t\\.a)\\.?[\\s._-]*${YEAR}`, 'gi');
/**
 * A year that names the regulation (the instrument's version): "RB 2014", "ZI-2021", "Permen 14 Tahun 2014",
 * "14/2014", "Nomor 90 Tahun 2021". "PMPRB 2019" and "LKE 2023" name the assessment's year.
 */
const REGULATION_YEAR = new RegExp(`(?:(?:^|[^a-z0-9])(?:rb|zi|permen\\w*|perpres|no|nomor)[\\s._-]*|\\d+\\s*(?:tahun|th)[\\s._-]*|\\d+\\s*/\\s*)${YEAR}`, 'gi');
const ANY_YEAR = new RegExp(`(?:^|[^0-9])${YEAR}`, 'g');

/**
 * The OPD and the year a file name gives ("LKE RB 2014 BPS Tahun 2015": BPS, 2015): the year after Tahun/TA, else
 * the last year that does not name the regulation (never the 2014 of "RB 2014"); the OPD is what is left once the
 * instrument's words and the years are taken out.
 */
export function fromFileName(name: string): { opd: string; year?: number | undefined } {
  const s = name.replace(/_+/g, ' ');
  const regulation = new Set<number>();
  for (const m of s.matchAll(REGULATION_YEAR)) regulation.add(m.index! + m[0].length - 4);
  let year: number | undefined;
  for (const m of s.matchAll(YEAR_AFTER_TAHUN)) {
    const at = m.index! + m[0].length - 4;
    if (!regulation.has(at)) year = Number(m[1]);
  }
  if (year === undefined) {
    for (const m of s.matchAll(ANY_YEAR)) {
      const at = m.index! + m[0].length - 4;
      if (!regulation.has(at)) year = Number(m[1]);
    }
  }
  const opd = s
    .replace(/\b(rb|zi)[\s._-]*(19|20)\d\d(?![0-9])/gi, ' ')
    .replace(/\b(permen\w*|nomor|no\.?)\s*\d+(\s*(tahun|th\.?)\s*\d{4})?/gi, ' ')
    .replace(/\b\d+\s*\/\s*\d{4}\b/g, ' ')
    .replace(/\b(19|20)\d\d\b/g, ' ')
    .replace(/\b(lke|pmprb|zi|rb|wbk|wbbm|tahun|th|ta|t\.a)\b\.?/gi, ' ')
    .replace(/[\s._-]+/g, ' ')
    .trim();
  return { opd, year };
}

/** A finding when the OPD or the year came from the file name (no title block said them): a guess to check. */
export function fileNameFindings(meta: Metadata, sheet: string): Finding[] {
  const opd = meta.sources.opd === 'file name';
  const year = meta.sources.year === 'file name';
  if (!opd && !year) return [];
  return [finding('metadata-from-file-name', { sheet }, { opd: opd ? meta.opd : undefined, year: year ? meta.year : undefined })];
}
