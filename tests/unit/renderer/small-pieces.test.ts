import { describe, expect, it } from 'vitest';
import { LiveReplies } from '../../../renderer/features/ask/live-replies';
import { requestOptions } from '../../../renderer/features/ask/request-options';
import { pasteQuotation, pasteSourceName, pasteSources } from '../../../renderer/features/drafts/paste-guard';
import { snippetParts } from '../../../renderer/features/drafts/snippet-parts';
import { ReplyIndex } from '../../../shared/ghost-guard';
import type { GuardReplyInfo, Reply, Template } from '../../../shared/domain';

describe('snippetParts', () => {
  it('splits on the match markers and keeps markup as plain text', () => {
    expect(snippetParts('a <b>\u0002cat\u0003 sat on \u0002mat\u0003')).toEqual([
      { text: 'a <b>', match: false },
      { text: 'cat', match: true },
      { text: ' sat on ', match: false },
      { text: 'mat', match: true },
    ]);
  });
});

describe('requestOptions', () => {
  it('lists the five kinds first, then the author’s templates, never the built-in templates twice', () => {
    const t = (id: string, name: string, builtin: boolean): Template => ({ id, kind: 'custom', language: 'en', name, instruction: 'x', builtin, updatedAt: '' });
    const options = requestOptions([t('b1', 'Clarity', true), t('c2', 'Tone', false), t('c1', 'Dialogue', false)]);
    expect(options.map((o) => o.label)).toEqual(['Clarity', 'Suggestions', 'Proofreading', 'Question', 'Explore', 'Dialogue', 'Tone']);
    expect(options[5]).toMatchObject({ value: 'template:c1', templateId: 'c1', kind: 'custom' });
  });
});

describe('LiveReplies', () => {
  it('accumulates deltas that arrive before anyone asked, then keeps the stored reply', () => {
    const live = new LiveReplies();
    const changed: string[] = [];
    const ended: string[] = [];
    live.subscribe((id) => changed.push(id));
    live.onEnd((r) => ended.push(r.id));
    live.apply({ type: 'reply:delta', replyId: 'r1', consultationId: 'c', delta: 'Hel' });
    live.apply({ type: 'reply:delta', replyId: 'r1', consultationId: 'c', delta: 'lo' });
    expect(live.get('r1')!.text).toBe('Hello');
    const stored = { id: 'r1', text: 'Hello!', status: 'complete' } as Reply;
    live.apply({ type: 'reply:end', replyId: 'r1', consultationId: 'c', reply: stored });
    live.apply({ type: 'reply:delta', replyId: 'r1', consultationId: 'c', delta: 'late' });
    expect(live.get('r1')).toMatchObject({ text: 'Hello!', final: stored });
    expect(changed).toEqual(['r1', 'r1', 'r1']);
    expect(ended).toEqual(['r1']);
  });
});

describe('paste guard', () => {
  const replyText = 'The garden behind the old house had grown wild over the long and quiet winter months.';
  const index = new ReplyIndex([
    { id: 'r', citationNumber: 7, text: replyText },
    { id: 'x', citationNumber: 2, text: 'A lighthouse keeper counted the ships that passed the rocks every single night of the year.' },
  ]);
  const replies = new Map<string, GuardReplyInfo>([
    ['r', { id: 'r', draftId: 'd1', citationNumber: 7, servedModel: 'anthropic/claude-sonnet-4.5-20250929', text: replyText }],
    ['x', { id: 'x', draftId: 'd2', citationNumber: 2, servedModel: null, text: '' }],
  ]);

  it('names the citation a pasted reply reproduces, and a reply kept in another draft as such', () => {
    const here = pasteSources(replyText, index, replies, 'd1');
    expect(here).toEqual([{ replyId: 'r', citationNumber: 7, otherDraftCitation: null, servedModel: 'anthropic/claude-sonnet-4.5-20250929' }]);
    expect(pasteSourceName(here[0]!)).toBe('citation [7]');
    const elsewhere = pasteSources('A lighthouse keeper counted the ships that passed the rocks every single night.', index, replies, 'd1');
    expect(elsewhere.map(pasteSourceName)).toEqual(['a reply kept in another draft (its citation [2])']);
  });

  it('lets the author’s own words and quoted replies through', () => {
    expect(pasteSources('Something I wrote myself about a different matter entirely.', index, replies, 'd1')).toEqual([]);
    expect(pasteSources(`> ${replyText}\n>\n> — model [^c7]`, index, replies, 'd1')).toEqual([]);
  });

  it('quotes the pasted text as a blockquote attributed to the served model with its marker, which the guard then accepts', () => {
    const sources = pasteSources(replyText, index, replies, 'd1');
    const q = pasteQuotation(`${replyText}\n\nSecond line.`, sources);
    expect(q).toBe(`> ${replyText}\n>\n> Second line.\n>\n> — anthropic/claude-sonnet-4.5-20250929 [^c7]\n`);
    expect(pasteSources(q, index, replies, 'd1')).toEqual([]);
  });
});
