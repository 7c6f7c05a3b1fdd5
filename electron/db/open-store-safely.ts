// Opening the store at start-up: quick_check first; a damaged file is set aside (never deleted) and the newest
// healthy backup is opened instead, with a notice telling the author what happened. A pending restore requested
// from Settings is carried out here, before anything holds the file open.
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isHealthy, listBackups, setAside } from './backups.js';
import { openStore, type Store } from './store.js';

export const RESTORE_REQUEST_FILE = 'restore-request.json';

export interface OpenedStore {
  store: Store;
  /** Messages for the author about what happened while opening (damage found, backup restored). */
  notices: string[];
}

export function openStoreSafely(dataDir: string, file: string, backupsDir: string, now: Date): OpenedStore {
  const notices: string[] = [];
  const request = join(dataDir, RESTORE_REQUEST_FILE);
  if (existsSync(request)) {
    const wanted = (JSON.parse(readFileSync(request, 'utf8')) as { file: string }).file;
    rmSync(request);
    const backup = listBackups(backupsDir).find((b) => b.file === wanted);
    if (backup && isHealthy(join(backupsDir, backup.file))) {
      const aside = existsSync(file) ? setAside(file, now, 'before-restore') : null;
      copyFileSync(join(backupsDir, backup.file), file);
      notices.push(
        `The backup from ${backup.createdAt} was restored.${aside ? ` The database as it was before is kept as ${aside}.` : ''}`,
      );
    } else {
      notices.push('The backup you chose to restore could not be read, so nothing was changed.');
    }
  }

  if (existsSync(file) && !isHealthy(file)) {
    const aside = setAside(file, now);
    const good = listBackups(backupsDir).find((b) => isHealthy(join(backupsDir, b.file)));
    if (good) {
      copyFileSync(join(backupsDir, good.file), file);
      notices.push(
        `Ami found its database damaged and opened the backup from ${good.createdAt}. The damaged file is kept as ${aside}; work done after that backup may be recoverable from it.`,
      );
    } else {
      notices.push(`Ami found its database damaged and had no backup to open. The damaged file is kept as ${aside}; Ami started with an empty one.`);
    }
  }
  return { store: openStore(file), notices };
}
