// The ghost-text guard over the store: which spans of a draft reproduce the wording of any stored reply.
import type { GuardReport } from '../../shared/domain.js';
import { findGhostSpans, ReplyIndex } from '../../shared/ghost-guard.js';
import type { ServiceContext } from './service-context.js';

export function guardService(ctx: ServiceContext) {
  const { store } = ctx;
  let cached: { stamp: string; index: ReplyIndex; byId: Map<string, { draftId: string; servedModel: string | null }> } | null = null;

  function index() {
    const stamp = store.consultations.replyStamp();
    if (cached?.stamp !== stamp) {
      const replies = store.consultations.guardReplies();
      cached = {
        stamp,
        index: new ReplyIndex(replies.map((r) => ({ id: r.id, citationNumber: r.citationNumber, text: r.text }))),
        byId: new Map(replies.map((r) => [r.id, { draftId: r.draftId, servedModel: r.servedModel }])),
      };
    }
    return cached;
  }

  return {
    replies: () => store.consultations.guardReplies(),
    check(text: string): GuardReport {
      const { index: idx, byId } = index();
      const spans = findGhostSpans(text, idx).map((s) => ({
        from: s.from,
        to: s.to,
        replyId: s.replyId,
        replyDraftId: byId.get(s.replyId)!.draftId,
        citationNumber: s.citationNumber,
        servedModel: byId.get(s.replyId)!.servedModel,
        words: s.words,
        verbatim: s.verbatim,
      }));
      return { clean: spans.length === 0, spans };
    },
  };
}

export type GuardService = ReturnType<typeof guardService>;
