// Finding a consultation's passage again when a draft is opened and the stored offsets no longer hold it:
// the exact text nearest to where it was, else the most similar stretch of words (an edited passage), else lost.
import { diffArrays } from 'diff';
import type { AnchorStatus } from './domain';
import { tokenize as tokenizeWords } from './ghost-words';
import type { TextRange } from './text-range';

export interface Relocated extends TextRange {
  status: AnchorStatus;
}

/** Share of words two stretches must have in common (2·common / (words of both)) to be the same passage. */
export const SIMILARITY_THRESHOLD = 0.6;
/** Most candidate windows examined with a diff once the whole text has been scanned. */
const MAX_CANDIDATES = 8;

interface Tokens {
  norm: string[];
  from: number[];
  to: number[];
}

/** The guard's words (case and accents folded), laid out as parallel arrays for the alignment below. */
function tokenize(text: string): Tokens {
  const words = tokenizeWords(text);
  return { norm: words.map((w) => w.norm), from: words.map((w) => w.from), to: words.map((w) => w.to) };
}

/** Index of the first token ending after pos. */
function tokenAt(tokens: Tokens, pos: number): number {
  let lo = 0;
  let hi = tokens.to.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.to[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function nearestExact(text: string, passage: string, at: number): number {
  let best = -1;
  for (let i = text.indexOf(passage); i >= 0; i = text.indexOf(passage, i + 1)) {
    if (best < 0 || Math.abs(i - at) < Math.abs(best - at)) best = i;
    else if (i > at) break; // further occurrences only get further away
  }
  return best;
}

interface Match {
  first: number; // token indices in the text, inclusive
  last: number;
  score: number;
}

/**
 * The passage words aligned (diff of word arrays) with the text words around start. Matches at an edge that sit
 * apart from the rest (more extra words between them than in the passage) are stray common words, not the passage.
 */
function alignAt(passage: string[], text: Tokens, start: number): Match | null {
  const m = passage.length;
  const slack = Math.max(3, Math.ceil(m / 2));
  const lo = Math.max(0, start - slack);
  const hi = Math.min(text.norm.length, start + m + slack);
  if (hi <= lo) return null;
  const changes = diffArrays(passage, text.norm.slice(lo, hi), { maxEditLength: 2 * m + 2 * slack });
  if (!changes) return null;
  const pairs: [number, number][] = []; // [passage index, text index]
  let i = 0;
  let j = lo;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else for (let k = 0; k < n; k++) pairs.push([i++, j++]);
  }
  const extraGap = (a: [number, number], b: [number, number]) => b[1] - a[1] - (b[0] - a[0]);
  while (pairs.length > 1 && extraGap(pairs[0]!, pairs[1]!) > 2) pairs.shift();
  while (pairs.length > 1 && extraGap(pairs[pairs.length - 2]!, pairs[pairs.length - 1]!) > 2) pairs.pop();
  if (!pairs.length) return null;
  const first = pairs[0]![1];
  const last = pairs[pairs.length - 1]![1];
  return { first, last, score: (2 * pairs.length) / (m + last - first + 1) };
}

/** Window starts whose bag of words shares the most with the passage, at most one per half passage length. */
function candidateStarts(passage: string[], text: Tokens): number[] {
  const m = passage.length;
  const want = new Map<string, number>();
  for (const w of passage) want.set(w, (want.get(w) ?? 0) + 1);
  const have = new Map<string, number>();
  let overlap = 0;
  const add = (w: string) => {
    const need = want.get(w);
    if (need === undefined) return;
    const n = have.get(w) ?? 0;
    if (n < need) overlap += 1;
    have.set(w, n + 1);
  };
  const remove = (w: string) => {
    const need = want.get(w);
    if (need === undefined) return;
    const n = have.get(w)! - 1;
    if (n < need) overlap -= 1;
    have.set(w, n);
  };
  const scored: { start: number; overlap: number }[] = [];
  const minimum = Math.ceil(m * SIMILARITY_THRESHOLD * 0.75);
  for (let end = 0; end < text.norm.length; end++) {
    add(text.norm[end]!);
    const start = end - m + 1;
    if (start > 0) remove(text.norm[start - 1]!);
    if (start >= 0 && overlap >= minimum) scored.push({ start, overlap });
  }
  scored.sort((a, b) => b.overlap - a.overlap);
  const picked: number[] = [];
  for (const s of scored) {
    if (picked.length >= MAX_CANDIDATES) break;
    if (picked.every((p) => Math.abs(p - s.start) > m / 2)) picked.push(s.start);
  }
  return picked;
}

/** Punctuation or spaces the passage starts or ends with, kept on the found range when the text has them too. */
function widen(text: string, passage: string, words: Tokens, from: number, to: number): TextRange {
  const lead = passage.slice(0, words.from[0] ?? 0);
  const tail = passage.slice(words.to[words.to.length - 1] ?? passage.length);
  if (lead && text.slice(from - lead.length, from) === lead) from -= lead.length;
  if (tail && text.startsWith(tail, to)) to += tail.length;
  return { from, to };
}

/**
 * A relocator for one text: the text's words are read once, for all the passages looked for in it.
 * The result is 'current' (the exact passage), 'edited' (a similar enough stretch) or 'lost' (collapsed at
 * the hint).
 */
export function createRelocator(text: string): (passageText: string, hint: TextRange) => Relocated {
  let textTokens: Tokens | null = null;
  return (passageText, hint) => {
    const from = Math.min(Math.max(0, Math.trunc(hint.from) || 0), text.length);
    const to = Math.min(Math.max(from, Math.trunc(hint.to) || 0), text.length);
    const lost: Relocated = { from, to: from, status: 'lost' };
    if (!passageText) return lost;
    if (text.slice(from, to) === passageText) return { from, to, status: 'current' };
    const exact = nearestExact(text, passageText, from);
    if (exact >= 0) return { from: exact, to: exact + passageText.length, status: 'current' };

    const words = tokenize(passageText);
    if (!words.norm.length) return lost;
    textTokens ??= tokenize(text);
    const tokens = textTokens;
    const at = tokenAt(tokens, from);
    // Where it was is the likeliest place: the whole text is only scanned when it is not there.
    let best = alignAt(words.norm, tokens, at);
    if (!best || best.score < SIMILARITY_THRESHOLD) {
      for (const start of candidateStarts(words.norm, tokens)) {
        const match = alignAt(words.norm, tokens, start);
        if (!match) continue;
        const better =
          !best ||
          match.score > best.score + 1e-9 ||
          (Math.abs(match.score - best.score) <= 1e-9 && Math.abs(match.first - at) < Math.abs(best.first - at));
        if (better) best = match;
      }
    }
    if (!best || best.score < SIMILARITY_THRESHOLD) return lost;
    const range = widen(text, passageText, words, tokens.from[best.first]!, tokens.to[best.last]!);
    return { ...range, status: 'edited' };
  };
}

/** Where passageText is now in text, starting from where it was (hint). */
export function relocatePassage(text: string, passageText: string, hint: TextRange): Relocated {
  return createRelocator(text)(passageText, hint);
}
