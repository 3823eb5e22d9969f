// What the user named → the worksheet files to read: files as given, folders walked recursively for .xlsx/.xlsm,
// globs (* ? ** and {a,b}) expanded. Office lock files (~$…) and hidden files are skipped. The order is
// deterministic (sorted per argument, arguments in the order given), duplicates dropped.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { globToRegExp } from '../config/glob.js';

/** Spreadsheets found in folders: .xlsx/.xlsm are scored, the others are listed so their error is reported. */
export const WORKBOOK_EXT = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;

export interface Expanded {
  files: string[];
  /** Arguments that named nothing (a missing file, a glob without matches). */
  missing: string[];
}

const skipName = (name: string) => name.startsWith('~$') || name.startsWith('.');

/** What a glob may pick: also tables of values saved as CSV (a folder's CSVs are left alone: exports lie there). */
const GLOB_EXT = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;

function walk(dir: string, out: string[], accept: RegExp = WORKBOOK_EXT): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (skipName(name)) continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, out, accept);
    else if (st.isFile() && accept.test(name)) out.push(p);
  }
}

const GLOB_CHARS = /[*?{[]/;

export function expandInputs(args: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = resolve(cwd, p);
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
      const found: string[] = [];
      walk(resolve(cwd, arg), found);
      found.map((f) => join(arg, relative(resolve(cwd, arg), f))).forEach(add);
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
    const found: string[] = [];
    walk(resolve(cwd, base), found, GLOB_EXT);
    const matches = found
      .map((f) => relative(resolve(cwd, base), f).split(sep).join('/'))
      .filter((rel) => re.test(rel))
      .map((rel) => (base === '.' ? rel : `${base}/${rel}`));
    if (matches.length === 0) missing.push(arg);
    matches.forEach(add);
  }
  return { files, missing };
}
