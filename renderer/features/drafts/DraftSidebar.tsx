import { useState, type RefObject } from 'react';
import type { DraftSummary } from '../../../shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatShortDate } from '../../components/format';
import { Snippet } from './Snippet';
import { useDraftSearch } from './useDraftSearch';
import { useTranslation } from 'react-i18next';

export type DraftsView = 'drafts' | 'trash';

interface Props {
  drafts: DraftSummary[];
  view: DraftsView;
  currentId: string | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onView: (view: DraftsView) => void;
  onOpen: (id: string, replyId?: string | null) => void;
  onNew: () => void;
  onTrash: (id: string) => void;
  onRestore: (id: string) => void;
}

export function DraftSidebar(props: Props) {
  const { t } = useTranslation();
  const { drafts, view, currentId } = props;
  const [query, setQuery] = useState('');
  const { hits, error } = useDraftSearch(query);

  return (
    <nav className="sidebar" aria-label={t('drafts.nav')}>
      <div className="sidebar-top">
        <button type="button" className="primary" onClick={props.onNew} title={t('drafts.newTitle')}>
          {t('drafts.new')}
        </button>
        <input
          ref={props.searchRef}
          type="search"
          className="search"
          aria-label={t('drafts.search')}
          placeholder={t('drafts.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>

      {hits !== null || error ? (
        <div className="search-results">
          {error && <ErrorNotice error={error} />}
          {hits && hits.length === 0 && <p className="muted empty">{t('drafts.noMatch', { query: query.trim() })}</p>}
          {hits && hits.length > 0 && (
            <ul className="draft-list" aria-label={t('drafts.results')}>
              {hits.map((hit, i) => (
                <li key={`${hit.draftId}-${hit.replyId ?? 'd'}-${i}`}>
                  <button type="button" className="draft-item" onClick={() => props.onOpen(hit.draftId, hit.replyId)}>
                    <span className="draft-title">{hit.draftTitle || t('common.untitled')}</span>
                    <span className="draft-meta">{hit.where === 'reply' ? t('drafts.inReply') : t('drafts.inDraft')}</span>
                    <Snippet text={hit.snippet} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <div className="view-switch" role="group" aria-label={t('drafts.show')}>
            <button type="button" aria-pressed={view === 'drafts'} onClick={() => props.onView('drafts')}>
              {t('drafts.drafts')}
            </button>
            <button type="button" aria-pressed={view === 'trash'} onClick={() => props.onView('trash')}>
              {t('drafts.trash')}
            </button>
          </div>
          {drafts.length === 0 && <p className="muted empty">{view === 'trash' ? t('drafts.trashEmpty') : t('drafts.none')}</p>}
          <ul className="draft-list" aria-label={view === 'trash' ? t('drafts.trash') : t('drafts.list')}>
            {drafts.map((d) => (
              <li key={d.id} className={d.id === currentId ? 'current' : undefined}>
                <button
                  type="button"
                  className="draft-item"
                  aria-current={d.id === currentId ? 'page' : undefined}
                  onClick={() => props.onOpen(d.id)}
                >
                  <span className="draft-title">{d.title || t('common.untitled')}</span>
                  <span className="draft-meta">
                    {formatShortDate(d.updatedAt)}
                    {d.citationCount > 0 && ` · ${t('drafts.citations', { count: d.citationCount })}`}
                  </span>
                  {d.excerpt && <span className="draft-excerpt">{d.excerpt}</span>}
                </button>
                {view === 'trash' ? (
                  <button type="button" className="quiet small" onClick={() => props.onRestore(d.id)} aria-label={t('drafts.restoreLabel', { title: d.title || t('common.untitled') })}>
                    {t('common.restore')}
                  </button>
                ) : (
                  <button type="button" className="quiet small item-action" onClick={() => props.onTrash(d.id)} aria-label={t('drafts.trashLabel', { title: d.title || t('common.untitled') })}>
                    {t('drafts.trash')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
