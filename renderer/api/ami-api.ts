// The one way the renderer talks to Ami's main side: the preload's window.ami in Electron, the HTTP bridge in
// browser mode. Both implement the same contract.
import type { AmiApi } from '../../shared/contract';
import { createWebBridge, type BridgeConnection } from './web-bridge';

function choose(): { api: AmiApi; connection: BridgeConnection | null } {
  if (window.ami) return { api: window.ami, connection: null };
  return createWebBridge({
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: window.fetch.bind(window),
    openEvents: (url, onData) => {
      const source = new EventSource(url);
      source.onmessage = (message: MessageEvent<string>) => onData(message.data);
      return source;
    },
  });
}

const chosen = choose();
export const ami: AmiApi = chosen.api;
/** Browser mode only: whether the local server still takes this window's token, and how to give it a new one. */
export const connection: BridgeConnection | null = chosen.connection;
export const isElectron = (): boolean => Boolean(window.ami);
