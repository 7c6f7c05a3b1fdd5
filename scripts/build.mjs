// Builds everything Ami runs: the renderer (Vite) and the main-process bundles (esbuild) for Electron and
// browser mode. better-sqlite3, openai and electron stay external: they are loaded from node_modules at run time.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });

await viteBuild({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'openai'],
  logLevel: 'warning',
  absWorkingDir: root,
};
await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  // The preload runs sandboxed: no Node, and a require that knows 'electron' only. Everything else is bundled in,
  // and building for the browser makes any Node import a build error instead of a broken window.
  esbuild({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs',
    platform: 'browser', target: 'chrome140', external: ['electron'] }),
  esbuild({ ...common, entryPoints: ['electron/web/server.ts'], outfile: 'dist/web/server.mjs', format: 'esm',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } }),
]);
console.log('Built dist/renderer, dist/electron and dist/web.');
