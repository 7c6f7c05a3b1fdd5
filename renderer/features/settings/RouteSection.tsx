import { useEffect, useState } from 'react';
import type { AmiError, Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ModelField } from '../ask/ModelField';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
}

/** Where questions go: the server, the default model and the privacy option sent with every request. */
export function RouteSection({ settings, onSettings }: Props) {
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [model, setModel] = useState(settings.defaultModel);
  const [deny, setDeny] = useState(settings.dataCollection === 'deny');
  const [error, setError] = useState<AmiError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setBaseUrl(settings.baseUrl);
    setModel(settings.defaultModel);
    setDeny(settings.dataCollection === 'deny');
  }, [settings]);

  const save = async () => {
    setError(null);
    setSaved(false);
    const result = await ami['settings:update']({
      baseUrl: baseUrl.trim(),
      defaultModel: model.trim(),
      dataCollection: deny ? 'deny' : 'allow',
    });
    if (result.ok) {
      onSettings(result.value);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <fieldset>
      <legend>Requests</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="settings-base-url">Base URL</label>
          <input id="settings-base-url" type="url" spellCheck={false} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </div>
        <ModelField id="settings-model" label="Default model" value={model} onChange={setModel} />
        <label className="check">
          <input type="checkbox" checked={deny} onChange={(e) => setDeny(e.target.checked)} /> Ask providers not to collect my data
        </label>
        <p className="muted small">
          Sent as <code>data_collection: {deny ? 'deny' : 'allow'}</code>: only providers that promise not to store or train on
          prompts are used{deny ? '' : ' (now off: any provider may serve the request)'}.
        </p>
        <button type="submit">Save</button>
        {saved && <span className="muted small"> Saved.</span>}
      </form>
      {error && <ErrorNotice error={error} />}
    </fieldset>
  );
}
