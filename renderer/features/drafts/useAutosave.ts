import { useCallback, useEffect, useRef, useState } from 'react';
import { ami } from '../../api/ami-api';
import { Autosaver, type SaveState, type TextSnapshot } from './autosaver';

/**
 * Autosave for the open draft. `change` only records the text (typing never waits on IPC); `flush` saves now and
 * resolves true when everything typed is saved. Leaving the page flushes, and asks the browser to hold the page
 * while a save is still pending.
 */
export function useAutosave(draftId: string | null, savedAt: string, onSaved?: () => void) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: savedAt });
  const saverRef = useRef<Autosaver | null>(null);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  useEffect(() => {
    if (!draftId) return;
    // Declared first: the constructor reports the initial state before `new` returns.
    let current: Autosaver | null = null;
    const saver = new Autosaver({
      initialSavedAt: savedAt,
      onState: (s) => {
        setState(s);
        if (s.kind === 'saved' && current && saverRef.current === current && s.at !== savedAt) onSavedRef.current?.();
      },
      schedule: (fn, ms) => {
        const t = setTimeout(fn, ms);
        return () => clearTimeout(t);
      },
      save: (text) => ami['drafts:save']({ id: draftId, text }),
    });
    current = saver;
    saverRef.current = saver;
    return () => {
      // Switching drafts flushes first (see App); whatever is still pending is saved on the way out.
      if (saver.dirty) void saver.flush().finally(() => saver.dispose());
      else saver.dispose();
      if (saverRef.current === saver) saverRef.current = null;
    };
    // savedAt belongs to the draft being opened; it must not recreate the saver when a save updates it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  useEffect(() => {
    const flushNow = () => void saverRef.current?.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!saverRef.current?.dirty) return;
      flushNow();
      e.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const change = useCallback((text: TextSnapshot) => saverRef.current?.change(text), []);
  const flush = useCallback(async () => (saverRef.current ? saverRef.current.flush() : true), []);
  return { state, change, flush };
}
