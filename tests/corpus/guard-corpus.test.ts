// The guard's aims, measured on the labelled corpus (counts, not time): recall ≥ 99% on verbatim runs of 8+ words,
// ≥ 90% on lightly edited ones, false flags on human text ≤ 1%.
import { describe, expect, it } from 'vitest';
import { sameDomainFalseFlags, scoreGuard } from './guard-scores.js';

describe('ghost-text guard on the labelled corpus', () => {
  const s = scoreGuard();
  const pct = (n: number, d: number) => (100 * n) / d;

  it('has the corpus it claims: 300 human paragraphs in two languages and 800 copies', () => {
    expect(s.cases.human).toBe(300);
    expect(s.cases.verbatim).toBe(400);
    expect(s.cases.edited).toBe(400);
  });

  it('finds at least 99% of verbatim copies', () => {
    expect(pct(s.found.verbatim, s.cases.verbatim)).toBeGreaterThanOrEqual(99);
  });

  it('finds at least 90% of lightly edited copies', () => {
    expect(pct(s.found.edited, s.cases.edited)).toBeGreaterThanOrEqual(90);
  });

  it('flags at most 1% of drafts outside the copied wording', () => {
    const drafts = s.cases.human + s.cases.verbatim + s.cases.edited + s.cases.paraphrase;
    expect(pct(s.falseFlags, drafts)).toBeLessThanOrEqual(1);
    expect(s.found.human).toBe(0);
  });

  it('flags at most 1% of human paragraphs when other paragraphs of the same books are indexed', () => {
    const f = sameDomainFalseFlags();
    expect(f.checked).toBe(150);
    expect(pct(f.flagged, f.checked)).toBeLessThanOrEqual(1);
  });
});
