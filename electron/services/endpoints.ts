// The servers Ami can ask: the built-in OpenRouter endpoint (its base URL from OPENROUTER_BASE_URL or Settings,
// its key from the KeyStore) and any OpenAI-compatible servers the author added, each with its own key store.
// A key only ever goes to the endpoint it was given for.
import { DEFAULT_BASE_URL, isLoopback, OPENROUTER_ENDPOINT_ID, type EndpointInfo } from '../../shared/domain.js';
import type { ServiceContext } from './service-context.js';
import { refusingEndpointKeys, type KeyStore } from './key-store.js';

export interface StoredEndpoint {
  id: string;
  name: string;
  baseUrl: string;
}

export interface Endpoint extends EndpointInfo {
  keys: KeyStore;
}

export const BUILTIN_ENDPOINT_NAME = 'OpenRouter';

export function endpointsOf(ctx: ServiceContext): Endpoint[] {
  const { store } = ctx;
  const keysFor = ctx.endpointKeys ?? refusingEndpointKeys;
  const builtinUrl = ctx.env.OPENROUTER_BASE_URL?.trim() || store.settings.get<string>('baseUrl') || DEFAULT_BASE_URL;
  const builtin: Endpoint = {
    id: OPENROUTER_ENDPOINT_ID,
    name: BUILTIN_ENDPOINT_NAME,
    baseUrl: builtinUrl,
    local: false,
    builtin: true,
    keySet: ctx.keyStore.status().set,
    keys: ctx.keyStore,
  };
  const extra = (store.settings.get<StoredEndpoint[]>('endpoints') ?? []).map((e): Endpoint => {
    const keys = keysFor(e.id);
    return { ...e, local: isLoopback(e.baseUrl), builtin: false, keySet: keys.status().set, keys };
  });
  return [builtin, ...extra];
}

export const endpointInfo = ({ keys: _keys, ...info }: Endpoint): EndpointInfo => info;
