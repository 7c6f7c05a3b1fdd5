import { useTranslation } from 'react-i18next';
import type { Citation } from '../../../shared/domain';
import { ModalDialog } from '../../components/ModalDialog';
import { formatCost, formatTokens } from '../../components/format';
import type { LiveReplies } from '../ask/live-replies';
import { useLiveReply } from '../ask/useLiveReply';
import { ReplyMarkdown } from '../citations/ReplyMarkdown';
import { replyStatusText } from '../citations/reply-status';
import { opinionSiblings } from './opinion-siblings';

interface Props {
  group: string;
  citations: Citation[];
  live: LiveReplies;
  onClose: () => void;
}

/**
 * The replies of models asked the same question at once, side by side (stacked on a narrow window). Each column is
 * one citation as it was stored: nothing here ranks them or combines their text.
 */
export function CompareDialog({ group, citations, live, onClose }: Props) {
  const { t } = useTranslation();
  const siblings = opinionSiblings(citations, group);
  const question = siblings[0]?.consultation;
  return (
    <ModalDialog title={t('secondOpinion.compareTitle')} onClose={onClose} className="compare-dialog">
      {question && <blockquote className="citation-passage">{question.passage.text}</blockquote>}
      <div className="opinion-columns">
        {siblings.map((c) => (
          <OpinionColumn key={c.reply.id} citation={c} live={live} />
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}

function OpinionColumn({ citation, live }: { citation: Citation; live: LiveReplies }) {
  const { t } = useTranslation();
  const liveReply = useLiveReply(live, citation.reply.status === 'streaming' ? citation.reply.id : null);
  const reply = liveReply?.final ?? citation.reply;
  const streaming = reply.status === 'streaming';
  const text = streaming && liveReply ? liveReply.text : reply.text;
  const model = reply.servedModel ?? citation.consultation.route.requestedModel;
  const number = reply.citationNumber ?? liveReply?.citationNumber ?? null;
  return (
    <section className={`opinion-column status-${reply.status}`} aria-label={t('secondOpinion.columnOf', { model })}>
      <header className="opinion-head">
        <span className="cite-number">{number === null ? '[…]' : `[${number}]`}</span> <code className="model-id">{model}</code>
      </header>
      <p className={`small ${reply.status === 'complete' ? 'status-ok' : streaming ? 'muted' : 'status-bad'}`}>{replyStatusText(reply)}</p>
      {!streaming && (
        <p className="muted small">
          {formatTokens(reply.usage.promptTokens, reply.usage.completionTokens)} · <span className="opinion-cost">{formatCost(reply.usage.cost)}</span>
        </p>
      )}
      {text ? <ReplyMarkdown text={text} /> : <p className="muted">{t('secondOpinion.noText')}</p>}
    </section>
  );
}
