/**
 * Reports anchors at most once per interval while they keep changing (typing moves every anchor after the
 * cursor), and once more after the last change, so that the store follows without work on each keystroke.
 */
export class AnchorReporter {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly report: () => void,
    private readonly intervalMs = 500,
  ) {}

  /** Something changed: report within the interval. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.report();
    }, this.intervalMs);
  }

  /** Report now what is pending (the document is about to be replaced or the editor closed). */
  flush(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.report();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
