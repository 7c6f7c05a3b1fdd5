// Ghost-text guard: a full check of a 100,000-word draft against 1,000 replies, and the incremental check of one
// edited paragraph, beside the plain re-tokenisation of the same text (the baseline).
import { findGhostSpans, ReplyIndex } from '../shared/ghost-guard.js';
import { tokenize } from '../shared/ghost-words.js';
import { humanParagraphs, prng, replies as corpusReplies } from '../tests/corpus/guard-corpus.js';
import { scoreGuard, sameDomainFalseFlags } from '../tests/corpus/guard-scores.js';
import { ms, ratio, report, time } from './measure.js';

export function guardBench(): void {
  const random = prng(7);
  // 1,000 replies: the corpus replies, then recombinations of their sentences (same vocabulary, new wording).
  const sentences = corpusReplies.flatMap((r) => r.text.split(/(?<=[.!?])\s+/));
  const replies = Array.from({ length: 1000 }, (_, i) => ({
    id: `r${i}`,
    citationNumber: i + 1,
    text: i < corpusReplies.length ? corpusReplies[i]!.text : Array.from({ length: 4 }, () => sentences[Math.floor(random() * sentences.length)]).join(' '),
  }));
  const paragraphs: string[] = [];
  let words = 0;
  while (words < 100_000) {
    const p = humanParagraphs[Math.floor(random() * humanParagraphs.length)]!;
    paragraphs.push(p);
    words += p.split(/\s+/).length;
  }
  const draft = paragraphs.join('\n\n');

  const indexTime = time(() => void new ReplyIndex(replies), 10, 2);
  const index = new ReplyIndex(replies);
  const baseline = time(() => void tokenize(draft), 20);
  const full = time(() => void findGhostSpans(draft, index), 20);
  // Incremental: the paragraph around an edit in the middle of the draft.
  const mid = draft.indexOf('\n\n', draft.length / 2) + 2;
  const end = draft.indexOf('\n\n', mid);
  const incremental = time(() => void findGhostSpans(draft, index, { from: mid, to: end }), 2000);
  const incrementalBaseline = time(() => void tokenize(draft, mid, end), 2000);

  report(`Ghost-text guard — ${words.toLocaleString('en')} words, ${replies.length} replies`, [
    ['index 1,000 replies (once, then per reply)', `p50 ${ms(indexTime.p50)}`],
    ['baseline: tokenise the whole draft', `p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`],
    ['full check', `p50 ${ms(full.p50)}  p95 ${ms(full.p95)}  = ${ratio(full.p50, baseline.p50)} baseline (aim < 50 ms)`],
    ['baseline: tokenise one paragraph', `p50 ${ms(incrementalBaseline.p50)}`],
    ['incremental check (one paragraph)', `p50 ${ms(incremental.p50)}  p99 ${ms(incremental.p99)}  = ${ratio(incremental.p50, incrementalBaseline.p50)} baseline (aim < 2 ms)`],
  ]);

  const s = scoreGuard();
  const f = sameDomainFalseFlags();
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
  const all = s.cases.human + s.cases.verbatim + s.cases.edited + s.cases.paraphrase;
  report('Ghost-text guard — labelled corpus', [
    ['recall, verbatim runs of 8–24 words', pct(s.found.verbatim, s.cases.verbatim)],
    ['recall, lightly edited runs', pct(s.found.edited, s.cases.edited)],
    ['paraphrases flagged (not an aim: the wording is the author’s)', pct(s.found.paraphrase, s.cases.paraphrase)],
    ['false flags, all corpus drafts', pct(s.falseFlags, all)],
    ['false flags, same-book human paragraphs indexed as replies', pct(f.flagged, f.checked)],
  ]);
}
