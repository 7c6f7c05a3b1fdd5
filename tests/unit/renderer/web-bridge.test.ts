import { describe, expect, it } from 'vitest';
import { createWebBridge, networkError, takeToken, TOKEN_KEY, type BridgeEnv } from '../../../renderer/api/web-bridge';
import type { AmiEvent } from '../../../shared/domain';

function fakeEnv(hash: string, fetchImpl: BridgeEnv['fetch']) {
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  const streams: { url: string; onData: (d: string) => void; closed: boolean }[] = [];
  const env: BridgeEnv = {
    location: { hash, pathname: '/', search: '' },
    history: { replaceState: (_d, _u, url) => replaced.push(String(url)) },
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    fetch: fetchImpl,
    openEvents: (url, onData) => {
      const s = { url, onData, closed: false };
      streams.push(s);
      return { close: () => (s.closed = true) };
    },
  };
  return { env, stored, replaced, streams };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('takeToken', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    const { env, stored, replaced } = fakeEnv('#token=abc_123', (() => {}) as never);
    expect(takeToken(env)).toBe('abc_123');
    expect(stored.get(TOKEN_KEY)).toBe('abc_123');
    expect(replaced).toEqual(['/']);
  });

  it('falls back to the stored token after a reload', () => {
    const { env, stored, replaced } = fakeEnv('', (() => {}) as never);
    stored.set(TOKEN_KEY, 'kept');
    expect(takeToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });
});

describe('createWebBridge', () => {
  it('posts the input with the token and returns the result body', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const { env } = fakeEnv('#token=tok', async (url, init) => {
      seen.push({ url: String(url), init: init! });
      return json(200, { ok: true, value: { id: 'd1' } });
    });
    const api = createWebBridge(env);
    const result = await api['drafts:get']({ id: 'd1' });
    expect(result).toEqual({ ok: true, value: { id: 'd1' } });
    expect(seen[0]!.url).toBe('/api/call/drafts:get');
    expect(seen[0]!.init.method).toBe('POST');
    expect((seen[0]!.init.headers as Record<string, string>)['X-Ami-Token']).toBe('tok');
    expect(JSON.parse(String(seen[0]!.init.body))).toEqual({ id: 'd1' });
  });

  it('turns a failed connection into the network error that promises the text is kept', async () => {
    const { env } = fakeEnv('#token=tok', async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await createWebBridge(env)['drafts:save']({ id: 'd1', text: 'x' });
    expect(result).toEqual({ ok: false, error: networkError() });
  });

  it('explains a refused token', async () => {
    const { env } = fakeEnv('#token=wrong', async () => json(401, { ok: false, error: { kind: 'validation', message: 'Missing or wrong token.' } }));
    const result = await createWebBridge(env)['drafts:list']({ trashed: false });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(401);
      expect(result.error.message).toMatch(/token/);
    }
  });

  it('shares one event stream between listeners and closes it with the last one', () => {
    const { env, streams } = fakeEnv('#token=t k', async () => json(200, { ok: true, value: null }));
    const api = createWebBridge(env);
    const a: AmiEvent[] = [];
    const b: AmiEvent[] = [];
    const offA = api.onEvent((e) => a.push(e));
    const offB = api.onEvent((e) => b.push(e));
    expect(streams).toHaveLength(1);
    expect(streams[0]!.url).toBe('/api/events?token=t%20k');
    const event: AmiEvent = { type: 'reply:delta', replyId: 'r', consultationId: 'c', delta: 'hi' };
    streams[0]!.onData(JSON.stringify(event));
    streams[0]!.onData('not json');
    expect(a).toEqual([event]);
    expect(b).toEqual([event]);
    offA();
    expect(streams[0]!.closed).toBe(false);
    offB();
    expect(streams[0]!.closed).toBe(true);
  });
});
