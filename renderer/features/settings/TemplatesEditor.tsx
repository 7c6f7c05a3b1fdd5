import { useState } from 'react';
import { LANGUAGES, REQUEST_KINDS, type AmiError, type Language, type RequestKind, type Template } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';
import { firstWords } from '../../components/format';
import { kindLabel } from '../ask/request-options';

interface Draft {
  id?: string;
  builtin: boolean;
  kind: RequestKind;
  language: Language;
  name: string;
  instruction: string;
}

const EMPTY: Draft = { builtin: false, kind: 'custom', language: 'en', name: '', instruction: '' };

/** Built-in templates can be edited in place; the author's own can also be added and deleted. */
export function TemplatesEditor({ templates, onChanged }: { templates: Template[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const sorted = [...templates].sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.name.localeCompare(b.name));

  const save = async () => {
    if (!editing) return;
    setError(null);
    const result = await ami['templates:save']({
      id: editing.id,
      kind: editing.kind,
      language: editing.language,
      name: editing.name,
      instruction: editing.instruction,
    });
    if (result.ok) {
      setEditing(null);
      onChanged();
    } else setError(result.error);
  };

  const remove = async (template: Template) => {
    if (!window.confirm(t('settings.templates.confirmDelete', { name: template.name }))) return;
    const result = await ami['templates:delete']({ id: template.id });
    if (result.ok) onChanged();
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>{t('settings.templates.legend')}</legend>
      <ul className="template-list">
        {sorted.map((tpl) => (
          <li key={tpl.id}>
            <div>
              <strong>{tpl.name}</strong>{' '}
              <span className="muted small">
                {tpl.builtin ? t('settings.templates.builtin') : t('settings.templates.yours')} · {kindLabel(tpl.kind)} · {tpl.language.toUpperCase()}
              </span>
              <div className="muted small">{firstWords(tpl.instruction, 110)}</div>
            </div>
            <div className="row-actions">
              <button type="button" className="quiet small" aria-label={t('settings.templates.editLabel', { name: tpl.name, language: tpl.language })} onClick={() => setEditing({ ...tpl })}>
                {t('settings.templates.edit')}
              </button>
              {!tpl.builtin && (
                <button type="button" className="quiet small" aria-label={t('settings.templates.deleteLabel', { name: tpl.name })} onClick={() => void remove(tpl)}>
                  {t('settings.templates.delete')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {!editing && (
        <button type="button" onClick={() => setEditing({ ...EMPTY })}>
          {t('settings.templates.new')}
        </button>
      )}
      {editing && (
        <form
          className="template-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor="tpl-name">{t('settings.templates.name')}</label>
            <input id="tpl-name" value={editing.name} maxLength={100} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="tpl-kind">{t('settings.templates.kind')}</label>
              <select
                id="tpl-kind"
                value={editing.kind}
                disabled={editing.builtin}
                onChange={(e) => setEditing({ ...editing, kind: e.target.value as RequestKind })}
              >
                {[...REQUEST_KINDS, 'custom' as const].map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="tpl-language">{t('settings.templates.language')}</label>
              <select
                id="tpl-language"
                value={editing.language}
                disabled={editing.builtin}
                onChange={(e) => setEditing({ ...editing, language: e.target.value as Language })}
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="tpl-instruction">{t('settings.templates.instruction')}</label>
            <textarea
              id="tpl-instruction"
              rows={7}
              value={editing.instruction}
              onChange={(e) => setEditing({ ...editing, instruction: e.target.value })}
            />
          </div>
          <p className="muted small">
            {t('settings.templates.explain')}
          </p>
          <div className="row-actions">
            <button type="submit" className="primary" disabled={!editing.name.trim() || !editing.instruction.trim()}>
              {t('settings.templates.save')}
            </button>
            <button type="button" className="quiet" onClick={() => setEditing(null)}>
              {t('settings.templates.discard')}
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
    </fieldset>
  );
}
