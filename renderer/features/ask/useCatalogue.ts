// The catalogue as the pickers see it: fetched from main when a picker first opens (main decides whether its cache
// is fresh), shared by every picker on the page, refreshed on demand.
import { useCallback, useSyncExternalStore } from 'react';
import type { Catalogue } from '../../../shared/contract';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';

interface CatalogueState {
  catalogue: Catalogue | null;
  loading: boolean;
  error: AmiError | null;
}

let state: CatalogueState = { catalogue: null, loading: false, error: null };
const listeners = new Set<() => void>();
let running: Promise<void> | null = null;

function set(next: Partial<CatalogueState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

function load(refresh: boolean): Promise<void> {
  if (running && !refresh) return running;
  set({ loading: true });
  const task = ami['models:list']({ refresh }).then((r) => {
    if (r.ok) set({ catalogue: r.value, loading: false, error: null });
    else set({ loading: false, error: r.error });
  });
  running = task.finally(() => {
    if (running === task) running = null;
  });
  return running;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useCatalogue() {
  const current = useSyncExternalStore(subscribe, () => state);
  /** On opening a picker: once per page, unless a refresh is asked for. */
  const ensure = useCallback(() => {
    if (!state.catalogue && !state.loading) void load(false);
  }, []);
  const refresh = useCallback(() => void load(true), []);
  return { ...current, ensure, refresh };
}
