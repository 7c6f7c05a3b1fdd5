// The model catalogue: every endpoint's /models, cached in SQLite with the date it was fetched. The picker asks
// for it when opened; an endpoint whose cache is older than a day (or from another base URL) is fetched again, and
// one that cannot be reached is shown from its cache, said to be offline. Nothing here ever sends a question.
import type { CatalogueEndpoint, Catalogue } from '../../shared/contract.js';
import type { ModelInfo } from '../../shared/pricing.js';
import { toAmiError } from './ami-error.js';
import type { Endpoint } from './endpoints.js';
import type { ServiceContext } from './service-context.js';
import type { SettingsService } from './settings-service.js';

export const CATALOGUE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function catalogueService(ctx: ServiceContext, settings: SettingsService) {
  const { store } = ctx;
  // Two pickers opening together fetch an endpoint once.
  const inFlight = new Map<string, Promise<{ models: ModelInfo[]; entry: CatalogueEndpoint }>>();

  async function fetchOne(endpoint: Endpoint): Promise<{ models: ModelInfo[]; entry: CatalogueEndpoint }> {
    const base = { id: endpoint.id, name: endpoint.name, baseUrl: endpoint.baseUrl, local: endpoint.local };
    try {
      const parsed = await ctx.llm.listModels({
        baseUrl: endpoint.baseUrl,
        apiKey: endpoint.keys.get(),
        endpoint: { id: endpoint.id, local: endpoint.local },
      });
      const fetchedAt = ctx.now().toISOString();
      if (store.db.open) store.models.replace(endpoint.id, endpoint.baseUrl, fetchedAt, parsed.models);
      return {
        models: parsed.models,
        entry: { ...base, fetchedAt, offline: false, ...(parsed.truncated ? { truncated: { kept: parsed.models.length, listed: parsed.listed } } : {}) },
      };
    } catch (err) {
      const error = toAmiError(err);
      const cached = store.models.fetchOf(endpoint.id);
      if (cached && cached.baseUrl === endpoint.baseUrl) {
        return { models: store.models.modelsOf(endpoint.id), entry: { ...base, fetchedAt: cached.fetchedAt, offline: true, error } };
      }
      return { models: [], entry: { ...base, fetchedAt: null, offline: true, error } };
    }
  }

  function one(endpoint: Endpoint, refresh: boolean): Promise<{ models: ModelInfo[]; entry: CatalogueEndpoint }> {
    const cached = store.models.fetchOf(endpoint.id);
    const fresh = cached && cached.baseUrl === endpoint.baseUrl && ctx.now().getTime() - Date.parse(cached.fetchedAt) < CATALOGUE_MAX_AGE_MS;
    if (fresh && !refresh) {
      return Promise.resolve({
        models: store.models.modelsOf(endpoint.id),
        entry: { id: endpoint.id, name: endpoint.name, baseUrl: endpoint.baseUrl, local: endpoint.local, fetchedAt: cached.fetchedAt, offline: false },
      });
    }
    const key = `${endpoint.id} ${endpoint.baseUrl}`;
    const running = inFlight.get(key);
    if (running) return running;
    const task = fetchOne(endpoint).finally(() => inFlight.delete(key));
    inFlight.set(key, task);
    return task;
  }

  return {
    async list(refresh = false): Promise<Catalogue> {
      const results = await Promise.all(settings.endpoints().map((e) => one(e, refresh)));
      return { models: results.flatMap((r) => r.models), endpoints: results.map((r) => r.entry) };
    },
  };
}

export type CatalogueService = ReturnType<typeof catalogueService>;
