import { useState } from 'react';
import type { AmiError, Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  settings: Settings;
  mode: 'electron' | 'web';
  onSettings: (settings: Settings) => void;
}

/** The key goes to main and never comes back: this only ever shows whether one is set. */
export function KeySection({ settings, mode, onSettings }: Props) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<AmiError | null>(null);
  const [busy, setBusy] = useState(false);
  const status = settings.key;

  const send = async (value: string | null) => {
    setBusy(true);
    setError(null);
    const result = await ami['settings:setKey']({ key: value });
    setBusy(false);
    setKey('');
    if (result.ok) onSettings(result.value);
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>OpenRouter API key</legend>
      <p className={status.set ? 'status-ok' : 'status-bad'}>
        {status.set
          ? status.source === 'env'
            ? 'A key is set from the OPENROUTER_API_KEY environment variable.'
            : 'A key is stored on this computer.'
          : 'No key is set yet.'}
      </p>
      {status.storage === 'basic_text' && (
        <p className="notice">
          This system offers no keyring, so the key is encrypted with a fixed password that other programs running as you
          could read. Prefer OPENROUTER_API_KEY, or a desktop session with a keyring.
        </p>
      )}
      {mode === 'web' ? (
        <p className="muted">
          In browser mode Ami reads the key only from the OPENROUTER_API_KEY environment variable of the server (set it before
          starting Ami). It is never shown to this page.
        </p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (key.trim()) void send(key.trim());
          }}
        >
          <label htmlFor="settings-key">{status.set ? 'Replace the key' : 'Key'}</label>
          <input
            id="settings-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="sk-or-…"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="submit" disabled={busy || !key.trim()}>
            Save key
          </button>
          {status.set && status.source === 'stored' && (
            <button type="button" className="quiet" disabled={busy} onClick={() => void send(null)}>
              Forget key
            </button>
          )}
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
