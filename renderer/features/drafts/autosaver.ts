// Autosave of one draft. Typing only records the latest text; the save runs after a pause, on flush (blur,
// switching drafts, leaving the page) and again after a failure, with backoff, until it succeeds. "Saved" is
// reported only when the save call returned ok, for the text that was sent (invariant 5).
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

export class Autosaver {
  private text: string | null = null; // latest text not yet known to be saved; null when clean
  private version = 0;
  private inFlight: Promise<void> | null = null;
  private cancelTimer: (() => void) | null = null;
  private failures = 0;
  private disposed = false;

  constructor(private readonly options: AutosaverOptions) {
    options.onState({ kind: 'saved', at: options.initialSavedAt });
  }

  get dirty(): boolean {
    return this.text !== null;
  }

  change(text: string): void {
    this.text = text;
    this.version++;
    if (this.inFlight) return; // the running save reschedules when it sees a newer version
    if (this.failures > 0) {
      // Keep the retry already planned; typing must not postpone it.
      if (!this.cancelTimer) this.arm(this.backoff());
      return;
    }
    this.options.onState({ kind: 'pending' });
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
    const text = this.text;
    const version = this.version;
    this.options.onState({ kind: 'saving' });
    this.inFlight = this.options
      .save(text)
      .catch((err: unknown): Result<{ updatedAt: string }> => ({
        ok: false,
        error: { kind: 'internal', message: 'Saving failed inside Ami.', detail: err instanceof Error ? err.message : String(err) },
      }))
      .then((result) => {
        this.inFlight = null;
        if (result.ok) {
          this.failures = 0;
          if (this.version === version) {
            this.text = null;
            this.options.onState({ kind: 'saved', at: result.value.updatedAt });
          } else {
            this.options.onState({ kind: 'pending' });
            this.arm(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
          }
        } else {
          this.failures++;
          const retryInMs = this.backoff();
          this.options.onState({ kind: 'failed', error: result.error, retryInMs });
          this.arm(retryInMs);
        }
      });
    return this.inFlight;
  }
}
