// The shipped CLI: tsc's module tree (dist/cli, dist/engine, …) bundled by esbuild into dist/bundle/, one file per
// entry (lke.js, worker.js) and a chunk per piece loaded on demand (each presenter, template, import, …).
// Node 20 resolves, reads and compiles each ES module apart and has no compile cache for them, so ~100 small
// modules cost a one-file run about a seventh of its time (bench/README.md); the packages stay external (they are
// declared dependencies, loaded from node_modules as before).
// dist/bundle/ sits beside dist/cli/ at the same depth, so every path the code builds from import.meta.url
// (../../rubrics, ../rubrics, ../../package.json, ./worker.js) points where it does in the module tree.
import { build } from 'esbuild';
import { chmodSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const at = (p) => fileURLToPath(new URL(p, import.meta.url));

const result = await build({
  entryPoints: { lke: at('../dist/cli/main.js'), worker: at('../dist/engine/worker.js') },
  outdir: at('../dist/bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  // names kept: --debug stack traces stay readable
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
});
if (result.errors.length) process.exit(1);
chmodSync(at('../dist/bundle/lke.js'), 0o755);
// which modules went into which file: tests map the files a run loads back to lke's modules
const inputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([out, o]) => [out, Object.keys(o.inputs)]));
writeFileSync(at('../dist/bundle/modules.json'), `${JSON.stringify(inputs, null, 1)}\n`);
