import { useEffect, useRef } from 'react';

interface Shortcuts {
  onNewDraft: () => void;
  onFocusSearch: () => void;
}

/** Global keys: Mod-N new draft, Mod-Shift-F search. Mod-Enter belongs to the editor and the question box. */
export function useShortcuts(shortcuts: Shortcuts) {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.metaKey || e.ctrlKey;
      if (!mod || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n' && !e.shiftKey) {
        e.preventDefault();
        ref.current.onNewDraft();
      } else if (key === 'f' && e.shiftKey) {
        e.preventDefault();
        ref.current.onFocusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
