import { useEffect, useRef, useState, type Ref } from 'react';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { useTranslation } from 'react-i18next';

const RENAME_DELAY_MS = 800;

interface Props {
  draftId: string;
  title: string;
  readOnly: boolean;
  onRenamed: (title: string) => void;
  onError: (error: AmiError) => void;
  onEnter: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The draft's title: renamed after a pause in typing, and at once on blur or Enter. */
export function TitleField({ draftId, title, readOnly, onRenamed, onError, onEnter, inputRef }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const saved = useRef(title);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    setValue(title);
    saved.current = title;
  }, [draftId, title]);

  const commit = async (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (next === saved.current) return;
    saved.current = next;
    const result = await ami['drafts:rename']({ id: draftId, title: next });
    if (result.ok) onRenamed(result.value.title);
    else {
      saved.current = '\u0000'; // not saved: the next blur tries again
      onError(result.error);
    }
  };

  const latest = useRef(value);
  latest.current = value;
  // A rename still waiting when the draft changes is sent for the draft it was typed in.
  useEffect(
    () => () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      timer.current = null;
      if (latest.current !== saved.current) void ami['drafts:rename']({ id: draftId, title: latest.current });
    },
    [draftId],
  );

  return (
    <input
      ref={inputRef}
      className="title-field"
      type="text"
      aria-label={t('drafts.title')}
      placeholder={t('common.untitled')}
      maxLength={500}
      value={value}
      readOnly={readOnly}
      onChange={(e) => {
        const next = e.target.value;
        setValue(next);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void commit(next), RENAME_DELAY_MS);
      }}
      onBlur={() => void commit(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          void commit(value);
          onEnter();
        }
      }}
    />
  );
}
