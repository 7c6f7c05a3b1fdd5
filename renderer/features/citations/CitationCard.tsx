import { useState } from 'react';
import type { AnchorStatus, Citation } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstWords, formatCost, formatDateTime, formatTokens } from '../../components/format';
import type { LiveReplies } from '../ask/live-replies';
import { useLiveReply } from '../ask/useLiveReply';
import { WordDiff } from '../../components/WordDiff';
import { NoteField } from './NoteField';
import { quotationOf } from './quotation';
import { FailedRequestCard } from './FailedRequestCard';
import { ReplyMarkdown } from './ReplyMarkdown';
import { replyStatusText } from './reply-status';
import { useTranslation } from 'react-i18next';
import { consultationRequestName } from '../../../shared/request-names';
import { uiLanguage } from '../../i18n';
import { FootprintLine, type FootprintSettings } from '../money/FootprintLine';

const ANCHOR_KEY = { current: 'citations.anchorCurrent', edited: 'citations.anchorEdited', lost: 'citations.anchorLost' } as const satisfies Record<AnchorStatus, string>;

interface Props {
  citation: Citation;
  live: LiveReplies;
  anchorStatus: AnchorStatus;
  /** The passage's text in the draft today (for an edited passage). */
  currentPassage: string | null;
  /** Asks a new question about the passage as it is now, linked to this consultation; absent when read-only. */
  onAskAgain?: () => void;
  /** Sends a request that failed before any text again; absent when read-only. */
  onRetry?: () => Promise<void>;
  onChanged: () => void;
  onOpenSettings: () => void;
  /** What the footprint line is computed with (the author's settings). */
  footprint?: FootprintSettings | null;
}

export function CitationCard(props: Props) {
  const liveReply = useLiveReply(props.live, props.citation.reply.status === 'streaming' ? props.citation.reply.id : null);
  const reply = liveReply?.final ?? props.citation.reply;
  if (reply.status !== 'streaming' && reply.citationNumber === null) {
    return <FailedRequestCard citation={{ ...props.citation, reply }} onRetry={props.onRetry} onChanged={props.onChanged} onOpenSettings={props.onOpenSettings} />;
  }
  return <ReplyCard {...props} />;
}

