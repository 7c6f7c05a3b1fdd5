// Runs the real electron/main.ts against a recording stand-in for 'electron' (no Electron binary exists here), with
// a real SQLite file in a temporary data directory: what the composition root applies is observed, not read.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fakeElectron, FakeBrowserWindow, FakeWebContents } from '../support/fake-electron.js';
import { tempDir } from '../support/temp-dir.js';
import { CALL_CHANNEL } from '../../electron/ipc/ipc-channels.js';
import { UNTRUSTED_SENDER_MESSAGE } from '../../electron/ipc/register-ipc.js';
import { APP_ENTRY_URL, APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../electron/window-config.js';

vi.mock('electron', async () => (await import('../support/fake-electron.js')).fakeElectron.module);

const fake = fakeElectron;
let dir: ReturnType<typeof tempDir>;
let savedDataDir: string | undefined;

const call = (frameUrl: string | null, channel: string, input: unknown) => {
  const handler = fake.ipcHandlers.get(CALL_CHANNEL);
  if (!handler) throw new Error('ami:call is not registered');
  return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, channel, input) as Promise<{ ok: boolean; value?: any; error?: any }>;
};

beforeAll(async () => {
  dir = tempDir('ami-main-');
  savedDataDir = process.env.AMI_DATA_DIR;
  process.env.AMI_DATA_DIR = join(dir.path, 'profile');
  await import('../../electron/main.js');
});

afterAll(async () => {
  // Quitting closes the database; the temporary folder can then go.
  fake.module.app.emit('will-quit', { preventDefault() {} });
  await vi.waitFor(() => expect(fake.called('app.quit')).not.toHaveLength(0));
  if (savedDataDir === undefined) delete process.env.AMI_DATA_DIR;
  else process.env.AMI_DATA_DIR = savedDataDir;
  dir.cleanup();
});

