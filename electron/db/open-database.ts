// Opens Ami's one writer connection with the pragmas that keep typed text safe, then migrates it.
import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Skip schema migration (used by the migration tests, which step through versions themselves). */
  migrate?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // better-sqlite3 compiles WAL's default to NORMAL, which may roll back the last commits after a power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (process.platform === 'darwin') db.pragma('fullfsync = ON');
    if (options.migrate !== false) migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** `PRAGMA quick_check`: 'ok' or the first problems SQLite found. */
export function quickCheck(db: Db): string {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}
