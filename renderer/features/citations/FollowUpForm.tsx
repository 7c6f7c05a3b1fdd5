import { useState } from 'react';
import type { AskStarted } from '../../../shared/contract';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useTranslation } from 'react-i18next';

interface Props {
  consultationId: string;
  disabled: boolean;
  onStarted: (started: AskStarted) => void;
  onOpenSettings: () => void;
}

/** A follow-up continues the thread with the same model; its reply becomes the next citation. */
export function FollowUpForm({ consultationId, disabled, onStarted, onOpenSettings }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<AmiError | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (!text.trim() || sending || disabled) return;
    setSending(true);
    setError(null);
    const result = await ami['consultations:followUp']({ consultationId, question: text.trim() });
    setSending(false);
    if (result.ok) {
      setText('');
      onStarted(result.value);
    } else setError(result.error);
  };

  return (
    <form
      className="follow-up"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        aria-label={t('citations.followUpLabel')}
        placeholder={t('citations.followUpPlaceholder')}
        rows={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" disabled={disabled || sending || !text.trim()}>
        {t('citations.followUp')}
      </button>
      {error && <ErrorNotice error={error} onOpenSettings={onOpenSettings} onDismiss={() => setError(null)} />}
    </form>
  );
}
