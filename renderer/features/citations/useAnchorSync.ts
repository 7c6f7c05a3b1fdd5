import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anchor, AnchorStatus } from '../../../shared/domain';
import { ami } from '../../api/ami-api';

const ANCHOR_SAVE_DELAY_MS = 1000;

/**
 * Keeps the store's anchors in step with the editor: statuses are shown at once, positions are saved after a
 * pause and flushed when the draft changes.
 */
export function useAnchorSync(draftId: string | null) {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, AnchorStatus>>(new Map());
  const pending = useRef<{ draftId: string; anchors: Anchor[] } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flushAnchors = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const job = pending.current;
    pending.current = null;
    if (job) await ami['anchors:save']({ draftId: job.draftId, anchors: job.anchors });
  }, []);

  const onAnchorsChange = useCallback(
    (anchors: Anchor[]) => {
      if (!draftId) return;
      setStatuses((prev) => {
        const same = anchors.length === prev.size && anchors.every((a) => prev.get(a.consultationId) === a.status);
        return same ? prev : new Map(anchors.map((a) => [a.consultationId, a.status]));
      });
      pending.current = { draftId, anchors: anchors.map(({ consultationId, from, to, status }) => ({ consultationId, from, to, status })) };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flushAnchors(), ANCHOR_SAVE_DELAY_MS);
    },
    [draftId, flushAnchors],
  );

  useEffect(() => {
    setStatuses(new Map());
    return () => void flushAnchors();
  }, [draftId, flushAnchors]);

  return { statuses, onAnchorsChange, flushAnchors };
}
