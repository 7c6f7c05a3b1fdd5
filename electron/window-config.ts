// The security settings of Ami's window, kept pure so that tests can read exactly what main.ts applies.
// The renderer shows model replies, which are hostile input: it gets no Node, no network and no navigation.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ami';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** 'unsafe-inline' styles only: CodeMirror injects its theme as <style> elements. img-src keeps replies from
 * exfiltrating the draft through image URLs; connect-src keeps the page off the network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface AmiWebPreferences {
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: true;
  preload: string;
}

export interface AppWindowOptions {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: false;
  backgroundColor: string;
  webPreferences: AmiWebPreferences;
}

export interface AppWindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** Builds Ami's one window with Electron's BrowserWindow passed in. The options are written out in the `new`
 * expression itself because that is what Electronegativity reads: it checks exactly what Electron receives. */
export function createAppWindow<W>(
  BrowserWindow: new (options: AppWindowOptions) => W,
  placement: AppWindowPlacement,
  preload: string,
  backgroundColor: string,
): W {
  // Auxclick stays enabled: a middle click asks for a new window, and setWindowOpenHandler denies every one.
  return new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    ...(placement.x === undefined || placement.y === undefined ? {} : { x: placement.x, y: placement.y }),
    width: placement.width,
    height: placement.height,
    minWidth: placement.minWidth,
    minHeight: placement.minHeight,
    title: 'Ami',
    show: false,
    backgroundColor,
    webPreferences: {
      contextIsolation: true,
      // Explicit although it is Electron's default: a preload must never get Node by accident.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A file dropped outside the editor would otherwise replace the page with file://…
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // Reviewed: it exposes one function per contract channel, never ipcRenderer (tests/unit/register-ipc.test.ts).
      preload, // eng-disable PRELOAD_JS_CHECK
    },
  });
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a URL belongs to Ami's own pages (app://ami/…). Anything else — file:, http:, another host — is not. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** IPC is answered only for frames showing Ami's own pages. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Links from replies may open in the system browser only when they are plain https: without credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}
