// Where a command's output goes: stdout (colour only on a terminal, never with NO_COLOR set or TERM=dumb) or a
// file written atomically; text or bytes as the presenter registry says.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ExitError } from '../app/errors.js';
import { PRESENTERS, formatOfPath, formatsFor, type DocumentKind, type Format } from '../present/registry.js';
import type { OutputRequest, PlannedOutput } from './flags.js';

export function useColor(stream: { isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const cannotWrite = (path: string, e: unknown) => new ExitError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
const tempBeside = (path: string) => {
  const dir = dirname(resolve(path));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw cannotWrite(path, e);
  }
  return join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
  const list: PlannedOutput[] = (requested.length > 0 ? requested : [{ format: opts.fallback }]).map((o) => {
    const format = o.format ?? formatOfPath(o.out!, kind);
    if (!format) throw new ExitError(`--out ${o.out}: the name does not say which format to write; give --format before it (one of ${formatsFor(kind).join(', ')})`);
    return { format, out: o.out };
  });
  const toStdout = list.filter((o) => !o.out);
  if (toStdout.length > 1) throw new ExitError(`only one format can go to stdout (${toStdout.map((o) => o.format).join(', ')}); give the others an --out file`);
  for (const o of toStdout) if (PRESENTERS[o.format].output === 'bytes') throw new ExitError(`--format ${o.format} writes a binary file; give it one with --out (e.g. --out report.${o.format})`);
  const seen = new Set<string>();
  const ins = new Set(inputs.map((i) => resolve(i)));
  for (const o of list) {
    if (!o.out) continue;
    const p = resolve(o.out);
    if (seen.has(p)) throw new ExitError(`--out ${o.out} is given twice`);
    if (ins.has(p)) throw new ExitError(`--out ${o.out} is one of the worksheets; lke never overwrites its input`);
    seen.add(p);
  }
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
