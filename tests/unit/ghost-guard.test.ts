import { describe, expect, it } from 'vitest';
import { findGhostSpans, ReplyIndex } from '../../shared/ghost-guard.js';

const replyFr = {
  id: 'r1',
  citationNumber: 1,
  text: "Le paragraphe gagnerait à nommer plus tôt son sujet principal, car le lecteur attend trois phrases avant de comprendre de quoi il s'agit réellement.",
};
const replyEn = {
  id: 'r2',
  citationNumber: 2,
  text: 'The second sentence carries two ideas at once; splitting it would let the contrast with the opening land more clearly for a reader.',
};
const index = new ReplyIndex([replyFr, replyEn]);
const human =
  "J'ai longtemps cru que l'écriture était un exercice solitaire. Puis j'ai compris que relire, c'est déjà dialoguer avec un lecteur absent, et que ce lecteur a ses exigences.";

describe('ghost-text guard', () => {
  it('finds a verbatim run of model wording pasted into a draft, with its citation', () => {
    const copied = 'car le lecteur attend trois phrases avant de comprendre de quoi il';
    const draft = `${human}\n\nMon texte dit ceci, ${copied} parle. Fin.`;
    const spans = findGhostSpans(draft, index);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ replyId: 'r1', citationNumber: 1, verbatim: true });
    expect(draft.slice(spans[0]!.from, spans[0]!.to)).toBe(copied);
  });

  it('sees through case, punctuation, accents and a few changed or inserted words', () => {
    const edited = 'THE SECOND SENTENCE carries two ideas — at once: splitting it up would let the contrast with my opening land clearly';
    const spans = findGhostSpans(`Intro.\n\n${edited}.`, index);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ replyId: 'r2', verbatim: false });
    expect(spans[0]!.sharedWords).toBeGreaterThanOrEqual(12);
    const accents = findGhostSpans('le paragraphe gagnerait a nommer plus tot son sujet principal car', index);
    expect(accents.map((s) => s.replyId)).toEqual(['r1']);
  });

  it('does not flag runs shorter than eight words, paraphrase, or the author’s own text', () => {
    expect(findGhostSpans('Il faut nommer plus tôt son sujet, dit-on.', index)).toEqual([]);
    expect(findGhostSpans('Name the subject early: readers wait three sentences to understand what it is about.', index)).toEqual([]);
    expect(findGhostSpans(human, index)).toEqual([]);
  });

  it('does not flag an explicit quotation block', () => {
    const draft = `${human}\n\n> ${replyEn.text}\n> — model, via Ami [^c2]\n\nSuite.`;
    expect(findGhostSpans(draft, index)).toEqual([]);
  });

  it('checks only the given range for an incremental check, with offsets in the whole text', () => {
    const para = replyEn.text;
    const draft = `${para}\n\n${human}\n\n${para}`;
    const start = draft.lastIndexOf(para);
    const spans = findGhostSpans(draft, index, { from: start, to: draft.length });
    expect(spans).toHaveLength(1);
    expect(spans[0]!.from).toBe(start);
    expect(findGhostSpans(draft, index)).toHaveLength(2);
  });

  it('returns nothing when no reply is stored', () => {
    expect(findGhostSpans(replyFr.text, new ReplyIndex())).toEqual([]);
  });
});
