import { describe, expect, it } from 'vitest';
import { createWebBridge, networkError, takeToken, TOKEN_KEY, UNREACHABLE_AFTER_MS, type BridgeEnv, type ConnectionStatus } from '../../../renderer/api/web-bridge';
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
    const { api } = createWebBridge(env);
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
    const result = await createWebBridge(env).api['drafts:save']({ id: 'd1', text: 'x' });
    expect(result).toEqual({ ok: false, error: networkError() });
  });

  it('explains a refused token', async () => {
    const { env } = fakeEnv('#token=wrong', async () => json(401, { ok: false, error: { kind: 'validation', message: 'Missing or wrong token.' } }));
    const result = await createWebBridge(env).api['drafts:list']({ trashed: false });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(401);
      expect(result.error.message).toMatch(/token/);
    }
  });

  it('shares one event stream between listeners and closes it with the last one', () => {
    const { env, streams } = fakeEnv('#token=t k', async () => json(200, { ok: true, value: null }));
    const { api } = createWebBridge(env);
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

describe('the bridge after the server restarted', () => {
  /** A server whose token the test changes, as a restart does. */
  function restartable(origin = 'http://127.0.0.1:4000') {
    let serverToken = 'old';
    let up = true;
    const tokensSeen: string[] = [];
    const { env, stored, streams } = fakeEnv('#token=old', async (_url, init) => {
      if (!up) throw new TypeError('Failed to fetch');
      const sent = (init!.headers as Record<string, string>)['X-Ami-Token']!;
      tokensSeen.push(sent);
      return sent === serverToken ? json(200, { ok: true, value: { updatedAt: 'T' } }) : json(401, { ok: false, error: { kind: 'validation', message: 'Missing or wrong token.' } });
    });
    let clock = 0;
    env.location.origin = origin;
    env.now = () => clock;
    const bridge = createWebBridge(env);
    const statuses: ConnectionStatus[] = [];
    bridge.connection.onStatus((s) => statuses.push(s));
    return {
      ...bridge,
      stored,
      streams,
      tokensSeen,
      statuses,
      restart: (token: string) => (serverToken = token),
      setUp: (value: boolean) => (up = value),
      tick: (ms: number) => (clock += ms),
    };
  }

  it('says the token was refused, takes the new address, and the next save goes through with the new token', async () => {
    const b = restartable();
    const off = b.api.onEvent(() => {});
    b.restart('new-token');
    const refused = await b.api['drafts:save']({ id: 'd1', text: 'unsaved words' });
    expect(refused.ok).toBe(false);
    expect(b.statuses).toEqual(['refused']);
    expect(await b.connection.reconnect('nothing useful')).toMatchObject({ ok: false });
    expect(await b.connection.reconnect('http://127.0.0.1:4000/#token=stale')).toMatchObject({ ok: false });
    expect(b.connection.status()).toBe('refused');
    expect(await b.connection.reconnect('  http://127.0.0.1:4000/#token=new-token \n')).toEqual({ ok: true });
    expect(b.statuses).toEqual(['refused', 'ok']);
    expect(b.stored.get(TOKEN_KEY)).toBe('new-token');
    expect(await b.api['drafts:save']({ id: 'd1', text: 'unsaved words' })).toEqual({ ok: true, value: { updatedAt: 'T' } });
    expect(b.tokensSeen.at(-1)).toBe('new-token');
    // The refused event stream is opened again with the new token.
    expect(b.streams.map((s) => [s.url, s.closed])).toEqual([
      ['/api/events?token=old', true],
      ['/api/events?token=new-token', false],
    ]);
    off();
  });

  it('sends again with the new token a call that was refused while the window was taking it', async () => {
    let serverToken = 'old';
    const sent: string[] = [];
    let holdNext: Promise<void> | null = null;
    const { env } = fakeEnv('#token=old', async (_url, init) => {
      const token = (init!.headers as Record<string, string>)['X-Ami-Token']!;
      sent.push(token);
      const hold = holdNext;
      holdNext = null;
      const ok = token === serverToken;
      if (hold) await hold;
      return ok ? json(200, { ok: true, value: { updatedAt: 'T' } }) : json(401, { ok: false, error: { kind: 'validation', message: 'Missing or wrong token.' } });
    });
    const { api, connection } = createWebBridge(env);
    serverToken = 'new-token';
    let release!: () => void;
    holdNext = new Promise<void>((r) => (release = r));
    // The save leaves with the old token; its refusal arrives only after the window took the new one.
    const saving = api['drafts:save']({ id: 'd1', text: 'words' });
    expect(await connection.reconnect('#token=new-token')).toEqual({ ok: true });
    release();
    expect(await saving).toEqual({ ok: true, value: { updatedAt: 'T' } });
    expect(sent).toEqual(['old', 'new-token', 'new-token']);
    expect(connection.status()).toBe('ok');
  });

  it('refuses an address on another origin, which this window cannot reach', async () => {
    const b = restartable();
    b.restart('new-token');
    await b.api['drafts:list']({ trashed: false });
    const result = await b.connection.reconnect('http://127.0.0.1:5999/#token=new-token');
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain('http://127.0.0.1:5999');
    expect(b.tokensSeen.includes('new-token')).toBe(false);
  });

  it('says the server is unreachable only once calls have failed for a while, and ok again when one gets through', async () => {
    const b = restartable();
    b.setUp(false);
    await b.api['drafts:save']({ id: 'd1', text: 'x' });
    b.tick(UNREACHABLE_AFTER_MS - 1);
    await b.api['drafts:save']({ id: 'd1', text: 'x' });
    expect(b.statuses).toEqual([]);
    b.tick(1);
    await b.api['drafts:save']({ id: 'd1', text: 'x' });
    expect(b.statuses).toEqual(['unreachable']);
    b.setUp(true);
    await b.api['drafts:save']({ id: 'd1', text: 'x' });
    expect(b.statuses).toEqual(['unreachable', 'ok']);
  });
});
