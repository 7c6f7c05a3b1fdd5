// Words for comparing wording regardless of case, accents and punctuation ("Élégant," = "elegant"). The guard
// runs on every edit of drafts of 100,000 words, so words are scanned without regular expressions or strings:
// each word becomes a hash of its folded characters.

export interface WordToken {
  norm: string; // lower case, accents removed
  from: number; // UTF-16 offsets in the source text
  to: number;
}

/** Words of a range as parallel arrays: offsets in the text and a 32-bit hash of the folded word. */
export interface WordScan {
  count: number;
  from: Uint32Array;
  to: Uint32Array;
  hash: Uint32Array;
}

const IS_MARK = /\p{M}/u;
const IS_WORD = /[\p{L}\p{N}]/u;
// Folded code of a non-ASCII character: its lower-case base letter, 0 for a combining mark (part of the word but
// not of its spelling), -1 for a character that is not part of words.
const folded = new Map<number, number>();

function foldNonAscii(ch: number): number {
  let v = folded.get(ch);
  if (v !== undefined) return v;
  const s = String.fromCharCode(ch);
  if (ch >= 0xd800 && ch <= 0xdfff) v = -1; // astral characters (emoji…) separate words
  else if (IS_MARK.test(s)) v = 0;
  else if (!IS_WORD.test(s)) v = -1;
  else v = s.toLowerCase().normalize('NFD').charCodeAt(0);
  folded.set(ch, v);
  return v;
}

export function scanWords(text: string, from = 0, to = text.length): WordScan {
  const cap = Math.max(16, ((to - from) >> 2) + 1);
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let hashes = new Uint32Array(cap);
  let count = 0;
  let start = -1;
  let h = 0;
  const push = (end: number) => {
    if (count === starts.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
      hashes = grow(hashes);
    }
    starts[count] = start;
    ends[count] = end;
    hashes[count] = h >>> 0;
    count++;
    start = -1;
  };
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c += 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) c = -1;
    } else c = foldNonAscii(c);
    if (c < 0) {
      if (start >= 0) push(i);
      continue;
    }
    if (start < 0) {
      if (c === 0) continue; // a stray mark does not start a word
      start = i;
      h = 0x811c9dc5;
    }
    if (c > 0) h = Math.imul(h ^ c, 0x01000193); // FNV-1a over folded characters
  }
  if (start >= 0) push(to);
  return { count, from: starts, to: ends, hash: hashes };
}

export function normalizeWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const f = c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : foldNonAscii(c);
    if (f > 0) out += String.fromCharCode(f);
  }
  return out;
}

export function tokenize(text: string, from = 0, to = text.length): WordToken[] {
  const scan = scanWords(text, from, to);
  const out: WordToken[] = [];
  for (let k = 0; k < scan.count; k++) out.push({ norm: normalizeWord(text.slice(scan.from[k], scan.to[k])), from: scan.from[k]!, to: scan.to[k]! });
  return out;
}
