// SQL for the cached model catalogue: one fetch row per endpoint and the models it listed, in the order served.
import type { ModelInfo } from '../../shared/pricing.js';
import type { Db } from './open-database.js';

interface ModelRow {
  endpoint_id: string;
  model_id: string;
  name: string;
  local: number;
  context_length: number | null;
  prompt_price: number | null;
  completion_price: number | null;
  request_price: number | null;
  variable_price: number;
  expiration_date: string | null;
}

export interface CatalogueFetch {
  endpointId: string;
  baseUrl: string;
  fetchedAt: string;
}

const toModel = (r: ModelRow): ModelInfo => ({
  endpointId: r.endpoint_id,
  id: r.model_id,
  name: r.name,
  local: r.local === 1,
  contextLength: r.context_length,
  prices: { prompt: r.prompt_price, completion: r.completion_price, request: r.request_price },
  variablePrice: r.variable_price === 1,
  expirationDate: r.expiration_date,
});

export function modelsTable(db: Db) {
  const fetchOf = db.prepare<[string], { endpoint_id: string; base_url: string; fetched_at: string }>(
    'SELECT endpoint_id, base_url, fetched_at FROM catalogue_fetches WHERE endpoint_id = ?',
  );
  const modelsOf = db.prepare<[string], ModelRow>('SELECT * FROM catalogue_models WHERE endpoint_id = ? ORDER BY position');
  const upsertFetch = db.prepare(`
    INSERT INTO catalogue_fetches (endpoint_id, base_url, fetched_at) VALUES (?, ?, ?)
    ON CONFLICT (endpoint_id) DO UPDATE SET base_url = excluded.base_url, fetched_at = excluded.fetched_at`);
  const clearModels = db.prepare('DELETE FROM catalogue_models WHERE endpoint_id = ?');
  const insertModel = db.prepare(`
    INSERT OR IGNORE INTO catalogue_models (endpoint_id, model_id, name, local, context_length, prompt_price,
      completion_price, request_price, variable_price, expiration_date, position)
    VALUES (@endpointId, @id, @name, @local, @contextLength, @prompt, @completion, @request, @variablePrice, @expirationDate, @position)`);
  const removeFetch = db.prepare('DELETE FROM catalogue_fetches WHERE endpoint_id = ?');

  return {
    fetchOf(endpointId: string): CatalogueFetch | null {
      const row = fetchOf.get(endpointId);
      return row ? { endpointId: row.endpoint_id, baseUrl: row.base_url, fetchedAt: row.fetched_at } : null;
    },
    modelsOf(endpointId: string): ModelInfo[] {
      return modelsOf.all(endpointId).map(toModel);
    },
    /** Replaces an endpoint's cached catalogue in one transaction: a crash keeps the previous one whole. */
    replace(endpointId: string, baseUrl: string, fetchedAt: string, models: ModelInfo[]): void {
      db.transaction(() => {
        upsertFetch.run(endpointId, baseUrl, fetchedAt);
        clearModels.run(endpointId);
        models.forEach((m, position) =>
          insertModel.run({
            endpointId,
            id: m.id,
            name: m.name,
            local: m.local ? 1 : 0,
            contextLength: m.contextLength,
            prompt: m.prices.prompt,
            completion: m.prices.completion,
            request: m.prices.request,
            variablePrice: m.variablePrice ? 1 : 0,
            expirationDate: m.expirationDate,
            position,
          }),
        );
      })();
    },
    remove(endpointId: string): void {
      db.transaction(() => {
        clearModels.run(endpointId);
        removeFetch.run(endpointId);
      })();
    },
  };
}

export type ModelsTable = ReturnType<typeof modelsTable>;
