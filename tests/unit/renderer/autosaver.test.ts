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
    maxDelayMs: 2000,
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
  return { saver, calls, states, advance, settle, now: () => now, last: () => states[states.length - 1] };
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

describe('Autosaver under typing that never pauses', () => {
  const KEY_MS = 30;
  const TYPING_MS = 9000;

  /** A key every 30 ms (9 s of fake time unless told); each save answers `answer(n)` after `roundTripMs`. */
  async function typeContinuously(answer: (n: number) => Result<{ updatedAt: string }>, roundTripMs = 40, typingMs = TYPING_MS) {
    const h = harness();
    const starts: number[] = [];
    let typed = '';
    let answered = 0;
    for (let t = 0; t < typingMs; t += KEY_MS) {
      typed += String.fromCharCode(97 + ((t / KEY_MS) % 26));
      h.saver.change(typed);
      for (let step = 0; step < KEY_MS; step += 10) {
        h.advance(10);
        while (starts.length < h.calls.length) starts.push(h.now());
        // Answer each save once its round trip has passed.
        while (answered < h.calls.length && h.now() - starts[answered]! >= roundTripMs) {
          h.calls[answered]!.resolve(answer(answered));
          answered++;
          await h.settle();
        }
      }
    }
    return { h, starts, typed };
  }

  it('starts a save at least every max delay, each one with the text typed so far', async () => {
    const { h, starts } = await typeContinuously((n) => ({ ok: true, value: { updatedAt: `T${n}` } }));
    expect(starts.length).toBeGreaterThanOrEqual(Math.floor(9000 / 2000));
    expect(starts[0]).toBeLessThanOrEqual(2000);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000);
    // Typing is still going on: never "Saved" for text the store has not had.
    expect(h.states.filter((s) => s.kind === 'saved').map((s) => (s as { at: string }).at)).toEqual(['T0']);
    for (const [i, call] of h.calls.entries()) if (i > 0) expect(call.text.startsWith(h.calls[i - 1]!.text)).toBe(true);
  });

  it('starts the next save as soon as a slow one returns when the max delay ran out meanwhile', async () => {
    const { starts } = await typeContinuously((n) => ({ ok: true, value: { updatedAt: `T${n}` } }), 2500);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]!);
    expect(starts.length).toBeGreaterThan(2);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(2500 + 10);
  });

  it('still backs off after a failure during typing, then goes back to the max delay once a save succeeds', async () => {
    // Saves 0 and 1 fail: the retries follow the backoff (1000 then 5000 ms), not the max delay.
    const { h, starts } = await typeContinuously(
      (n) => (n < 2 ? { ok: false, error: { kind: 'network', message: 'down' } } : { ok: true, value: { updatedAt: `T${n}` } }),
      40,
      15_000,
    );
    expect(h.states.filter((s) => s.kind === 'failed').map((s) => (s as { retryInMs: number }).retryInMs)).toEqual([1000, 5000]);
    expect(starts[1]! - starts[0]!).toBe(40 + 1000);
    expect(starts[2]! - starts[1]!).toBe(40 + 5000);
    const after = starts.slice(3).map((s, i) => s - starts[i + 2]!);
    expect(after.length).toBeGreaterThan(0);
    for (const gap of after) expect(gap).toBeLessThanOrEqual(2000);
  });
});
