// Range math on draft text. Offsets are UTF-16 code units, as CodeMirror and String.prototype.slice count them.

export interface TextRange {
  from: number;
  to: number;
}

const isBlank = (text: string, from: number, to: number) => /^\s*$/.test(text.slice(from, to));
const lineStartAt = (text: string, pos: number) => (pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1);
const lineEndAt = (text: string, pos: number) => {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
};

/**
 * The paragraph around pos: consecutive non-blank lines, trimmed of surrounding whitespace (a CR of a CRLF line
 * ending included). null when pos is on a blank line.
 */
export function paragraphAt(text: string, pos: number): TextRange | null {
  const at = Math.min(Math.max(0, Math.trunc(pos) || 0), text.length);
  let from = lineStartAt(text, at);
  let to = lineEndAt(text, from);
  if (isBlank(text, from, to)) return null;
  while (from > 0) {
    const previousStart = lineStartAt(text, from - 1);
    if (isBlank(text, previousStart, from - 1)) break;
    from = previousStart;
  }
  while (to < text.length) {
    const nextEnd = lineEndAt(text, to + 1);
    if (isBlank(text, to + 1, nextEnd)) break;
    to = nextEnd;
  }
  while (from < to && /\s/.test(text[from]!)) from += 1;
  while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
  return { from, to };
}
