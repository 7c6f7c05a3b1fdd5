// Bundles the benchmarks (TypeScript) and runs them with this Node. Usage: npm run bench [-- guard|autosave|…]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Inside the project so that the bundle resolves better-sqlite3 and playwright-core from node_modules.
const out = join(root, 'node_modules', '.cache', 'ami-bench');
mkdirSync(out, { recursive: true });
try {
  await build({
    entryPoints: [join(root, 'bench', 'run-benchmarks.ts')],
    outfile: join(out, 'bench.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'playwright-core', 'electron'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    define: { 'import.meta.dirname': JSON.stringify(join(root, 'tests', 'corpus')) },
    logLevel: 'error',
  });
  const run = spawnSync(process.execPath, [join(out, 'bench.mjs'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    cwd: root,
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
