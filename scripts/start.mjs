// `npm start`: runs the built app in Electron. The Electron binary is a separate download that can be impossible
// (only the npm registry reachable): this tries once to fetch it and otherwise says, in one sentence, what to do.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const { electronBinary, electronPackageDir } = require('./electron-binary.cjs');

const MISSING =
  "Ami's desktop window needs the Electron binary, which could not be downloaded on this machine: run `npm run web` to use Ami in your browser instead.";

function fail() {
  console.error(MISSING);
  process.exit(1);
}

const packageDir = electronPackageDir();
if (!packageDir) fail();

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // The installer's own output (a stack trace when offline) would bury the one sentence that matters.
  spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}
if (!binary) fail();

// ELECTRON_RUN_AS_NODE would start a bare Node instead of Ami.
const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (err) => {
  console.error(`Electron could not be started: ${err.message}`);
  process.exit(1);
});
