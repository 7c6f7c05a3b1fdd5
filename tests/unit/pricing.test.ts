import { describe, expect, it } from 'vitest';
import { deprecation, formatContext, formatUsd, isVariablePrice, parsePrice, perMillion, priceLabel } from '../../shared/pricing.js';

describe('parsePrice', () => {
  it('reads OpenRouter string prices as USD per token', () => {
    expect(parsePrice('0.000003')).toBe(0.000003);
    expect(parsePrice('0.00006')).toBe(0.00006);
    expect(parsePrice(0.5)).toBe(0.5);
  });
  it('keeps "0" as free, distinct from unknown', () => {
    expect(parsePrice('0')).toBe(0);
    expect(parsePrice(undefined)).toBeNull();
    expect(parsePrice(null)).toBeNull();
    expect(parsePrice('')).toBeNull();
  });
  it('reads scientific notation', () => {
    expect(parsePrice('3e-6')).toBeCloseTo(0.000003, 12);
    expect(parsePrice('1.5E-7')).toBeCloseTo(1.5e-7, 15);
  });
  it('treats "-1" and other negatives as variable, not as a price', () => {
    expect(parsePrice('-1')).toBeNull();
    expect(parsePrice(-0.5)).toBeNull();
    expect(isVariablePrice('-1')).toBe(true);
    expect(isVariablePrice('0')).toBe(false);
    expect(isVariablePrice(undefined)).toBe(false);
    expect(isVariablePrice('')).toBe(false);
  });
  it('refuses what is not a number, NaN, infinities and absurd amounts', () => {
    for (const v of ['free', 'NaN', 'Infinity', '1e400', '0x10', '1,5', '$3', {}, [], true, Number.NaN, Number.POSITIVE_INFINITY, '5000']) {
      expect(parsePrice(v)).toBeNull();
    }
  });
});

describe('formatting', () => {
  it('gives USD per million tokens', () => {
    expect(perMillion(0.000003)).toBeCloseTo(3, 9);
    expect(perMillion(null)).toBeNull();
    expect(formatUsd(perMillion(0.000003)!)).toBe('$3');
    expect(formatUsd(perMillion(0.00000015)!)).toBe('$0.15');
    expect(formatUsd(perMillion(0.000015)!)).toBe('$15');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(150.4)).toBe('$150');
  });
  it('labels free, variable, unknown and local models apart', () => {
    const base = { local: false, variablePrice: false };
    expect(priceLabel({ ...base, prices: { prompt: 0, completion: 0, request: 0 } })).toEqual({ kind: 'free' });
    expect(priceLabel({ ...base, variablePrice: true, prices: { prompt: null, completion: null, request: null } })).toEqual({ kind: 'variable' });
    expect(priceLabel({ ...base, prices: { prompt: null, completion: 0.00001, request: null } })).toEqual({ kind: 'unknown' });
    expect(priceLabel({ ...base, local: true, prices: { prompt: 0, completion: 0, request: 0 } })).toEqual({ kind: 'local' });
    expect(priceLabel({ ...base, prices: { prompt: 0.000003, completion: 0.000015, request: 0 } })).toEqual({ kind: 'paid', input: '$3', output: '$15' });
  });
  it('writes context lengths short', () => {
    expect(formatContext(131072)).toBe('131K');
    expect(formatContext(1_000_000)).toBe('1M');
    expect(formatContext(512)).toBe('512');
  });
  it('notes a model expiring within 30 days or already expired', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(deprecation('2026-12-20', now)).toBe('soon');
    expect(deprecation('2026-11-01', now)).toBe('past');
    expect(deprecation('2027-06-01', now)).toBeNull();
    expect(deprecation(null, now)).toBeNull();
    expect(deprecation('not a date', now)).toBeNull();
  });
});
