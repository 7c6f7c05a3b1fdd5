// How a reply's completeness is said in the panel. A reply that is not complete is never presented as complete
// (invariant 4).
import type { Reply } from '../../../shared/domain';

export function replyStatusText(reply: Pick<Reply, 'status' | 'error'>): string {
  switch (reply.status) {
    case 'complete':
      return 'Complete';
    case 'streaming':
      return 'Arriving…';
    case 'interrupted':
      return 'Incomplete — the reply was cut off';
    case 'failed':
      return reply.error ? `Failed — ${reply.error.message}` : 'Failed — the request did not succeed';
  }
}
