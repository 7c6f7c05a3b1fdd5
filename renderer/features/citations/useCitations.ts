import { useCallback, useEffect, useRef, useState } from 'react';
import type { AmiError, Citation } from '../../../shared/domain';
import { ami } from '../../api/ami-api';

/** The open draft's citations; answers for a draft no longer open are dropped. */
export function useCitations(draftId: string | null) {
  const [citations, setCitations] = useState<Citation[]>([]);
  const [error, setError] = useState<AmiError | null>(null);
  const currentId = useRef(draftId);
  currentId.current = draftId;

  const refresh = useCallback(async () => {
    const id = currentId.current;
    if (!id) return;
    const result = await ami['citations:list']({ draftId: id });
    if (currentId.current !== id) return;
    if (result.ok) {
      setCitations(result.value);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    setCitations([]);
    void refresh();
  }, [draftId, refresh]);

  return { citations, error, refresh };
}
