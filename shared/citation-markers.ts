// Footnote-style markers `[^cN]` the author places in the draft to point at citation N. Markers written inside
// code (fenced blocks, inline code spans) are examples, not references, as in Markdown itself.

export interface CitationMarker {
  number: number;
  from: number;
  to: number;
}

export function citationMarker(n: number): string {
  return `[^c${n}]`;
}

interface Line {
  from: number;
  to: number; // end of the content, before the line break
  next: number; // start of the next line
  content: string; // without a trailing CR
}

function* lines(text: string): Generator<Line> {
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    const content = text.charCodeAt(end - 1) === 13 && end > from ? text.slice(from, end - 1) : text.slice(from, end);
    yield { from, to: end, next: end + 1, content };
    if (nl < 0) return;
    from = nl + 1;
  }
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export interface CodeScan {
  /** Ranges of code, sorted and disjoint. */
  ranges: [number, number][];
  /** The fence that would close a code block still open at the end of the text, or null. */
  openFence: string | null;
}

/**
 * Where the code is in Markdown text: fenced code blocks and inline code spans (CommonMark rules, simplified).
 * With spansAcrossLines false, a code span must close on the line it opens: the cautious reading when what is
 * outside code gets escaped.
 */
export function scanCode(text: string, spansAcrossLines = true): CodeScan {
  const ranges: [number, number][] = [];
  let fence: { char: string; length: number; from: number } | null = null;
  let prose: { from: number; to: number } | null = null;
  const flushProse = () => {
    if (prose) ranges.push(...inlineCode(text, prose.from, prose.to));
    prose = null;
  };

  for (const line of lines(text)) {
    if (fence) {
      const close = FENCE_CLOSE.exec(line.content);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        ranges.push([fence.from, line.to]);
        fence = null;
      }
      continue;
    }
    const open = FENCE_OPEN.exec(line.content);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      flushProse();
      fence = { char: open[1]![0]!, length: open[1]!.length, from: line.from };
      continue;
    }
    // A code span cannot cross a blank line: each paragraph is scanned on its own.
    if (/^\s*$/.test(line.content) || !spansAcrossLines) flushProse();
    if (/^\s*$/.test(line.content)) continue;
    if (prose) prose.to = line.to;
    else prose = { from: line.from, to: line.to };
  }
  flushProse();
  if (fence) {
    ranges.push([fence.from, text.length]);
    return { ranges, openFence: fence.char.repeat(fence.length) };
  }
  return { ranges, openFence: null };
}

/** Code spans in text[from, to): a run of n backticks up to the next run of exactly n backticks. */
function inlineCode(text: string, from: number, to: number): [number, number][] {
  const runs: { at: number; length: number }[] = [];
  const backticks = /`+/g;
  backticks.lastIndex = from;
  for (let m = backticks.exec(text); m && m.index < to; m = backticks.exec(text)) {
    let at = m.index;
    let length = Math.min(m[0].length, to - at);
    // A backslash-escaped backtick is literal; it cannot open a span.
    if (isEscaped(text, at, from)) {
      at += 1;
      length -= 1;
    }
    if (length > 0) runs.push({ at, length });
  }
  const spans: [number, number][] = [];
  for (let i = 0; i < runs.length; i += 1) {
    const open = runs[i]!;
    const j = runs.findIndex((r, k) => k > i && r.length === open.length);
    if (j < 0) continue;
    const close = runs[j]!;
    spans.push([open.at, close.at + close.length]);
    i = j;
  }
  return spans;
}

/** Whether text[at] follows an odd number of backslashes (not looking before floor). */
export function isEscaped(text: string, at: number, floor = 0): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= floor && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

const MARKER = /\[\^c([1-9][0-9]{0,8})\]/g;

/** The `[^cN]` markers of a draft, in order, except those inside code or written escaped (`\[^c1]`). */
export function findCitationMarkers(text: string): CitationMarker[] {
  const { ranges } = scanCode(text);
  const markers: CitationMarker[] = [];
  let r = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const from = m.index;
    while (r < ranges.length && ranges[r]![1] <= from) r += 1;
    const range = ranges[r];
    if (range && range[0] <= from) continue;
    if (isEscaped(text, from)) continue;
    markers.push({ number: Number(m[1]), from, to: from + m[0].length });
  }
  return markers;
}
