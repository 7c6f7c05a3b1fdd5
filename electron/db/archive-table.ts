// SQL for the archive: reading a draft's whole history, and writing it back unchanged (same ids, same numbers).
import type { Anchor, Consultation, Draft, Reply, Revision } from '../../shared/domain.js';
import { toConsultation, toReply } from './consultations-table.js';
import type { Db } from './open-database.js';

export interface DraftHistory {
  draft: Draft;
  revisions: Revision[]; // oldest first
  consultations: (Consultation & { anchor: Anchor | null })[];
  replies: Reply[];
}

export function archiveTable(db: Db) {
  const drafts = db.prepare<[], { id: string }>('SELECT id FROM drafts ORDER BY created_at, rowid');
  const draft = db.prepare<[string], Record<string, unknown>>('SELECT * FROM drafts WHERE id = ?');
  const revisions = db.prepare<[string], Record<string, unknown>>('SELECT * FROM revisions WHERE draft_id = ? ORDER BY seq');
  const consultations = db.prepare<[string], Record<string, unknown>>('SELECT * FROM consultations WHERE draft_id = ? ORDER BY created_at, rowid');
  const replies = db.prepare<[string], Record<string, unknown>>('SELECT * FROM replies WHERE draft_id = ? ORDER BY citation_number');
  const exists = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM drafts WHERE id = ?');
  const insertDraft = db.prepare(
    'INSERT INTO drafts (id, title, text, created_at, updated_at, trashed_at) VALUES (@id, @title, @text, @createdAt, @updatedAt, @trashedAt)',
  );
  const insertRevision = db.prepare(
    'INSERT INTO revisions (id, draft_id, seq, text, text_hash, reason, created_at) VALUES (@id, @draftId, @seq, @text, @textHash, @reason, @createdAt)',
  );
  const insertConsultation = db.prepare(`
    INSERT INTO consultations (id, draft_id, revision_id, passage_from, passage_to, passage_text, passage_hash, kind,
      template_id, template_name, question, language, base_url, requested_model, data_collection, draft_hash,
      created_at, previous_id, anchor_from, anchor_to, anchor_status)
    VALUES (@id, @draftId, @revisionId, @from, @to, @text, @hash, @kind, @templateId, @templateName, @question,
      @language, @baseUrl, @requestedModel, @dataCollection, @draftHash, @createdAt, @previousId, @anchorFrom, @anchorTo, @anchorStatus)`);
  // Replies are written whole in their final state, so the immutability trigger (which guards updates) is not involved.
  const insertReply = db.prepare(`
    INSERT INTO replies (id, consultation_id, draft_id, turn, question, request_messages, text, served_model, provider,
      generation_id, finish_reason, prompt_tokens, completion_tokens, cost, cost_source, latency_ms, started_at, completed_at, status,
      error, citation_number, note, state)
    VALUES (@id, @consultationId, @draftId, @turn, @question, @requestMessages, @text, @servedModel, @provider,
      @generationId, @finishReason, @promptTokens, @completionTokens, @cost, @costSource, @latencyMs, @startedAt, @completedAt, @status,
      @error, @citationNumber, @note, @state)`);

  return {
    draftIds: () => drafts.all().map((r) => r.id),
    exists: (id: string) => exists.get(id)!.n > 0,
    history(id: string): DraftHistory {
      const d = draft.get(id)!;
      return {
        draft: { id, title: d.title as string, text: d.text as string, createdAt: d.created_at as string, updatedAt: d.updated_at as string, trashedAt: d.trashed_at as string | null },
        revisions: revisions.all(id).map((r) => ({
          id: r.id as string,
          draftId: id,
          createdAt: r.created_at as string,
          reason: r.reason as Revision['reason'],
          textHash: r.text_hash as string,
          length: (r.text as string).length,
          text: r.text as string,
        })),
        consultations: consultations.all(id).map((r) => ({
          ...toConsultation(r as never),
          anchor: r.anchor_status ? { consultationId: r.id as string, from: r.anchor_from as number, to: r.anchor_to as number, status: r.anchor_status as Anchor['status'] } : null,
        })),
        replies: replies.all(id).map((r) => toReply(r as never)),
      };
    },
    /** Writes a whole history back, in one transaction; the caller checks the draft does not exist yet. */
    restore(h: DraftHistory): void {
      db.transaction(() => {
        insertDraft.run(h.draft);
        h.revisions.forEach((r, i) => insertRevision.run({ ...r, draftId: h.draft.id, seq: i + 1 }));
        for (const c of h.consultations) {
          insertConsultation.run({
            id: c.id, draftId: h.draft.id, revisionId: c.revisionId, ...c.passage, kind: c.kind, templateId: c.templateId,
            templateName: c.templateName, question: c.question, language: c.language, ...c.route, draftHash: c.draftHash,
            createdAt: c.createdAt, previousId: c.previousId, anchorFrom: c.anchor?.from ?? null, anchorTo: c.anchor?.to ?? null,
            anchorStatus: c.anchor?.status ?? null,
          });
        }
        let unnumbered = 0;
        for (const r of h.replies) {
          insertReply.run({
            ...r, draftId: h.draft.id, citationNumber: r.citationNumber ?? --unnumbered, requestMessages: JSON.stringify(r.requestMessages), promptTokens: r.usage.promptTokens,
            completionTokens: r.usage.completionTokens, cost: r.usage.cost, costSource: r.usage.costSource ?? null, error: r.error ? JSON.stringify(r.error) : null,
            // A reply still streaming when archived is kept as what it is: interrupted.
            status: r.status === 'streaming' ? 'interrupted' : r.status,
          });
        }
      })();
    },
  };
}
