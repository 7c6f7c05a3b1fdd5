// The draft the author had open last time reopens on start.
const KEY = 'ami-last-draft';

export function lastDraftId(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberDraft(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Storage can be unavailable (private mode); reopening the first draft is fine then.
  }
}
