// The pure pieces of the citations panel: quotations, threads, the anchors given to the editor, status wording.
import { describe, expect, it } from 'vitest';
import { citationThreads } from '../../../renderer/features/citations/citation-threads';
import { editorAnchors } from '../../../renderer/features/citations/editor-anchors';
import { quotationOf } from '../../../renderer/features/citations/quotation';
import { replyStatusText } from '../../../renderer/features/citations/reply-status';
import type { Citation, Consultation, Reply } from '../../../shared/domain';

function consultation(id: string, from = 0, to = 5): Consultation {
  return {
    id,
    draftId: 'd',
    revisionId: 'rev',
    passage: { from, to, text: 'Hello', hash: 'h' },
    kind: 'clarity',
    templateId: 't',
    templateName: 'Clarity',
    question: '',
    language: 'en',
    route: { baseUrl: 'https://openrouter.ai/api/v1', requestedModel: 'anthropic/claude-sonnet-4.5', dataCollection: 'deny' },
    draftHash: 'x',
    createdAt: '2026-03-01T09:00:00.000Z',
    previousId: null,
  };
}

function reply(over: Partial<Reply>): Reply {
  return {
    id: 'r',
    consultationId: 'c',
    turn: 0,
    question: '',
    requestMessages: [],
    text: 'A reply.',
    servedModel: 'anthropic/claude-sonnet-4.5-20250929',
    provider: 'Anthropic',
    generationId: 'gen',
    finishReason: 'stop',
    usage: { promptTokens: 10, completionTokens: 5, cost: 0.001 },
    latencyMs: 100,
    startedAt: '2026-03-01T09:00:00.000Z',
    completedAt: '2026-03-01T09:00:02.000Z',
    status: 'complete',
    error: null,
    citationNumber: 1,
    note: '',
    state: 'kept',
    ...over,
  };
}

const cite = (c: Consultation, r: Partial<Reply>, anchor: Citation['anchor'] = null): Citation => ({
  consultation: c,
  reply: reply({ consultationId: c.id, ...r }),
  anchor,
});

describe('quotationOf', () => {
  it('quotes every line and attributes the served model with the citation marker', () => {
    const q = quotationOf(reply({ text: 'First line.\n\nSecond line.', citationNumber: 3 }));
    expect(q).toBe('> First line.\n>\n> Second line.\n>\n> — anthropic/claude-sonnet-4.5-20250929, via Ami, 2026-03-01 [^c3]\n');
  });

  it('says when the reply is incomplete and when the model is unknown', () => {
    const q = quotationOf(reply({ status: 'interrupted', servedModel: null, completedAt: null, citationNumber: 2 }));
    expect(q).toContain('— an unidentified model, via Ami, 2026-03-01, incomplete reply [^c2]');
  });
});

describe('citationThreads', () => {
  const a = consultation('a');
  const b = consultation('b');
  const list = [
    cite(a, { id: 'r1', citationNumber: 1 }),
    cite(b, { id: 'r2', citationNumber: 2, state: 'dismissed' }),
    cite(a, { id: 'r3', citationNumber: 3, turn: 1 }),
  ];

  it('groups follow-ups with their consultation, most recent activity first', () => {
    const threads = citationThreads(list, true);
    expect(threads.map((t) => t.consultationId)).toEqual(['a', 'b']);
    expect(threads[0]!.citations.map((c) => c.reply.id)).toEqual(['r1', 'r3']);
  });

  it('hides dismissed citations unless asked to show them', () => {
    expect(citationThreads(list, false).map((t) => t.consultationId)).toEqual(['a']);
  });
});

describe('editorAnchors', () => {
  it('gives one anchor per consultation, preferring the editor position, then the stored anchor, then the passage', () => {
    const a = consultation('a', 0, 5);
    const b = consultation('b', 10, 15);
    const c = consultation('c', 20, 25);
    const anchors = editorAnchors(
      [
        cite(a, { id: 'r1', citationNumber: 4 }),
        cite(b, { id: 'r2', citationNumber: 2 }, { consultationId: 'b', from: 11, to: 16, status: 'edited' }),
        cite(c, { id: 'r3', citationNumber: 3 }),
        cite(a, { id: 'r4', citationNumber: 1, turn: 1 }),
      ],
      [{ consultationId: 'c', from: 30, to: 35, status: 'current' }],
    );
    expect(anchors).toEqual([
      { consultationId: 'a', from: 0, to: 5, passageText: 'Hello', citationNumbers: [1, 4] },
      { consultationId: 'b', from: 11, to: 16, passageText: 'Hello', citationNumbers: [2] },
      { consultationId: 'c', from: 30, to: 35, passageText: 'Hello', citationNumbers: [3] },
    ]);
  });
});

describe('replyStatusText', () => {
  it('never calls an unfinished reply complete', () => {
    expect(replyStatusText({ status: 'complete', error: null })).toBe('Complete');
    expect(replyStatusText({ status: 'interrupted', error: null })).toBe('Incomplete — the reply was cut off');
    expect(replyStatusText({ status: 'failed', error: { kind: 'bad_key', message: 'The key was refused.' } })).toBe('Failed — The key was refused.');
    expect(replyStatusText({ status: 'streaming', error: null })).not.toMatch(/complete/i);
  });
});
