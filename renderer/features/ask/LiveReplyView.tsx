import { useState } from 'react';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReplyMarkdown } from '../citations/ReplyMarkdown';
import { replyStatusText } from '../citations/reply-status';
import type { LiveReplies } from './live-replies';
import { useLiveReply } from './useLiveReply';
import { useTranslation } from 'react-i18next';

interface Props {
  store: LiveReplies;
  replyId: string;
  citationNumber: number;
  onShowCitation?: () => void;
  onOpenSettings: () => void;
}

/** A reply as it arrives, with Cancel until it ends; then where it is kept. */
export function LiveReplyView({ store, replyId, citationNumber, onShowCitation, onOpenSettings }: Props) {
  const { t } = useTranslation();
  const live = useLiveReply(store, replyId);
  const [cancelError, setCancelError] = useState<AmiError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const final = live?.final ?? null;
  const text = live?.text ?? '';

  const cancel = async () => {
    setCancelling(true);
    const result = await ami['consultations:cancel']({ replyId });
    setCancelling(false);
    if (!result.ok) setCancelError(result.error);
  };

  return (
    <div className="live-reply" aria-busy={!final}>
      <div className="live-head">
        <span className="cite-number">[{citationNumber}]</span>
        {!final ? (
          <>
            <span className="muted">{text ? t('ask.receiving') : t('ask.waiting')}</span>
            <button type="button" onClick={() => void cancel()} disabled={cancelling}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <>
            <span className={final.status === 'complete' ? 'status-ok' : 'status-bad'}>{replyStatusText(final)}</span>
            {onShowCitation && (
              <button type="button" className="quiet small" onClick={onShowCitation}>
                {t('ask.showCitation', { number: citationNumber })}
              </button>
            )}
          </>
        )}
      </div>
      {cancelError && <ErrorNotice error={cancelError} onDismiss={() => setCancelError(null)} />}
      {final?.error && final.status !== 'complete' && <ErrorNotice error={final.error} onOpenSettings={onOpenSettings} />}
      {text && <ReplyMarkdown text={text} />}
    </div>
  );
}
