// Builds window.ami from the contract: one function per channel, each a single invoke of ami:call, plus onEvent.
// The page never sees ipcRenderer, nor the IpcRendererEvent (whose `sender` would hand it ipcRenderer back).
// Channel names only: importing the contract's schemas would bundle zod into the sandboxed preload.
import { CHANNELS } from '../shared/channels.js';
import type { AmiApi } from '../shared/contract.js';
import type { AmiEvent } from '../shared/domain.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc/ipc-channels.js';

type Listener = (event: unknown, payload: unknown) => void;

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

export function buildAmiApi(ipc: IpcRendererLike): AmiApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[channel] = (input: unknown) => ipc.invoke(CALL_CHANNEL, channel, input);
  }
  api.onEvent = (listener: (event: AmiEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    const wrapped: Listener = (_event, payload) => listener(payload as AmiEvent);
    ipc.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, wrapped);
    };
  };
  return Object.freeze(api) as AmiApi;
}
