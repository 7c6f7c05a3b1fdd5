import { describe, expect, it } from 'vitest';
import { LiveReplies } from '../../../renderer/features/ask/live-replies';
import { requestOptions } from '../../../renderer/features/ask/request-options';
import { shouldBlockPaste } from '../../../renderer/features/drafts/paste-guard';
import { snippetParts } from '../../../renderer/features/drafts/snippet-parts';
import { ReplyIndex } from '../../../shared/ghost-guard';
import type { Reply, Template } from '../../../shared/domain';

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
    expect(options.map((o) => o.label)).toEqual(['Clarity', 'Suggestions', 'Proofread', 'Question', 'Explore', 'Dialogue', 'Tone']);
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

describe('shouldBlockPaste', () => {
  const replyText = 'The garden behind the old house had grown wild over the long and quiet winter months.';
  const index = new ReplyIndex([{ id: 'r', citationNumber: 7, text: replyText }]);

  it('asks before letting a reply’s wording in as the author’s own text', () => {
    const asked: string[] = [];
    expect(shouldBlockPaste(replyText, index, (m) => (asked.push(m), false))).toBe(true);
    expect(asked[0]).toContain('[7]');
    expect(shouldBlockPaste(replyText, index, () => true)).toBe(false);
  });

  it('lets the author’s own words and quoted replies through without asking', () => {
    const never = () => {
      throw new Error('should not ask');
    };
    expect(shouldBlockPaste('Something I wrote myself about a different matter entirely.', index, never)).toBe(false);
    expect(shouldBlockPaste(`> ${replyText}\n>\n> — model, via Ami [^c7]`, index, never)).toBe(false);
  });
});
