import { useState } from 'react';
import type { AmiError, Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';

interface Props {
  settings: Settings;
  mode: 'electron' | 'web';
  onSettings: (settings: Settings) => void;
}

/** The key goes to main and never comes back: this only ever shows whether one is set. */
export function KeySection({ settings, mode, onSettings }: Props) {
  const { t } = useTranslation();
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
      <legend>{t('settings.key.legend')}</legend>
      <p className={status.set ? 'status-ok' : 'status-bad'}>
        {status.set
          ? status.source === 'env'
            ? t('settings.key.fromEnv')
            : t('settings.key.stored')
          : t('settings.key.none')}
      </p>
      {status.storage === 'basic_text' && (
        <p className="notice">
          {t('settings.key.basicText')}
        </p>
      )}
      {mode === 'web' ? (
        <p className="muted">
          {t('settings.key.web')}
        </p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (key.trim()) void send(key.trim());
          }}
        >
          <label htmlFor="settings-key">{status.set ? t('settings.key.replace') : t('settings.key.key')}</label>
          <input
            id="settings-key"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('settings.key.placeholder')}
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="submit" disabled={busy || !key.trim()}>
            {t('settings.key.save')}
          </button>
          {status.set && status.source === 'stored' && (
            <button type="button" className="quiet" disabled={busy} onClick={() => void send(null)}>
              {t('settings.key.forget')}
            </button>
          )}
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
