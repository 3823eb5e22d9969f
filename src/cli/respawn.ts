// Big batches run with V8's single-threaded GC: with every core busy scoring, the GC's helper threads have no idle
// core and only slow the workers down (bench/README.md). V8 takes the flag only when it starts (NODE_OPTIONS
// refuses it and setting it later crashes V8), so lke starts itself once more with it; below RESPAWN_MIN_FILES
// the second start costs more than it saves.
import { spawn } from 'node:child_process';

export const GC_FLAG = '--single-threaded-gc';
export const RESPAWN_MIN_FILES = 500;

/** Whether this run should hand over to a copy of itself started with GC_FLAG. */
export function shouldRespawn(files: number, jobs: number, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['LKE_NO_RESPAWN'] || process.execArgv.includes(GC_FLAG)) return false;
  const min = Number(env['LKE_RESPAWN_MIN_FILES'] ?? RESPAWN_MIN_FILES);
  return jobs >= 2 && files >= min;
}

/** Runs the same command line again under GC_FLAG, passing signals on; resolves with its exit code. */
export function respawn(): Promise<number> {
  const child = spawn(process.execPath, [GC_FLAG, ...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LKE_NO_RESPAWN: '1', LKE_RESPAWNED: '1' },
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const signals = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, forward(s)] as const);
  for (const [s, f] of signals) process.on(s, f);
  return new Promise((resolve) => {
    child.on('error', () => resolve(-1));
    child.on('exit', (code, signal) => {
      for (const [s, f] of signals) process.off(s, f);
      // a child stopped by a signal: report it the shell's way (128 + signal number)
      resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 1));
    });
  });
}
