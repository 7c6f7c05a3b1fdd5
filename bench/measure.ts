// Timing helpers for benchmarks (never used in tests: machines are shared and noisy, so only ratios against a
// baseline measured in the same run are reported).

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  runs: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length, max: s[s.length - 1]!, runs: s.length };
}

/** Runs fn `runs` times after `warmup` untimed runs; returns milliseconds per run. */
export function time(fn: () => void, runs: number, warmup = Math.ceil(runs / 5)): Stats {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

export const ms = (n: number) => `${n < 1 ? n.toFixed(3) : n.toFixed(2)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export function report(title: string, rows: [string, string][]): void {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}
