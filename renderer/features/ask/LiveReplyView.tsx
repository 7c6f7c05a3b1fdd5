import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { LiveReplies } from './live-replies';
import { useLiveReply } from './useLiveReply';

interface Props {
  store: LiveReplies;
  replyId: string;
  onShowCitation?: () => void;
  /** The model asked, when several were asked at once: each line says whose reply it follows. */
  model?: string;
}

/**
 * Where the question just asked stands, with Cancel until it ends. The reply itself (and any error) is shown once,
 * in its card among the citations, where it will stay.
 */
export function LiveReplyView({ store, replyId, onShowCitation, model }: Props) {
  const { t } = useTranslation();
  const live = useLiveReply(store, replyId);
  const [cancelError, setCancelError] = useState<AmiError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const final = live?.final ?? null;
  const number = live?.citationNumber ?? null;

  const cancel = async () => {
    setCancelling(true);
    const result = await ami['consultations:cancel']({ replyId });
    setCancelling(false);
    if (!result.ok) setCancelError(result.error);
  };

  const state = !final
    ? number === null
      ? t('ask.waiting')
      : t('ask.receivingIn', { number })
    : number === null
      ? t('ask.failedSeeBelow')
      : final.status === 'complete'
        ? t('ask.keptComplete', { number })
        : t('ask.keptIncomplete', { number });

  return (
    <div className="live-reply" aria-busy={!final}>
      <div className="live-head">
        {model && <code className="model-id">{model}</code>}
        <span className={final && final.status !== 'complete' ? 'status-bad' : final ? 'status-ok' : 'muted'}>{state}</span>
        {!final ? (
          <button type="button" onClick={() => void cancel()} disabled={cancelling} aria-label={model ? t('secondOpinion.cancelModel', { model }) : undefined}>
            {t('common.cancel')}
          </button>
        ) : (
          onShowCitation && (
            <button type="button" className="quiet small" onClick={onShowCitation}>
              {number === null ? t('ask.showFailed') : t('ask.showCitation', { number })}
            </button>
          )
        )}
      </div>
      {cancelError && <ErrorNotice error={cancelError} onDismiss={() => setCancelError(null)} />}
    </div>
  );
}
