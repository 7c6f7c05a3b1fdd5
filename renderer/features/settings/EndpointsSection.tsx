import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmiError, EndpointInfo, Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
}

/** OpenAI-compatible servers beside OpenRouter. A key typed here goes to main and never comes back. */
export function EndpointsSection({ settings, onSettings }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<EndpointInfo | 'new' | null>(null);
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<AmiError | null>(null);
  const others = settings.endpoints.filter((e) => !e.builtin);

  const start = (e: EndpointInfo | 'new') => {
    setEditing(e);
    setName(e === 'new' ? '' : e.name);
    setBaseUrl(e === 'new' ? '' : e.baseUrl);
    setKey('');
    setError(null);
  };
  const save = async (forgetKey = false) => {
    const id = editing && editing !== 'new' ? editing.id : undefined;
    const result = await ami['endpoints:save']({
      ...(id ? { id } : {}),
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      ...(forgetKey ? { key: null } : key.trim() ? { key: key.trim() } : {}),
    });
    if (result.ok) {
      onSettings(result.value);
      setEditing(null);
      setKey('');
    } else setError(result.error);
  };
  const remove = async (id: string) => {
    const result = await ami['endpoints:remove']({ id });
    if (result.ok) onSettings(result.value);
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>{t('catalogue.servers.legend')}</legend>
      <p className="muted small">{t('catalogue.servers.explain')}</p>
      {others.length === 0 && <p className="muted small">{t('catalogue.servers.none')}</p>}
      <ul className="endpoint-list">
        {others.map((e) => (
          <li key={e.id}>
            <strong>{e.name}</strong> <code>{e.baseUrl}</code>
            {e.local && <span className="muted small"> · {t('catalogue.servers.local')}</span>}
            {e.keySet && <span className="muted small"> · {t('catalogue.servers.keySet')}</span>}{' '}
            <button type="button" className="quiet small" onClick={() => start(e)}>
              {t('catalogue.servers.edit', { name: e.name })}
            </button>
            <button type="button" className="quiet small" onClick={() => void remove(e.id)}>
              {t('catalogue.servers.remove', { name: e.name })}
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor="endpoint-name">{t('catalogue.servers.name')}</label>
            <input id="endpoint-name" type="text" value={name} onChange={(ev) => setName(ev.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="endpoint-url">{t('catalogue.servers.baseUrl')}</label>
            <input id="endpoint-url" type="url" spellCheck={false} value={baseUrl} onChange={(ev) => setBaseUrl(ev.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="endpoint-key">{t('catalogue.servers.key')}</label>
            <input id="endpoint-key" type="password" autoComplete="off" value={key} onChange={(ev) => setKey(ev.target.value)} />
            {editing !== 'new' && editing.keySet && <p className="muted small">{t('catalogue.servers.keyKept')}</p>}
          </div>
          <button type="submit">{editing === 'new' ? t('catalogue.servers.add') : t('catalogue.servers.save')}</button>{' '}
          {editing !== 'new' && editing.keySet && (
            <button type="button" className="quiet" onClick={() => void save(true)}>
              {t('catalogue.servers.forgetKey')}
            </button>
          )}
          <button type="button" className="quiet" onClick={() => setEditing(null)}>
            {t('catalogue.servers.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => start('new')}>
          {t('catalogue.servers.newServer')}
        </button>
      )}
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
