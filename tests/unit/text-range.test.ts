import { describe, expect, it } from 'vitest';
import { paragraphAt } from '../../shared/text-range.js';


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
