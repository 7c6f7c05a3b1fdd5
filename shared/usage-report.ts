// The usage page's table, as figures: one line per month × model, from the stored replies' summary, with energy
// and CO2e when a footprint estimate is given. The table on screen and the CSV export are both read from this,
// so that what the author publishes is exactly what they saw.
import type { UsageRow } from './domain.js';

/** A low–high range, as footprint estimates are given. */
export type Range = [number, number];
export interface Footprint {
  wh: Range;
  gco2e: Range;
}
/** What a footprint estimate needs to know of a reply (or of a month's replies of one model, summed). */
export interface FootprintReply {
  servedModel: string | null;
  usage: { promptTokens: number | null; completionTokens: number | null };
}
/** Estimates a reply's energy and CO2e; null when the model is not known to it. */
export type FootprintOf = (reply: FootprintReply) => Footprint | null;

export interface UsageLine extends UsageRow {
  /** null: no estimate (none wired, or the model is unknown to it). */
  footprint: Footprint | null;
}

export interface UsageReport {
  lines: UsageLine[];
  months: string[];
  models: string[];
  total: { citations: number; failedRequests: number; promptTokens: number; completionTokens: number; cost: number; costUnknown: number };
}

export function usageReport(rows: UsageRow[], footprintOf?: FootprintOf): UsageReport {
  // The summary is per month and model: an estimate linear in tokens gives the same sum as reply by reply.
  const lines = rows.map((r) => ({
    ...r,
    footprint: footprintOf?.({ servedModel: r.model, usage: { promptTokens: r.promptTokens, completionTokens: r.completionTokens } }) ?? null,
  }));
  const sum = (pick: (r: UsageRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    lines,
    months: [...new Set(rows.map((r) => r.month))].sort(),
    models: [...new Set(rows.map((r) => r.model))].sort(),
    total: {
      citations: sum((r) => r.citations),
      failedRequests: sum((r) => r.failedRequests),
      promptTokens: sum((r) => r.promptTokens),
      completionTokens: sum((r) => r.completionTokens),
      cost: sum((r) => r.cost ?? 0),
      costUnknown: sum((r) => r.costUnknown),
    },
  };
}

/** Each model's value per month, 0 where it was not used: the series a plot draws, in report.months order. */
export function seriesByModel(report: UsageReport, pick: (line: UsageLine) => number): { model: string; values: number[] }[] {
  return report.models.map((model) => ({
    model,
    values: report.months.map((month) => {
      const line = report.lines.find((l) => l.month === month && l.model === model);
      return line ? pick(line) : 0;
    }),
  }));
}
