import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/db/open-database.js';
import { migrate, schemaVersion, SCHEMA_VERSION } from '../../electron/db/migrate.js';
import { MIGRATIONS } from '../../electron/db/migrations/index.js';
import { AmiFailure } from '../../electron/services/ami-error.js';
import { tempDir } from '../support/temp-dir.js';
import { modelsTable } from '../../electron/db/models-table.js';

const dirs: { cleanup(): void }[] = [];
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return join(d.path, 'ami.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));


/** One draft, its revision and a consultation about it, in the schema of migration 2 (which 3 to 5 keep). */
function seedConsultation(db: Database.Database, consultationId: string, at: string): void {
  db.prepare("INSERT INTO drafts (id, title, text, created_at, updated_at) VALUES ('d', 't', 'x', ?, ?)").run(at, at);
  db.prepare("INSERT INTO revisions (id, draft_id, seq, text, text_hash, reason, created_at) VALUES ('rev', 'd', 1, 'x', 'h', 'create', ?)").run(at);
  db.prepare(`INSERT INTO consultations (id, draft_id, revision_id, passage_from, passage_to, passage_text, passage_hash, kind, template_id,
    template_name, question, language, base_url, requested_model, data_collection, draft_hash, created_at, previous_id)
    VALUES (?, 'd', 'rev', 0, 1, 'x', 'h', 'clarity', NULL, 'Clarity', '', 'en', 'u', 'm', 'deny', 'h', ?, NULL)`).run(consultationId, at);
}

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

  it('roll back every pending migration when one fails: the database is left as it was', () => {
    const db = openDatabase(fresh(), { migrate: false });
    MIGRATIONS.push({ name: 'broken', up: (d) => d.exec('CREATE TABLE half (x); SELECT no_such_function();') });
    try {
      expect(() => migrate(db, SCHEMA_VERSION + 1)).toThrow();
    } finally {
      MIGRATIONS.pop();
    }
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    db.close();
  });

  it('002 takes the number away from replies that got no text, and leaves the numbers of real citations alone', () => {
    const db = openDatabase(fresh(), { migrate: false });
    migrate(db, 1);
    const at = '2026-03-01T09:00:00.000Z';
    seedConsultation(db, 'c', at);
    const reply = db.prepare(`INSERT INTO replies (id, consultation_id, draft_id, turn, request_messages, text, started_at, status, error, citation_number)
      VALUES (?, 'c', 'd', ?, '[]', ?, ?, ?, ?, ?)`);
    reply.run('r1', 0, 'Réponse.', at, 'complete', null, 1);
    reply.run('r2', 1, '', at, 'failed', JSON.stringify({ kind: 'no_credit', message: 'No credit.' }), 2);
    reply.run('r3', 2, 'Coupée', at, 'interrupted', null, 3);
    migrate(db, 2);
    const numbers = db.prepare('SELECT id, citation_number AS n FROM replies ORDER BY id').all() as { id: string; n: number }[];
    expect(numbers.find((r) => r.id === 'r1')!.n).toBe(1);
    expect(numbers.find((r) => r.id === 'r2')!.n).toBeLessThan(0);
    expect(numbers.find((r) => r.id === 'r3')!.n).toBe(3); // a [^c3] marker in a draft still points at it
    // The error is kept whole, for the failed request to be shown.
    expect(JSON.parse(db.prepare("SELECT error FROM replies WHERE id = 'r2'").pluck().get() as string)).toMatchObject({ kind: 'no_credit' });
    db.close();
  });

  it('003 gives consultations an opinion group, empty for the ones asked before it', () => {
    const db = openDatabase(fresh(), { migrate: false });
    migrate(db, 2);
    const at = '2026-03-01T09:00:00.000Z';
    seedConsultation(db, 'old', at);
    migrate(db, 3);
    expect(db.prepare("SELECT opinion_group FROM consultations WHERE id = 'old'").pluck().get()).toBeNull();
    db.prepare("UPDATE consultations SET opinion_group = 'g' WHERE id = 'old'").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM consultations WHERE opinion_group = 'g'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('consultations_by_opinion_group');
    db.close();
  });

  it('004 marks the costs stored before it as the provider’s, and leaves unknown costs unknown', () => {
    const db = openDatabase(fresh(), { migrate: false });
    migrate(db, 3);
    const at = '2026-03-01T09:00:00.000Z';
    seedConsultation(db, 'c', at);
    const reply = db.prepare(`INSERT INTO replies (id, consultation_id, draft_id, turn, request_messages, text, started_at, status, error, citation_number, cost)
      VALUES (?, 'c', 'd', ?, '[]', 'Réponse.', ?, 'complete', NULL, ?, ?)`);
    reply.run('paid', 0, at, 1, 0.0012);
    reply.run('unknown', 1, at, 2, null);
    migrate(db, 4);
    const source = (id: string) => db.prepare('SELECT cost_source FROM replies WHERE id = ?').pluck().get(id);
    expect(source('paid')).toBe('provider');
    expect(source('unknown')).toBeNull();
    expect(() => db.prepare("UPDATE replies SET cost_source = 'guess' WHERE id = 'paid'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('005 adds the catalogue cache: the models of an endpoint replace the previous fetch whole, in order, and keep unknown prices apart from free', () => {
    const db = openDatabase(fresh(), { migrate: false });
    migrate(db, 4);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'catalogue_models'").pluck().get()).toBe(0);
    migrate(db, 5);
    const models = modelsTable(db);
    const model = (id: string, prompt: number | null) => ({
      endpointId: 'openrouter', id, name: id, local: false, contextLength: 8192,
      prices: { prompt, completion: prompt, request: null }, variablePrice: false, expirationDate: null,
    });
    models.replace('openrouter', 'http://127.0.0.1:1/api/v1', '2026-03-01T09:00:00.000Z', [model('b/free', 0), model('a/unknown', null)]);
    expect(models.modelsOf('openrouter').map((m) => [m.id, m.prices.prompt])).toEqual([['b/free', 0], ['a/unknown', null]]);
    models.replace('openrouter', 'http://127.0.0.1:1/api/v1', '2026-03-02T09:00:00.000Z', [model('c/paid', 0.000003)]);
    expect(models.modelsOf('openrouter').map((m) => m.id)).toEqual(['c/paid']);
    expect(models.fetchOf('openrouter')).toEqual({ endpointId: 'openrouter', baseUrl: 'http://127.0.0.1:1/api/v1', fetchedAt: '2026-03-02T09:00:00.000Z' });
    models.remove('openrouter');
    expect(models.fetchOf('openrouter')).toBeNull();
    expect(models.modelsOf('openrouter')).toEqual([]);
    db.close();
  });
});
