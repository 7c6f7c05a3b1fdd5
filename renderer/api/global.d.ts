import type { AmiApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    ami?: AmiApi;
  }
}

export {};
