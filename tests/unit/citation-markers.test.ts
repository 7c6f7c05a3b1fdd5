import { describe, expect, it } from 'vitest';
import { citationMarker, findCitationMarkers, scanCode } from '../../shared/citation-markers.js';

const numbers = (text: string) => findCitationMarkers(text).map((m) => m.number);

describe('citationMarker', () => {
  it('writes the footnote-style marker of a citation number', () => {
    expect(citationMarker(1)).toBe('[^c1]');
    expect(citationMarker(42)).toBe('[^c42]');
  });
});

describe('findCitationMarkers', () => {
  it('finds every marker with its offsets, in order', () => {
    const text = 'Le chat dort.[^c2] Il rêve 👩‍👩‍👧 [^c10], encore [^c2].';
    const markers = findCitationMarkers(text);
    expect(markers.map((m) => m.number)).toEqual([2, 10, 2]);
    for (const m of markers) expect(text.slice(m.from, m.to)).toBe(citationMarker(m.number));
  });

  it('ignores what only looks like a marker', () => {
    expect(numbers('[^c0] [^c] [^C1] [^c1x] [c1] ^c1 [^ c1] [^c01]')).toEqual([]);
    expect(numbers('escaped \\[^c1] but not \\\\[^c2]')).toEqual([2]);
  });

  it('ignores markers in fenced code blocks, closed or not, with backticks or tildes, with CRLF', () => {
    expect(numbers('a [^c1]\n```md\n[^c2]\n```\nb [^c3]')).toEqual([1, 3]);
    expect(numbers('a [^c1]\r\n~~~\r\n[^c2]\r\n~~~\r\nb [^c3]')).toEqual([1, 3]);
    expect(numbers('````\n```\n[^c2]\n````\n[^c3]')).toEqual([3]);
    expect(numbers('[^c1]\n```\n[^c2]\n\n[^c3]')).toEqual([1]);
    expect(numbers('   ```\n[^c2]\n   ```\n    ```\n[^c3]')).toEqual([3]);
  });

  it('ignores markers in inline code spans, of any backtick length', () => {
    expect(numbers('type `[^c1]` for [^c2]')).toEqual([2]);
    expect(numbers('``a ` [^c1]`` then [^c2]')).toEqual([2]);
    expect(numbers('a span `across\n[^c1] lines` and [^c2]')).toEqual([2]);
    expect(numbers('no span `across\n\n[^c1] paragraphs` [^c2]')).toEqual([1, 2]);
    expect(numbers('lone ` backtick [^c1]')).toEqual([1]);
  });
});

describe('scanCode', () => {
  it('tells which fence would close a block left open', () => {
    expect(scanCode('text\n````js\ncode').openFence).toBe('````');
    expect(scanCode('~~~\ncode\n~~~').openFence).toBeNull();
    expect(scanCode('plain').openFence).toBeNull();
  });

  it('can read code spans as closing on their own line only', () => {
    const text = 'a `b\nc` d';
    expect(scanCode(text).ranges).toEqual([[2, 7]]);
    expect(scanCode(text, false).ranges).toEqual([]);
  });
});
