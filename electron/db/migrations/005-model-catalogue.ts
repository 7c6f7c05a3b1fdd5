import type { Migration } from './index.js';

// The model catalogue of each endpoint, as last fetched, so the picker works offline. A fetch replaces an
// endpoint's rows whole; the fetch row says when, and from which base URL (a changed URL makes the cache stale).
export const m005ModelCatalogue: Migration = {
  name: 'cached model catalogue per endpoint',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue_fetches (
        endpoint_id TEXT PRIMARY KEY,
        base_url TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      );
      CREATE TABLE catalogue_models (
        endpoint_id TEXT NOT NULL REFERENCES catalogue_fetches (endpoint_id) ON DELETE CASCADE,
        model_id TEXT NOT NULL,
        name TEXT NOT NULL,
        local INTEGER NOT NULL,
        context_length INTEGER,
        prompt_price REAL,
        completion_price REAL,
        request_price REAL,
        variable_price INTEGER NOT NULL,
        expiration_date TEXT,
        position INTEGER NOT NULL,
        PRIMARY KEY (endpoint_id, model_id)
      );
    `);
  },
};
