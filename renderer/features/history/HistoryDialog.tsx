import { useEffect, useId, useMemo, useState } from 'react';
import type { AmiError, Citation, Revision, RevisionSummary } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstWords, formatDateTime } from '../../components/format';
import { ModalDialog } from '../../components/ModalDialog';
import { WordDiff } from '../../components/WordDiff';
import { useTranslation } from 'react-i18next';
import { consultationRequestName } from '../../../shared/request-names';
import { uiLanguage } from '../../i18n';
import { consultationChain, passageTimeline, reasonLabel, type TimelineEntry } from './passage-timeline';

interface Props {
  draftId: string;
  draftTitle: string;
  citations: Citation[];
  /** The selected citation's consultation: its passage gets a timeline. */
  consultationId: string | null;
  onClose: () => void;
}

/** Revisions are many and large: the timeline reads at most this many of the latest. */
const TIMELINE_REVISIONS = 300;

/** Read-only: nothing here writes into the draft. */
function RevisionSelect(props: { name: string; revisions: RevisionSummary[]; value: string; onChange: (id: string) => void }) {
  return (
    <label>
      {props.name}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.revisions.map((r) => (
          <option key={r.id} value={r.id}>
            {formatDateTime(r.createdAt)} — {reasonLabel(r.reason)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function HistoryDialog({ draftId, draftTitle, citations, consultationId, onClose }: Props) {
  const { t } = useTranslation();
  const ids = { revisions: useId(), compare: useId(), timeline: useId() };
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [texts, setTexts] = useState<ReadonlyMap<string, Revision>>(new Map());

  useEffect(() => {
    let live = true;
    void ami['drafts:revisions']({ draftId }).then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error);
      setRevisions(result.value);
      setToId(result.value[0]?.id ?? '');
      setFromId(result.value[1]?.id ?? result.value[0]?.id ?? '');
    });
    return () => {
      live = false;
    };
  }, [draftId]);

  const wanted = useMemo(() => {
    const ids = new Set([fromId, toId].filter(Boolean));
    if (consultationId && revisions) for (const r of revisions.slice(0, TIMELINE_REVISIONS)) ids.add(r.id);
    return [...ids];
  }, [fromId, toId, consultationId, revisions]);

  useEffect(() => {
    const missing = wanted.filter((id) => !texts.has(id));
    if (!missing.length) return;
    let live = true;
    void Promise.all(missing.map((id) => ami['drafts:revision']({ id }))).then((results) => {
      if (!live) return;
      const next = new Map(texts);
      for (const r of results) {
        if (r.ok) next.set(r.value.id, r.value);
        else setError(r.error);
      }
      setTexts(next);
    });
    return () => {
      live = false;
    };
  }, [wanted, texts]);

  const consultations = useMemo(() => [...new Map(citations.map((c) => [c.consultation.id, c.consultation])).values()], [citations]);
  const numbers = useMemo(() => {
    const map = new Map<string, number[]>();
    for (const c of citations) if (c.reply.citationNumber !== null) map.set(c.consultation.id, [...(map.get(c.consultation.id) ?? []), c.reply.citationNumber].sort((a, b) => a - b));
    return map;
  }, [citations]);

  const timeline = useMemo((): TimelineEntry[] | null => {
    if (!consultationId || !revisions) return null;
    const ids = revisions.slice(0, TIMELINE_REVISIONS).map((r) => r.id);
    if (ids.some((id) => !texts.has(id))) return null;
    const ordered = ids.map((id) => texts.get(id)!).reverse();
    return passageTimeline(consultationChain(consultationId, consultations), ordered);
  }, [consultationId, revisions, texts, consultations]);

  const from = texts.get(fromId);
  const to = texts.get(toId);
  const selected = consultations.find((c) => c.id === consultationId);

  return (
    <ModalDialog title={t('history.titleOf', { title: draftTitle || t('common.untitled') })} onClose={onClose} className="history-dialog">
      <div className="dialog-actions top">
        <button type="button" className="quiet" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {!revisions ? (
        <p className="muted" role="status">
          {t('history.loading')}
        </p>
      ) : (
        <>
          <section aria-labelledby={ids.revisions}>
            <h3 id={ids.revisions}>{t('history.revisions')}</h3>
            <p className="muted small">
              {t('history.explain')}
            </p>
            <ol className="revision-list">
              {revisions.map((r) => (
                <li key={r.id} className={r.id === fromId || r.id === toId ? 'chosen' : undefined}>
                  <span>{formatDateTime(r.createdAt)}</span> <span className={`reason reason-${r.reason}`}>{reasonLabel(r.reason)}</span>{' '}
                  <span className="muted small">{t('common.characters', { count: r.length })}</span>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby={ids.compare}>
            <h3 id={ids.compare}>{t('history.compareHeading')}</h3>
            <div className="compare-fields">
              <RevisionSelect name={t('history.from')} revisions={revisions} value={fromId} onChange={setFromId} />
              <RevisionSelect name={t('history.to')} revisions={revisions} value={toId} onChange={setToId} />
            </div>
            {from && to ? (
              from.id === to.id ? (
                <p className="muted small">{t('history.same')}</p>
              ) : (
                <WordDiff before={from.text} after={to.text} label={t('history.between')} />
              )
            ) : (
              <p className="muted small" role="status">
                {t('common.loading')}
              </p>
            )}
          </section>
          <section aria-labelledby={ids.timeline}>
            <h3 id={ids.timeline}>{t('history.timeline')}</h3>
            {!selected ? (
              <p className="muted small">{t('history.selectCitation')}</p>
            ) : !timeline ? (
              <p className="muted small" role="status">
                {t('history.reading')}
              </p>
            ) : (
              <>
                <p className="muted small">
                  {t('history.thePassage', { passage: firstWords(selected.passage.text, 80) })}
                </p>
                <ol className="timeline" aria-label={t('history.timelineList')}>
                  {timeline.map((e, i) =>
                    e.type === 'consultation' ? (
                      <li key={i} className="timeline-consultation">
                        <span className="muted small">{formatDateTime(e.at)}</span> {t('history.asked', { request: consultationRequestName(e.consultation, uiLanguage()) })}
                        {numbers.get(e.consultation.id)?.length ? t('history.askedCitations', { numbers: numbers.get(e.consultation.id)!.map((n) => `[${n}]`).join(', ') }) : ''}
                        {e.consultation.previousId ? t('history.askedAgain') : ''}
                      </li>
                    ) : (
                      <li key={i} className="timeline-revision">
                        <span className="muted small">
                          {formatDateTime(e.at)} · {reasonLabel(e.reason)}
                        </span>{' '}
                        {e.after === null ? (
                          <span className="anchor-lost">{t('history.deleted')}</span>
                        ) : (
                          <WordDiff before={e.before} after={e.after} label={t('history.change')} />
                        )}
                      </li>
                    ),
                  )}
                </ol>
              </>
            )}
          </section>
        </>
      )}
    </ModalDialog>
  );
}
