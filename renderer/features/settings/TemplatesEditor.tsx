import { useState } from 'react';
import { LANGUAGES, REQUEST_KINDS, type AmiError, type Language, type RequestKind, type Template } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
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

  const remove = async (t: Template) => {
    if (!window.confirm(`Delete the template “${t.name}”? Citations made with it keep their text.`)) return;
    const result = await ami['templates:delete']({ id: t.id });
    if (result.ok) onChanged();
    else setError(result.error);
  };

  return (
    <fieldset>
      <legend>Request templates</legend>
      <ul className="template-list">
        {sorted.map((t) => (
          <li key={t.id}>
            <div>
              <strong>{t.name}</strong>{' '}
              <span className="muted small">
                {t.builtin ? 'built-in' : 'yours'} · {kindLabel(t.kind)} · {t.language.toUpperCase()}
              </span>
              <div className="muted small">{firstWords(t.instruction, 110)}</div>
            </div>
            <div className="row-actions">
              <button type="button" className="quiet small" aria-label={`Edit ${t.name} (${t.language})`} onClick={() => setEditing({ ...t })}>
                Edit
              </button>
              {!t.builtin && (
                <button type="button" className="quiet small" aria-label={`Delete ${t.name}`} onClick={() => void remove(t)}>
                  Delete
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {!editing && (
        <button type="button" onClick={() => setEditing({ ...EMPTY })}>
          New template
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
            <label htmlFor="tpl-name">Name</label>
            <input id="tpl-name" value={editing.name} maxLength={100} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="tpl-kind">Kind</label>
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
              <label htmlFor="tpl-language">Language</label>
              <select
                id="tpl-language"
                value={editing.language}
                disabled={editing.builtin}
                onChange={(e) => setEditing({ ...editing, language: e.target.value as Language })}
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {l === 'en' ? 'English' : 'Français'}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="tpl-instruction">Instruction</label>
            <textarea
              id="tpl-instruction"
              rows={7}
              value={editing.instruction}
              onChange={(e) => setEditing({ ...editing, instruction: e.target.value })}
            />
          </div>
          <p className="muted small">
            The instruction says what to do with the marked passage; Ami adds the whole draft, the markers and its rule that
            the model answers without rewriting.
          </p>
          <div className="row-actions">
            <button type="submit" className="primary" disabled={!editing.name.trim() || !editing.instruction.trim()}>
              Save template
            </button>
            <button type="button" className="quiet" onClick={() => setEditing(null)}>
              Discard changes
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
    </fieldset>
  );
}
