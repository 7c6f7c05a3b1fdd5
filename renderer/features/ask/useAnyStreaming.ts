import { useCallback, useSyncExternalStore } from 'react';
import type { LiveReplies } from './live-replies';

/** Whether any of these replies has not ended yet; re-renders only when one of them changes. */
export function useAnyStreaming(store: LiveReplies, replyIds: string[]): boolean {
  const key = replyIds.join(' ');
  const subscribe = useCallback(
    (notify: () => void) => store.subscribe((id) => {
      if (key.split(' ').includes(id)) notify();
    }),
    [store, key],
  );
  return useSyncExternalStore(subscribe, () => replyIds.some((id) => !store.get(id)?.final));
}
