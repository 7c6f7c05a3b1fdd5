import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveState } from '../../../renderer/features/drafts/autosaver';
import type { Result } from '../../../shared/domain';

/** A clock the test advances by hand, and a save whose answers the test decides. */
function harness() {
  const timers: { fn: () => void; at: number; cancelled: boolean }[] = [];
  let now = 0;
  const calls: { text: string; resolve: (r: Result<{ updatedAt: string }>) => void }[] = [];
  const states: SaveState[] = [];
  const saver = new Autosaver({
    initialSavedAt: 'T0',
    delayMs: 600,
    backoffMs: [1000, 5000],
    onState: (s) => states.push(s),
    schedule: (fn, ms) => {
      const t = { fn, at: now + ms, cancelled: false };
      timers.push(t);
      return () => (t.cancelled = true);
    },
    save: (text) => new Promise((resolve) => calls.push({ text, resolve })),
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => !t.cancelled && t.at <= now)) {
      t.cancelled = true;
      t.fn();
    }
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { saver, calls, states, advance, settle, last: () => states[states.length - 1] };
}

describe('Autosaver', () => {
  it('reads the text only when a save starts, and says "pending" once while typing', async () => {
    const h = harness();
    let reads = 0;
    const snapshot = (text: string) => ({ toString: () => (reads++, text) });
    for (const text of ['a', 'ab', 'abc', 'abcd']) h.saver.change(snapshot(text));
    expect(reads).toBe(0);
    expect(h.states.filter((s) => s.kind === 'pending')).toHaveLength(1);
    h.advance(600);
    expect(reads).toBe(1);
    expect(h.calls.map((c) => c.text)).toEqual(['abcd']);
    h.calls[0]!.resolve({ ok: true, value: { updatedAt: 'T1' } });
    await h.settle();
    h.saver.change(snapshot('abcde'));
    expect(h.states.map((s) => s.kind)).toEqual(['saved', 'pending', 'saving', 'saved', 'pending']);
  });

  it('saves the latest text once after the pause, and says Saved only when the save returned ok', async () => {
    const h = harness();
    h.saver.change('a');
    h.saver.change('ab');
    expect(h.last()).toEqual({ kind: 'pending' });
    h.advance(599);
    expect(h.calls).toHaveLength(0);
    h.advance(1);
    expect(h.calls.map((c) => c.text)).toEqual(['ab']);
    expect(h.last()).toEqual({ kind: 'saving' });
    h.calls[0]!.resolve({ ok: true, value: { updatedAt: 'T1' } });
    await h.settle();
    expect(h.last()).toEqual({ kind: 'saved', at: 'T1' });
    expect(h.saver.dirty).toBe(false);
  });

  it('keeps typing made during a save pending and saves it next', async () => {
    const h = harness();
    h.saver.change('one');
    h.advance(600);
    h.saver.change('one two');
    h.calls[0]!.resolve({ ok: true, value: { updatedAt: 'T1' } });
    await h.settle();
    expect(h.last()).toEqual({ kind: 'pending' });
    expect(h.saver.dirty).toBe(true);
    h.advance(600);
    expect(h.calls.map((c) => c.text)).toEqual(['one', 'one two']);
  });

  it('keeps the text after a failure and retries with backoff until it is saved', async () => {
    const h = harness();
    h.saver.change('precious');
    h.advance(600);
    h.calls[0]!.resolve({ ok: false, error: { kind: 'network', message: 'down' } });
    await h.settle();
    expect(h.last()).toMatchObject({ kind: 'failed', retryInMs: 1000 });
    expect(h.saver.dirty).toBe(true);
    h.saver.change('precious words'); // typing during the outage does not postpone the retry
    h.advance(1000);
    expect(h.calls.map((c) => c.text)).toEqual(['precious', 'precious words']);
    h.calls[1]!.resolve({ ok: false, error: { kind: 'network', message: 'down' } });
    await h.settle();
    expect(h.last()).toMatchObject({ kind: 'failed', retryInMs: 5000 });
    h.advance(5000);
    h.calls[2]!.resolve({ ok: true, value: { updatedAt: 'T9' } });
    await h.settle();
    expect(h.calls[2]!.text).toBe('precious words');
    expect(h.last()).toEqual({ kind: 'saved', at: 'T9' });
  });

  it('flush saves at once and resolves false while the save fails', async () => {
    const h = harness();
    h.saver.change('x');
    const flushed = h.saver.flush();
    expect(h.calls.map((c) => c.text)).toEqual(['x']);
    h.calls[0]!.resolve({ ok: false, error: { kind: 'storage', message: 'disk full' } });
    expect(await flushed).toBe(false);
    expect(h.saver.dirty).toBe(true);
    const again = h.saver.flush();
    h.calls[1]!.resolve({ ok: true, value: { updatedAt: 'T2' } });
    expect(await again).toBe(true);
  });

  it('flush with nothing pending does not call save', async () => {
    const h = harness();
    expect(await h.saver.flush()).toBe(true);
    expect(h.calls).toHaveLength(0);
    expect(h.last()).toEqual({ kind: 'saved', at: 'T0' });
  });
});
