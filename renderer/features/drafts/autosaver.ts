// Autosave of one draft. Typing only records the latest text; the save runs after a pause, on flush (blur,
// switching drafts, leaving the page) and again after a failure, with backoff, until it succeeds. "Saved" is
// reported only when the save call returned ok, for the text that was sent (invariant 5).
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
  backoffMs?: number[];
  initialSavedAt: string;
}

export const AUTOSAVE_DELAY_MS = 600;
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
    this.arm(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is pending; resolves true once everything typed so far is saved. */
  async flush(): Promise<boolean> {
    this.disarm();
    if (this.inFlight) await this.inFlight;
    if (this.text !== null) await this.run();
    return this.text === null;
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
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

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.text === null) return Promise.resolve();
    const text = this.text.toString();
    const version = this.version;
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
            this.report({ kind: 'saved', at: result.value.updatedAt });
          } else {
            this.report({ kind: 'pending' });
            this.arm(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
          }
        } else {
          this.failures++;
          const retryInMs = this.backoff();
          this.report({ kind: 'failed', error: result.error, retryInMs });
          this.arm(retryInMs);
        }
      });
    return this.inFlight;
  }
}
