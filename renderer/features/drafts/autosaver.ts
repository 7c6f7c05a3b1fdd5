// Autosave of one draft. Typing only records the latest text; the save runs after a pause, or at the latest
// AUTOSAVE_MAX_DELAY_MS after the previous save started (or after the first unsaved keystroke) while typing goes on
// without a pause, on flush (blur, switching drafts, leaving the page) and again after a failure, with backoff,
// until it succeeds. "Saved" is reported only when the save call returned ok, for the text that was sent
// (invariant 5).
import { t } from '../../i18n';
import type { AmiError, Result } from '../../../shared/domain';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; error: AmiError; retryInMs: number };

export interface AutosaverOptions {
  save: (text: string) => Promise<Result<{ updatedAt: string }>>;
  onState: (state: SaveState) => void;
  /** Runs fn after ms; returns a cancel function. Injected so tests drive time themselves. */
  schedule: (fn: () => void, ms: number) => () => void;
  delayMs?: number;
  maxDelayMs?: number;
  backoffMs?: number[];
  initialSavedAt: string;
}

export const AUTOSAVE_DELAY_MS = 600;
/**
 * Continuous typing never makes the pause above: a save still starts at most this long after the previous one
 * started (or after the first keystroke it left unsaved), so a crash loses at most this plus one save round trip.
 */
export const AUTOSAVE_MAX_DELAY_MS = 2000;
export const RETRY_BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * The text to save, read only when a save starts: the editor hands over its immutable document, and serialising
 * a long draft on every keystroke would cost its whole length each time.
 */
export interface TextSnapshot {
  toString(): string;
}

export class Autosaver {
  private text: TextSnapshot | null = null; // latest text not yet known to be saved; null when clean
  private version = 0;
  private inFlight: Promise<void> | null = null;
  private cancelTimer: (() => void) | null = null;
  private cancelDeadline: (() => void) | null = null; // the max-delay timer, armed while text waits for a save
  private deadlinePassed = false; // the max delay ran out during a save: the next one starts as soon as it returns
  private failures = 0;
  private disposed = false;
  private reported: SaveState['kind'] | null = null;

  constructor(private readonly options: AutosaverOptions) {
    this.report({ kind: 'saved', at: options.initialSavedAt });
  }

  /** Tells the state; a repeated 'pending' is not told again (typing would re-render its listener per key). */
  private report(state: SaveState): void {
    if (state.kind === 'pending' && this.reported === 'pending') return;
    this.reported = state.kind;
    this.options.onState(state);
  }

  get dirty(): boolean {
    return this.text !== null;
  }

  change(text: TextSnapshot): void {
    this.text = text;
    this.version++;
    if (this.inFlight) return; // the running save reschedules when it sees a newer version
    if (this.failures > 0) {
      // Keep the retry already planned; typing must not postpone it.
      if (!this.cancelTimer) this.arm(this.backoff());
      return;
    }
    this.report({ kind: 'pending' });
    this.armDeadline();
    this.arm(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is pending; resolves true once everything typed so far is saved. */
  async flush(): Promise<boolean> {
    this.disarm();
    this.disarmDeadline();
    if (this.inFlight) await this.inFlight;
    if (this.text !== null) await this.run();
    return this.text === null;
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
    this.disarmDeadline();
  }

  private backoff(): number {
    const steps = this.options.backoffMs ?? RETRY_BACKOFF_MS;
    return steps[Math.min(this.failures - 1, steps.length - 1)] ?? 30_000;
  }

  private arm(ms: number): void {
    this.disarm();
    if (this.disposed) return;
    this.cancelTimer = this.options.schedule(() => {
      this.cancelTimer = null;
      void this.run();
    }, ms);
  }

  private disarm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Armed once per wait, not per keystroke: the pause timer moves with typing, this one does not. */
  private armDeadline(): void {
    if (this.cancelDeadline || this.disposed) return;
    this.cancelDeadline = this.options.schedule(() => {
      this.cancelDeadline = null;
      if (this.inFlight) this.deadlinePassed = true;
      else if (this.failures === 0) {
        this.disarm();
        void this.run();
      }
    }, this.options.maxDelayMs ?? AUTOSAVE_MAX_DELAY_MS);
  }

  private disarmDeadline(): void {
    this.cancelDeadline?.();
    this.cancelDeadline = null;
    this.deadlinePassed = false;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.text === null) return Promise.resolve();
    const text = this.text.toString();
    const version = this.version;
    // The next save is due at most the max delay after this one starts, whatever is typed meanwhile.
    this.disarmDeadline();
    this.armDeadline();
    this.report({ kind: 'saving' });
    this.inFlight = this.options
      .save(text)
      .catch((err: unknown): Result<{ updatedAt: string }> => ({
        ok: false,
        error: { kind: 'internal', message: t('errors.savingFailed'), detail: err instanceof Error ? err.message : String(err) },
      }))
      .then((result) => {
        this.inFlight = null;
        if (result.ok) {
          this.failures = 0;
          if (this.version === version) {
            this.text = null;
            this.disarmDeadline();
            this.report({ kind: 'saved', at: result.value.updatedAt });
          } else {
            this.report({ kind: 'pending' });
            if (this.deadlinePassed) {
              this.deadlinePassed = false;
              this.disarm();
              void this.run();
            } else this.arm(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
          }
        } else {
          // The backoff alone decides when to try again; typing during an outage must not hurry it.
          this.disarmDeadline();
          this.failures++;
          const retryInMs = this.backoff();
          this.report({ kind: 'failed', error: result.error, retryInMs });
          this.arm(retryInMs);
        }
      });
    return this.inFlight;
  }
}
