// The store: one connection and the per-table query modules. Services receive this, never raw SQL.
import { archiveTable } from './archive-table.js';
import { consultationsTable } from './consultations-table.js';
import { draftsTable } from './drafts-table.js';
import { modelsTable } from './models-table.js';
import { openDatabase, type Db } from './open-database.js';
import { searchTable } from './search-table.js';
import { settingsTable } from './settings-table.js';
import { usageTable } from './usage-table.js';

export function createStore(db: Db) {
  return {
    db,
    drafts: draftsTable(db),
    consultations: consultationsTable(db),
    settings: settingsTable(db),
    models: modelsTable(db),
    search: searchTable(db),
    archive: archiveTable(db),
    usage: usageTable(db),
    /** Runs fn in one transaction: all of it commits or none of it. */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(file: string): Store {
  return createStore(openDatabase(file));
}
