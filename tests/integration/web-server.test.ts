import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { createServices, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import { startWebServer, type WebServer } from '../../electron/web/web-server.js';
import type { LlmClient } from '../../electron/llm/llm-client.js';
import { tempDir } from '../support/temp-dir.js';

const unusedLlm: LlmClient = {
  chat: () => Promise.reject(new Error('not used here')),
  listModels: () => Promise.resolve({ models: [], listed: 0, truncated: false }),
};

let dir: ReturnType<typeof tempDir>;
let services: Services;
let web: WebServer;

/** A raw HTTP request, so that Host and Origin can be forged as an attacker would. */
function raw(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${web.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw({ path: `/api/call/${channel}`, method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json', 'x-ami-token': web.token, ...headers } });

beforeAll(async () => {
  dir = tempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ami</title>');
  writeFileSync(join(dir.path, 'secret.txt'), 'outside');
  services = createServices({ dataDir: join(dir.path, 'data'), mode: 'web', version: 'test', llm: unusedLlm, keyStore: envKeyStore({}), emit: (e) => web.emit(e), env: {} });
  web = await startWebServer({ dispatch: services.dispatch, rendererDir });
});
afterAll(async () => {
  await web.close();
  services.close();
  dir.cleanup();
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/#token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers a contract call with the right token', async () => {
    const res = await call('drafts:list', { trashed: false });
    expect(res.status).toBe(200);
    const result = JSON.parse(res.body);
    expect(result.ok).toBe(true);
    expect(Array.isArray(result.value)).toBe(true);
  });

  it('rejects a missing or wrong token', async () => {
    expect((await call('drafts:list', {}, { 'x-ami-token': '' })).status).toBe(401);
    expect((await call('drafts:list', {}, { 'x-ami-token': web.token.slice(0, -1) + 'x' })).status).toBe(401);
    expect((await raw({ path: '/api/events?token=nope' })).status).toBe(401);
  });

  it('rejects a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect((await call('drafts:list', {}, { host: `evil.example:${web.port}` })).status).toBe(421);
    expect((await raw({ path: '/', headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await call('drafts:list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('drafts:list', {}, { origin: `http://127.0.0.1:${web.port}` })).status).toBe(200);
  });

  it('returns validation errors as values for malformed input and unknown channels', async () => {
    const bad = JSON.parse((await call('drafts:get', { id: 42 })).body);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const unknown = await raw({ path: '/api/call/drafts:nuke', method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'x-ami-token': web.token } });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const notJson = await raw({ path: '/api/call/drafts:list', method: 'POST', body: '{oops', headers: { 'content-type': 'application/json', 'x-ami-token': web.token } });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await raw({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await raw({ path: '/../secret.txt' })).body).not.toContain('outside');
    expect((await raw({ path: '/%2e%2e/secret.txt' })).body).not.toContain('outside');
    expect((await raw({ path: '/..%2fsecret.txt' })).body).not.toContain('outside');
  });

  it('streams events to subscribers with the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: web.port, path: `/api/events?token=${web.token}`, headers: { host: `127.0.0.1:${web.port}` } }, (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
          if (body.includes('reply:delta')) {
            req.destroy();
            resolve(body);
          }
        });
        setTimeout(() => web.emit({ type: 'reply:delta', replyId: 'r', consultationId: 'c', delta: 'Bonjour' }), 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"type":"reply:delta","replyId":"r","consultationId":"c","delta":"Bonjour"}');
  });
});

describe('the port of browser mode', () => {
  it('comes back on the port it is given, and moves to a free one, saying so, only when told it may', async () => {
    const rendererDir = join(dir.path, 'renderer');
    const logged: string[] = [];
    // The port of the server above is taken: a second server asked for it must not take it silently.
    await expect(startWebServer({ dispatch: services.dispatch, rendererDir, port: web.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const moved = await startWebServer({ dispatch: services.dispatch, rendererDir, port: web.port, portFallback: true, log: (l) => logged.push(l) });
    try {
      expect(moved.port).not.toBe(web.port);
      expect(logged.join('\n')).toContain(`port ${web.port} is taken`);
      expect(logged.join('\n')).toContain('AMI_PORT');
    } finally {
      await moved.close();
    }
    // Once free, the same port is taken again: a restarted server keeps the origin of the windows left open.
    const first = await startWebServer({ dispatch: services.dispatch, rendererDir });
    const port = first.port;
    await first.close();
    const again = await startWebServer({ dispatch: services.dispatch, rendererDir, port, portFallback: true });
    try {
      expect(again.port).toBe(port);
      expect(again.token).not.toBe(first.token);
    } finally {
      await again.close();
    }
  });
});
