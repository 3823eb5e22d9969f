// What the user named → the worksheet files to read: files as given, folders walked recursively for .xlsx/.xlsm,
// globs (* ? ** and {a,b}) expanded. Office lock files (~$…) and hidden files are skipped. The order is
// deterministic (sorted per argument, arguments in the order given), duplicates dropped (the same real file
// reached by two paths is read once).
//
// Each real folder is walked once: a symbolic link back to a folder being walked (a loop) is a warning, and one to
// a folder already walked is not walked again. A folder that cannot be listed is not a hole: it is passed on as an
// input, so the reader reports it as a failed input with its reason.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globToRegExp } from '../config/glob.js';

/** Spreadsheets found in folders: .xlsx/.xlsm are scored, the others are listed so their error is reported. */
export const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;

/** A symbolic link to a folder that is being walked (its own parent, or further up). */
export interface InputWarning {
  kind: 'symlink-loop';
  /** The link, as the walk reached it. */
  path: string;
  /** The folder it leads back to, as the walk reached that one. */
  target: string;
}

export interface Expanded {
  files: string[];
  /** Arguments that named nothing (a missing file, a glob without matches). */
  missing: string[];
  warnings: InputWarning[];
}

const skipName = (name: string) => name.startsWith('~$') || name.startsWith('.');

/** What a glob may pick: also tables of values saved as CSV (a folder's CSVs are left alone: exports lie there). */
const GLOB_EXT = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;
const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const realOf = (abs: string): string => {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
};

interface Walk {
  cwd: string;
  /** The names of files to pick. */
  accept: RegExp;
  /** Real paths of the folders walked so far, over every argument. */
  folders: Set<string>;
  warnings: InputWarning[];
}

interface Found {
  /** Paths as shown (the argument joined with the names below it). */
  path: string;
  /** A folder that could not be listed (or an entry that could not be looked at): kept whatever a glob says. */
  failed: boolean;
}

/** `stack`: the folders being walked, outermost first (real path and path as shown). */
function walk(dir: string, w: Walk, out: Found[], stack: { real: string; shown: string }[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(resolve(w.cwd, dir), { withFileTypes: true }).sort(byName);
  } catch (e) {
    // gone, or not a folder (a glob's fixed part naming nothing): nothing to find, no hole
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') out.push({ path: dir, failed: true });
    return;
  }
  for (const e of entries) {
    if (skipName(e.name)) continue;
    const p = join(dir, e.name);
    const abs = resolve(w.cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      // a worksheet or a folder that cannot be looked at (no permission, a link loop or to nothing) is reported
      if (w.accept.test(e.name) || e.isDirectory()) out.push({ path: p, failed: true });
      continue;
    }
    if (st.isDirectory()) {
      const real = realOf(abs);
      const up = stack.find((s) => s.real === real);
      if (up) {
        w.warnings.push({ kind: 'symlink-loop', path: p, target: up.shown });
        continue;
      }
      if (w.folders.has(real)) continue;
      w.folders.add(real);
      walk(p, w, out, [...stack, { real, shown: p }]);
    } else if (st.isFile() && w.accept.test(e.name)) out.push({ path: p, failed: false });
  }
}

function walkFrom(dir: string, w: Walk, accept = WORKBOOK_EXT): Found[] {
  const real = realOf(resolve(w.cwd, dir));
  const out: Found[] = [];
  w.folders.add(real);
  w.accept = accept;
  walk(dir, w, out, [{ real, shown: dir }]);
  return out;
}

const GLOB_CHARS = /[*?{[]/;

export function expandInputs(args: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const w: Walk = { cwd, accept: WORKBOOK_EXT, folders: new Set(), warnings: [] };
  const add = (p: string) => {
    const key = realOf(resolve(cwd, p));
    if (!seen.has(key)) {
      seen.add(key);
      files.push(p);
    }
  };
  for (const arg of args) {
    let st;
    try {
      st = statSync(resolve(cwd, arg));
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      walkFrom(arg, w).forEach((f) => add(f.path));
      continue;
    }
    if (st || !GLOB_CHARS.test(arg)) {
      // a file as given (a missing one is reported by the reader with its own clear message)
      if (st) add(arg);
      else {
        missing.push(arg);
        add(arg);
      }
      continue;
    }
    // a glob: walk from its fixed leading part
    const parts = arg.split(/[\\/]/);
    const fixed: string[] = [];
    while (parts.length > 1 && !GLOB_CHARS.test(parts[0]!)) fixed.push(parts.shift()!);
    const base = fixed.join('/') || '.';
    const re = globToRegExp(parts.join('/'));
    const rel = (p: string) => relative(resolve(cwd, base), resolve(cwd, p)).split(sep).join('/');
    const shown = (p: string) => (rel(p) ? (base === '.' ? rel(p) : `${base}/${rel(p)}`) : base);
    const matches = walkFrom(base, w, GLOB_EXT)
      .filter((f) => f.failed || re.test(rel(f.path)))
      .map((f) => shown(f.path));
    if (matches.length === 0) missing.push(arg);
    matches.forEach(add);
  }
  return { files, missing, warnings: w.warnings };
}
