import { useState, type RefObject } from 'react';
import type { DraftSummary } from '../../../shared/domain';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatShortDate } from '../../components/format';
import { Snippet } from './Snippet';
import { useDraftSearch } from './useDraftSearch';

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
  const { drafts, view, currentId } = props;
  const [query, setQuery] = useState('');
  const { hits, error } = useDraftSearch(query);

  return (
    <nav className="sidebar" aria-label="Drafts">
      <div className="sidebar-top">
        <button type="button" className="primary" onClick={props.onNew} title="New draft (Ctrl/⌘ N)">
          New draft
        </button>
        <input
          ref={props.searchRef}
          type="search"
          className="search"
          aria-label="Search drafts and replies"
          placeholder="Search…"
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
          {hits && hits.length === 0 && <p className="muted empty">Nothing matches “{query.trim()}”.</p>}
          {hits && hits.length > 0 && (
            <ul className="draft-list" aria-label="Search results">
              {hits.map((hit, i) => (
                <li key={`${hit.draftId}-${hit.replyId ?? 'd'}-${i}`}>
                  <button type="button" className="draft-item" onClick={() => props.onOpen(hit.draftId, hit.replyId)}>
                    <span className="draft-title">{hit.draftTitle || 'Untitled'}</span>
                    <span className="draft-meta">{hit.where === 'reply' ? 'in a reply' : 'in the draft'}</span>
                    <Snippet text={hit.snippet} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <div className="view-switch" role="group" aria-label="Show">
            <button type="button" aria-pressed={view === 'drafts'} onClick={() => props.onView('drafts')}>
              Drafts
            </button>
            <button type="button" aria-pressed={view === 'trash'} onClick={() => props.onView('trash')}>
              Trash
            </button>
          </div>
          {drafts.length === 0 && <p className="muted empty">{view === 'trash' ? 'The trash is empty.' : 'No drafts yet.'}</p>}
          <ul className="draft-list" aria-label={view === 'trash' ? 'Trash' : 'Drafts list'}>
            {drafts.map((d) => (
              <li key={d.id} className={d.id === currentId ? 'current' : undefined}>
                <button
                  type="button"
                  className="draft-item"
                  aria-current={d.id === currentId ? 'page' : undefined}
                  onClick={() => props.onOpen(d.id)}
                >
                  <span className="draft-title">{d.title || 'Untitled'}</span>
                  <span className="draft-meta">
                    {formatShortDate(d.updatedAt)}
                    {d.citationCount > 0 && ` · ${d.citationCount} citation${d.citationCount > 1 ? 's' : ''}`}
                  </span>
                  {d.excerpt && <span className="draft-excerpt">{d.excerpt}</span>}
                </button>
                {view === 'trash' ? (
                  <button type="button" className="quiet small" onClick={() => props.onRestore(d.id)} aria-label={`Restore ${d.title || 'Untitled'}`}>
                    Restore
                  </button>
                ) : (
                  <button type="button" className="quiet small item-action" onClick={() => props.onTrash(d.id)} aria-label={`Move ${d.title || 'Untitled'} to the trash`}>
                    Trash
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
