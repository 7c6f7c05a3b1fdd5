// SQL for consultations, their replies (one per turn) and the citation state the author adds to them.
import type {
  AmiError,
  Anchor,
  ChatMessage,
  CitationState,
  CostSource,
  Consultation,
  GuardReplyInfo,
  Language,
  Reply,
  ReplyStatus,
  RequestKind,
} from '../../shared/domain.js';
import type { Db } from './open-database.js';

interface ConsultationRow {
  id: string;
  draft_id: string;
  revision_id: string;
  passage_from: number;
  passage_to: number;
  passage_text: string;
  passage_hash: string;
  kind: RequestKind;
  template_id: string | null;
  template_name: string;
  question: string;
  language: Language;
  base_url: string;
  requested_model: string;
  data_collection: 'deny' | 'allow';
  draft_hash: string;
  created_at: string;
  previous_id: string | null;
  opinion_group: string | null;
  anchor_from: number | null;
  anchor_to: number | null;
  anchor_status: Anchor['status'] | null;
}

interface ReplyRow {
  id: string;
  consultation_id: string;
  draft_id: string;
  turn: number;
  question: string;
  request_messages: string;
  text: string;
  served_model: string | null;
  provider: string | null;
  generation_id: string | null;
  finish_reason: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost: number | null;
  cost_source: CostSource | null;
  latency_ms: number | null;
  started_at: string;
  completed_at: string | null;
  status: ReplyStatus;
  error: string | null;
  citation_number: number;
  note: string;
  state: CitationState;
}

export const toConsultation = (r: ConsultationRow): Consultation => ({
  id: r.id,
  draftId: r.draft_id,
  revisionId: r.revision_id,
  passage: { from: r.passage_from, to: r.passage_to, text: r.passage_text, hash: r.passage_hash },
  kind: r.kind,
  templateId: r.template_id,
  templateName: r.template_name,
  question: r.question,
  language: r.language,
  route: { baseUrl: r.base_url, requestedModel: r.requested_model, dataCollection: r.data_collection },
  draftHash: r.draft_hash,
  createdAt: r.created_at,
  previousId: r.previous_id,
  opinionGroup: r.opinion_group ?? null,
});

const toAnchor = (r: ConsultationRow): Anchor | null =>
  r.anchor_status === null
    ? null
    : { consultationId: r.id, from: r.anchor_from ?? 0, to: r.anchor_to ?? 0, status: r.anchor_status };

export const toReply = (r: ReplyRow): Reply => ({
  id: r.id,
  consultationId: r.consultation_id,
  turn: r.turn,
  question: r.question,
  requestMessages: JSON.parse(r.request_messages) as ChatMessage[],
  text: r.text,
  servedModel: r.served_model,
  provider: r.provider,
  generationId: r.generation_id,
  finishReason: r.finish_reason,
  usage: { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, cost: r.cost, costSource: r.cost_source },
  latencyMs: r.latency_ms,
  startedAt: r.started_at,
  completedAt: r.completed_at,
  status: r.status,
  error: r.error ? (JSON.parse(r.error) as AmiError) : null,
  citationNumber: r.citation_number > 0 ? r.citation_number : null,
  note: r.note,
  state: r.state,
});

export interface ReplyEnd {
  text: string;
  servedModel: string | null;
  provider: string | null;
  generationId: string | null;
  finishReason: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  cost: number | null;
  costSource?: CostSource | null;
  latencyMs: number | null;
  completedAt: string;
  status: Exclude<ReplyStatus, 'streaming'>;
  error: AmiError | null;
}

