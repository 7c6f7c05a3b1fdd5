import { useCallback, useSyncExternalStore } from 'react';
import type { LiveReplies, LiveReply } from './live-replies';

/** Re-renders only when this reply changes. */
export function useLiveReply(store: LiveReplies, replyId: string | null): LiveReply | undefined {
  const subscribe = useCallback(
    (notify: () => void) => store.subscribe((id) => {
      if (id === replyId) notify();
    }),
    [store, replyId],
  );
  return useSyncExternalStore(subscribe, () => (replyId ? store.get(replyId) : undefined));
}
