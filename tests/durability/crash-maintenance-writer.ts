// Child process of the maintenance crash test. `migrate DIR START`: creates and migrates one new database after
// another (m-START.sqlite, m-START+1.sqlite, …), printing "ack N" once database N is open and migrated.
// `backup FILE BACKUPS START`: backs the database up again and again, printing "ack N" once backup N is in place.
// The parent SIGKILLs it at a random moment, so that a kill lands inside a migration or a backup.
import { join } from 'node:path';
import { createBackup } from '../../electron/db/backups.js';
import { openStore } from '../../electron/db/store.js';

const [mode, ...args] = process.argv.slice(2) as [string, ...string[]];

/** The time of backup n: one second apart and never reused, so every backup has its own name. */
const backupTime = (n: number) => new Date(Date.UTC(2026, 0, 1, 12) + n * 1000);

if (mode === 'migrate') {
  const [dir, start] = args as [string, string];
  process.stdout.write('ready\n');
  for (let n = Number(start); ; n++) {
    const store = openStore(join(dir, `m-${n}.sqlite`));
    store.close();
    process.stdout.write(`ack ${n}\n`);
  }
} else if (mode === 'backup') {
  const [file, backups, start] = args as [string, string, string];
  const store = openStore(file);
  process.stdout.write('ready\n');
  void (async () => {
    for (let n = Number(start); ; n++) {
      await createBackup(store.db, backups, backupTime(n));
      process.stdout.write(`ack ${n}\n`);
    }
  })();
}
