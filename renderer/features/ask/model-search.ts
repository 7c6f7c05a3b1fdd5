// The picker's search: the catalogue is ordered once (favourites, then recently used, then as listed) and each
// model gets its lowercase search key once, so a keystroke is one pass over a ready array: no sort, no lowercasing.
import type { ModelInfo } from '../../../shared/pricing';
import { modelKey } from '../../../shared/domain';

export interface SearchEntry {
  model: ModelInfo;
  key: string;
  /** modelKey(endpointId, id). */
  ref: string;
  favourite: boolean;
  recent: boolean;
}

export interface SearchIndex {
  entries: SearchEntry[];
  byRef: Map<string, SearchEntry>;
}

/** Folds case and accents, so "modele" finds "Modèle". */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function buildIndex(models: readonly ModelInfo[], favourites: readonly string[], recents: readonly string[], endpointNames: ReadonlyMap<string, string> = new Map()): SearchIndex {
  const fav = new Set(favourites);
  const recentRank = new Map(recents.map((r, i) => [r, i]));
  const entries = models.map((model, position) => {
    const ref = modelKey(model.endpointId, model.id);
    return {
      model,
      ref,
      key: searchKey(`${model.name}\u0000${model.id}\u0000${endpointNames.get(model.endpointId) ?? ''}`),
      favourite: fav.has(ref),
      recent: recentRank.has(ref),
      position,
    };
  });
  const group = (e: (typeof entries)[number]) => (e.favourite ? 0 : e.recent ? 1 : 2);
  entries.sort((a, b) => group(a) - group(b) || (group(a) === 1 ? recentRank.get(a.ref)! - recentRank.get(b.ref)! : a.position - b.position));
  const byRef = new Map<string, SearchEntry>();
  for (const e of entries) byRef.set(e.ref, e);
  return { entries, byRef };
}

/** At most `limit` matches in index order, and how many matched in all. Every word of the query must match. */
export function filterIndex(index: SearchIndex, query: string, limit: number): { shown: SearchEntry[]; total: number } {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  const shown: SearchEntry[] = [];
  let total = 0;
  for (const e of index.entries) {
    let ok = true;
    for (const w of words) {
      if (!e.key.includes(w)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    total++;
    if (shown.length < limit) shown.push(e);
  }
  return { shown, total };
}
