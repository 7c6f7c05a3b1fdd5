// Installs the contract on Electron's IPC. Electron objects come in as small structural interfaces so that tests
// can pass fakes: only main.ts and preload.ts import 'electron'.
import type { AmiEvent, Result } from '../../shared/domain.js';
import { isTrustedSender } from '../window-config.js';
import type { Dispatch } from './dispatch.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export const UNTRUSTED_SENDER_MESSAGE = 'Ami refused a request that did not come from its own window.';

/** Answers ami:call only for frames showing app://ami pages; returns the function that uninstalls it. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch, log: (line: string) => void = () => {}): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, channel, input): Promise<Result<unknown>> => {
    // senderFrame is null when the frame navigated away or was destroyed before the call arrived.
    const url = event.senderFrame?.url;
    if (!isTrustedSender(url)) {
      log(`refused ${String(channel).slice(0, 100)} from an untrusted frame`);
      return { ok: false, error: { kind: 'validation', message: UNTRUSTED_SENDER_MESSAGE } };
    }
    return dispatch(typeof channel === 'string' ? channel : String(channel), input);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

export interface EventTargetWindow {
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void };
}

/** Sends service events to the current window; dropped when there is none (the reply is stored anyway). */
export function createEventSender(getWindow: () => EventTargetWindow | null): (event: AmiEvent) => void {
  return (event) => {
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    win.webContents.send(EVENT_CHANNEL, event);
  };
}
