// Re-finding a reviewed passage after the text changed where the editor could not follow it (an edited .md
// imported back, an archive, a crash between an edit and the save of the anchors).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRelocator, relocatePassage } from '../../shared/anchor-relocate.js';

const PASSAGE = "L'auteur écrit seul, puis il demande à un ami expert si ce paragraphe est clair.";
const TEXT = `Premier paragraphe, sans rapport.\n\n${PASSAGE}\n\nUn dernier paragraphe pour finir.`;
const at = TEXT.indexOf(PASSAGE);
const hint = { from: at, to: at + PASSAGE.length };

describe('relocatePassage', () => {
  it('is current where it was', () => {
    expect(relocatePassage(TEXT, PASSAGE, hint)).toEqual({ ...hint, status: 'current' });
  });

  it('follows the exact passage when text was added before it', () => {
    const text = `Un paragraphe ajouté en tête, hors de l'éditeur.\n\n${TEXT}`;
    const r = relocatePassage(text, PASSAGE, hint);
    expect(r.status).toBe('current');
    expect(text.slice(r.from, r.to)).toBe(PASSAGE);
  });

  it('picks the occurrence nearest to where it was when the passage appears twice', () => {
    const text = `${PASSAGE}\n\n${'Du texte entre les deux. '.repeat(20)}\n\n${PASSAGE}`;
    const second = text.lastIndexOf(PASSAGE);
    expect(relocatePassage(text, PASSAGE, { from: second - 3, to: second - 3 + PASSAGE.length }).from).toBe(second);
    expect(relocatePassage(text, PASSAGE, { from: 2, to: 2 + PASSAGE.length }).from).toBe(0);
  });

  it('finds an edited passage (a few words changed) as edited, covering the new words', () => {
    const edited = "L'auteur écrit d'abord seul, puis il demande à une amie experte si ce paragraphe est clair.";
    const text = `Nouveau début.\n\n${TEXT.replace(PASSAGE, edited)}`;
    const r = relocatePassage(text, PASSAGE, hint);
    expect(r.status).toBe('edited');
    expect(text.slice(r.from, r.to)).toBe(edited);
  });

  it('counts a passage whose accents and case were corrected as the same words, edited', () => {
    const corrected = PASSAGE.replace('écrit', 'Ecrit').replace('à', 'a');
    const text = TEXT.replace(PASSAGE, corrected);
    const r = relocatePassage(text, PASSAGE, { from: 0, to: 5 });
    expect(r.status).toBe('edited');
    expect(text.slice(r.from, r.to)).toBe(corrected);
  });

  it('finds an edited passage that moved far away', () => {
    const edited = "L'auteur écrit seul, puis il demande à un lecteur expert si ce paragraphe est assez clair.";
    const text = `Un dernier paragraphe pour finir.\n\n${'Autre chose. '.repeat(200)}\n\n${edited}`;
    const r = relocatePassage(text, PASSAGE, hint);
    expect(r.status).toBe('edited');
    expect(text.slice(r.from, r.to)).toBe(edited);
  });

  it('is lost when the passage was deleted, collapsed where it was', () => {
    const text = TEXT.replace(PASSAGE, '');
    const r = relocatePassage(text, PASSAGE, hint);
    expect(r.status).toBe('lost');
    expect(r.from).toBe(r.to);
  });

  it('is lost, not matched to stray common words, when only a few words remain', () => {
    const text = 'Il demande si ce paragraphe est long. Rien d’autre.';
    expect(relocatePassage(text, PASSAGE, { from: 0, to: 10 }).status).toBe('lost');
  });

  it('never returns a range outside the text, whatever the hint and text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 60 }), fc.integer(), fc.integer(), (text, passage, from, to) => {
        const r = createRelocator(text)(passage, { from, to });
        expect(r.from).toBeGreaterThanOrEqual(0);
        expect(r.to).toBeGreaterThanOrEqual(r.from);
        expect(r.to).toBeLessThanOrEqual(text.length);
        if (r.status === 'current') expect(text.slice(r.from, r.to)).toBe(passage);
      }),
      { numRuns: 300 },
    );
  });
});
