import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { backupsToKeep, createBackup, isHealthy, listBackups } from '../../electron/db/backups.js';
import { openStoreSafely, RESTORE_REQUEST_FILE } from '../../electron/db/open-store-safely.js';
import { openStore } from '../../electron/db/store.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let file: string;
let backups: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'ami.sqlite');
  backups = join(dir.path, 'backups');
});
afterEach(() => dir.cleanup());

const at = (iso: string) => new Date(iso);

describe('backup retention', () => {
  it('keeps the 3 newest of today, the newest of each earlier day, 10 in all', () => {
    const list = [
      ...['10:00', '10:15', '10:30', '10:45'].map((t) => `2026-11-22T${t}:00.000Z`),
      ...Array.from({ length: 12 }, (_, i) => [`2026-11-${String(21 - i).padStart(2, '0')}T08:00:00.000Z`, `2026-11-${String(21 - i).padStart(2, '0')}T18:00:00.000Z`]).flat(),
    ].map((createdAt) => ({ file: createdAt, createdAt }));
    const keep = backupsToKeep(list, at('2026-11-22T11:00:00Z'));
    expect(keep.size).toBe(10);
    expect([...keep].slice(0, 3)).toEqual(['2026-11-22T10:45:00.000Z', '2026-11-22T10:30:00.000Z', '2026-11-22T10:15:00.000Z']);
    expect(keep.has('2026-11-22T10:00:00.000Z')).toBe(false);
    expect(keep.has('2026-11-21T18:00:00.000Z')).toBe(true);
    expect(keep.has('2026-11-21T08:00:00.000Z')).toBe(false);
  });
});

describe('backups', () => {
  it('are consistent snapshots made through the backup API, pruned by retention', async () => {
    const store = openStore(file);
    store.drafts.insert({ id: 'd', title: 'T', text: 'Premier jet.', createdAt: '2026-11-22T10:00:00Z' });
    for (let i = 0; i < 5; i++) await createBackup(store.db, backups, at(`2026-11-22T1${i}:00:00Z`));
    store.close();
    const list = listBackups(backups);
    expect(list).toHaveLength(3);
    expect(readdirSync(backups).some((f) => f.endsWith('.partial'))).toBe(false);
    expect(isHealthy(join(backups, list[0]!.file))).toBe(true);
    const copy = openStore(join(backups, list[0]!.file));
    expect(copy.drafts.get('d')?.text).toBe('Premier jet.');
    copy.close();
  });

  it('a damaged database is set aside and the newest healthy backup is opened, with a notice', async () => {
    const store = openStore(file);
    store.drafts.insert({ id: 'd', title: 'T', text: 'Sauvegardé.', createdAt: '2026-11-22T10:00:00Z' });
    await createBackup(store.db, backups, at('2026-11-22T10:00:00Z'));
    store.drafts.saveText('d', 'Après la sauvegarde.', '2026-11-22T10:05:00Z');
    store.close();
    // Damage the file: overwrite pages after the header with garbage.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 100);
    closeSync(fd);
    expect(isHealthy(file)).toBe(false);

    const opened = openStoreSafely(dir.path, file, backups, at('2026-11-22T11:00:00Z'));
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]).toMatch(/damaged and opened the backup from 2026-11-22T10:00:00.000Z/);
    expect(opened.store.drafts.get('d')?.text).toBe('Sauvegardé.');
    opened.store.close();
    const aside = readdirSync(dir.path).filter((f) => f.startsWith('ami.sqlite.damaged-'));
    expect(aside.length).toBeGreaterThanOrEqual(1); // kept, never deleted
  });

  it('a restore chosen in Settings happens at the next start and keeps the current database aside', async () => {
    const store = openStore(file);
    store.drafts.insert({ id: 'd', title: 'T', text: 'Version A', createdAt: '2026-11-22T10:00:00Z' });
    const backup = await createBackup(store.db, backups, at('2026-11-22T10:00:00Z'));
    store.drafts.saveText('d', 'Version B', '2026-11-22T10:05:00Z');
    store.close();
    writeFileSync(join(dir.path, RESTORE_REQUEST_FILE), JSON.stringify({ file: backup.file }));

    const opened = openStoreSafely(dir.path, file, backups, at('2026-11-22T11:00:00Z'));
    expect(opened.store.drafts.get('d')?.text).toBe('Version A');
    expect(opened.notices[0]).toMatch(/backup from 2026-11-22T10:00:00.000Z was restored/);
    expect(existsSync(join(dir.path, RESTORE_REQUEST_FILE))).toBe(false);
    opened.store.close();
    const before = readdirSync(dir.path).find((f) => /^ami\.sqlite\.before-restore-[0-9TZ]+$/.test(f))!;
    const old = openStore(join(dir.path, before));
    expect(old.drafts.get('d')?.text).toBe('Version B');
    old.close();
  });
});
