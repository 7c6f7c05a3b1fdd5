// Word tokens for comparing wording regardless of case, accents and punctuation ("Élégant," = "elegant").

export interface WordToken {
  norm: string; // lower case, accents removed
  from: number; // UTF-16 offsets in the source text
  to: number;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}+/gu;

export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFD').replace(MARKS, '');
}

export function tokenize(text: string, from = 0, to = text.length): WordToken[] {
  const out: WordToken[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    out.push({ norm: normalizeWord(m[0]), from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/** FNV-1a of a string, 32 bits. */
export function hashWord(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
