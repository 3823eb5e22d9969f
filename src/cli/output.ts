// Where a command's output goes: stdout (colour only on a terminal, never with NO_COLOR set or TERM=dumb) or a
// file written atomically; text or bytes as the presenter registry says.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ExitError } from '../app/errors.js';

export function useColor(stream: { isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** Write next to the target, then rename: a reader never sees half a report, and a failed run leaves the old one. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ExitError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
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
