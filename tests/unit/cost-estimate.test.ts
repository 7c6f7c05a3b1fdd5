import { describe, expect, it } from 'vitest';
import { costFromTokens, estimateCost, estimatePromptTokens, expectedCompletionTokens, priceFrom, worstCase } from '../../shared/cost-estimate.js';
import type { ChatMessage } from '../../shared/domain.js';

const messages: ChatMessage[] = [
  { role: 'system', content: 's'.repeat(400) },
  { role: 'user', content: 'u'.repeat(1_600) },
];
const sonnet = { prompt: 0.000003, completion: 0.000015, request: 0 };

describe('the cost estimate before sending', () => {
  it('counts prompt tokens from the exact messages, as a range around characters / 4', () => {
    const t = estimatePromptTokens(messages);
    expect(t.low).toBe(2000 / 5 + 8);
    expect(t.high).toBe(Math.ceil(2000 / 3) + 8);
    expect(t.low).toBeLessThan(2000 / 4 + 8);
    expect(t.high).toBeGreaterThan(2000 / 4 + 8);
  });

  it('expects the reply length of the kind of request; proofreading follows the passage', () => {
    const short = expectedCompletionTokens('proofread', 400);
    const long = expectedCompletionTokens('proofread', 8000);
    expect(long.low).toBeGreaterThan(short.high);
    expect(long.low).toBeLessThanOrEqual(2000);
    expect(long.high).toBeGreaterThanOrEqual(2000);
    const clarity = expectedCompletionTokens('clarity', 8000);
    expect(clarity.low).toBeLessThanOrEqual(300);
    expect(clarity.high).toBeGreaterThanOrEqual(300);
    const explore = expectedCompletionTokens('explore', 100);
    expect(explore.low).toBeLessThanOrEqual(600);
    expect(explore.high).toBeGreaterThanOrEqual(600);
  });

  it('prices the range with the model’s USD-per-token prices', () => {
    const e = estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: sonnet });
    expect(e.kind).toBe('range');
    if (e.kind !== 'range') return;
    expect(e.low).toBeCloseTo(e.promptTokens.low * 0.000003 + e.completionTokens.low * 0.000015, 12);
    expect(e.high).toBeCloseTo(e.promptTokens.high * 0.000003 + e.completionTokens.high * 0.000015, 12);
    expect(e.low).toBeLessThan(e.high);
    expect(worstCase(e)).toBe(e.high);
  });

  it('adds a per-request price, and says free, unknown or variable when that is what the prices say', () => {
    const withFee = estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: { ...sonnet, request: 0.01 } });
    const without = estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: sonnet });
    expect(withFee.kind === 'range' && without.kind === 'range' && withFee.low - without.low).toBeCloseTo(0.01, 10);
    expect(estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: { prompt: 0, completion: 0, request: 0 } }).kind).toBe('free');
    expect(estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: null }).kind).toBe('unknown');
    expect(estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: { prompt: 0.000001, completion: null, request: null } }).kind).toBe('unknown');
    expect(estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: { prompt: -1, completion: -1, request: 0 } }).kind).toBe('variable');
    expect(worstCase(estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: null }))).toBeNull();
    expect(worstCase(estimateCost({ messages, kind: 'clarity', passageChars: 200, prices: { prompt: 0, completion: 0, request: 0 } }))).toBe(0);
  });

  it('reads OpenRouter’s price strings and computes a finished reply’s cost from its tokens', () => {
    expect(priceFrom('0.000003')).toBe(0.000003);
    expect(priceFrom('0')).toBe(0);
    expect(priceFrom('-1')).toBe(-1);
    expect(priceFrom('n/a')).toBeNull();
    expect(priceFrom(null)).toBeNull();
    expect(costFromTokens(1000, 100, sonnet)).toBeCloseTo(0.003 + 0.0015, 12);
    expect(costFromTokens(null, 100, sonnet)).toBeNull();
    expect(costFromTokens(1000, 100, null)).toBeNull();
  });
});
