// Scores the guard on the labelled corpus: recall per kind of copy, and false flags on purely human paragraphs.
import { findGhostSpans, ReplyIndex } from '../../shared/ghost-guard.js';
import { buildCorpus, humanByLanguage, replies, type CaseKind } from './guard-corpus.js';

export interface GuardScores {
  cases: Record<CaseKind, number>;
  found: Record<CaseKind, number>; // copies found (span overlapping the copy, attributed to the right reply)
  falseFlags: number; // flags outside the copied run (on human text)
}

export function scoreGuard(seed = 1): GuardScores {
  const index = new ReplyIndex(replies);
  const cases = { verbatim: 0, edited: 0, paraphrase: 0, human: 0 };
  const found = { verbatim: 0, edited: 0, paraphrase: 0, human: 0 };
  let falseFlags = 0;
  for (const c of buildCorpus(seed)) {
    cases[c.kind]++;
    const spans = findGhostSpans(c.draft, index);
    const hit = c.copied && spans.some((s) => s.from < c.copied!.to && c.copied!.from < s.to && s.replyId === `reply-${c.copied!.replyIndex}`);
    if (hit) found[c.kind]++;
    const outside = spans.filter((s) => !c.copied || s.to <= c.copied.from || s.from >= c.copied.to);
    if (c.kind === 'human' ? spans.length > 0 : outside.length > 0) falseFlags++;
  }
  return { cases, found, falseFlags };
}

/**
 * A harder false-flag check: within each language, half of the human paragraphs are indexed as if they were
 * replies (same book, same subjects, same stock phrases) and the other half must not be flagged. Languages are
 * kept apart because the French paragraphs translate the English ones and rightly share their proper names.
 */
export function sameDomainFalseFlags(): { checked: number; flagged: number } {
  let checked = 0;
  let flagged = 0;
  for (const paragraphs of [humanByLanguage.en, humanByLanguage.fr]) {
    const index = new ReplyIndex(paragraphs.filter((_, i) => i % 2 === 0).map((text, i) => ({ id: `h${i}`, citationNumber: i + 1, text })));
    const others = paragraphs.filter((_, i) => i % 2 === 1);
    checked += others.length;
    flagged += others.filter((p) => findGhostSpans(p, index).length > 0).length;
  }
  return { checked, flagged };
}
