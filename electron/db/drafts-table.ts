// SQL for drafts and their append-only revisions.
import type { Draft, DraftSummary, Revision, RevisionReason, RevisionSummary } from '../../shared/domain.js';
import type { Db } from './open-database.js';

interface DraftRow {
  id: string;
  title: string;
  text: string;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
}

const toDraft = (r: DraftRow): Draft => ({
  id: r.id,
  title: r.title,
  text: r.text,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  trashedAt: r.trashed_at,
});

interface RevisionRow {
  id: string;
  draft_id: string;
  created_at: string;
  reason: RevisionReason;
  text_hash: string;
  length: number;
  text?: string;
}

const toRevisionSummary = (r: RevisionRow): RevisionSummary => ({
  id: r.id,
  draftId: r.draft_id,
  createdAt: r.created_at,
  reason: r.reason,
  textHash: r.text_hash,
  length: r.length,
});

export function draftsTable(db: Db) {
  const insert = db.prepare(
    'INSERT INTO drafts (id, title, text, created_at, updated_at) VALUES (@id, @title, @text, @createdAt, @createdAt)',
  );
  const get = db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?');
  const list = db.prepare<[number], DraftRow & { citation_count: number }>(`
    SELECT d.id, d.title, substr(d.text, 1, 300) AS text, d.created_at, d.updated_at, d.trashed_at,
      (SELECT count(*) FROM replies r WHERE r.draft_id = d.id) AS citation_count
    FROM drafts d WHERE (d.trashed_at IS NOT NULL) = ? ORDER BY d.updated_at DESC`);
  const saveText = db.prepare('UPDATE drafts SET text = ?, updated_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE drafts SET title = ?, updated_at = ? WHERE id = ?');
  const setTrashed = db.prepare('UPDATE drafts SET trashed_at = ? WHERE id = ?');

  const lastRevision = db.prepare<[string], RevisionRow & { seq: number }>(
    'SELECT id, draft_id, created_at, reason, text_hash, length(text) AS length, seq FROM revisions WHERE draft_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const revisionByHash = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM revisions WHERE draft_id = ? AND text_hash = ? ORDER BY seq DESC LIMIT 1',
  );
  const insertRevision = db.prepare(
    `INSERT INTO revisions (id, draft_id, seq, text, text_hash, reason, created_at)
     VALUES (@id, @draftId, (SELECT coalesce(max(seq), 0) + 1 FROM revisions WHERE draft_id = @draftId), @text, @textHash, @reason, @createdAt)`,
  );
  const listRevisions = db.prepare<[string], RevisionRow>(
    'SELECT id, draft_id, created_at, reason, text_hash, length(text) AS length FROM revisions WHERE draft_id = ? ORDER BY seq DESC',
  );
  const getRevision = db.prepare<[string], RevisionRow & { text: string }>(
    'SELECT id, draft_id, created_at, reason, text_hash, length(text) AS length, text FROM revisions WHERE id = ?',
  );

  return {
    insert(d: { id: string; title: string; text: string; createdAt: string }): void {
      insert.run(d);
    },
    get(id: string): Draft | undefined {
      const row = get.get(id);
      return row && toDraft(row);
    },
    list(trashed: boolean): DraftSummary[] {
      return list.all(trashed ? 1 : 0).map((r) => ({
        id: r.id,
        title: r.title,
        excerpt: r.text.replace(/\s+/g, ' ').trim().slice(0, 160),
        updatedAt: r.updated_at,
        trashedAt: r.trashed_at,
        citationCount: r.citation_count,
      }));
    },
    saveText(id: string, text: string, at: string): boolean {
      return saveText.run(text, at, id).changes === 1;
    },
    rename(id: string, title: string, at: string): boolean {
      return rename.run(title, at, id).changes === 1;
    },
    setTrashed(id: string, at: string | null): boolean {
      return setTrashed.run(at, id).changes === 1;
    },
    lastRevision(draftId: string): RevisionSummary | undefined {
      const row = lastRevision.get(draftId);
      return row && toRevisionSummary(row);
    },
    revisionIdByHash(draftId: string, textHash: string): string | undefined {
      return revisionByHash.get(draftId, textHash)?.id;
    },
    insertRevision(r: { id: string; draftId: string; text: string; textHash: string; reason: RevisionReason; createdAt: string }): void {
      insertRevision.run(r);
    },
    revisions(draftId: string): RevisionSummary[] {
      return listRevisions.all(draftId).map(toRevisionSummary);
    },
    revision(id: string): Revision | undefined {
      const row = getRevision.get(id);
      return row && { ...toRevisionSummary(row), text: row.text };
    },
  };
}

export type DraftsTable = ReturnType<typeof draftsTable>;
