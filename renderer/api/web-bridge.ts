// Browser mode: the same contract over HTTP on 127.0.0.1. The token comes once in the URL fragment (never sent to
// the server as part of a URL it could log) and is kept for this tab only. A restarted server has a new token: the
// connection says so, and takes the new address so that the window's unsaved text can still be saved.
import { CHANNELS, type AmiApi, type Channel } from '../../shared/contract';
import type { AmiError, AmiEvent, Result } from '../../shared/domain';
import { t } from '../i18n';

export const TOKEN_KEY = 'ami-token';

// Facts only, built when they happen so that they speak the interface language of that moment: what becomes of
// the author's text is said once, by whoever shows the error (SaveStatus, the dialog).
export const networkError = (): AmiError => ({ kind: 'network', message: t('errors.serverDown') });
export const tokenError = (): AmiError => ({ kind: 'forbidden', message: t('errors.badToken') });

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
  const enterStatus = (next: ConnectionStatus) => {
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
    if (status === 'ok' && now() - failingSince >= UNREACHABLE_AFTER_MS) enterStatus('unreachable');
    return { ok: false, error };
  };

  async function call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    const sent = token;
    let response: Response;
    try {
      response = await post(channel, input, sent);
    } catch {
      return unreachable(networkError());
    }
    if (response.status === 401 || response.status === 403) {
      // Sent with the old token just before the window took the new one: not a new refusal, send it again.
      if (sent !== token) return call(channel, input);
      failingSince = null;
      enterStatus('refused');
      return { ok: false, error: { ...tokenError(), status: response.status } };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // A proxy page or a half-closed connection: treat like a server that is not there.
      return unreachable({ ...networkError(), detail: `HTTP ${response.status}`, status: response.status });
    }
    failingSince = null;
    enterStatus('ok');
    if (!isResult(body)) return { ok: false, error: { kind: 'malformed', message: t('errors.badAnswer') } };
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
      if (!candidate) return { ok: false, message: t('connection.notAnAddress') };
      let origin: string | null = null;
      try {
        origin = new URL(address.trim()).origin;
      } catch {
        // A token pasted without the address in front of it is fine.
      }
      if (origin && env.location.origin && origin !== env.location.origin) {
        return {
          ok: false,
          message: t('connection.otherOrigin', { origin, here: env.location.origin }),
        };
      }
      const decoded = decodeURIComponent(candidate);
      let response: Response;
      try {
        response = await post('app:info', {}, decoded);
      } catch {
        return { ok: false, message: t('connection.notYet') };
      }
      if (response.status === 401 || response.status === 403) {
        return { ok: false, message: t('connection.refusedToo') };
      }
      token = decoded;
      env.storage.setItem(TOKEN_KEY, token);
      failingSince = null;
      // The event stream was refused with the old token and does not retry: open it again with the new one.
      if (source) {
        source.close();
        connect();
      }
      enterStatus('ok');
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