export function consultationsTable(db: Db) {
  const insertConsultation = db.prepare(`
    INSERT INTO consultations (id, draft_id, revision_id, passage_from, passage_to, passage_text, passage_hash, kind,
      template_id, template_name, question, language, base_url, requested_model, data_collection, draft_hash,
      created_at, previous_id, opinion_group, anchor_from, anchor_to, anchor_status)
    VALUES (@id, @draftId, @revisionId, @from, @to, @text, @hash, @kind, @templateId, @templateName, @question,
      @language, @baseUrl, @requestedModel, @dataCollection, @draftHash, @createdAt, @previousId, @opinionGroup, @from, @to, 'current')`);
  const getConsultation = db.prepare<[string], ConsultationRow>('SELECT * FROM consultations WHERE id = ?');
  const byDraft = db.prepare<[string], ConsultationRow>('SELECT * FROM consultations WHERE draft_id = ? ORDER BY created_at, rowid');
  const insertReply = db.prepare(`
    INSERT INTO replies (id, consultation_id, draft_id, turn, question, request_messages, started_at, status, citation_number)
    VALUES (@id, @consultationId, @draftId, @turn, @question, @requestMessages, @startedAt, 'streaming',
      (SELECT coalesce(min(citation_number), 0) - 1 FROM replies WHERE draft_id = @draftId AND citation_number < 0))`);
  // A reply becomes a citation when its first text arrives, so that requests that fail before leave no gap.
  const number = db.prepare(`
    UPDATE replies SET citation_number =
      (SELECT coalesce(max(citation_number), 0) + 1 FROM replies
       WHERE draft_id = (SELECT draft_id FROM replies WHERE id = @id) AND citation_number > 0)
    WHERE id = @id AND citation_number < 0`);
  const numberOf = db.prepare<[string], { citation_number: number }>('SELECT citation_number FROM replies WHERE id = ?');
  const nextTurn = db.prepare<[string], { turn: number }>(
    'SELECT coalesce(max(turn), -1) + 1 AS turn FROM replies WHERE consultation_id = ?',
  );
  const getReply = db.prepare<[string], ReplyRow>('SELECT * FROM replies WHERE id = ?');
  const repliesByDraft = db.prepare<[string], ReplyRow>('SELECT * FROM replies WHERE draft_id = ? ORDER BY citation_number');
  const repliesByConsultation = db.prepare<[string], ReplyRow>('SELECT * FROM replies WHERE consultation_id = ? ORDER BY turn');
  const partial = db.prepare("UPDATE replies SET text = ? WHERE id = ? AND status = 'streaming'");
  const finish = db.prepare(`
    UPDATE replies SET text = @text, served_model = @servedModel, provider = @provider, generation_id = @generationId,
      finish_reason = @finishReason, prompt_tokens = @promptTokens, completion_tokens = @completionTokens, cost = @cost,
      cost_source = @costSource, latency_ms = @latencyMs, completed_at = @completedAt, status = @status, error = @error
    WHERE id = @id AND status = 'streaming'`);
  const orphaned = db.prepare(`UPDATE replies SET status = 'interrupted', completed_at = @at, error = @error WHERE status = 'streaming'`);
  const guardReplies = db.prepare<[], { id: string; draft_id: string; citation_number: number; served_model: string | null; text: string }>(
    "SELECT id, draft_id, citation_number, served_model, text FROM replies WHERE text <> '' ORDER BY rowid",
  );
  const replyStamp = db.prepare<[], { stamp: string }>(
    "SELECT count(*) || ':' || coalesce(max(completed_at), '') || ':' || coalesce(sum(length(text)), 0) AS stamp FROM replies",
  );
  // A cost learnt after the reply ended (OpenRouter's generation record, or Ami's estimate) fills an unknown one only.
  const setCost = db.prepare(
    "UPDATE replies SET cost = @cost, cost_source = @costSource WHERE id = @id AND status <> 'streaming' AND (cost IS NULL OR cost_source = 'estimate')",
  );
  const spentSince = db.prepare<[string], { spent: number; unknown: number }>(`
    SELECT coalesce(sum(cost), 0) AS spent,
      count(*) FILTER (WHERE cost IS NULL AND coalesce(cost_source, '') <> 'local' AND (prompt_tokens IS NOT NULL OR completion_tokens IS NOT NULL OR text <> '')) AS unknown
    FROM replies WHERE started_at >= ?`);
  const annotate = db.prepare('UPDATE replies SET note = ? WHERE id = ?');
  const setState = db.prepare('UPDATE replies SET state = ? WHERE id = ?');
  const saveAnchor = db.prepare(
    'UPDATE consultations SET anchor_from = @from, anchor_to = @to, anchor_status = @status WHERE id = @consultationId AND draft_id = @draftId',
  );

  return {
    insertConsultation(c: {
      id: string; draftId: string; revisionId: string; from: number; to: number; text: string; hash: string;
      kind: RequestKind; templateId: string | null; templateName: string; question: string; language: Language;
      baseUrl: string; requestedModel: string; dataCollection: 'deny' | 'allow'; draftHash: string; createdAt: string;
      previousId: string | null; opinionGroup?: string | null;
    }): void {
      insertConsultation.run({ ...c, opinionGroup: c.opinionGroup ?? null });
    },
    consultation(id: string): Consultation | undefined {
      const row = getConsultation.get(id);
      return row && toConsultation(row);
    },
    consultationsWithAnchors(draftId: string): { consultation: Consultation; anchor: Anchor | null }[] {
      return byDraft.all(draftId).map((r) => ({ consultation: toConsultation(r), anchor: toAnchor(r) }));
    },
    /**
     * Starts a reply in 'streaming' state, not yet a citation: the number it holds is negative (unique per draft)
     * until numberReply gives it the draft's next citation number.
     */
    insertReply(r: { id: string; consultationId: string; draftId: string; question: string; requestMessages: ChatMessage[]; startedAt: string }): Reply {
      const turn = nextTurn.get(r.consultationId)!.turn;
      insertReply.run({ ...r, turn, requestMessages: JSON.stringify(r.requestMessages) });
      return toReply(getReply.get(r.id)!);
    },
    reply(id: string): Reply | undefined {
      const row = getReply.get(id);
      return row && toReply(row);
    },
    repliesOfDraft(draftId: string): Reply[] {
      return repliesByDraft.all(draftId).map(toReply);
    },
    repliesOfConsultation(consultationId: string): Reply[] {
      return repliesByConsultation.all(consultationId).map(toReply);
    },
    /** Makes a reply a citation (its first text arrived): the draft's next number, once; returns it. */
    numberReply(id: string): number {
      number.run({ id });
      return numberOf.get(id)!.citation_number;
    },
    /** Persists what has streamed so far, so a crash keeps it (as interrupted). */
    savePartial(id: string, text: string): void {
      partial.run(text, id);
    },
    finishReply(id: string, end: ReplyEnd): void {
      db.transaction(() => {
        if (end.text) number.run({ id });
        finish.run({ id, ...end, costSource: end.costSource ?? (end.cost === null ? null : 'provider'), error: end.error ? JSON.stringify(end.error) : null });
      })();
    },
    setCost(id: string, cost: number, costSource: CostSource): boolean {
      return setCost.run({ id, cost, costSource }).changes === 1;
    },
    /** What the replies started since `since` (ISO) cost, and how many of them have no known cost. */
    spentSince(since: string): { spentUsd: number; unknownCosts: number } {
      const row = spentSince.get(since)!;
      return { spentUsd: row.spent, unknownCosts: row.unknown };
    },
    /** At start-up: replies still 'streaming' were cut by a crash or a quit. */
    markOrphansInterrupted(at: string, error: AmiError): number {
      return orphaned.run({ at, error: JSON.stringify(error) }).changes;
    },
    /** Every reply that has text, from every draft: what the ghost-text guard compares drafts against. */
    guardReplies(): GuardReplyInfo[] {
      return guardReplies.all().map((r) => ({ id: r.id, draftId: r.draft_id, citationNumber: r.citation_number, servedModel: r.served_model, text: r.text }));
    },
    /** Changes whenever a reply is added or its text grows: tells the guard when to re-index. */
    replyStamp(): string {
      return replyStamp.get()!.stamp;
    },
    annotate(replyId: string, note: string): boolean {
      return annotate.run(note, replyId).changes === 1;
    },
    setState(replyId: string, state: CitationState): boolean {
      return setState.run(state, replyId).changes === 1;
    },
    saveAnchors(draftId: string, anchors: Anchor[]): void {
      db.transaction(() => {
        for (const a of anchors) saveAnchor.run({ ...a, draftId });
      })();
    },
  };
}

export type ConsultationsTable = ReturnType<typeof consultationsTable>;
