// The one way the renderer talks to Ami's main side: the preload's window.ami in Electron, the HTTP bridge in
// browser mode. Both implement the same contract.
import type { AmiApi } from '../../shared/contract';
import { createWebBridge } from './web-bridge';

function choose(): AmiApi {
  if (window.ami) return window.ami;
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

export const ami: AmiApi = choose();
export const isElectron = (): boolean => Boolean(window.ami);
