// The app:// protocol that serves dist/renderer. Pure (no 'electron' import): main.ts passes the handler to
// protocol.handle. A request may only ever reach a file inside the renderer folder, and only of a known type.
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './window-config.js';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface AppFile {
  path: string;
  mime: string;
}

/** Maps an app://ami/… URL to a file inside rootDir, or null when the URL is foreign, escapes the folder or names
 * a file type Ami does not serve. '/' is index.html. */
export function resolveAppPath(requestUrl: string, rootDir: string): AppFile | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}/`;
  if (!requestUrl.startsWith(prefix)) return null;
  // Read the path from the raw string: the URL parser would quietly fold '..' away and hide the attempt.
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded === '') decoded = 'index.html';
  if (/[\\\0:]/.test(decoded) || decoded.startsWith('/') || isAbsolute(decoded)) return null;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null;

  const root = resolve(rootDir);
  const path = resolve(root, ...segments);
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !path.startsWith(root + sep)) return null;
  const mime = MIME_TYPES[extname(path).toLowerCase()];
  return mime ? { path, mime } : null;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/** Builds the protocol.handle callback. HTML responses carry Ami's Content-Security-Policy. */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFile = fsReadFile) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppPath(request.url, rootDir);
    if (!file) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(file.path);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const headers: Record<string, string> = { 'Content-Type': file.mime, 'X-Content-Type-Options': 'nosniff' };
    if (file.mime.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers });
  };
}
