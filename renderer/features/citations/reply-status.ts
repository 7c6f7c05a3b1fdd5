// How a reply's completeness is said in the panel. A reply that is not complete is never presented as complete
// (invariant 4).
import type { Reply } from '../../../shared/domain';
import { errorText } from '../../components/error-text';
import { t } from '../../i18n';

export function replyStatusText(reply: Pick<Reply, 'status' | 'error'>): string {
  switch (reply.status) {
    case 'complete':
      return t('status.complete');
    case 'streaming':
      return t('status.streaming');
    case 'interrupted':
      return t('status.interrupted');
    case 'failed':
      return reply.error ? t('status.failedWith', { message: errorText(reply.error) }) : t('status.failed');
  }
}
