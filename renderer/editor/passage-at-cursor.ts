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
  // Measured rather than trimStart() and trim(): a passage can be megabytes long, and copies of it are garbage.
  let lead = 0;
  while (lead < text.length && /\s/.test(text[lead]!)) lead++;
  if (lead === text.length) return null;
  let end = text.length;
  while (end > lead && /\s/.test(text[end - 1]!)) end--;
  const body = lead === 0 && end === text.length ? text : text.slice(lead, end);
  return { from: from + lead, to: from + end, text: body };
}

/**
 * Where the paragraph holding the line that starts at lineFrom begins: the start of the first of the non-blank lines
 * just before it. Walks the document's chunks rather than its Line objects, so that a paragraph of a million lines is
 * crossed in milliseconds (the passage label reads it on every key).
 */
export function paragraphStart(doc: Text, lineFrom: number): number {
  let start = lineFrom;
  let pos = lineFrom;
  let inLine = false;
  let blank = true;
  for (const iter = doc.iterRange(lineFrom, 0); !iter.next().done; ) {
    if (iter.lineBreak) {
      if (inLine) {
        if (blank) return start;
        start = pos;
      }
      pos -= 1;
      inLine = true;
      blank = true;
    } else {
      pos -= iter.value.length;
      if (blank && !isBlank(iter.value)) blank = false;
    }
  }
  return inLine && !blank ? 0 : start;
}

/** Where the paragraph holding the line that ends at lineTo ends (see paragraphStart). */
export function paragraphEnd(doc: Text, lineTo: number): number {
  let end = lineTo;
  let pos = lineTo;
  let inLine = false;
  let blank = true;
  for (const iter = doc.iterRange(lineTo, doc.length); !iter.next().done; ) {
    if (iter.lineBreak) {
      if (inLine) {
        if (blank) return end;
        end = pos;
      }
      pos += 1;
      inLine = true;
      blank = true;
    } else {
      pos += iter.value.length;
      if (blank && !isBlank(iter.value)) blank = false;
    }
  }
  return inLine && !blank ? doc.length : end;
}

/**
 * The paragraph around pos: consecutive non-blank lines (as shared/text-range paragraphAt, but walking the
 * document's lines so that a long draft is never turned into one string). null on a blank line.
 */
export function paragraphAround(doc: Text, pos: number): EditorPassage | null {
  const line = doc.lineAt(Math.min(Math.max(0, pos), doc.length));
  if (isBlank(line.text)) return null;
  return trimmed(doc, paragraphStart(doc, line.from), paragraphEnd(doc, line.to));
}

/** The selection (trimmed), or if it is empty the paragraph around the cursor; null if nothing usable. */
export function passageAt(state: EditorState): EditorPassage | null {
  const range = state.selection.main;
  if (!range.empty) return trimmed(state.doc, range.from, range.to);
  return paragraphAround(state.doc, range.head);
}

/**
 * The first `chars` characters of passageAt(state), trimmed, read without the rest of the paragraph: a label shown
 * on every key must not copy a paragraph of megabytes.
 */
export function passageHeadAt(state: EditorState, chars: number): string | null {
  const doc = state.doc;
  const range = state.selection.main;
  let from = range.from;
  let to = range.to;
  if (range.empty) {
    const line = doc.lineAt(range.head);
    if (isBlank(line.text)) return null;
    from = paragraphStart(doc, line.from);
    to = doc.length;
  }
  let text = doc.sliceString(from, Math.min(to, from + chars));
  if (range.empty) {
    const blankLine = /\n[^\S\n]*\n/.exec(text);
    if (blankLine) text = text.slice(0, blankLine.index);
  }
  return text.trim() || null;
}
