// The editor's paragraph walk (over the document's chunks) finds the same paragraph as the plain-string one in
// shared/, on documents large enough to span many of CodeMirror's leaves, with blank and whitespace-only lines.
import { describe, expect, it } from 'vitest';
import { EditorState, Text } from '@codemirror/state';
import { paragraphAround, passageAt, passageHeadAt } from '../../../renderer/editor/passage-at-cursor';
import { paragraphRange } from '../../../renderer/editor/ghost-marks';
import { paragraphAt } from '../../../shared/text-range';
import { prng } from '../../corpus/guard-corpus';

function randomDraft(seed: number): string {
  const random = prng(seed);
  const kinds = ['', '   ', '\t', 'Une ligne.', 'another line of words', ' indented', 'x', 'ligne finale  '];
  const lines: string[] = [];
  const count = 200 + Math.floor(random() * 3000);
  for (let i = 0; i < count; i++) lines.push(random() < 0.2 ? kinds[Math.floor(random() * 3)]! : kinds[3 + Math.floor(random() * 5)]!);
  return lines.join('\n');
}

describe('paragraphAround', () => {
  it('agrees with paragraphAt everywhere in random drafts', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const text = randomDraft(seed);
      const doc = Text.of(text.split('\n'));
      const random = prng(seed * 31);
      for (let k = 0; k < 300; k++) {
        const pos = k < 2 ? [0, text.length][k]! : Math.floor(random() * (text.length + 1));
        const expected = paragraphAt(text, pos);
        const found = paragraphAround(doc, pos);
        expect(found && { from: found.from, to: found.to }, `seed ${seed} pos ${pos}`).toEqual(expected);
        if (found) expect(found.text).toBe(text.slice(found.from, found.to));
      }
    }
  });

  it('crosses a paragraph of a million lines', () => {
    const lines = Array.from({ length: 1_000_000 }, (_, i) => `L${i}`);
    const doc = Text.of(['Avant.', '', ...lines, '', 'Après.']);
    const inside = doc.line(500_000).from + 1;
    const found = paragraphAround(doc, inside)!;
    expect(found.from).toBe(doc.line(3).from);
    expect(found.to).toBe(doc.line(1_000_002).to);
    expect(paragraphRange(doc, inside, inside)).toEqual({ from: found.from, to: found.to });
  });
});

describe('passageHeadAt', () => {
  it('is the start of passageAt, for cursors and selections', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const text = randomDraft(seed);
      const doc = Text.of(text.split('\n'));
      const random = prng(seed * 17);
      for (let k = 0; k < 200; k++) {
        const a = Math.floor(random() * (text.length + 1));
        const b = k % 3 === 0 ? Math.floor(random() * (text.length + 1)) : a;
        const state = EditorState.create({ doc, selection: { anchor: a, head: b } });
        const full = passageAt(state);
        const head = passageHeadAt(state, 40);
        if (!full) {
          expect(head).toBeNull();
          continue;
        }
        // The head is read from where the passage's first line (or the selection) starts, whitespace included.
        const rawFrom = state.selection.main.empty ? doc.lineAt(full.from).from : state.selection.main.from;
        const expected = full.text.slice(0, Math.max(0, 40 - (full.from - rawFrom))).trim() || null;
        expect(head, `seed ${seed} ${a}-${b}`).toBe(expected);
      }
    }
  });
});
