import { useEffect, useRef, useState } from 'react';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';

/** The author's own note on a citation, saved when the field loses focus. */
export function NoteField({ replyId, note }: { replyId: string; note: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(note);
  const [error, setError] = useState<AmiError | null>(null);
  const [saved, setSaved] = useState(false);
  const stored = useRef(note);

  useEffect(() => {
    // A refreshed list must not overwrite what is being typed.
    if (value === stored.current) setValue(note);
    stored.current = note;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [note]);

  const save = async () => {
    if (value === stored.current) return;
    const result = await ami['citations:annotate']({ replyId, note: value });
    if (result.ok) {
      stored.current = value;
      setError(null);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <div className="note-field">
      <textarea
        aria-label={t('citations.noteLabel')}
        placeholder={t('citations.notePlaceholder')}
        rows={value ? 3 : 1}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
        }}
        onBlur={() => void save()}
      />
      {saved && <span className="muted small">{t('citations.noteSaved')}</span>}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
