// Checks of a submission beyond the sheet's own consistency: the evidence references (a link that is not a URL,
// a relative path that does not exist next to the worksheet) and the rubric version against the worksheet's year.
// Pure: whether a path exists is asked of the caller, so the core never touches a file.
import type { Rubric } from '../rubric/model.js';
import { versionOf } from '../rubric/fingerprint.js';
import type { AnswerSheet, BuktiRef, Where } from '../score/types.js';
import { finding, type Finding } from '../findings/codes.js';

export type BuktiKind = 'url' | 'bad-link' | 'relative-path' | 'absolute-path' | 'internal' | 'text';

export interface BuktiClass {
  kind: BuktiKind;
  /** The reference as checked: the hyperlink target (percent-decoded for paths) or the cell text. */
  value: string;
  /** For a bad link: what is wrong with it. */
  hint?: 'scheme' | 'spaces' | 'malformed' | undefined;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Something that was meant to be http(s):// but is not: "http//", "https:/", "htps://", "http;//". */
const BROKEN_HTTP = /^h+t*p+s?\s*[:;]?\s*\//i;
const WWW = /^www\d?\./i;
/** A bare domain with a path: "drive.google.com/…", "bit.ly/…", "ppid.kaltengprov.go.id/…". */
const BARE_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.(go\.id|ac\.id|or\.id|sch\.id|co\.id|web\.id|my\.id|id|com|net|org|info|gov|edu|io|ly|gl|me|co)(\/\S*)?$/i;
const ABSOLUTE_PATH = /^([a-z]:[\\/]|\\\\|\/)/i;
const RELATIVE_PREFIX = /^\.\.?[\\/]/;
const FILE_EXT = /\.(pdf|docx?|xlsx?|xlsm|pptx?|odt|ods|odp|rtf|txt|csv|jpe?g|png|gif|bmp|tiff?|heic|webp|zip|rar|7z|mp4|mov|mp3)$/i;
/** Characters no file name may hold (Windows rules, which the offices use): then it is prose, not a path. */
const NOT_A_PATH = /[<>:"|?*\n\r\t]/;
const OK_SCHEMES = new Set(['http', 'https', 'ftp', 'ftps', 'mailto']);

/** A word of a cell's text that is meant as a link: it has a scheme, a broken http, or starts with www. */
const LINKISH = /^([a-z][a-z0-9+.-]*:\/\/|mailto:|h+t*p+s?\s*[:;]?\/|www\d?\.)/i;
/**
 * Whether any word of a text could be LINKISH once its brackets and quotes are stripped: most evidence cells are
 * plain descriptions ("SK Tim ZI"), known without splitting them into words.
 */
const MAY_HOLD_LINK = /(?:^|\s)[(<"'[]*(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|h+t*p+s?[:;]?\/|www\d?\.)/i;
/**
 * An http(s) or ftp(s) URL that the URL parser surely accepts with a host: a host name whose last label starts
 * with a letter (a number there makes it an IPv4 address to check) and no punycode label to decode, an optional
 * port, then no space. Most evidence links are such; anything else goes to the parser.
 */
const PLAIN_URL = /^(?:https?|ftps?):\/\/(?![^/?#]*xn--)(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*(?::\d{1,4})?(?:[/?#]\S*)?$/i;

/** @internal exported for the test that holds them to the URL parser and the word split they stand in for. */
export const FAST_PATHS = { MAY_HOLD_LINK, PLAIN_URL, LINKISH };

/**
 * What an evidence cell refers to: its hyperlink target when it has one; else each link in its text (a cell may
 * list several, one per line, or mix prose and a link); else the text as a whole (a path, or prose).
 */
export function classifyBukti(ref: Pick<BuktiRef, 'text' | 'link'>): BuktiClass[] {
  const link = ref.link?.trim();
  if (link) return [classify(link, true)];
  const text = ref.text.trim();
  if (!MAY_HOLD_LINK.test(text)) return [classify(text, false)];
  const links = text
    .split(/\s+/)
    .map((w) => w.replace(/^[(<"'\[]+|[)>"'\],;.]+$/g, ''))
    .filter((w) => LINKISH.test(w));
  if (links.length > 0 && /\s/.test(text)) return links.map((w) => classify(w, false));
  return [classify(text, false)];
}

function classify(s: string, isLink: boolean): BuktiClass {
  if (!s) return { kind: 'text', value: s };
  if (s.startsWith('#')) return { kind: 'internal', value: s };
  if (ABSOLUTE_PATH.test(s)) return { kind: 'absolute-path', value: s };
  const scheme = SCHEME.exec(s)?.[1]?.toLowerCase();
  if (scheme === 'file') return { kind: 'absolute-path', value: s };
  if (scheme && OK_SCHEMES.has(scheme)) {
    // a target with spaces is broken; text with spaces after "http:" is prose (its links were split out before)
    if (/\s/.test(s)) return isLink ? { kind: 'bad-link', value: s, hint: 'spaces' } : { kind: 'text', value: s };
    if (scheme === 'mailto' || PLAIN_URL.test(s)) return { kind: 'url', value: s };
    try {
      const u = new URL(s);
      if (!s.slice(scheme.length + 1).startsWith('//') || !u.hostname) return { kind: 'bad-link', value: s, hint: 'malformed' };
      return { kind: 'url', value: s };
    } catch {
      return { kind: 'bad-link', value: s, hint: 'malformed' };
    }
  }
  if (BROKEN_HTTP.test(s)) return { kind: 'bad-link', value: s, hint: 'malformed' };
  if (WWW.test(s) || BARE_DOMAIN.test(s)) return { kind: 'bad-link', value: s, hint: 'scheme' };
  const path = isLink ? decodePath(s) : s;
  if (NOT_A_PATH.test(path)) return { kind: 'text', value: s };
  if (isLink || RELATIVE_PREFIX.test(path) || FILE_EXT.test(path)) return { kind: 'relative-path', value: path };
  return { kind: 'text', value: s };
}

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 97)}…` : s);

export interface EvidenceOptions {
  /** Whether a path relative to the worksheet's folder exists. */
  exists: (relativePath: string) => boolean;
}

/** A finding per evidence reference that is a broken link or a relative path to nothing. */
export function checkEvidence(sheet: AnswerSheet, opts: EvidenceOptions): Finding[] {
  const out: Finding[] = [];
  for (const [code, qa] of sheet.questions) {
    if (!qa.buktiRefs) continue;
    for (const ref of qa.buktiRefs) {
      for (const c of classifyBukti(ref)) {
        if (c.kind === 'bad-link') out.push(finding('bukti-link-invalid', { ...ref.where, question: code }, { link: clip(c.value), hint: c.hint }));
        else if (c.kind === 'relative-path' && !opts.exists(c.value.replace(/\\/g, '/'))) out.push(finding('bukti-path-missing', { ...ref.where, question: code }, { path: clip(c.value) }));
      }
    }
  }
  return out;
}

/**
 * The rubric's years against the worksheet's. The year came from a cell of the title block (`at`, which becomes
 * the finding's position), else from `source`: "file name" or "--year".
 */
export function checkRubricYear(rubric: Rubric, year: number | undefined, at: Where | undefined, source: string | undefined, sheet: string | undefined): Finding[] {
  if (!rubric.years || year === undefined) return [];
  const [from, to] = rubric.years;
  if (year >= from && year <= to) return [];
  return [finding('rubric-year-mismatch', at ?? { sheet }, { rubric: rubric.id, from, to, year, source: at ? 'cell' : source })];
}

/** A workbook lke template made from another rubric, or from another version of this one. */
export function checkRubricStamp(rubric: Rubric, stamp: { id: string; version?: string | undefined } | undefined, sheet: string): Finding[] {
  if (!stamp) return [];
  const version = versionOf(rubric);
  if (stamp.id === rubric.id && (!stamp.version || stamp.version === version)) return [];
  return [finding('rubric-stamp-mismatch', { sheet }, { stamped: `${stamp.id}${stamp.version ? ` ${stamp.version}` : ''}`, used: `${rubric.id} ${version}` })];
}
