// Makes the CLI entry executable after tsc (npm links bin files, but a direct ./dist/cli/main.js call needs +x).
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
