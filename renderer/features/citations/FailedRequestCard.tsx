import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Citation } from '../../../shared/domain';
import { consultationRequestName } from '../../../shared/request-names';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstWords, formatDateTime } from '../../components/format';
import { uiLanguage } from '../../i18n';

interface Props {
  citation: Citation;
  /** Sends the same request again; absent when read-only or when the passage is gone. */
  onRetry?: () => Promise<void>;
  onChanged: () => void;
  onOpenSettings: () => void;
}

/**
 * A request that failed before any text arrived. It is not a citation (no number, nothing to copy or quote): it says
 * what was asked and why it failed, and offers to send it again or to put it away.
 */
export function FailedRequestCard({ citation, onRetry, onChanged, onOpenSettings }: Props) {
  const { t } = useTranslation();
  const { consultation, reply } = citation;
  const [retrying, setRetrying] = useState(false);
  const question = reply.turn === 0 ? consultation.question : reply.question;
  const requestName = reply.turn === 0 ? consultationRequestName(consultation, uiLanguage()) : t('citations.followUpKind');
  const dismissed = reply.state === 'dismissed';

  const setState = async (state: 'kept' | 'dismissed') => {
    const result = await ami['citations:setState']({ replyId: reply.id, state });
    if (result.ok) onChanged();
  };

  const retry = async () => {
    if (!onRetry) return;
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  };

  return (
    <article className={`citation failed-request${dismissed ? ' dismissed' : ''}`} aria-label={t('failed.label')}>
      <header className="citation-head">
        <span className="citation-kind">{t('failed.heading', { name: requestName })}</span>
        <span className="muted small">{formatDateTime(reply.startedAt)}</span>
      </header>
      {question && (
        <p className="citation-question">
          <span className="muted">{t('citations.question')} </span>
          {question}
        </p>
      )}
      {reply.turn === 0 && <blockquote className="citation-passage">{firstWords(consultation.passage.text, 220)}</blockquote>}
      <p className="citation-model muted small">
        {t('failed.askedOf')} <code className="model-id">{consultation.route.requestedModel}</code>
      </p>
      {reply.error ? <ErrorNotice error={reply.error} onOpenSettings={onOpenSettings} /> : <p className="notice">{t('failed.noReply')}</p>}
      <div className="citation-actions">
        {onRetry && (
          <button type="button" className="small" disabled={retrying} onClick={() => void retry()}>
            {t('failed.retry')}
          </button>
        )}
        <button type="button" className="quiet small" onClick={() => void setState(dismissed ? 'kept' : 'dismissed')}>
          {dismissed ? t('citations.keep') : t('citations.dismiss')}
        </button>
      </div>
    </article>
  );
}
