import { useEffect, useState } from 'react';
import type { AmiError, BackupInfo } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';

/** Backups are made every 15 minutes; restoring one happens at the next start, keeping the current data aside. */
export function BackupsSection({ dataDir }: { dataDir: string }) {
  const { t } = useTranslation();
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
      setMessage(t('settings.backups.made', { when: formatDateTime(result.value.createdAt) }));
      void load();
    } else setError(result.error);
  };

  const restore = async (b: BackupInfo) => {
    if (!window.confirm(t('settings.backups.confirmRestore', { when: formatDateTime(b.createdAt) }))) return;
    const result = await ami['backups:restore']({ file: b.file });
    if (result.ok) setMessage(t('settings.backups.willRestore'));
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>{t('settings.backups.legend')}</legend>
      {dataDir && (
        <p className="muted small">
          {t('settings.backups.dataIn')} <code>{dataDir}</code>.
        </p>
      )}
      <button type="button" onClick={() => void create()}>
        {t('settings.backups.now')}
      </button>
      {message && <p className="notice">{message}</p>}
      {backups && backups.length === 0 && <p className="muted small">{t('settings.backups.none')}</p>}
      {backups && backups.length > 0 && (
        <ul className="backup-list">
          {backups.slice(0, 10).map((b) => (
            <li key={b.file}>
              <span>
                {formatDateTime(b.createdAt)} <span className="muted small">{t('settings.backups.size', { size: Math.ceil(b.bytes / 1024) })}</span>
              </span>
              <button type="button" className="quiet small" onClick={() => void restore(b)}>
                {t('settings.backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
    </fieldset>
  );
}
