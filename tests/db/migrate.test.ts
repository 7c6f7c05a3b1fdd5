import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/open-database.js';
import { migrate, schemaVersion, SCHEMA_VERSION } from '../../electron/db/migrate.js';
import { MIGRATIONS } from '../../electron/db/migrations/index.js';
import { AmiFailure } from '../../electron/services/ami-error.js';
import { tempDir } from '../support/temp-dir.js';

const dirs: { cleanup(): void }[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return join(d.path, 'ami.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('migrations', () => {
  it('bring an empty file to the current schema version, with the durability pragmas set', () => {
    const db = openDatabase(fresh());
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['drafts', 'revisions', 'consultations', 'replies', 'templates', 'settings', 'drafts_fts', 'replies_fts']));
    db.close();
  });

  it('are idempotent: reopening changes nothing', () => {
    const file = fresh();
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('each migration runs on the schema left by the previous ones', () => {
    const db = openDatabase(fresh(), { migrate: false });
    for (let v = 1; v <= SCHEMA_VERSION; v++) {
      migrate(db, v);
      expect(schemaVersion(db)).toBe(v);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    db.close();
  });

  it('refuse a database written by a newer version, and leave it untouched', () => {
    const file = fresh();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.exec('CREATE TABLE future_thing (x)');
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AmiFailure);
    expect((error as AmiFailure).error.kind).toBe('storage');
    expect((error as AmiFailure).error.message).toMatch(/newer version of Ami/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'drafts'").pluck().get()).toBe(0);
    check.close();
  });

  it('roll back a failing migration whole', () => {
    const db = openDatabase(fresh(), { migrate: false });
    MIGRATIONS.push({ name: 'broken', up: (d) => d.exec('CREATE TABLE half (x); SELECT no_such_function();') });
    try {
      expect(() => migrate(db, SCHEMA_VERSION + 1)).toThrow();
    } finally {
      MIGRATIONS.pop();
    }
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    db.close();
  });
});
