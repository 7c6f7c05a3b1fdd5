// Browser mode: the same contract over HTTP on 127.0.0.1. The token comes once in the URL fragment (never sent to
// the server as part of a URL it could log) and is kept for this tab only.
import { CHANNELS, type AmiApi, type Channel } from '../../shared/contract';
import type { AmiError, AmiEvent, Result } from '../../shared/domain';
import { t } from '../i18n';

export const TOKEN_KEY = 'ami-token';

// Built when they happen, so that they speak the interface language of that moment.
export const networkError = (): AmiError => ({ kind: 'network', message: t('errors.serverDown') });
const tokenError = (): AmiError => ({ kind: 'forbidden', message: t('errors.badToken') });

export interface BridgeEnv {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  fetch: typeof fetch;
  /** Opens the event stream (an EventSource, which reconnects by itself) and hands over each message's data. */
  openEvents: (url: string, onData: (data: string) => void) => { close(): void };
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

export function createWebBridge(env: BridgeEnv): AmiApi {
  const token = takeToken(env);

  async function call(channel: Channel, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await env.fetch(`/api/call/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Ami-Token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: networkError() };
    }
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { ...tokenError(), status: response.status } };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // A proxy page or a half-closed connection: treat like a server that is not there.
      return { ok: false, error: { ...networkError(), detail: `HTTP ${response.status}`, status: response.status } };
    }
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
  return api as unknown as AmiApi;
}
