import type { EditorState, Text } from '@codemirror/state';

export interface EditorPassage {
  from: number;
  to: number;
  text: string;
}

const isBlank = (s: string) => /^\s*$/.test(s);

/** from..to without the whitespace around it; null if nothing else is left. */
function trimmed(doc: Text, from: number, to: number): EditorPassage | null {
  const text = doc.sliceString(from, to);
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  if (!body) return null;
  return { from: from + lead, to: from + lead + body.length, text: body };
}

/**
 * The paragraph around pos: consecutive non-blank lines (as shared/text-range paragraphAt, but walking the
 * document's lines so that a long draft is never turned into one string). null on a blank line.
 */
export function paragraphAround(doc: Text, pos: number): EditorPassage | null {
  let first = doc.lineAt(Math.min(Math.max(0, pos), doc.length));
  if (isBlank(first.text)) return null;
  let last = first;
  while (first.number > 1) {
    const previous = doc.line(first.number - 1);
    if (isBlank(previous.text)) break;
    first = previous;
  }
  while (last.number < doc.lines) {
    const next = doc.line(last.number + 1);
    if (isBlank(next.text)) break;
    last = next;
  }
  return trimmed(doc, first.from, last.to);
}

/** The selection (trimmed), or if it is empty the paragraph around the cursor; null if nothing usable. */
export function passageAt(state: EditorState): EditorPassage | null {
  const range = state.selection.main;
  if (!range.empty) return trimmed(state.doc, range.from, range.to);
  return paragraphAround(state.doc, range.head);
}
