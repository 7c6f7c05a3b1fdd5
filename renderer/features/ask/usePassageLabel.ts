import { useEffect, useState, type RefObject } from 'react';
import type { DraftEditorHandle } from '../../editor/DraftEditor';
import { firstWords } from '../../components/format';

// Far more than the 80 characters shown, so that whitespace folded away still leaves enough words.
const LABEL_SOURCE_CHARS = 4096;

/**
 * The first words of the passage a question would be about (the selection, or the paragraph at the cursor).
 * Only the words are kept here: offsets live in the editor and are read again when asking.
 */
export function usePassageLabel(editor: RefObject<DraftEditorHandle | null>, draftKey: string | null): string | null {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const head = editor.current?.getPassageHead(LABEL_SOURCE_CHARS) ?? null;
        setLabel(head ? firstWords(head, 80) : null);
      });
    };
    update();
    document.addEventListener('selectionchange', update);
    document.addEventListener('keyup', update);
    document.addEventListener('mouseup', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('keyup', update);
      document.removeEventListener('mouseup', update);
    };
  }, [editor, draftKey]);
  return label;
}
