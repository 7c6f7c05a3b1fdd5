// Markdown that would take the reply renderer seconds or overflow its stack. The parser is superlinear in unmatched
// emphasis delimiters and in nesting depth, and a streaming reply is parsed again at every delta, so a model (or
// an attacker behind it) could freeze the window. Such a reply is shown as plain text instead.

export const MARKDOWN_LIMITS = {
  chars: 100_000,
  /** `*` and `_`: a long reply with a few hundred emphasised phrases stays far below. */
  emphasisDelimiters: 2_000,
  brackets: 2_000,
  /** Columns of leading whitespace: about 30 levels of list nesting. */
  indentColumns: 64,
  quoteDepth: 32,
} as const;

/** Why the text must not be rendered as Markdown, or null when it can be. */
/** Why a reply is shown as plain text; the renderer says it in the interface language. */
export type MarkdownTooComplex = 'too_long' | 'too_deep' | 'too_much_formatting';

export function markdownTooComplex(text: string): MarkdownTooComplex | null {
  if (text.length > MARKDOWN_LIMITS.chars) return 'too_long';
  let emphasis = 0;
  let brackets = 0;
  let lineStart = true;
  let indent = 0;
  let quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      quotes = 0;
      continue;
    }
    if (c === 42 || c === 95) emphasis++; // * _
    else if (c === 91) brackets++; // [
    if (!lineStart) continue;
    if (c === 32) indent++;
    else if (c === 9) indent += 4;
    else if (c === 62) quotes++; // >
    else lineStart = false;
    if (indent > MARKDOWN_LIMITS.indentColumns || quotes > MARKDOWN_LIMITS.quoteDepth) return 'too_deep';
  }
  if (emphasis > MARKDOWN_LIMITS.emphasisDelimiters || brackets > MARKDOWN_LIMITS.brackets) return 'too_much_formatting';
  return null;
}
