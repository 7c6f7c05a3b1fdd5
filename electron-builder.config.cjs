// Packaging for `npm run dist`. The app is already bundled by scripts/build.mjs; electron-builder adds the
// production dependencies (better-sqlite3, openai and theirs) from node_modules itself.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.ami.desktop',
  productName: 'Ami',
  copyright: 'Copyright © Ami contributors',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'dist/**/*',
    'package.json',
    'node_modules/**/*',
    // better-sqlite3's C sources and the SQLite amalgamation are only needed to compile, which never happens here.
    '!node_modules/better-sqlite3/{deps,src}/**/*',
    '!node_modules/better-sqlite3/binding.gyp',
  ],
  // better-sqlite3 13 ships one Node-API binary per platform in prebuilds/ that loads in Electron as is:
  // nothing to rebuild, and no compiler needed on the packaging machine.
  npmRebuild: false,
  buildDependenciesFromSource: false,
  nodeGypRebuild: false,
  asar: true,
  // A native module cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/better-sqlite3/**'],
  // Flipped by electron-builder right before signing, so the signature covers them. The app can then not be used
  // as a general Node runtime, nor made to load code from outside its integrity-checked asar archive.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableCookieEncryption: true,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // Playwright drives a packaged app through the inspector: only test builds (AMI_TEST_BUILD=1) keep it.
    enableNodeCliInspectArguments: process.env.AMI_TEST_BUILD === '1',
    loadBrowserProcessSpecificV8Snapshot: false,
    // Ami serves its pages from app://, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icons',
    synopsis: 'A writing companion: you write, models only answer.',
  },
  deb: { packageCategory: 'editors' },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    icon: 'build/icons/512x512.png',
  },
  win: {
    target: ['nsis'],
    icon: 'build/icons/512x512.png',
  },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
};
