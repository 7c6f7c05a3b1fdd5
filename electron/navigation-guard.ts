// Keeps every webContents where it is: no navigation away from Ami's pages, no new windows, no <webview>.
// A reply's link can still reach the browser, but only through main's confirm-then-open path.
import { isAppUrl, isSafeExternalUrl } from './window-config.js';

interface PreventableEvent {
  preventDefault(): void;
  url?: string;
}

export interface GuardableContents {
  on(event: string, listener: (...args: any[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  /** Ami's own window may move between its app:// pages; any other webContents may not navigate at all. */
  allowAppNavigation: boolean;
  /** Called for a blocked new window whose URL is a safe https: link (the caller asks before opening it). */
  onExternalLink?: (url: string) => void;
  log?: (line: string) => void;
}

export function guardWebContents(contents: GuardableContents, options: NavigationGuardOptions): void {
  const log = options.log ?? (() => {});
  const allowed = (url: string) => options.allowAppNavigation && isAppUrl(url);
  const guard = (name: string) => (event: PreventableEvent, legacyUrl?: unknown) => {
    const url = typeof event.url === 'string' ? event.url : typeof legacyUrl === 'string' ? legacyUrl : '';
    if (allowed(url)) return;
    event.preventDefault();
    log(`blocked ${name} to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
    log('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (options.onExternalLink && isSafeExternalUrl(url)) options.onExternalLink(url);
    else log(`blocked a new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Ami needs no camera, microphone, notification or any other web permission: every request is refused. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
