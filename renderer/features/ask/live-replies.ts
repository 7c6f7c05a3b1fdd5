// Replies arriving right now, keyed by reply id. Deltas can arrive before the ask call has returned the reply id,
// so everything is kept from the first event on; subscribers are told which reply changed.
import type { AmiEvent, Reply } from '../../../shared/domain';

export interface LiveReply {
  replyId: string;
  consultationId: string;
  text: string;
  /** Given by main with the first text; null while nothing has arrived (such a request is not a citation yet). */
  citationNumber: number | null;
  /** The stored reply, once 'reply:end' arrived. */
  final: Reply | null;
}

export class LiveReplies {
  private readonly replies = new Map<string, LiveReply>();
  private readonly listeners = new Set<(replyId: string) => void>();
  private readonly endListeners = new Set<(reply: Reply) => void>();

  apply(event: AmiEvent): void {
    const prev = this.replies.get(event.replyId) ?? { replyId: event.replyId, consultationId: event.consultationId, text: '', citationNumber: null, final: null };
    if (event.type === 'reply:delta') {
      // A late delta after the end changes nothing: the stored reply is the reference.
      if (prev.final) return;
      this.replies.set(event.replyId, { ...prev, text: prev.text + event.delta, citationNumber: event.citationNumber ?? prev.citationNumber });
    } else {
      this.replies.set(event.replyId, { ...prev, text: event.reply.text, citationNumber: event.reply.citationNumber, final: event.reply });
    }
    for (const l of this.listeners) l(event.replyId);
    if (event.type === 'reply:end') for (const l of this.endListeners) l(event.reply);
  }

  get(replyId: string): LiveReply | undefined {
    return this.replies.get(replyId);
  }

  subscribe(listener: (replyId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onEnd(listener: (reply: Reply) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }
}
