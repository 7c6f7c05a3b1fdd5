import { useEffect, useState } from 'react';
import type { AmiError, SearchHit } from '../../../shared/domain';
import { ami } from '../../api/ami-api';

const SEARCH_DELAY_MS = 200;

/** Full-text search over drafts and replies, asked after a short pause in typing; stale answers are ignored. */
export function useDraftSearch(query: string) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<AmiError | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      setError(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(async () => {
      const result = await ami['drafts:search']({ query: q });
      if (stale) return;
      if (result.ok) {
        setHits(result.value);
        setError(null);
      } else setError(result.error);
    }, SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return { hits, error };
}
