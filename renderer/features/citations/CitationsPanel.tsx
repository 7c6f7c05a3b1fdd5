import { useEffect, useMemo, useRef, useState } from 'react';
import type { AskStarted } from '../../../shared/contract';
import type { AnchorStatus, Citation } from '../../../shared/domain';
import type { LiveReplies } from '../ask/live-replies';
import { CitationCard } from './CitationCard';
import { citationThreads } from './citation-threads';
import { FollowUpForm } from './FollowUpForm';
import { opinionGroupSizes } from '../compare/opinion-siblings';
import { useTranslation } from 'react-i18next';
import type { FootprintSettings } from '../money/FootprintLine';

interface Props {
  citations: Citation[];
  live: LiveReplies;
  activeConsultationId: string | null;
  anchorStatuses: ReadonlyMap<string, AnchorStatus>;
  /** Today's text of each passage that was edited since its question. */
  passageTexts: ReadonlyMap<string, string>;
  onAskAgain: (consultationId: string) => void;
  /** Sends a request that failed before any text again, the same way. */
  onRetry: (citation: Citation) => Promise<void>;
  readOnly: boolean;
  onSelect: (consultationId: string) => void;
  onChanged: () => void;
  onFollowUp: (started: AskStarted) => void;
  onOpenSettings: () => void;
  /** Moves the focus to this reply's citation (a new request object each time it is asked). */
  focusRequest?: { replyId: string } | null;
  /** Opens the side-by-side view of the consultations asked with this one. */
  onCompare: (opinionGroup: string) => void;
  footprint?: FootprintSettings | null;
}

export function CitationsPanel(props: Props) {
  const { t } = useTranslation();
  const { citations, activeConsultationId } = props;
  const [showDismissed, setShowDismissed] = useState(false);
  const threads = useMemo(() => citationThreads(citations, showDismissed), [citations, showDismissed]);
  const dismissedCount = citations.filter((c) => c.reply.state === 'dismissed').length;
  const numbered = citations.filter((c) => c.reply.citationNumber !== null).length;
  const listRef = useRef<HTMLDivElement>(null);
  const groupSizes = useMemo(() => opinionGroupSizes(citations), [citations]);

  useEffect(() => {
    if (!activeConsultationId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-consultation="${CSS.escape(activeConsultationId)}"]`);
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeConsultationId]);

  useEffect(() => {
    if (!props.focusRequest) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-reply="${CSS.escape(props.focusRequest.replyId)}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: 'nearest' });
  }, [props.focusRequest]);

  return (
    <section className="citations" aria-label={t('citations.panel')}>
      <div className="citations-head">
        <h2>{t('citations.heading')}</h2>
        {dismissedCount > 0 && (
          <label className="small">
            <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} /> {t('citations.showDismissed', { count: dismissedCount })}
          </label>
        )}
      </div>
      {threads.length === 0 && (
        <p className="muted empty">
          {numbered === 0 && dismissedCount === 0 ? t('citations.empty') : t('citations.allDismissed')}
        </p>
      )}
      <div ref={listRef} className="citation-list">
        {threads.map((thread) => {
          const first = thread.citations[0]!;
          const last = thread.citations[thread.citations.length - 1]!;
          const active = thread.consultationId === activeConsultationId;
          const status = props.anchorStatuses.get(thread.consultationId) ?? first.anchor?.status ?? 'current';
          return (
            <div
              key={thread.consultationId}
              data-consultation={thread.consultationId}
              className={`thread${active ? ' active' : ''}`}
              onClick={(e) => {
                // Selecting reveals the passage; clicks on the thread's own controls keep their meaning.
                if ((e.target as HTMLElement).closest('button, textarea, input, a, summary')) return;
                props.onSelect(thread.consultationId);
              }}
            >
              {thread.citations.map((c) => (
                <CitationCard
                  key={c.reply.id}
                  citation={c}
                  live={props.live}
                  anchorStatus={status}
                  currentPassage={props.passageTexts.get(thread.consultationId) ?? null}
                  onAskAgain={props.readOnly ? undefined : () => props.onAskAgain(thread.consultationId)}
                  onRetry={props.readOnly ? undefined : () => props.onRetry(c)}
                  onChanged={props.onChanged}
                  onOpenSettings={props.onOpenSettings}
                  footprint={props.footprint}
                />
              ))}
              <div className="thread-foot">
                <button
                  type="button"
                  className="quiet small"
                  aria-pressed={active}
                  aria-label={t('citations.showPassageOf', { number: first.reply.citationNumber ?? '…' })}
                  onClick={() => props.onSelect(thread.consultationId)}
                >
                  {t('citations.showPassage')}
                </button>
                {first.consultation.opinionGroup && (groupSizes.get(first.consultation.opinionGroup) ?? 0) > 1 && (
                  <button type="button" className="quiet small" onClick={() => props.onCompare(first.consultation.opinionGroup!)}>
                    {t('secondOpinion.compareWith', { count: groupSizes.get(first.consultation.opinionGroup)! - 1 })}
                  </button>
                )}
              </div>
              {!props.readOnly && thread.citations.some((c) => c.reply.text) && (
                <FollowUpForm
                  consultationId={thread.consultationId}
                  disabled={last.reply.status === 'streaming'}
                  onStarted={props.onFollowUp}
                  onOpenSettings={props.onOpenSettings}
                />
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
