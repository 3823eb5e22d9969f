// The CLI runs as esbuild's bundle (dist/bundle/): a file it loads holds several of lke's modules. The build
// records which (dist/bundle/modules.json), so a test can say which of lke's modules a run loaded.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The loaded URLs with each bundle file replaced by the modules (dist/…/x.js) it holds; other URLs as they are. */
export function modulesOf(urls: string[]): string[] {
  const inputs = JSON.parse(readFileSync(`${ROOT}dist/bundle/modules.json`, 'utf8')) as Record<string, string[]>;
  return urls.flatMap((u) => {
    const path = u.startsWith('file:') ? fileURLToPath(u) : u;
    const rel = path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
    return inputs[rel] ?? [u];
  });
}
