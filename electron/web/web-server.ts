// Browser mode: the same services behind the same contract, over HTTP on 127.0.0.1 only. Every API request
// carries a per-run random token; Host and Origin are checked so that no other site (DNS rebinding, a page in
// another tab) can drive it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AmiEvent } from '../../shared/domain.js';
import type { Dispatch } from '../ipc/dispatch.js';
import { MIME_TYPES } from '../app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../window-config.js';

/** Largest request body: a maximal draft in UTF-8 plus JSON escaping. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;


const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface WebServerOptions {
  dispatch: Dispatch;
  /** Where the built renderer is (dist/renderer). */
  rendererDir: string;
  port?: number;
  /** When `port` is taken, listen on a free one instead (saying so) rather than fail. */
  portFallback?: boolean;
  token?: string;
  log?: (line: string) => void;
}

export interface WebServer {
  url: string; // includes #token=…
  origin: string;
  token: string;
  port: number;
  emit(event: AmiEvent): void;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const clients = new Set<ServerResponse>();
  const log = options.log ?? (() => {});
  let allowedHosts = new Set<string>();

  const tokenOk = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  const send = (res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8') => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const refuse = (res: ServerResponse, status: number, message: string) =>
    send(res, status, JSON.stringify({ ok: false, error: { kind: 'validation', message } }));

  async function readBody(req: IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return refuse(res, 400, 'Bad path.');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = normalize(join(options.rendererDir, rel));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return refuse(res, 403, 'Forbidden.');
    try {
      if (!(await stat(file)).isFile()) return refuse(res, 404, 'Not found.');
      const body = await readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      refuse(res, 404, 'Not found.');
    }
  }

  const server = createServer(async (req, res) => {
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host header.
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 421, 'Unknown host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return refuse(res, 403, 'Foreign origin.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!tokenOk(url.searchParams.get('token'))) return refuse(res, 401, 'Missing or wrong token.');
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      const match = /^\/api\/call\/([a-zA-Z]+:[a-zA-Z]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return refuse(res, 404, 'Unknown request.');
      if (!tokenOk(req.headers['x-ami-token'] as string | undefined)) return refuse(res, 401, 'Missing or wrong token.');
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'JSON expected.');
      const body = await readBody(req);
      if (body === null) return refuse(res, 413, 'This request is too large for Ami.');
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return refuse(res, 400, 'Ami refused a malformed request.');
      }
      const result = await options.dispatch(match[1]!, input);
      return send(res, 200, JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    return serveStatic(url.pathname, res);
  });
  server.requestTimeout = 0; // event streams stay open
  server.headersTimeout = 30_000;

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', onError);
        resolve();
      });
    });
  try {
    await listen(options.port ?? 0);
  } catch (err) {
    if (!options.portFallback || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    log(
      `port ${options.port} is taken (another program, or another Ami); using a random port this time. A window left open from an earlier run cannot reconnect to it: set AMI_PORT to choose the port.`,
    );
    await listen(0);
  }
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const keepAlive = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 15_000);
  keepAlive.unref();
  log(`listening on 127.0.0.1:${port}`);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    origin: `http://127.0.0.1:${port}`,
    token,
    port,
    emit(event) {
      const line = `data: ${JSON.stringify(event)}\n\n`;
      for (const c of clients) c.write(line);
    },
    async close() {
      clearInterval(keepAlive);
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
