import { useState } from 'react';
import type { AnchorStatus, Citation } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstWords, formatCost, formatDateTime, formatTokens } from '../../components/format';
import type { LiveReplies } from '../ask/live-replies';
import { useLiveReply } from '../ask/useLiveReply';
import { kindLabel } from '../ask/request-options';
import { WordDiff } from '../../components/WordDiff';
import { NoteField } from './NoteField';
import { quotationOf } from './quotation';
import { ReplyMarkdown } from './ReplyMarkdown';
import { replyStatusText } from './reply-status';

const ANCHOR_TEXT: Record<AnchorStatus, string> = {
  current: 'Passage unchanged',
  edited: 'Passage edited since the question',
  lost: 'Passage deleted: it is no longer in the draft',
};

interface Props {
  citation: Citation;
  live: LiveReplies;
  anchorStatus: AnchorStatus;
  /** The passage's text in the draft today (for an edited passage). */
  currentPassage: string | null;
  /** Asks a new question about the passage as it is now, linked to this consultation; absent when read-only. */
  onAskAgain?: () => void;
  onChanged: () => void;
  onOpenSettings: () => void;
}

export function CitationCard({ citation, live, anchorStatus, currentPassage, onAskAgain, onChanged, onOpenSettings }: Props) {
  const { consultation } = citation;
  const liveReply = useLiveReply(live, citation.reply.status === 'streaming' ? citation.reply.id : null);
  // Between the end of a stream and the next refresh of the list, the stored reply carried by the end event is
  // the truth: served model, status and error must not wait for the list.
  const reply = liveReply?.final ?? citation.reply;
  const streaming = reply.status === 'streaming';
  const [copied, setCopied] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const dismissed = reply.state === 'dismissed';
  const text = streaming && liveReply ? liveReply.text : reply.text;
  const question = reply.turn === 0 ? consultation.question : reply.question;
  const requestName = consultation.templateName || kindLabel(consultation.kind);

  const copy = async (what: 'reply' | 'quotation') => {
    try {
      await navigator.clipboard.writeText(what === 'reply' ? reply.text : quotationOf(reply));
      setCopied(what === 'reply' ? 'Reply copied' : 'Quotation copied — paste it where you want it');
    } catch {
      setCopied('The clipboard is not available here.');
    }
  };

  const setState = async (state: 'kept' | 'dismissed') => {
    const result = await ami['citations:setState']({ replyId: reply.id, state });
    if (result.ok) onChanged();
  };

  const header = (
    <header className="citation-head">
      <span className="cite-number">[{reply.citationNumber}]</span>
      <span className="citation-kind">{reply.turn === 0 ? requestName : 'Follow-up'}</span>
      <span className="muted small">{formatDateTime(reply.startedAt)}</span>
    </header>
  );

  if (dismissed && !expanded) {
    return (
      <article className="citation dismissed" aria-label={`Citation ${reply.citationNumber}, dismissed`}>
        {header}
        <p className="muted small">
          Dismissed · <code className="model-id">{reply.servedModel ?? consultation.route.requestedModel}</code>
        </p>
        <div className="citation-actions">
          <button type="button" className="quiet small" onClick={() => setExpanded(true)}>
            Show
          </button>
          <button type="button" className="quiet small" onClick={() => void setState('kept')}>
            Keep
          </button>
        </div>
      </article>
    );
  }

  return (
    <article
      className={`citation status-${reply.status}${dismissed ? ' dismissed' : ''}`}
      aria-label={`Citation ${reply.citationNumber}`}
      data-reply={reply.id}
      tabIndex={-1}
    >
      {header}
      {question && (
        <p className="citation-question">
          <span className="muted">Question: </span>
          {question}
        </p>
      )}
      {reply.turn === 0 && (
        <blockquote className="citation-passage">
          {firstWords(consultation.passage.text, 220)}
          {/* A live region: the state changes while the author edits the passage, and is announced then. */}
          <span className={`anchor-status anchor-${anchorStatus}`} role="status" aria-label="Passage state">
            {ANCHOR_TEXT[anchorStatus]}
          </span>
        </blockquote>
      )}
      {reply.turn === 0 && anchorStatus === 'edited' && currentPassage !== null && (
        <div className="anchor-change">
          <p className="muted small">What changed in the passage since the question:</p>
          <WordDiff before={consultation.passage.text} after={currentPassage} label="Changes since the question" />
          {onAskAgain && (
            <button type="button" className="small" aria-label="Ask again about the edited passage" onClick={onAskAgain}>
              Ask again
            </button>
          )}
        </div>
      )}
      {reply.turn === 0 && anchorStatus === 'lost' && (
        <p className="anchor-lost-note small" role="note">
          The passage this citation is about was deleted from the draft. The citation is kept as it was.
        </p>
      )}
      <p className="citation-model">
        <code className="model-id">{reply.servedModel ?? 'model not identified by the provider'}</code>
        {reply.provider && <span className="muted"> via {reply.provider}</span>}
        {reply.servedModel && reply.servedModel !== consultation.route.requestedModel && (
          <span className="muted small"> (asked for {consultation.route.requestedModel})</span>
        )}
      </p>
      {!streaming && (
        <p className="muted small">
          {formatTokens(reply.usage.promptTokens, reply.usage.completionTokens)} · {formatCost(reply.usage.cost)}
        </p>
      )}
      <p className={`reply-status ${reply.status === 'complete' ? 'status-ok' : 'status-bad'}`}>
        {replyStatusText(reply)}
        {streaming && (
          <button type="button" className="quiet small" aria-label="Stop this reply" onClick={() => void ami['consultations:cancel']({ replyId: reply.id })}>
            Stop
          </button>
        )}
      </p>
      {reply.error && reply.status !== 'complete' && reply.status !== 'failed' && <ErrorNotice error={reply.error} onOpenSettings={onOpenSettings} />}
      {reply.error && reply.status === 'failed' && reply.error.detail && <ErrorNotice error={reply.error} onOpenSettings={onOpenSettings} />}
      {text ? <ReplyMarkdown text={text} /> : !streaming && <p className="muted">No text arrived.</p>}
      <NoteField replyId={reply.id} note={reply.note} />
      <div className="citation-actions">
        <button type="button" className="quiet small" onClick={() => void setState(dismissed ? 'kept' : 'dismissed')}>
          {dismissed ? 'Keep' : 'Dismiss'}
        </button>
        <button type="button" className="quiet small" disabled={streaming || !reply.text} onClick={() => void copy('reply')}>
          Copy reply
        </button>
        <button type="button" className="quiet small" disabled={streaming || !reply.text} onClick={() => void copy('quotation')}>
          Copy as quotation
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
