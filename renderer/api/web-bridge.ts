// Browser mode: the same contract over HTTP on 127.0.0.1. The token comes once in the URL fragment (never sent to
// the server as part of a URL it could log) and is kept for this tab only. A restarted server has a new token: the
// connection says so, and takes the new address so that the window's unsaved text can still be saved.
import { CHANNELS, type AmiApi, type Channel } from '../../shared/contract';
import type { AmiError, AmiEvent, Result } from '../../shared/domain';

export const TOKEN_KEY = 'ami-token';

// Facts only: what becomes of the author's text is said once, by whoever shows the error (SaveStatus, the dialog).
export const NETWORK_ERROR: AmiError = {
  kind: 'network',
  message: 'Ami’s local server is not answering.',
};

export const TOKEN_ERROR: AmiError = {
  kind: 'forbidden',
  message: 'Ami’s local server refused this window’s access token: it was probably restarted, and has a new one.',
};

/** How long calls may keep failing to reach the server before the window offers to take the text out. */
export const UNREACHABLE_AFTER_MS = 5000;

/** 'refused': the server answers but not to this token; 'unreachable': nothing answered for a while. */
export type ConnectionStatus = 'ok' | 'refused' | 'unreachable';

export interface BridgeConnection {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /**
   * Takes the token from an address Ami printed (…#token=…), checks that the server accepts it, and uses it from
   * then on (session storage too). Resolves with a message for the author when it cannot.
   */
  reconnect(address: string): Promise<{ ok: true } | { ok: false; message: string }>;
}

export interface WebBridge {
  api: AmiApi;
  connection: BridgeConnection;
}

export interface BridgeEnv {
  location: { hash: string; pathname: string; search: string; origin?: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  fetch: typeof fetch;
  /** Opens the event stream (an EventSource, which reconnects by itself) and hands over each message's data. */
  openEvents: (url: string, onData: (data: string) => void) => { close(): void };
  now?: () => number;
}

/** Reads the token from #token=… once, keeps it in session storage and removes it from the address bar. */
export function takeToken(env: Pick<BridgeEnv, 'location' | 'history' | 'storage'>): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(env.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    env.storage.setItem(TOKEN_KEY, token);
    env.history.replaceState(null, '', env.location.pathname + env.location.search);
    return token;
  }
  return env.storage.getItem(TOKEN_KEY) ?? '';
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

const tokenIn = (address: string) => /#(?:.*&)?token=([^&\s]+)/.exec(address.trim())?.[1];

export function createWebBridge(env: BridgeEnv): WebBridge {
  let token = takeToken(env);
  const now = env.now ?? Date.now;
  let status: ConnectionStatus = 'ok';
  let failingSince: number | null = null;
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const post = (channel: Channel, input: unknown, withToken: string) =>
    env.fetch(`/api/call/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ami-Token': withToken },
      body: JSON.stringify(input ?? {}),
    });

  const unreachable = (error: AmiError): Result<unknown> => {
    failingSince ??= now();
    if (status === 'ok' && now() - failingSince >= UNREACHABLE_AFTER_MS) setStatus('unreachable');
    return { ok: false, error };
  };

  async function call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    const sent = token;
    let response: Response;
    try {
      response = await post(channel, input, sent);
    } catch {
      return unreachable(NETWORK_ERROR);
    }
    if (response.status === 401 || response.status === 403) {
      // Sent with the old token just before the window took the new one: not a new refusal, send it again.
      if (sent !== token) return call(channel, input);
      failingSince = null;
      setStatus('refused');
      return { ok: false, error: { ...TOKEN_ERROR, status: response.status } };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // A proxy page or a half-closed connection: treat like a server that is not there.
      return unreachable({ ...NETWORK_ERROR, detail: `HTTP ${response.status}`, status: response.status });
    }
    failingSince = null;
    setStatus('ok');
    if (!isResult(body)) return { ok: false, error: { kind: 'malformed', message: 'Ami’s local server sent an unexpected answer.' } };
    return body;
  }

  const listeners = new Set<(event: AmiEvent) => void>();
  let source: { close(): void } | null = null;
  const connect = () => {
    // One connection serves every listener.
    source = env.openEvents('/api/events?token=' + encodeURIComponent(token), (data) => {
      let event: AmiEvent;
      try {
        event = JSON.parse(data) as AmiEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    });
  };

  const connection: BridgeConnection = {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
    async reconnect(address) {
      const candidate = tokenIn(address);
      if (!candidate) return { ok: false, message: 'This is not an address Ami printed: it should end with #token=… .' };
      let origin: string | null = null;
      try {
        origin = new URL(address.trim()).origin;
      } catch {
        // A token pasted without the address in front of it is fine.
      }
      if (origin && env.location.origin && origin !== env.location.origin) {
        return {
          ok: false,
          message: `That address is for ${origin}, not ${env.location.origin}, so this window cannot reach it. Copy or download your unsaved text, then paste it into the window opened at that address.`,
        };
      }
      const decoded = decodeURIComponent(candidate);
      let response: Response;
      try {
        response = await post('app:info', {}, decoded);
      } catch {
        return { ok: false, message: 'Ami’s local server is not answering at this address yet.' };
      }
      if (response.status === 401 || response.status === 403) {
        return { ok: false, message: 'Ami’s local server refused this token too. Paste the address it printed last.' };
      }
      token = decoded;
      env.storage.setItem(TOKEN_KEY, token);
      failingSince = null;
      // The event stream was refused with the old token and does not retry: open it again with the new one.
      if (source) {
        source.close();
        connect();
      }
      setStatus('ok');
      return { ok: true };
    },
  };

  const api = {
    onEvent(listener: (event: AmiEvent) => void) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  } as Record<string, unknown>;
  for (const channel of CHANNELS) api[channel] = (input: unknown) => call(channel, input);
  return { api: api as unknown as AmiApi, connection };
}
