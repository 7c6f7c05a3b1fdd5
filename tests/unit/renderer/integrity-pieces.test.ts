// The pure pieces behind authorship integrity in the UI: the passage timeline, "Ask again", block insertion,
// the paragraphs the in-editor guard re-checks, word diffs.
import { describe, expect, it } from 'vitest';
import { Text } from '@codemirror/state';
import type { Consultation, Revision } from '../../../shared/domain';
import { wordDiff } from '../../../renderer/components/word-diff';
import { blockInsertion } from '../../../renderer/editor/block-insertion';
import { paragraphRange } from '../../../renderer/editor/ghost-marks';
import { askAgainInput } from '../../../renderer/features/citations/ask-again';
import { consultationChain, passageTimeline } from '../../../renderer/features/history/passage-timeline';

function consultation(id: string, createdAt: string, text: string, from: number, previousId: string | null = null): Consultation {
  return {
    id,
    draftId: 'd',
    revisionId: 'r',
    passage: { from, to: from + text.length, text, hash: 'h' },
    kind: 'clarity',
    templateId: null,
    templateName: '',
    question: 'Is it clear?',
    language: 'en',
    route: { baseUrl: 'http://127.0.0.1', requestedModel: 'anthropic/claude-sonnet-4.5', dataCollection: 'deny' },
    draftHash: 'h',
    createdAt,
    previousId,
  };
}

function revision(id: string, createdAt: string, text: string): Revision {
  return { id, draftId: 'd', createdAt, reason: 'autosave', textHash: id, length: text.length, text };
}

const P = 'The harbour town wakes slowly in winter, and the fishermen mend their nets.';
const P2 = 'The harbour town wakes slowly in deep winter, and the old fishermen mend their nets.';
const OTHER = 'Nobody remembers when the lighthouse was last painted.';

describe('passageTimeline', () => {
  it('lists the revisions where the passage changed between the consultations about it, in date order', () => {
    const a = consultation('a', '2026-01-01T10:00:00.000Z', P, 0);
    const b = consultation('b', '2026-01-01T12:00:00.000Z', P2, 0, 'a');
    const unrelated = consultation('c', '2026-01-01T11:00:00.000Z', OTHER, P.length + 2);
    const revisions = [
      revision('r1', '2026-01-01T10:00:00.000Z', `${P}\n\n${OTHER}`),
      revision('r2', '2026-01-01T10:30:00.000Z', `${P}\n\n${OTHER} Painted.`), // the passage itself did not change
      revision('r3', '2026-01-01T12:00:00.000Z', `${P2}\n\n${OTHER} Painted.`), // recorded as b started
      revision('r4', '2026-01-01T13:00:00.000Z', OTHER),
    ];
    const chain = consultationChain('a', [b, unrelated, a]);
    expect(chain.map((c) => c.id)).toEqual(['a', 'b']);
    const timeline = passageTimeline(chain, revisions);
    expect(timeline.map((e) => (e.type === 'consultation' ? e.consultation.id : e.revisionId))).toEqual(['a', 'r3', 'b', 'r4']);
    expect(timeline[1]).toMatchObject({ before: P, after: P2 });
    expect(timeline[3]).toMatchObject({ before: P2, after: null });
  });

  it('follows the chain from any of its consultations', () => {
    const a = consultation('a', '2026-01-01T10:00:00.000Z', P, 0);
    const b = consultation('b', '2026-01-01T12:00:00.000Z', P2, 0, 'a');
    const c = consultation('c', '2026-01-01T13:00:00.000Z', P2, 0, 'b');
    expect(consultationChain('c', [c, b, a]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('askAgainInput', () => {
  const old = consultation('a', '2026-01-01T10:00:00.000Z', P, 0);
  it('asks the same way about today’s passage, linked to the old consultation', () => {
    const text = `${P2}\n\n${OTHER}`;
    expect(askAgainInput(old, text, { consultationId: 'a', from: 0, to: P2.length, status: 'edited' })).toEqual({
      text,
      from: 0,
      to: P2.length,
      kind: 'clarity',
      question: 'Is it clear?',
      model: 'anthropic/claude-sonnet-4.5',
      previousId: 'a',
    });
  });
  it('has nothing to ask about a deleted passage', () => {
    expect(askAgainInput(old, OTHER, { consultationId: 'a', from: 3, to: 3, status: 'lost' })).toBeNull();
  });
});

describe('blockInsertion', () => {
  it('puts a quotation on lines of its own', () => {
    expect(blockInsertion('', '', '> q\n')).toBe('> q\n');
    expect(blockInsertion('text', '', '> q\n')).toBe('\n\n> q\n');
    expect(blockInsertion('t\n', 'more', '> q')).toBe('\n> q\n\n');
    expect(blockInsertion('\n\n', '\n\nnext', '> q\n')).toBe('> q');
  });
});

describe('paragraphRange', () => {
  it('widens a change to its whole paragraph, blank lines being the limits', () => {
    const doc = Text.of(['one', 'two', '', 'three', 'four', '', 'five']);
    const three = doc.line(4).from;
    expect(paragraphRange(doc, three + 1, three + 2)).toEqual({ from: three, to: doc.line(5).to });
    expect(paragraphRange(doc, 0, 0)).toEqual({ from: 0, to: doc.line(2).to });
  });
});

describe('wordDiff', () => {
  it('keeps unchanged words and marks removed and added ones', () => {
    const parts = wordDiff('the old house', 'the new house');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['old']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['new']);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('the old house');
  });
});
