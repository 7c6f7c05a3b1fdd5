import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampRange, paragraphAt, sliceRange, wordCount } from '../../shared/text-range.js';

const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('paragraphAt', () => {
  const text = 'First line\nstill first.\n\n  Second paragraph.  \n   \nThird.';
  const at = (pos: number) => {
    const r = paragraphAt(text, pos);
    return r && text.slice(r.from, r.to);
  };

  it('returns the paragraph around a position, trimmed', () => {
    expect(at(0)).toBe('First line\nstill first.');
    expect(at(text.indexOf('still'))).toBe('First line\nstill first.');
    expect(at(text.indexOf('Second') - 2)).toBe('Second paragraph.');
    expect(at(text.indexOf('paragraph.') + 12)).toBe('Second paragraph.');
    expect(at(text.length)).toBe('Third.');
  });

  it('returns null on a blank line', () => {
    expect(paragraphAt(text, text.indexOf('\n\n') + 1)).toBeNull();
    expect(paragraphAt(text, text.indexOf('   \n') + 1)).toBeNull();
    expect(paragraphAt('', 0)).toBeNull();
    expect(paragraphAt('\n\nA', 0)).toBeNull();
  });

  it('handles CRLF line endings', () => {
    const crlf = 'Un.\r\nDeux.\r\n\r\nTrois.\r\n';
    const r = paragraphAt(crlf, 1)!;
    expect(crlf.slice(r.from, r.to)).toBe('Un.\r\nDeux.');
    const t = paragraphAt(crlf, crlf.indexOf('Trois'))!;
    expect(crlf.slice(t.from, t.to)).toBe('Trois.');
    expect(paragraphAt(crlf, crlf.indexOf('\r\n\r\n') + 2)).toBeNull();
  });

  it('clamps a position outside the text', () => {
    expect(paragraphAt('Solo.', 99)).toEqual({ from: 0, to: 5 });
    expect(paragraphAt('Solo.', -3)).toEqual({ from: 0, to: 5 });
  });
});

describe('clampRange and sliceRange', () => {
  it('orders, truncates and clamps the ends', () => {
    expect(clampRange('abcdef', 4, 1)).toEqual({ from: 1, to: 4 });
    expect(clampRange('abcdef', -5, 99)).toEqual({ from: 0, to: 6 });
    expect(clampRange('abcdef', 1.7, Number.NaN)).toEqual({ from: 0, to: 1 });
  });

  it('never splits a surrogate pair, an emoji sequence, a flag or a letter from its accent', () => {
    const smile = 'a😀b';
    expect(clampRange(smile, 2, 3)).toEqual({ from: 1, to: 3 });
    expect(clampRange(smile, 0, 2)).toEqual({ from: 0, to: 3 });
    const family = 'x👩‍👩‍👧y';
    expect(sliceRange(family, 3, 5)).toBe('👩‍👩‍👧');
    const flags = '🇫🇷🇬🇧';
    expect(sliceRange(flags, 1, 3)).toBe('🇫🇷');
    const accent = 'Cafe\u0301 noir';
    expect(sliceRange(accent, 0, 4)).toBe('Cafe\u0301');
    expect(sliceRange(accent, 4, 8)).toBe('e\u0301 no');
  });

  it('keeps an empty range empty', () => {
    expect(clampRange('a😀b', 2, 2)).toEqual({ from: 1, to: 1 });
  });

  it('yields no lone surrogate for any range of any text', () => {
    const pieces = fc.constantFrom('a', 'é', 'e\u0301', '😀', '👩‍👩‍👧', '🇫🇷', '\r\n', ' ', '中');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.integer({ min: -3, max: 80 }), fc.integer({ min: -3, max: 80 }), (parts, a, b) => {
        const text = parts.join('');
        const slice = sliceRange(text, a, b);
        expect(hasLoneSurrogate(slice)).toBe(false);
        const r = clampRange(text, a, b);
        expect(r.from).toBeLessThanOrEqual(r.to);
        expect(text.slice(r.from, r.to)).toBe(slice);
      }),
    );
  });
});

describe('wordCount', () => {
  it('counts words as a writer does, in English and French', () => {
    expect(wordCount('The cat sat on the mat.')).toBe(6);
    expect(wordCount("Aujourd'hui, l'homme qu’on attendait est arrivé.")).toBe(6);
    expect(wordCount('A well-known, state-of-the-art idea: 42 times!')).toBe(6);
    expect(wordCount('Cafe\u0301 😀 👩‍👩‍👧 — ...')).toBe(1);
    expect(wordCount('Un.\r\nDeux.\r\n\r\nTrois.')).toBe(3);
    expect(wordCount('')).toBe(0);
    expect(wordCount('   \n\t ')).toBe(0);
  });
});
