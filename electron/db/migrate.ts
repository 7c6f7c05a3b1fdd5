// Numbered migrations tracked by PRAGMA user_version. All pending ones run in one transaction: a crash mid-way
// leaves the database as it was, never at an intermediate version a later step was written against.
import type Database from 'better-sqlite3';
import { fail } from '../services/ami-error.js';
import { MIGRATIONS } from './migrations/index.js';

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, target = SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    // Opening a newer schema could silently drop what a newer Ami wrote; refuse and change nothing.
    fail(
      'storage',
      `This database was written by a newer version of Ami (schema ${current}; this version knows up to ${SCHEMA_VERSION}). Update Ami to open it. Nothing was changed.`,
    );
  }
  if (current >= target) return;
  db.transaction(() => {
    for (let version = current + 1; version <= target; version++) MIGRATIONS[version - 1]!.up(db);
    db.pragma(`user_version = ${target}`);
  })();
}
