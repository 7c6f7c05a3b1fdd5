import { useEffect, useState } from 'react';
import type { AmiError, BackupInfo } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../components/format';

/** Backups are made every 15 minutes; restoring one happens at the next start, keeping the current data aside. */
export function BackupsSection({ dataDir }: { dataDir: string }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = async () => {
    const result = await ami['backups:list']({});
    if (result.ok) setBackups([...result.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    else setError(result.error);
  };
  useEffect(() => void load(), []);

  const create = async () => {
    setError(null);
    const result = await ami['backups:create']({});
    if (result.ok) {
      setMessage(`Backup made at ${formatDateTime(result.value.createdAt)}.`);
      void load();
    } else setError(result.error);
  };

  const restore = async (b: BackupInfo) => {
    if (!window.confirm(`Restore the backup of ${formatDateTime(b.createdAt)} at the next start? The current data is kept aside.`)) return;
    const result = await ami['backups:restore']({ file: b.file });
    if (result.ok) setMessage('The backup will be restored when Ami starts next. Quit and start Ami again to use it.');
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>Backups</legend>
      {dataDir && (
        <p className="muted small">
          Your data is in <code>{dataDir}</code>.
        </p>
      )}
      <button type="button" onClick={() => void create()}>
        Back up now
      </button>
      {message && <p className="notice">{message}</p>}
      {backups && backups.length === 0 && <p className="muted small">No backup yet.</p>}
      {backups && backups.length > 0 && (
        <ul className="backup-list">
          {backups.slice(0, 10).map((b) => (
            <li key={b.file}>
              <span>
                {formatDateTime(b.createdAt)} <span className="muted small">({Math.ceil(b.bytes / 1024)} KB)</span>
              </span>
              <button type="button" className="quiet small" onClick={() => void restore(b)}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
    </fieldset>
  );
}
