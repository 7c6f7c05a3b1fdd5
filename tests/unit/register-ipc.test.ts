// The Electron side of the contract: ami:call is answered only for frames showing Ami's own app:// pages, and the
// preload's window.ami reaches main only through that one channel. Electron's objects are replaced by small
// stand-ins with the same shape; the dispatcher is the real one.
import { describe, expect, it } from 'vitest';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../electron/ipc/ipc-channels.js';
import { createDispatcher, type Dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import { createEventSender, registerIpc, UNTRUSTED_SENDER_MESSAGE, type IpcInvokeEventLike } from '../../electron/ipc/register-ipc.js';
import { buildAmiApi } from '../../electron/preload-api.js';
import { CHANNELS } from '../../shared/contract.js';
import { APP_ENTRY_URL } from '../../electron/window-config.js';
import type { AmiEvent } from '../../shared/domain.js';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel: string, listener: Listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
    invoke(frameUrl: string | null, ...args: unknown[]) {
      const handler = handlers.get(CALL_CHANNEL);
      if (!handler) throw new Error('ami:call is not registered');
      return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
    },
  };
}

/** The real dispatcher with one handler that records its calls; every other channel would throw. */
function recordingDispatch() {
  const calls: unknown[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, channel) => (input: unknown) => {
      calls.push({ channel, input });
      return [];
    },
  });
  return { dispatch: createDispatcher(handlers), calls };
}

describe('registerIpc', () => {
  it('answers a call from Ami’s own page through the validating dispatcher', async () => {
    const ipc = fakeIpcMain();
    const { dispatch, calls } = recordingDispatch();
    registerIpc(ipc, dispatch);
    expect([...ipc.handlers.keys()]).toEqual([CALL_CHANNEL]);
    await expect(ipc.invoke(APP_ENTRY_URL, 'drafts:list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(calls).toEqual([{ channel: 'drafts:list', input: { trashed: false } }]);
    // Input the schema refuses never reaches the handler.
    await expect(ipc.invoke(APP_ENTRY_URL, 'drafts:list', { trashed: 'yes', extra: 1 })).resolves.toMatchObject({ ok: false, error: { kind: 'validation' } });
    await expect(ipc.invoke(APP_ENTRY_URL, 'drafts:drop', {})).resolves.toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/index.html',
    'file:///work/main/dist/renderer/index.html',
    'app://evil/index.html',
    'app://ami.evil/index.html',
    'about:blank',
    'data:text/html,hi',
    'devtools://devtools/bundled/inspector.html',
  ])('refuses a call from a frame showing %s, before any validation or handler', async (url) => {
    const ipc = fakeIpcMain();
    const { dispatch, calls } = recordingDispatch();
    const logs: string[] = [];
    registerIpc(ipc, dispatch, (l) => logs.push(l));
    await expect(ipc.invoke(url, 'drafts:list', {})).resolves.toEqual({ ok: false, error: { kind: 'validation', message: UNTRUSTED_SENDER_MESSAGE } });
    expect(calls).toEqual([]);
    expect(logs).toEqual(['refused drafts:list from an untrusted frame']);
  });

  it('refuses a call whose frame is already gone', async () => {
    const ipc = fakeIpcMain();
    const { dispatch, calls } = recordingDispatch();
    registerIpc(ipc, dispatch);
    await expect(ipc.invoke(null, 'drafts:list', {})).resolves.toMatchObject({ ok: false, error: { message: UNTRUSTED_SENDER_MESSAGE } });
    expect(calls).toEqual([]);
  });

  it('returns the function that uninstalls it', () => {
    const ipc = fakeIpcMain();
    const uninstall = registerIpc(ipc, recordingDispatch().dispatch);
    uninstall();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('createEventSender', () => {
  const event: AmiEvent = { type: 'reply:delta', replyId: 'r1', text: 'x' } as unknown as AmiEvent;

  it('sends events to the current window on ami:event', () => {
    const sent: unknown[][] = [];
    const win = { isDestroyed: () => false, webContents: { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) } };
    createEventSender(() => win)(event);
    expect(sent).toEqual([[EVENT_CHANNEL, event]]);
  });

  it('drops events when there is no live window', () => {
    const sent: unknown[] = [];
    const send = (...args: unknown[]) => sent.push(args);
    createEventSender(() => null)(event);
    createEventSender(() => ({ isDestroyed: () => true, webContents: { isDestroyed: () => false, send } }))(event);
    createEventSender(() => ({ isDestroyed: () => false, webContents: { isDestroyed: () => true, send } }))(event);
    expect(sent).toEqual([]);
  });
});

describe('buildAmiApi (window.ami)', () => {
  function fakeIpcRenderer() {
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
    return {
      invoked,
      listeners,
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
      on(channel: string, l: (event: unknown, payload: unknown) => void) {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l));
      },
      removeListener(channel: string, l: (event: unknown, payload: unknown) => void) {
        listeners.get(channel)?.delete(l);
      },
    };
  }

  it('has one function per contract channel plus onEvent, and nothing else; it cannot be changed', () => {
    const api = buildAmiApi(fakeIpcRenderer());
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key], key).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends every call through ami:call with the channel name and the input', async () => {
    const ipc = fakeIpcRenderer();
    const api = buildAmiApi(ipc);
    await api['drafts:list']({ trashed: true });
    expect(ipc.invoked).toEqual([[CALL_CHANNEL, 'drafts:list', { trashed: true }]]);
  });

  it('hands the page the event payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const api = buildAmiApi(ipc);
    const received: unknown[][] = [];
    const off = api.onEvent((...args: unknown[]) => received.push(args));
    const sender = { send() {}, invoke() {} };
    for (const l of ipc.listeners.get(EVENT_CHANNEL) ?? []) l({ sender }, { type: 'x' });
    expect(received).toEqual([[{ type: 'x' }]]);
    off();
    expect(ipc.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    const api = buildAmiApi(fakeIpcRenderer());
    expect(() => api.onEvent('x' as never)).toThrow(TypeError);
  });
});

describe('preload and main agree on the call path', () => {
  it('a call from window.ami in Ami’s page reaches the handler; the same call from a foreign frame does not', async () => {
    const ipc = fakeIpcMain();
    const { dispatch, calls } = recordingDispatch();
    registerIpc(ipc, dispatch as Dispatch);
    const bridge = (frameUrl: string) => ({
      invoke: (channel: string, ...args: unknown[]) => Promise.resolve(ipc.handlers.get(channel)!({ senderFrame: { url: frameUrl } }, ...args)),
      on() {},
      removeListener() {},
    });
    await expect(buildAmiApi(bridge(APP_ENTRY_URL))['drafts:list']({ trashed: false })).resolves.toEqual({ ok: true, value: [] });
    await expect(buildAmiApi(bridge('https://evil.example/'))['drafts:list']({ trashed: false })).resolves.toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
  });
});
