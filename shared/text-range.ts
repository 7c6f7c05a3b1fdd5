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

type Segmenter = { segment(input: string): Iterable<{ index: number }> };
let segmenter: Segmenter | null | undefined;
function graphemes(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (Intl as unknown as { Segmenter?: new (locale?: string, options?: object) => Segmenter }).Segmenter;
    segmenter = Ctor ? new Ctor(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Longer clusters than this (stacked diacritics) are only kept whole up to this many code units around pos. */
const WINDOW = 64;

/**
 * pos moved to the nearest grapheme boundary in the given direction, so that a range never cuts an emoji,
 * a surrogate pair or a letter from its combining accents. Only a window around pos is segmented: drafts are long.
 */
export function snapToGrapheme(text: string, pos: number, direction: 'backward' | 'forward'): number {
  if (pos <= 0 || pos >= text.length) return pos;
  const seg = graphemes();
  if (seg) {
    let start = Math.max(0, pos - WINDOW);
    if (start > 0 && isLow(text.charCodeAt(start))) start -= 1;
    const end = Math.min(text.length, pos + WINDOW);
    let before = start;
    for (const { index } of seg.segment(text.slice(start, end))) {
      const boundary = start + index;
      if (boundary === pos) return pos;
      if (boundary > pos) return direction === 'forward' ? boundary : before;
      before = boundary;
    }
    if (direction === 'backward') return before;
    if (end === text.length) return end;
  }
  if (isLow(text.charCodeAt(pos)) && isHigh(text.charCodeAt(pos - 1))) return direction === 'forward' ? pos + 1 : pos - 1;
  return pos;
}

/**
 * from and to as integers inside the text, in order, widened to whole characters (graphemes). An empty range
 * stays empty.
 */
export function clampRange(text: string, from: number, to: number): TextRange {
  const clamp = (n: number) => Math.min(Math.max(0, Math.trunc(n) || 0), text.length);
  let a = clamp(from);
  let b = clamp(to);
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    const at = snapToGrapheme(text, a, 'backward');
    return { from: at, to: at };
  }
  return { from: snapToGrapheme(text, a, 'backward'), to: snapToGrapheme(text, b, 'forward') };
}

/** The text of a range after clampRange: never half a character. */
export function sliceRange(text: string, from: number, to: number): string {
  const range = clampRange(text, from, to);
  return text.slice(range.from, range.to);
}

// A word is letters or digits (with their accents), joined by inner apostrophes or hyphens:
// "l'homme", "aujourd'hui", "well-known" and "don't" count once, as a writer expects.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’\-‐][\p{L}\p{N}\p{M}]+)*/gu;

export function wordCount(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count += 1;
  return count;
}
