import { useState } from 'react';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';

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
      if (result.value) setMessage(`${result.value.drafts} draft(s) written to ${result.value.path}`);
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
      <legend>Archive</legend>
      <p className="muted small">A folder with each draft as Markdown and its revisions and citations as JSON, readable without Ami.</p>
      <button type="button" disabled={busy} onClick={() => void exportAll()}>
        Export everything
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
            <label htmlFor="archive-path">Archive folder to import</label>
            <input id="archive-path" type="text" spellCheck={false} value={path} onChange={(e) => setPath(e.target.value)} />
          </div>
          <button type="submit" disabled={busy}>
            Import
          </button>
        </form>
      ) : (
        <button type="button" disabled={busy} onClick={() => void importAll()}>
          Import an archive…
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
            Imported {report.imported} draft(s){report.skipped ? `, left ${report.skipped} already in Ami as they were` : ''}.
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
