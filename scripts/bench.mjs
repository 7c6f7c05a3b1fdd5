// Bundles the benchmarks (TypeScript) and runs them with this Node. Usage: npm run bench [-- guard|autosave|editor|first-token|concurrent-streams|big-document|picker|crash]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Inside the project so that the bundle resolves better-sqlite3 and playwright-core from node_modules.
const out = join(root, 'node_modules', '.cache', 'ami-bench');
// Each source keeps its own import.meta.dirname once bundled (corpus files, the crash writer, the editor page).
const ownDirname = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (!args.path.startsWith(root) || args.path.includes('node_modules')) return undefined;
      const contents = readFileSync(args.path, 'utf8');
      if (!contents.includes('import.meta.dirname')) return undefined;
      return { contents: contents.replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};
mkdirSync(out, { recursive: true });
try {
  await build({
    entryPoints: [join(root, 'bench', 'run-benchmarks.ts')],
    outfile: join(out, 'bench.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'playwright-core', 'electron', 'esbuild'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [ownDirname],
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