describe('electron/main.ts before the app is ready', () => {
  it('moves all data to AMI_DATA_DIR, registers app:// as a privileged scheme in time and enables the sandbox', () => {
    expect(fake.called('app.setPath')).toEqual([{ api: 'app.setPath', args: ['userData', join(dir.path, 'profile')] }]);
    expect(fake.called('protocol.registerSchemesAsPrivileged')).toEqual([
      {
        api: 'protocol.registerSchemesAsPrivileged',
        args: [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }], { beforeReady: true }],
      },
    ]);
    expect(fake.called('app.enableSandbox')).toHaveLength(1);
    expect(fake.called('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});

describe('electron/main.ts once ready', () => {
  beforeAll(async () => {
    fake.makeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 10_000 });
  });

  const win = () => FakeBrowserWindow.created[0]!;

  it('opens one hidden window, isolated and sandboxed, with the bundled preload, on app://ami', () => {
    const { options } = win();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(isAbsolute(options.webPreferences.preload)).toBe(true);
    expect(options.webPreferences.preload.endsWith('preload.cjs')).toBe(true);
    expect(win().loadedUrl).toBe(APP_ENTRY_URL);
    expect(fake.called('Menu.setApplicationMenu')).toHaveLength(1);
  });

  it('refuses every permission request and check on the default session', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      fake.permissionHandlers.request!({}, permission, (granted) => answers.push(granted));
      expect(fake.permissionHandlers.check!({}, permission)).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false]);
  });

  it('serves the renderer folder on app:// with the CSP, and nothing outside it', async () => {
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const page = await handler!({ url: APP_ENTRY_URL, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler!({ url: `${APP_ORIGIN}/../package.json`, method: 'GET' })).status).toBe(404);
    expect((await handler!({ url: `${APP_ORIGIN}/%2e%2e/%2e%2e/package.json`, method: 'GET' })).status).toBe(404);
  });

  it('answers IPC from its own page with the real services, and refuses a foreign frame', async () => {
    expect([...fake.ipcHandlers.keys()]).toEqual([CALL_CHANNEL]);
    expect(fake.called('ipcMain.on')).toEqual([]);
    const info = await call(APP_ENTRY_URL, 'app:info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', version: '0.1.0-test', dataDir: join(dir.path, 'profile') } });
    expect(existsSync(join(dir.path, 'profile', 'ami.sqlite'))).toBe(true);
    const created = await call(APP_ENTRY_URL, 'drafts:create', { title: 'Essai', text: 'Bonjour.' });
    expect(created.ok).toBe(true);

    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/index.html', null]) {
      expect(await call(url, 'drafts:list', {})).toEqual({ ok: false, error: { kind: 'validation', message: UNTRUSTED_SENDER_MESSAGE } });
    }
  });

  it('says the key cannot be stored where the system offers no encryption, and never stores it in clear', async () => {
    const result = await call(APP_ENTRY_URL, 'settings:setKey', { key: 'sk-or-v1-not-stored' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
    expect(existsSync(join(dir.path, 'profile', 'openrouter-key.enc'))).toBe(false);
  });

  it('guards every new webContents: no navigation away, no webview, no new window', () => {
    const contents = new FakeWebContents('window');
    fake.module.app.emit('web-contents-created', {}, contents);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.fire('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-attach-webview', APP_ENTRY_URL)).toBe(true);
    expect(contents.fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });

    const other = new FakeWebContents('backgroundPage');
    fake.module.app.emit('web-contents-created', {}, other);
    expect(other.fire('will-navigate', APP_ENTRY_URL)).toBe(true);
  });

  it('opens an https link from a new-window request only after the author confirmed it', async () => {
    const contents = new FakeWebContents('window');
    fake.module.app.emit('web-contents-created', {}, contents);
    const before = fake.called('dialog.showMessageBox').length;

    fake.messageBoxAnswers.push(1); // Cancel
    expect(contents.windowOpenHandler!({ url: 'https://example.com/declined' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.called('dialog.showMessageBox')).toHaveLength(before + 1));

    fake.messageBoxAnswers.push(0); // Open in browser
    expect(contents.windowOpenHandler!({ url: 'https://example.com/accepted' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.called('shell.openExternal')).toHaveLength(1));
    expect(fake.called('shell.openExternal')[0]!.args).toEqual(['https://example.com/accepted']);
    const asked = fake.called('dialog.showMessageBox').at(-1)!.args;
    expect(JSON.stringify(asked)).toContain('https://example.com/accepted');
  });

  it('opens links:open requests the same way, and refuses anything but https without asking', async () => {
    const opened = fake.called('shell.openExternal').length;
    const asked = fake.called('dialog.showMessageBox').length;
    expect(await call(APP_ENTRY_URL, 'links:open', { url: 'http://example.com/' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(fake.called('dialog.showMessageBox')).toHaveLength(asked);
    fake.messageBoxAnswers.push(0);
    expect(await call(APP_ENTRY_URL, 'links:open', { url: 'https://openrouter.ai/docs' })).toEqual({ ok: true, value: { opened: true } });
    expect(fake.called('shell.openExternal')).toHaveLength(opened + 1);
  });

  it('saves exports through the native dialog (cancelled here: nothing written)', async () => {
    const drafts = await call(APP_ENTRY_URL, 'drafts:list', {});
    const id = drafts.value[0].id;
    const saved = await call(APP_ENTRY_URL, 'export:save', { draftId: id, format: 'markdown' });
    expect(fake.called('dialog.showSaveDialog')).toHaveLength(1);
    expect(saved).toEqual({ ok: true, value: null });
  });

  it('keeps the spellchecker off the network: the dictionary address is set inside the app before the window opens', () => {
    const set = fake.called('session.setSpellCheckerDictionaryDownloadURL');
    expect(set).toHaveLength(1);
    const [url, when] = set[0]!.args as [string, { windows: number }];
    expect(url.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(url).not.toMatch(/^https?:/);
    expect(when.windows).toBe(0);
  });

  it('sets the session spellchecker to the draft language through spellcheck:setLanguage, once per change', async () => {
    const languages = () => fake.called('session.setSpellCheckerLanguages').map((c) => c.args[0]);
    expect(await call(APP_ENTRY_URL, 'spellcheck:setLanguage', { language: 'fr' })).toEqual({ ok: true, value: { applied: true } });
    expect(languages()).toEqual([['fr']]);
    await call(APP_ENTRY_URL, 'spellcheck:setLanguage', { language: 'fr' });
    expect(languages()).toEqual([['fr']]);
    await call(APP_ENTRY_URL, 'spellcheck:setLanguage', { language: 'en' });
    expect(languages()).toEqual([['fr'], ['en-US']]);
    expect(await call(APP_ENTRY_URL, 'spellcheck:setLanguage', { language: 'de' })).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await call('https://evil.example/', 'spellcheck:setLanguage', { language: 'fr' })).toMatchObject({ ok: false });
    expect(languages()).toHaveLength(2);
  });
});
