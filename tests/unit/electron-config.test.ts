// What Electron would apply, checked where Electron cannot run: the window's security settings, the CSP, the app://
// protocol, the menu, the packaging configuration and its fuses (through electron-builder's own code), and which
// files may touch Electron. main.ts itself is run in electron-main.test.ts.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  createAppWindow,
  isSafeExternalUrl,
  isTrustedSender,
  type AppWindowOptions,
} from '../../electron/window-config.js';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/app-protocol.js';
import { appMenuTemplate, type MenuItemTemplate } from '../../electron/app-menu.js';
import { en } from '../../shared/i18n/en.js';
import { fr } from '../../shared/i18n/fr.js';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** Stands in for Electron's BrowserWindow: keeps what the window would be built with. */
class RecordingWindow {
  constructor(readonly options: AppWindowOptions) {}
}
const placement = { width: 1200, height: 820, minWidth: 640, minHeight: 480 };

describe('createAppWindow', () => {
  it('isolates and sandboxes the page and keeps Node, webviews and drag-and-drop navigation out of it', () => {
    const win = createAppWindow(RecordingWindow, placement, '/app/preload.cjs', '#fbfaf7');
    expect(win.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      preload: '/app/preload.cjs',
    });
  });

  it('opens hidden (shown once painted), with its place and size, centred when it has no saved place', () => {
    const placed = createAppWindow(RecordingWindow, { ...placement, x: 10, y: 20 }, '/p.cjs', '#1e1e1e').options;
    expect(placed).toMatchObject({ x: 10, y: 20, width: 1200, height: 820, minWidth: 640, minHeight: 480, show: false, title: 'Ami', backgroundColor: '#1e1e1e' });
    const centred = createAppWindow(RecordingWindow, { ...placement, x: 10 }, '/p.cjs', '#1e1e1e').options;
    expect(centred).not.toHaveProperty('x');
    expect(centred).not.toHaveProperty('y');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('declares every directive once', () => {
    const names = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.has(name), name).toBe(true);
    }
  });

  it('runs only its own scripts, never eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    // Inline code is allowed for styles only (CodeMirror injects its theme), never for scripts or anything else.
    for (const [name, values] of directives) if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('loads images only from itself and data: (no image URL can carry the draft away)', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('isTrustedSender', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#/drafts/abc`, `${APP_ORIGIN}/sub/page.html?x=1`])('trusts %s', (url) => {
    expect(isTrustedSender(url)).toBe(true);
  });

  it.each([
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:5173/index.html',
    'https://ami/index.html',
    'app://evil/index.html',
    'app://ami.evil.com/index.html',
    'app://user:pass@ami/index.html',
    'app://ami:8080/index.html',
    'appx://ami/index.html',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://openrouter.ai/docs', 'https://example.com/a?b=c#d'])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
  it.each([
    'http://example.com',
    'https://user:secret@example.com',
    'https://user@example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://ami/index.html',
    'mailto:someone@example.com',
    'data:text/html,hi',
    'smb://server/share',
    'https:',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const rendererDir = join(root, 'dist', 'renderer');

  it('maps app URLs to files inside the renderer folder, with their MIME type', () => {
    expect(resolveAppPath(`${APP_ORIGIN}/`, rendererDir)).toEqual({ path: join(rendererDir, 'index.html'), mime: 'text/html; charset=utf-8' });
    expect(resolveAppPath(`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, rendererDir)).toEqual({
      path: join(rendererDir, 'assets', 'index-abc.js'),
      mime: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath(`${APP_ORIGIN}/assets/app.css`, rendererDir)?.mime).toBe('text/css; charset=utf-8');
    expect(resolveAppPath(`${APP_ORIGIN}/icon.svg`, rendererDir)?.mime).toBe('image/svg+xml');
    expect(resolveAppPath(`${APP_ORIGIN}/fonts/a%20b.woff2`, rendererDir)?.path).toBe(join(rendererDir, 'fonts', 'a b.woff2'));
  });

  it.each([
    `${APP_ORIGIN}/../package.json`,
    `${APP_ORIGIN}/assets/../../package.json`,
    `${APP_ORIGIN}/%2e%2e/package.json`,
    `${APP_ORIGIN}/%2E%2E/%2E%2E/etc/passwd.txt`,
    `${APP_ORIGIN}/..%2f..%2fpackage.json`,
    `${APP_ORIGIN}/..%5c..%5cpackage.json`,
    `${APP_ORIGIN}/assets%2f..%2f..%2fpackage.json`,
    `${APP_ORIGIN}//etc/passwd.txt`,
    `${APP_ORIGIN}/%2fetc%2fpasswd.txt`,
    `${APP_ORIGIN}/C:/Windows/win.ini.txt`,
    `${APP_ORIGIN}/index.html%00.js`,
    `${APP_ORIGIN}/./index.html`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://evil/index.html',
    'file:///etc/passwd',
    `${APP_SCHEME}:/ami/index.html`,
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, rendererDir)).toBeNull();
  });

  it('serves only known file types', () => {
    expect(resolveAppPath(`${APP_ORIGIN}/secret.sqlite`, rendererDir)).toBeNull();
    expect(resolveAppPath(`${APP_ORIGIN}/run.sh`, rendererDir)).toBeNull();
    expect(resolveAppPath(`${APP_ORIGIN}/assets`, rendererDir)).toBeNull();
  });

  it('never resolves outside the folder, whatever the path', () => {
    const weird = ['a/b/c.js', '%2e/x.js', '...js', '.../x.js', 'a/.../b.css', '%252e%252e/x.js'];
    for (const path of weird) {
      const file = resolveAppPath(`${APP_ORIGIN}/${path}`, rendererDir);
      if (file) expect(file.path.startsWith(rendererDir + sep), path).toBe(true);
    }
  });

  it('answers with the CSP on HTML only, and 404 for refused or missing files', async () => {
    const files = new Map([
      [join(rendererDir, 'index.html'), '<!doctype html><title>Ami</title>'],
      [join(rendererDir, 'assets', 'main.js'), 'console.log(1)'],
    ]);
    const read = async (path: string) => {
      const content = files.get(path);
      if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return new TextEncoder().encode(content);
    };
    const handle = createAppProtocolHandler(rendererDir, read);

    const html = await handle({ url: `${APP_ORIGIN}/index.html`, method: 'GET' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await html.text()).toBe('<!doctype html><title>Ami</title>');

    const js = await handle({ url: `${APP_ORIGIN}/assets/main.js`, method: 'GET' });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(js.headers.get('content-security-policy')).toBeNull();

    expect((await handle({ url: `${APP_ORIGIN}/missing.js`, method: 'GET' })).status).toBe(404);
    expect((await handle({ url: `${APP_ORIGIN}/%2e%2e/package.json`, method: 'GET' })).status).toBe(404);
    expect((await handle({ url: `${APP_ORIGIN}/index.html`, method: 'POST' })).status).toBe(405);
  });
});

describe('the application menu', () => {
  const roles = (items: MenuItemTemplate[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);

  it('offers developer tools only in unpackaged runs', () => {
    expect(roles(appMenuTemplate('linux', true, en.main.menu))).not.toContain('toggleDevTools');
    expect(roles(appMenuTemplate('linux', false, en.main.menu))).toContain('toggleDevTools');
  });

  it('uses the standard menus, with the app menu on macOS only', () => {
    expect(roles(appMenuTemplate('darwin', true, en.main.menu))).toEqual(expect.arrayContaining(['appMenu', 'fileMenu', 'editMenu', 'windowMenu', 'help']));
    expect(roles(appMenuTemplate('linux', true, en.main.menu))).not.toContain('appMenu');
    expect(roles(appMenuTemplate('win32', true, en.main.menu))).toContain('fileMenu');
  });

  it('labels every item in the interface language', () => {
    const labels = (items: MenuItemTemplate[]): string[] => items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])]);
    const unlabelled = (items: MenuItemTemplate[]): MenuItemTemplate[] => items.flatMap((i) => [...(i.type !== 'separator' && !i.label ? [i] : []), ...unlabelled(i.submenu ?? [])]);
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      expect(unlabelled(appMenuTemplate(platform, false, fr.main.menu))).toEqual([]);
    }
    const french = labels(appMenuTemplate('linux', false, fr.main.menu));
    expect(french).toEqual(expect.arrayContaining(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide', 'Tout sélectionner']));
    expect(french).not.toContain('View');
    expect(labels(appMenuTemplate('linux', false, en.main.menu))).toContain('View');
  });
});

describe('electron-builder.config.cjs', () => {
  const config = require(join(root, 'electron-builder.config.cjs'));

  it('is valid for the installed electron-builder', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    // The same check refuses a misspelt option, so it is really applied.
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, tragets: ['deb'] } }, { isEnabled: false, add() {} })).rejects.toThrow(/configuration/i);
  });

  it('names the app, writes to release/ and packs the built bundles', () => {
    expect(config.appId).toBe('app.ami.desktop');
    expect(config.productName).toBe('Ami');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.productName).toBe(config.productName);
  });

  it('uses better-sqlite3 prebuilt binaries as they are, outside the asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('builds AppImage and deb, dmg and nsis, with icons from build/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.category).toBe('public.app-category.productivity');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) expect(icon).toMatch(/^build\//);
    const png = readFileSync(join(root, 'build', 'icons', '512x512.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('the fuses flipped at packaging time', () => {
  const configPath = join(root, 'electron-builder.config.cjs');
  /** Loads the config afresh, as electron-builder would, under the given AMI_TEST_BUILD. */
  function loadConfig(testBuild: string | undefined) {
    const saved = process.env.AMI_TEST_BUILD;
    if (testBuild === undefined) delete process.env.AMI_TEST_BUILD;
    else process.env.AMI_TEST_BUILD = testBuild;
    try {
      delete require.cache[require.resolve(configPath)];
      return require(configPath);
    } finally {
      if (saved === undefined) delete process.env.AMI_TEST_BUILD;
      else process.env.AMI_TEST_BUILD = saved;
      delete require.cache[require.resolve(configPath)];
    }
  }

  /** What electron-builder itself hands to @electron/fuses for this config (its own translation code). */
  async function fuseWire(config: { electronFuses: unknown }): Promise<Record<string, unknown>> {
    const { PlatformPackager } = require('app-builder-lib');
    return PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
  }

  it('turns off RunAsNode, NODE_OPTIONS and the inspector, and turns on cookie encryption and asar-only loading with integrity', async () => {
    const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
    const wire = await fuseWire(loadConfig(undefined));
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('keeps the inspector only in test builds', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    expect((await fuseWire(loadConfig('1')))[FuseV1Options.EnableNodeCliInspectArguments]).toBe(true);
    expect((await fuseWire(loadConfig('0')))[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect((await fuseWire(loadConfig('1')))[FuseV1Options.RunAsNode]).toBe(false);
  });
});

describe('the Electron runtime boundary', () => {
  const electronDir = join(root, 'electron');
  const sources = (readdirSync(electronDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f.split(sep).join('/'), text: readFileSync(join(electronDir, f), 'utf8') }));
  const importsElectron = /(?:from\s+|require\(\s*|import\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

  it('lets only main.ts and preload.ts import electron', () => {
    const importers = sources.filter((s) => importsElectron.test(s.text)).map((s) => s.file).sort();
    expect(importers).toEqual(['main.ts', 'preload.ts']);
  });

  it('builds windows only through createAppWindow', () => {
    const constructing = sources.filter((s) => /new\s+BrowserWindow\b/.test(s.text)).map((s) => s.file);
    expect(constructing).toEqual(['window-config.ts']);
    expect(sources.filter((s) => /\bBrowserView\b|WebContentsView|loadFile\(/.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
