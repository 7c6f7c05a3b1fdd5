// Kills during the two other moments that write the database files: a schema migration and a backup. A migration
// killed half-way must leave a database that is either untouched or fully migrated (each migration is one
// transaction); a backup killed half-way must leave the live database intact and never a listed, truncated backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { isHealthy, listBackups } from '../../electron/db/backups.js';
import { SCHEMA_VERSION } from '../../electron/db/migrate.js';
import { openStore } from '../../electron/db/store.js';
import { tempDir } from '../support/temp-dir.js';
import { crashText } from './crash-text.js';
import { buildCrashWriter, prng, runUntilKilled } from './crash-run.js';

const ITERATIONS = Number(process.env.AMI_CRASH_MAINTENANCE_ITERATIONS ?? 40);
const SEED = Number(process.env.AMI_CRASH_SEED ?? 20261122);

let dir: ReturnType<typeof tempDir>;
let writer: string;

beforeAll(async () => {
  dir = tempDir('ami-crash-maintenance-');
  writer = await buildCrashWriter(dir.path, 'crash-maintenance-writer');
}, 60_000);
afterAll(() => dir.cleanup());

const runAndKill = async (args: string[], killAfterMs: number) => (await runUntilKilled(writer, args, killAfterMs)).lastAck;

describe('crash safety of maintenance', () => {
  it(`leaves every database untouched or fully migrated through ${ITERATIONS} kills during migrations`, async () => {
    const random = prng(SEED);
    const folder = join(dir.path, 'migrations');
    let next = 1;
    let interrupted = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const lastAck = await runAndKill(['migrate', mkdir(folder), String(next)], Math.floor(random() * 30));
      const made = readdirSync(folder)
        .map((f) => /^m-(\d+)\.sqlite$/.exec(f))
        .flatMap((m) => (m ? [Number(m[1])] : []))
        .filter((n) => n >= next);
      const newest = Math.max(next - 1, ...made);
      for (let n = next; n <= newest; n++) {
        const file = join(folder, `m-${n}.sqlite`);
        if (!existsSync(file)) continue;
        const raw = new Database(file);
        let version: number;
        try {
          expect(raw.pragma('integrity_check', { simple: true }), `iteration ${i}, database ${n}`).toBe('ok');
          version = raw.pragma('user_version', { simple: true }) as number;
          const tables = raw.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
          // Never half-migrated: either nothing of the schema or all of it.
          if (version === 0) expect(tables, `iteration ${i}, database ${n}: tables without a version`).toBe(0);
          else expect(version).toBe(SCHEMA_VERSION);
        } finally {
          raw.close();
        }
        if (lastAck !== null && n <= lastAck) expect(version, `iteration ${i}: acknowledged database ${n}`).toBe(SCHEMA_VERSION);
        if (version !== SCHEMA_VERSION) interrupted++;
        // Whatever the kill left, Ami opens it and finishes the migration.
        const store = openStore(file);
        try {
          expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
          expect(store.drafts.list(false)).toEqual([]);
        } finally {
          store.close();
        }
      }
      next = newest + 1;
    }
    expect(next - 1 - interrupted, 'some databases were migrated before a kill').toBeGreaterThan(0);
    expect(interrupted, 'some kills landed before a migration finished').toBeGreaterThan(0);
    console.log(`migration crash test: ${ITERATIONS} kills, ${next - 1} databases, ${interrupted} left unmigrated by a kill and migrated on reopening`);
  }, 600_000);

  it(`keeps the database and every listed backup whole through ${ITERATIONS} kills during backups`, async () => {
    const random = prng(SEED + 1);
    const file = join(dir.path, 'live.sqlite');
    const backups = join(dir.path, 'backups');
    // A database of a few megabytes, so that a backup takes several steps and a kill can land between them.
    const text = crashText(7).repeat(400);
    const store = openStore(file);
    store.transaction(() => store.drafts.insert({ id: 'draft', title: 'Backed up', text, createdAt: new Date(0).toISOString() }));
    store.close();

    let next = 1;
    let midBackup = 0;
    let acknowledged = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const lastAck = await runAndKill(['backup', file, backups, String(next)], Math.floor(random() * 400));
      if (lastAck !== null) acknowledged++;
      if (existsSync(backups) && readdirSync(backups).some((f) => f.endsWith('.partial'))) midBackup++;

      const live = new Database(file, { readonly: true });
      try {
        expect(live.pragma('integrity_check', { simple: true }), `iteration ${i}`).toBe('ok');
        expect(live.prepare('SELECT text FROM drafts WHERE id = ?').pluck().get('draft'), `iteration ${i}`).toBe(text);
      } finally {
        live.close();
      }
      const listed = listBackups(backups);
      for (const b of listed) {
        const path = join(backups, b.file);
        expect(isHealthy(path), `iteration ${i}: ${b.file}`).toBe(true);
        const copy = new Database(path, { readonly: true });
        try {
          expect(copy.prepare('SELECT text FROM drafts WHERE id = ?').pluck().get('draft'), `iteration ${i}: ${b.file}`).toBe(text);
        } finally {
          copy.close();
        }
      }
      if (lastAck !== null) expect(listed.length, `iteration ${i}: backup ${lastAck} was acknowledged`).toBeGreaterThan(0);
      next = (lastAck ?? next) + 2; // the unacknowledged one may exist: never reuse its name
    }
    // Both kinds of kill happened: after whole backups and in the middle of one.
    expect(acknowledged).toBeGreaterThan(0);
    expect(midBackup).toBeGreaterThan(0);
    console.log(`backup crash test: ${ITERATIONS} kills, ${acknowledged} after at least one whole backup, ${midBackup} landed mid-backup (a .partial file left, never listed)`);
  }, 600_000);
});

function mkdir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
