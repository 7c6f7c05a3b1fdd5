// Drafts: the author's own text. Nothing here ever receives reply text (invariant 1).
import type { Draft, RevisionReason } from '../../shared/domain.js';
import { fail } from './ami-error.js';
import { sha256, type ServiceContext } from './service-context.js';

/** While the author writes, a revision is kept at most this often (on top of one per consultation). */
export const REVISION_INTERVAL_MS = 5 * 60 * 1000;

export function draftsService(ctx: ServiceContext) {
  const { store } = ctx;

  const mustGet = (id: string): Draft => store.drafts.get(id) ?? fail('not_found', 'This draft no longer exists.');

  /** Returns the id of a revision holding exactly `text`, recording one if needed. Identical text is stored once. */
  function recordRevision(draftId: string, text: string, reason: RevisionReason): string {
    const textHash = sha256(text);
    const existing = store.drafts.revisionIdByHash(draftId, textHash);
    if (existing) return existing;
    const id = ctx.newId();
    store.drafts.insertRevision({ id, draftId, text, textHash, reason, createdAt: ctx.now().toISOString() });
    return id;
  }

  return {
    recordRevision,
    list: (trashed: boolean) => store.drafts.list(trashed),
    search: (query: string) => store.search.search(query),
    get: mustGet,
    create(title: string, text: string, reason: RevisionReason = 'create'): Draft {
      const id = ctx.newId();
      store.transaction(() => {
        store.drafts.insert({ id, title, text, createdAt: ctx.now().toISOString() });
        recordRevision(id, text, reason);
      });
      return mustGet(id);
    },
    /** Returns only after the commit: the UI may say "Saved" when this resolves (invariant 5). */
    save(id: string, text: string): { updatedAt: string; revisionId: string | null } {
      const at = ctx.now();
      return store.transaction(() => {
        const draft = mustGet(id);
        if (draft.trashedAt) fail('validation', 'This draft is in the trash. Restore it to keep writing.');
        store.drafts.saveText(id, text, at.toISOString());
        const last = store.drafts.lastRevision(id);
        const due = !last || at.getTime() - Date.parse(last.createdAt) >= REVISION_INTERVAL_MS;
        const revisionId = due && last?.textHash !== sha256(text) ? recordRevision(id, text, 'autosave') : null;
        return { updatedAt: at.toISOString(), revisionId };
      });
    },
    rename(id: string, title: string): Draft {
      mustGet(id);
      store.drafts.rename(id, title, ctx.now().toISOString());
      return mustGet(id);
    },
    trash(id: string): Draft {
      mustGet(id);
      store.drafts.setTrashed(id, ctx.now().toISOString());
      return mustGet(id);
    },
    restore(id: string): Draft {
      mustGet(id);
      store.drafts.setTrashed(id, null);
      return mustGet(id);
    },
    revisions(draftId: string) {
      mustGet(draftId);
      return store.drafts.revisions(draftId);
    },
    revision(id: string) {
      return store.drafts.revision(id) ?? fail('not_found', 'This revision does not exist.');
    },
  };
}

export type DraftsService = ReturnType<typeof draftsService>;