function ReplyCard({ citation, live, anchorStatus, currentPassage, onAskAgain, onChanged, onOpenSettings, footprint }: Props) {
  const { t } = useTranslation();
  const { consultation } = citation;
  const liveReply = useLiveReply(live, citation.reply.status === 'streaming' ? citation.reply.id : null);
  // Between the end of a stream and the next refresh of the list, the stored reply carried by the end event is
  // the truth: served model, status and error must not wait for the list.
  const reply = liveReply?.final ?? citation.reply;
  const streaming = reply.status === 'streaming';
  // Main numbers a reply when its first text arrives; until then it is not a citation yet.
  const number = reply.citationNumber ?? liveReply?.citationNumber ?? null;
  const [copied, setCopied] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const dismissed = reply.state === 'dismissed';
  const text = streaming && liveReply ? liveReply.text : reply.text;
  const question = reply.turn === 0 ? consultation.question : reply.question;
  const requestName = consultationRequestName(consultation, uiLanguage());

  const copy = async (what: 'reply' | 'quotation') => {
    try {
      if (number === null) return;
      await navigator.clipboard.writeText(what === 'reply' ? reply.text : quotationOf({ ...reply, citationNumber: number }));
      setCopied(what === 'reply' ? t('citations.replyCopied') : t('citations.quotationCopied'));
    } catch {
      setCopied(t('citations.noClipboard'));
    }
  };

  const setState = async (state: 'kept' | 'dismissed') => {
    const result = await ami['citations:setState']({ replyId: reply.id, state });
    if (result.ok) onChanged();
  };

  const header = (
    <header className="citation-head">
      <span className="cite-number">{number === null ? '[…]' : `[${number}]`}</span>
      <span className="citation-kind">{reply.turn === 0 ? requestName : t('citations.followUpKind')}</span>
      <span className="muted small">{formatDateTime(reply.startedAt)}</span>
    </header>
  );

  if (dismissed && !expanded) {
    return (
      <article className="citation dismissed" aria-label={t('citations.cardDismissed', { number: number ?? '…' })}>
        {header}
        <p className="muted small">
          {t('citations.dismissedLine')} <code className="model-id">{reply.servedModel ?? consultation.route.requestedModel}</code>
        </p>
        <div className="citation-actions">
          <button type="button" className="quiet small" onClick={() => setExpanded(true)}>
            {t('citations.show')}
          </button>
          <button type="button" className="quiet small" onClick={() => void setState('kept')}>
            {t('citations.keep')}
          </button>
        </div>
      </article>
    );
  }

  return (
    <article
      className={`citation status-${reply.status}${dismissed ? ' dismissed' : ''}`}
      aria-label={number === null ? t('citations.replyArriving') : t('citations.card', { number })}
      data-reply={reply.id}
      tabIndex={-1}
    >
      {header}
      {question && (
        <p className="citation-question">
          <span className="muted">{t('citations.question')} </span>
          {question}
        </p>
      )}
      {reply.turn === 0 && (
        <blockquote className="citation-passage">
          {firstWords(consultation.passage.text, 220)}
          {/* A live region: the state changes while the author edits the passage, and is announced then. */}
          <span className={`anchor-status anchor-${anchorStatus}`} role="status" aria-label={t('citations.passageState')}>
            {t(ANCHOR_KEY[anchorStatus])}
          </span>
        </blockquote>
      )}
      {reply.turn === 0 && anchorStatus === 'edited' && currentPassage !== null && (
        <div className="anchor-change">
          <p className="muted small">{t('citations.whatChanged')}</p>
          <WordDiff before={consultation.passage.text} after={currentPassage} label={t('citations.changesSince')} />
          {onAskAgain && (
            <button type="button" className="small" aria-label={t('citations.askAgainLabel')} onClick={onAskAgain}>
              {t('citations.askAgain')}
            </button>
          )}
        </div>
      )}
      {reply.turn === 0 && anchorStatus === 'lost' && (
        <p className="anchor-lost-note small" role="note">
          {t('citations.passageDeleted')}
        </p>
      )}
      <p className="citation-model">
        <code className="model-id">{reply.servedModel ?? t('citations.modelUnknown')}</code>
        {reply.provider && <span className="muted"> {t('citations.via', { provider: reply.provider })}</span>}
        {reply.servedModel && reply.servedModel !== consultation.route.requestedModel && (
          <span className="muted small"> {t('citations.askedFor', { model: consultation.route.requestedModel })}</span>
        )}
      </p>
      {!streaming && (
        <p className="muted small">
          {formatTokens(reply.usage.promptTokens, reply.usage.completionTokens)} ·{' '}
          {reply.usage.costSource === 'local' ? t('money.local') : formatCost(reply.usage.cost)}
          {reply.usage.costSource === 'estimate' && (
            <span className="cost-estimated" title={t('money.estimatedTitle')}>
              {' '}
              ({t('money.estimated')})
            </span>
          )}
        </p>
      )}
      {!streaming && reply.text && <FootprintLine reply={reply} settings={footprint ?? null} />}
      <p className={`reply-status ${reply.status === 'complete' ? 'status-ok' : 'status-bad'}`}>
        {replyStatusText(reply)}
        {streaming && (
          <button type="button" className="quiet small" aria-label={t('citations.stopLabel')} onClick={() => void ami['consultations:cancel']({ replyId: reply.id })}>
            {t('citations.stop')}
          </button>
        )}
      </p>
      {reply.error && reply.status !== 'complete' && reply.status !== 'failed' && <ErrorNotice error={reply.error} onOpenSettings={onOpenSettings} />}
      {reply.error && reply.status === 'failed' && reply.error.detail && <ErrorNotice error={reply.error} onOpenSettings={onOpenSettings} />}
      {text ? <ReplyMarkdown text={text} /> : !streaming && <p className="muted">{t('citations.noText')}</p>}
      <NoteField replyId={reply.id} note={reply.note} />
      <div className="citation-actions">
        <button type="button" className="quiet small" onClick={() => void setState(dismissed ? 'kept' : 'dismissed')}>
          {dismissed ? t('citations.keep') : t('citations.dismiss')}
        </button>
        <button type="button" className="quiet small" disabled={streaming || !reply.text} onClick={() => void copy('reply')}>
          {t('citations.copyReply')}
        </button>
        <button type="button" className="quiet small" disabled={streaming || !reply.text} onClick={() => void copy('quotation')}>
          {t('citations.copyQuotation')}
        </button>
        {copied && (
          <span className="muted small" aria-live="polite">
            {copied}
          </span>
        )}
      </div>
    </article>
  );
}
