// Citations: replies as the author sees them, with their consultation, their note, keep/dismiss and the anchor.
import type { Anchor, Citation } from '../../shared/domain.js';
import { fail } from './ami-error.js';
import type { ServiceContext } from './service-context.js';

export function citationsService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    list(draftId: string): Citation[] {
      const byId = new Map(store.consultations.consultationsWithAnchors(draftId).map((c) => [c.consultation.id, c]));
      return store.consultations.repliesOfDraft(draftId).map((reply) => {
        const c = byId.get(reply.consultationId)!;
        return { reply, consultation: c.consultation, anchor: c.anchor };
      });
    },
    annotate(replyId: string, note: string): void {
      if (!store.consultations.annotate(replyId, note)) fail('not_found', 'This citation no longer exists.');
    },
    setState(replyId: string, state: 'kept' | 'dismissed'): void {
      if (!store.consultations.setState(replyId, state)) fail('not_found', 'This citation no longer exists.');
    },
    saveAnchors(draftId: string, anchors: Anchor[]): void {
      store.consultations.saveAnchors(draftId, anchors);
    },
  };
}

export type CitationsService = ReturnType<typeof citationsService>;
