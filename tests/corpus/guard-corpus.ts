// The labelled corpus of the ghost-text guard, built deterministically: drafts made of human paragraphs (real
// text by people) into which runs of model replies are copied verbatim, lightly edited, or paraphrased.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../shared/ghost-words.js';
import type { GuardReply } from '../../shared/ghost-guard.js';

const here = import.meta.dirname;
const human = JSON.parse(readFileSync(join(here, 'human-paragraphs.json'), 'utf8')) as { en: string[]; fr: string[] };
const model = JSON.parse(readFileSync(join(here, 'model-replies.json'), 'utf8')) as {
  replies: string[];
  paraphrases: { reply: number; text: string }[];
};

export type CaseKind = 'verbatim' | 'edited' | 'paraphrase' | 'human';
export interface CorpusCase {
  kind: CaseKind;
  draft: string;
  /** Where the copied run is in the draft (null for human text). */
  copied: { from: number; to: number; replyIndex: number } | null;
}

export const humanByLanguage = { en: human.en, fr: human.fr };
export const humanParagraphs = [...human.en, ...human.fr];
export const replies: GuardReply[] = model.replies.map((text, i) => ({ id: `reply-${i}`, citationNumber: i + 1, text }));

/** mulberry32: a seeded PRNG so the corpus is the same on every run. */
export function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: T[]): T => list[Math.floor(random() * list.length)]!;

/** A run of `n` words of the reply, as it is written there (punctuation included). */
function runOf(random: () => number, text: string, n: number): string {
  const words = tokenize(text);
  const start = Math.floor(random() * Math.max(1, words.length - n));
  const end = Math.min(words.length, start + n);
  return text.slice(words[start]!.from, words[end - 1]!.to);
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');

/** What an author does when tidying a copied run: case, punctuation, accents, a word or two changed or added. */
function lightlyEdit(random: () => number, run: string, filler: string[]): string {
  let words = run.split(/\s+/);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * words.length);
    const what = random();
    if (what < 0.35) words[at] = pick(random, filler);
    else if (what < 0.6) words.splice(at, 0, pick(random, filler));
    else if (what < 0.8) words[at] = words[at]!.replace(/[,.;:!?«»"'’()]/g, '');
    else words[at] = words[at]!.toUpperCase();
  }
  if (random() < 0.5) words = words.map(stripAccents);
  if (random() < 0.3) words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return words.join(' ');
}

/** Puts `insert` between two sentences of a human paragraph. */
function embed(random: () => number, paragraph: string, insert: string): { draft: string; from: number; to: number } {
  const cuts = [...paragraph.matchAll(/[.!?] /g)].map((m) => m.index! + 2);
  const cut = cuts.length ? pick(random, cuts) : paragraph.length;
  const before = paragraph.slice(0, cut) + (cut === paragraph.length ? ' ' : '');
  const draft = `${before}${insert}. ${paragraph.slice(cut)}`;
  return { draft, from: before.length, to: before.length + insert.length };
}

export function buildCorpus(seed = 1): CorpusCase[] {
  const random = prng(seed);
  const filler = humanParagraphs.flatMap((p) => p.split(/\s+/)).filter((w) => /^[\p{L}]{3,10}$/u.test(w));
  const cases: CorpusCase[] = humanParagraphs.map((draft) => ({ kind: 'human', draft, copied: null }));
  for (let k = 0; k < 400; k++) {
    const replyIndex = Math.floor(random() * replies.length);
    const run = runOf(random, replies[replyIndex]!.text, 8 + Math.floor(random() * 17));
    const e = embed(random, pick(random, humanParagraphs), run);
    cases.push({ kind: 'verbatim', draft: e.draft, copied: { from: e.from, to: e.to, replyIndex } });
  }
  for (let k = 0; k < 400; k++) {
    const replyIndex = Math.floor(random() * replies.length);
    const run = lightlyEdit(random, runOf(random, replies[replyIndex]!.text, 12 + Math.floor(random() * 17)), filler);
    const e = embed(random, pick(random, humanParagraphs), run);
    cases.push({ kind: 'edited', draft: e.draft, copied: { from: e.from, to: e.to, replyIndex } });
  }
  for (const p of model.paraphrases) {
    const e = embed(random, pick(random, humanParagraphs), p.text.replace(/\.$/, ''));
    cases.push({ kind: 'paraphrase', draft: e.draft, copied: { from: e.from, to: e.to, replyIndex: p.reply } });
  }
  return cases;
}
