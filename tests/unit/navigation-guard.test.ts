// The webContents guard and the permission handlers, driven like Electron drives them: events carry a
// preventDefault, the window-open handler returns the action, the permission callbacks get the answer.
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, guardWebContents, type GuardableContents } from '../../electron/navigation-guard.js';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/window-config.js';

/** A webContents stand-in that records the listeners the guard installs and lets a test fire them. */
function fakeContents() {
  const listeners = new Map<string, ((...args: any[]) => void)[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  /** Fires an event the way Electron 45 does (details object with url), returns whether it was prevented. */
  const fire = (event: string, url: string, legacy = false): boolean => {
    let prevented = false;
    const details = { url, preventDefault: () => (prevented = true) };
    const handlers = listeners.get(event) ?? [];
    if (handlers.length === 0) throw new Error(`no listener for ${event}`);
    for (const handler of handlers) {
      if (legacy) handler({ preventDefault: details.preventDefault }, url);
      else handler(details);
    }
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents, fire, open };
}

const foreign = [
  'https://evil.example/phish.html',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
];

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: Ami’s window may move between its own pages only', (event) => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, { allowAppNavigation: true });
    expect(fire(event, APP_ENTRY_URL)).toBe(false);
    expect(fire(event, `${APP_ORIGIN}/index.html#/drafts/1`)).toBe(false);
    for (const url of foreign) expect(fire(event, url), url).toBe(true);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: any other webContents may not navigate at all', (event) => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, { allowAppNavigation: false });
    expect(fire(event, APP_ENTRY_URL)).toBe(true);
    for (const url of foreign) expect(fire(event, url), url).toBe(true);
  });

  it('reads the URL from the older (event, url) signature too', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, { allowAppNavigation: true });
    expect(fire('will-navigate', 'https://evil.example/', true)).toBe(true);
    expect(fire('will-navigate', APP_ENTRY_URL, true)).toBe(false);
  });

  it('refuses every <webview>', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, { allowAppNavigation: true });
    expect(fire('will-attach-webview', APP_ENTRY_URL)).toBe(true);
  });

  it('denies every new window; a safe https link goes to the caller, which asks before opening it', () => {
    const { contents, open } = fakeContents();
    const handedOver: string[] = [];
    const logs: string[] = [];
    guardWebContents(contents, { allowAppNavigation: true, onExternalLink: (url) => handedOver.push(url), log: (l) => logs.push(l) });

    expect(open('https://openrouter.ai/docs')).toEqual({ action: 'deny' });
    expect(handedOver).toEqual(['https://openrouter.ai/docs']);

    for (const url of ['http://example.com/', 'https://user:pw@example.com/', 'file:///etc/passwd', 'javascript:alert(1)', APP_ENTRY_URL, 'about:blank']) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(handedOver).toEqual(['https://openrouter.ai/docs']);
    expect(logs.filter((l) => l.startsWith('blocked a new window'))).toHaveLength(6);
  });

  it('denies new windows even with nobody to hand links to', () => {
    const { contents, open } = fakeContents();
    guardWebContents(contents, { allowAppNavigation: true });
    expect(open('https://openrouter.ai/docs')).toEqual({ action: 'deny' });
  });
});

describe('denyAllPermissions', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type CheckHandler = (contents: unknown, permission: string) => boolean;

  function install(): { request: RequestHandler; check: CheckHandler } {
    const installed: { request?: RequestHandler; check?: CheckHandler } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (h) => (installed.request = h),
      setPermissionCheckHandler: (h) => (installed.check = h),
    });
    const { request, check } = installed;
    if (!request || !check) throw new Error('handlers not installed');
    return { request, check };
  }

  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'midi', 'hid', 'serial', 'usb', 'unknown'];

  it('refuses every permission request', () => {
    const { request } = install();
    for (const permission of permissions) {
      const answers: boolean[] = [];
      request({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
  });

  it('answers every permission check with no', () => {
    const { check } = install();
    for (const permission of permissions) expect(check({}, permission), permission).toBe(false);
  });
});
