// Backups through SQLite's backup API (never a copy of the live file, see sqlite.org/howtocorrupt.html), with a
// retention like Actual Budget's: the 3 newest from today, the newest of each earlier day, 10 in all.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open-database.js';

export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;
const NAME = /^ami-(\d{8}T\d{6}\d{3}Z)\.sqlite$/;

export interface BackupInfo {
  file: string; // name inside the backups folder
  createdAt: string; // ISO
  bytes: number;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');
const parseStamp = (s: string) =>
  new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`);

export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((file) => {
      const m = NAME.exec(file);
      return m ? [{ file, createdAt: parseStamp(m[1]!).toISOString(), bytes: statSync(join(dir, file)).size }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Which backups to keep (newest first in, kept names out). Days are UTC days. */
export function backupsToKeep(backups: { file: string; createdAt: string }[], now: Date): Set<string> {
  const today = now.toISOString().slice(0, 10);
  const sorted = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep: string[] = [];
  let fromToday = 0;
  const daysSeen = new Set<string>();
  for (const b of sorted) {
    const day = b.createdAt.slice(0, 10);
    if (day === today) {
      if (fromToday < 3) keep.push(b.file);
      fromToday++;
    } else if (!daysSeen.has(day)) {
      daysSeen.add(day);
      keep.push(b.file);
    }
  }
  return new Set(keep.slice(0, 10));
}

/** Writes a consistent snapshot of the live database, then prunes by retention. */
export async function createBackup(db: Db, dir: string, now: Date): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const file = `ami-${stamp(now)}.sqlite`;
  const partial = join(dir, `${file}.partial`);
  await db.backup(partial);
  renameSync(partial, join(dir, file)); // a crash mid-backup leaves only a .partial, never a truncated backup
  const all = listBackups(dir);
  const keep = backupsToKeep(all, now);
  for (const b of all) if (!keep.has(b.file)) rmSync(join(dir, b.file), { force: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.partial') && f !== `${file}.partial`) rmSync(join(dir, f), { force: true });
  return all.find((b) => b.file === file)!;
}

export function isBackupDue(dir: string, now: Date): boolean {
  const newest = listBackups(dir)[0];
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= BACKUP_INTERVAL_MS;
}

/** true when the file opens and passes quick_check. */
export function isHealthy(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.pragma('quick_check', { simple: true }) as string) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Moves a database file and its WAL/SHM aside, so nothing of it is lost or reused. Returns the new name. */
export function setAside(file: string, now: Date, label = 'damaged'): string {
  const aside = `${file}.${label}-${stamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}
