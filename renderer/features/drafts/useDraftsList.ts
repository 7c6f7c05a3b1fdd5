import { useCallback, useEffect, useState } from 'react';
import type { AmiError, DraftSummary } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import type { DraftsView } from './DraftSidebar';

export function useDraftsList(view: DraftsView) {
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [error, setError] = useState<AmiError | null>(null);
  const refresh = useCallback(async () => {
    const result = await ami['drafts:list']({ trashed: view === 'trash' });
    if (result.ok) {
      setDrafts(result.value);
      setError(null);
    } else setError(result.error);
    return result.ok ? result.value : null;
  }, [view]);
  useEffect(() => void refresh(), [refresh]);
  return { drafts, error, refresh };
}
