import { useEffect, useState } from 'react';
import type { ModelInfo } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (value: string) => void;
  id?: string;
  label?: string;
}

/** A model id, free text; the provider's model list is offered as suggestions when it answers. */
export function ModelField({ value, onChange, id = 'ask-model', label }: Props) {
  const { t } = useTranslation();
  const [models, setModels] = useState<ModelInfo[]>([]);
  useEffect(() => {
    let alive = true;
    void ami['models:list']({}).then((r) => {
      if (alive && r.ok) setModels(r.value);
    });
    return () => {
      alive = false;
    };
  }, []);
  const listId = `${id}-list`;
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('ask.model')}</label>
      <input
        id={id}
        type="text"
        list={models.length ? listId : undefined}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
      {models.length > 0 && (
        <datalist id={listId}>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </datalist>
      )}
    </div>
  );
}
