// Full-text search (FTS5) over drafts and replies.
import type { SearchHit } from '../../shared/domain.js';
import type { Db } from './open-database.js';

/** Turns what a person typed into a safe FTS5 query: every word a quoted prefix term, all required. */
export function toFtsQuery(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}_]+/gu);
  if (!words || words.length === 0) return null;
  return words.slice(0, 12).map((w) => `"${w}"*`).join(' ');
}

export function searchTable(db: Db) {
  const drafts = db.prepare<[string], { id: string; title: string; snippet: string }>(`
    SELECT d.id, d.title, snippet(drafts_fts, -1, char(2), char(3), '…', 16) AS snippet
    FROM drafts_fts JOIN drafts d ON d.rowid = drafts_fts.rowid
    WHERE drafts_fts MATCH ? AND d.trashed_at IS NULL ORDER BY rank LIMIT 50`);
  const replies = db.prepare<[string], { id: string; draft_id: string; title: string; snippet: string }>(`
    SELECT r.id, r.draft_id, d.title, snippet(replies_fts, 0, char(2), char(3), '…', 16) AS snippet
    FROM replies_fts JOIN replies r ON r.rowid = replies_fts.rowid JOIN drafts d ON d.id = r.draft_id
    WHERE replies_fts MATCH ? AND d.trashed_at IS NULL ORDER BY rank LIMIT 50`);

  return {
    search(input: string): SearchHit[] {
      const query = toFtsQuery(input);
      if (!query) return [];
      return [
        ...drafts.all(query).map((r) => ({ draftId: r.id, draftTitle: r.title, where: 'draft' as const, replyId: null, snippet: r.snippet })),
        ...replies.all(query).map((r) => ({ draftId: r.draft_id, draftTitle: r.title, where: 'reply' as const, replyId: r.id, snippet: r.snippet })),
      ];
    },
  };
}
