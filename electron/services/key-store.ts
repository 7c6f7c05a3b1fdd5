// Where the API key lives. The key never leaves the main process except in the request to the provider
// (invariant 6): services read it through this interface and the renderer only ever sees KeyStatus.
import type { KeyStatus } from '../../shared/domain.js';
import { fail } from './ami-error.js';

export interface KeyStore {
  get(): string | null;
  /** Stores (or forgets, with null) a key typed by the author. Throws AmiFailure 'unsupported' where not possible. */
  set(key: string | null): void;
  status(): KeyStatus;
}

/** The key set in the environment, which wins over a stored one in every mode. */
export function envKey(env: NodeJS.ProcessEnv): string | null {
  return env.OPENROUTER_API_KEY?.trim() || null;
}

/** Browser mode: the key comes from the environment only. */
export function envKeyStore(env: NodeJS.ProcessEnv): KeyStore {
  const key = () => envKey(env);
  return {
    get: key,
    set() {
      fail('unsupported', 'In browser mode the API key comes from the OPENROUTER_API_KEY environment variable only.');
    },
    status: () => (key() ? { set: true, source: 'env', storage: 'env' } : { set: false, source: null, storage: null }),
  };
}

/** The keys of the endpoints the author added, one store each, by endpoint id. */
export type EndpointKeys = (endpointId: string) => KeyStore;

/** Browser mode: no way to keep an endpoint's key encrypted, so none is stored; servers without a key still work. */
export const refusingEndpointKeys: EndpointKeys = () => ({
  get: () => null,
  set(key) {
    if (key === null) return;
    fail('unsupported', 'In browser mode Ami cannot store a key for another server. Use a server that needs no key, or the desktop app.');
  },
  status: () => ({ set: false, source: null, storage: null }),
});

/** One store per endpoint, made once: a store keeps the key it decrypted, so the keyring is asked once. */
export function endpointKeyStores(make: (endpointId: string) => KeyStore): EndpointKeys {
  const stores = new Map<string, KeyStore>();
  return (id) => {
    let s = stores.get(id);
    if (!s) stores.set(id, (s = make(id)));
    return s;
  };
}
