// Where a command's output goes: stdout (colour only on a terminal, never with NO_COLOR set or TERM=dumb) or a
// file written atomically; text or bytes as the presenter registry says.
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ExitError } from '../app/errors.js';
import { errnoText } from '../words/errors.js';
import { PRESENTERS, formatOfPath, formatsFor, type DocumentKind, type Format } from '../present/registry.js';
import type { OutputRequest, PlannedOutput } from './flags.js';
import { cliLang, usageWords } from './lang.js';

export function useColor(stream: { isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const errnoOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * The folder of an output file, made ready: the missing folders created one at a time from the nearest one that
 * exists (a recursive mkdir spins on some paths, e.g. under /proc). Anything in the way — a file where a folder
 * should be, a symbolic link to nothing, a folder that refuses a new one — is one usage error naming the path.
 * Called for every --out before the run, so a bad path fails at once.
 */
export function prepareOut(path: string): void {
  const w = usageWords();
  const shown = (abs: string) => (isAbsolute(path) ? abs : relative(process.cwd(), abs) || '.');
  const fail = (why: string): never => {
    throw new ExitError(w.cannotWrite(path, why));
  };
  if (isFolder(resolve(path))) fail(errnoText('EISDIR', cliLang()));
  const missing: string[] = [];
  for (let d = dirname(resolve(path)); ; ) {
    let isDir = false;
    try {
      isDir = statSync(d).isDirectory();
    } catch (e) {
      const code = errnoOf(e);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') fail(`${shown(d)}: ${errnoText(code, cliLang())}`);
      if (isLink(d)) fail(w.danglingLink(shown(d)));
      missing.unshift(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
      continue;
    }
    if (!isDir) fail(w.parentNotFolder(shown(d)));
    break;
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      const code = errnoOf(e);
      // ENOENT from mkdir under a folder that exists: a file system that takes no new folders (/proc, /sys)
      if (code !== 'EEXIST' || !isFolder(d)) fail(w.cannotCreate(shown(d), code === 'ENOENT' ? w.refused : errnoText(code, cliLang())));
    }
  }
}

const isLink = (p: string) => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

const isFolder = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

const cannotWrite = (path: string, e: unknown) => new ExitError(usageWords().cannotWrite(path, errnoText(errnoOf(e), cliLang())));
// the process id and a count name each temp file apart (node:crypto's random bytes cost a run ~3 ms to load)
let temps = 0;
const tempBeside = (path: string) => {
  prepareOut(path);
  return join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.${++temps}.tmp`);
};

/** Write next to the target, then rename: a reader never sees half a report, and a failed run leaves the old one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = tempBeside(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(path, e);
  }
}

/** A file written in chunks (a streamed report), renamed into place only once it is whole. */
export function atomicStream(path: string): { write: (chunk: string) => void; commit: () => void; abort: () => void } {
  const tmp = tempBeside(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    throw cannotWrite(path, e);
  }
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    write: (chunk) => {
      writeSync(fd!, chunk);
    },
    commit: () => {
      try {
        close();
        renameSync(tmp, path);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw cannotWrite(path, e);
      }
    },
    abort: () => {
      close();
      rmSync(tmp, { force: true });
    },
  };
}

/**
 * The outputs of a run: each with its format (by extension when not given), at most one on stdout and never a
 * binary one, no file given twice, no input overwritten. With nothing asked, `fallback` to stdout; `stdoutToo`: when
 * every format goes to a file, that format also goes to stdout.
 */
export function planOutputs(requested: OutputRequest[], inputs: string[], kind: DocumentKind, opts: { fallback: Format; stdoutToo?: Format | undefined }): PlannedOutput[] {
  const w = usageWords();
  const list: PlannedOutput[] = (requested.length > 0 ? requested : [{ format: opts.fallback }]).map((o) => {
    const format = o.format ?? formatOfPath(o.out!, kind);
    if (!format) throw new ExitError(w.outNoFormat(o.out!, formatsFor(kind)));
    return { format, out: o.out };
  });
  const toStdout = list.filter((o) => !o.out);
  if (toStdout.length > 1) throw new ExitError(w.oneStdout(toStdout.map((o) => o.format)));
  for (const o of toStdout) if (PRESENTERS[o.format].output === 'bytes') throw new ExitError(w.binaryToStdout(o.format));
  const seen = new Set<string>();
  const ins = new Set(inputs.map((i) => resolve(i)));
  for (const o of list) {
    if (!o.out) continue;
    const p = resolve(o.out);
    if (seen.has(p)) throw new ExitError(w.outTwice(o.out));
    if (ins.has(p)) throw new ExitError(w.outIsInput(o.out));
    seen.add(p);
  }
  // a bad output path fails before any worksheet is read
  for (const o of list) if (o.out) prepareOut(o.out);
  return toStdout.length === 0 && opts.stdoutToo ? [{ format: opts.stdoutToo }, ...list] : list;
}

/** To a file (atomically) or to stdout. */
export function emit(data: string | Uint8Array, out?: string | undefined): void {
  if (out) writeAtomic(out, data);
  else process.stdout.write(data);
}

/** A progress bar on stderr, when it is a terminal and the run is not quiet. */
export async function progressBar(total: number) {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' {bar} {value}/{total} files | {rate}/s | ETA {eta_formatted} | {file}', hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(total, 0, { file: '', rate: '0.0' });
  return {
    update: (done: number, file: string) => bar.update(done, { file: basename(file), rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) }),
    stop: () => bar.stop(),
  };
}
