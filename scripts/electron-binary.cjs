// Where the Electron binary is, found the way node_modules/electron/index.js finds it but without the download
// that `require('electron')` attempts when it is missing (that attempt has no time limit and needs the network).
// null when there is no binary. Used by scripts/start.mjs and the Electron end-to-end tests.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

/** The installed electron package's folder, or null when the package itself is missing. */
function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function electronBinary(env = process.env) {
  const dir = electronPackageDir();
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? path.join(dir, 'dist', relative)
      : null;
  return binary && existsSync(binary) ? binary : null;
}

module.exports = { electronBinary, electronPackageDir };
