import { useEffect, useState } from 'react';
import type { AmiError, Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';
import { ModelPicker, type ModelChoice } from '../ask/ModelPicker';
import { toggleFavourite } from '../ask/favourites';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
}

/** Where questions go: the server, the default model and the privacy option sent with every request. */
export function RouteSection({ settings, onSettings }: Props) {
  const { t } = useTranslation();
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [model, setModel] = useState<ModelChoice>({ endpointId: settings.defaultEndpointId, model: settings.defaultModel });
  const [deny, setDeny] = useState(settings.dataCollection === 'deny');
  const [error, setError] = useState<AmiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setBaseUrl(settings.baseUrl);
    setModel({ endpointId: settings.defaultEndpointId, model: settings.defaultModel });
    setDeny(settings.dataCollection === 'deny');
  }, [settings]);

  const save = async () => {
    setError(null);
    setSaved(false);
    const result = await ami['settings:update']({
      baseUrl: baseUrl.trim(),
      defaultModel: model.model.trim(),
      defaultEndpointId: model.endpointId,
      dataCollection: deny ? 'deny' : 'allow',
    });
    if (result.ok) {
      onSettings(result.value);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <fieldset>
      <legend>{t('settings.route.legend')}</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="settings-base-url">{t('settings.route.baseUrl')}</label>
          <input id="settings-base-url" type="url" spellCheck={false} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </div>
        <ModelPicker
          id="settings-model"
          label={t('settings.route.defaultModel')}
          value={model}
          onChange={setModel}
          settings={settings}
          onToggleFavourite={(ref) => void toggleFavourite(settings, ref, onSettings)}
        />
        <label className="check">
          <input type="checkbox" checked={deny} onChange={(e) => setDeny(e.target.checked)} /> {t('settings.route.deny')}
        </label>
        <p className="muted small">
          {t('settings.route.sentAs')} <code>{deny ? 'data_collection: deny' : 'data_collection: allow'}</code>
          {t('settings.route.denyExplain')}
          {deny ? '' : t('settings.route.nowOff')}.
        </p>
        <button type="submit">{t('common.save')}</button>
        {saved && <span className="muted small"> {t('settings.route.saved')}</span>}
      </form>
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
