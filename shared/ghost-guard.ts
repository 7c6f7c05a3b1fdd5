// The ghost-text guard: finds spans of a draft that reproduce the wording of stored replies, verbatim or nearly
// (case, punctuation, accents, a few changed or inserted words). Seeds are word trigrams shared with a reply;
// seeds of one reply that follow each other in both texts are chained into a span, which is flagged when it is
// long enough and mostly made of shared wording. Lines quoted as Markdown blockquotes are the author's explicit
// quotations and are not flagged.
import { scanWords, type WordScan } from './ghost-words.js';

export const SEED_WORDS = 3;
/** A span must cover at least this many draft words... */
export const MIN_SPAN_WORDS = 8;
/** ...of which at least this share is wording shared with the reply. */
export const MIN_SHARED_RATIO = 0.6;
/** Largest number of draft words between two seeds of one chain (changed or inserted words). */
const MAX_GAP = 4;
/** Largest shift between the draft and the reply positions of consecutive seeds (inserted or dropped words). */
const MAX_DRIFT = 3;
/** A trigram found in more reply positions than this is common phrasing, not a sign of copying. */
const MAX_SEED_HITS = 64;

export interface GuardReply {
  id: string;
  citationNumber: number;
  text: string;
}

export interface GhostSpan {
  from: number; // offsets in the draft
  to: number;
  replyId: string;
  citationNumber: number;
  words: number; // draft words in the span
  sharedWords: number; // of which shared with the reply
  verbatim: boolean; // one unbroken run of identical (normalized) words
}

const seedKey = (a: number, b: number, c: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c) >>> 0;

/** Trigram index of every stored reply; replies can be added as they arrive. */
export class ReplyIndex {
  readonly replies: GuardReply[] = [];
  private readonly words: Uint32Array[] = []; // word hashes of each reply
  // key → positions packed as replyIndex * 2^20 + wordPosition (replies up to a million words).
  private readonly seeds = new Map<number, number[]>();

  constructor(replies: GuardReply[] = []) {
    for (const r of replies) this.add(r);
  }

  get size(): number {
    return this.replies.length;
  }

  add(reply: GuardReply): void {
    const r = this.replies.length;
    const scan = scanWords(reply.text);
    const h = scan.hash.slice(0, scan.count);
    this.replies.push(reply);
    this.words.push(h);
    for (let j = 0; j + SEED_WORDS <= h.length; j++) {
      const key = seedKey(h[j]!, h[j + 1]!, h[j + 2]!);
      const list = this.seeds.get(key);
      if (!list) this.seeds.set(key, [r * 1_048_576 + j]);
      else if (list.length <= MAX_SEED_HITS) list.push(r * 1_048_576 + j);
    }
  }

  /** Reply positions whose three words equal the draft's at i (all three word hashes compared, not just the key). */
  hits(draft: Uint32Array, i: number): number[] {
    const list = this.seeds.get(seedKey(draft[i]!, draft[i + 1]!, draft[i + 2]!));
    if (!list || list.length > MAX_SEED_HITS) return [];
    return list.filter((packed) => {
      const words = this.words[Math.floor(packed / 1_048_576)]!;
      const j = packed % 1_048_576;
      return words[j] === draft[i] && words[j + 1] === draft[i + 1] && words[j + 2] === draft[i + 2];
    });
  }
}

interface Chain {
  reply: number;
  startI: number;
  lastI: number;
  lastJ: number;
  coveredTo: number; // draft word index after the last covered word
  shared: number;
  verbatim: boolean;
}

/** Words of lines that are Markdown blockquotes (the author's attributed quotations) are skipped. */
function quotedRanges(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  if (text.indexOf('>', from) === -1) return out;
  const slice = text.slice(from, to);
  const re = /^[ \t]{0,3}>.*$/gm;
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push([from + m.index, from + m.index + m[0].length]);
  return out;
}

/**
 * Spans of `text` (or of its part [from, to)) that reproduce reply wording. Give a range around an edit for the
 * incremental check: words are compared from the start of the range, so pass whole paragraphs.
 */
export function findGhostSpans(text: string, index: ReplyIndex, range?: { from: number; to: number }): GhostSpan[] {
  if (index.size === 0) return [];
  const from = range?.from ?? 0;
  const to = range?.to ?? text.length;
  const quoted = quotedRanges(text, from, to);
  const scan: WordScan = scanWords(text, from, to);
  // Keep the words outside quotation lines: their offsets and hashes, compacted in place.
  let n = 0;
  for (let k = 0, q = 0; k < scan.count; k++) {
    while (q < quoted.length && quoted[q]![1] < scan.from[k]!) q++;
    if (q < quoted.length && quoted[q]![0] <= scan.from[k]! && scan.to[k]! <= quoted[q]![1]) continue;
    scan.from[n] = scan.from[k]!;
    scan.to[n] = scan.to[k]!;
    scan.hash[n] = scan.hash[k]!;
    n++;
  }
  const hashes = scan.hash.subarray(0, n);
  const found: GhostSpan[] = [];
  const open = new Map<number, Chain>();

  const close = (c: Chain) => {
    const end = c.coveredTo; // exclusive word index
    const count = end - c.startI;
    if (count >= MIN_SPAN_WORDS && c.shared / count >= MIN_SHARED_RATIO) {
      const reply = index.replies[c.reply]!;
      found.push({
        from: scan.from[c.startI]!,
        to: scan.to[end - 1]!,
        replyId: reply.id,
        citationNumber: reply.citationNumber,
        words: count,
        sharedWords: c.shared,
        verbatim: c.verbatim,
      });
    }
  };

  for (let i = 0; i + SEED_WORDS <= n; i++) {
    for (const [r, c] of open) {
      if (i - c.lastI > MAX_GAP) {
        close(c);
        open.delete(r);
      }
    }
    const byReply = new Map<number, number[]>();
    for (const packed of index.hits(hashes, i)) {
      const r = Math.floor(packed / 1_048_576);
      const list = byReply.get(r);
      if (list) list.push(packed % 1_048_576);
      else byReply.set(r, [packed % 1_048_576]);
    }
    for (const [r, positions] of byReply) {
      const c = open.get(r);
      // A phrase may occur several times in a reply: prefer the occurrence that continues the open chain.
      const j = c && positions.find((p) => p > c.lastJ && Math.abs(i - p - (c.lastI - c.lastJ)) <= MAX_DRIFT);
      if (c && j !== undefined) {
        c.shared += i + SEED_WORDS - Math.max(c.coveredTo, i);
        c.verbatim &&= i === c.lastI + 1 && j === c.lastJ + 1;
        c.coveredTo = i + SEED_WORDS;
        c.lastI = i;
        c.lastJ = j;
      } else if (!c || c.coveredTo - c.startI < SEED_WORDS * 2) {
        // Another part of the same reply: start over, unless the open chain is already substantial.
        if (c) close(c);
        open.set(r, { reply: r, startI: i, lastI: i, lastJ: positions[0]!, coveredTo: i + SEED_WORDS, shared: SEED_WORDS, verbatim: true });
      }
    }
  }
  for (const c of open.values()) close(c);
  return mergeOverlaps(found);
}

/** Where spans of several replies overlap, keep the one sharing the most words. */
function mergeOverlaps(spans: GhostSpan[]): GhostSpan[] {
  spans.sort((a, b) => a.from - b.from || b.sharedWords - a.sharedWords);
  const out: GhostSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.from < last.to) {
      if (s.sharedWords > last.sharedWords) out[out.length - 1] = s;
      continue;
    }
    out.push(s);
  }
  return out;
}
