import { useState } from 'react';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';

interface Props {
  mode: 'electron' | 'web';
  onImported: () => void;
}

type ImportReport = { imported: number; skipped: number; notes: string[] };

/**
 * Everything as a plain folder of Markdown and JSON, and back. Electron asks for the folder with the system dialog;
 * browser mode has no folder picker, so it writes under the data folder and reads the folder whose path is typed.
 */
export function ArchiveSection({ mode, onImported }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<AmiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setMessage(null);
    setReport(null);
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const exportAll = () =>
    run(async () => {
      const result = await ami['archive:export']({});
      if (!result.ok) return setError(result.error);
      if (result.value) setMessage(t('settings.archive.written', { count: result.value.drafts, path: result.value.path }));
    });

  const importAll = () =>
    run(async () => {
      const result = await ami['archive:import'](mode === 'web' ? { path: path.trim() || undefined } : {});
      if (!result.ok) return setError(result.error);
      if (!result.value) return;
      setReport(result.value);
      if (result.value.imported > 0) onImported();
    });

  return (
    <fieldset>
      <legend>{t('settings.archive.legend')}</legend>
      <p className="muted small">{t('settings.archive.explain')}</p>
      <button type="button" disabled={busy} onClick={() => void exportAll()}>
        {t('settings.archive.exportAll')}
      </button>
      {mode === 'web' ? (
        <form
          className="archive-import"
          onSubmit={(e) => {
            e.preventDefault();
            void importAll();
          }}
        >
          <div className="field">
            <label htmlFor="archive-path">{t('settings.archive.folder')}</label>
            <input id="archive-path" type="text" spellCheck={false} value={path} onChange={(e) => setPath(e.target.value)} />
          </div>
          <button type="submit" disabled={busy}>
            {t('settings.archive.import')}
          </button>
        </form>
      ) : (
        <button type="button" disabled={busy} onClick={() => void importAll()}>
          {t('settings.archive.importDialog')}
        </button>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {report && (
        <div className="notice" role="status">
          <p>
            {t('settings.archive.imported', { count: report.imported })}
            {report.skipped ? t('settings.archive.skipped', { count: report.skipped }) : ''}
          </p>
          {report.notes.length > 0 && (
            <ul>
              {report.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
    </fieldset>
  );
}
