// The usage table as CSV (RFC 4180): a header, one record per month × model, CRLF line ends, fields quoted when
// they hold a comma, a quote or a line break. Numbers are written as they are stored, unformatted, so that a
// published file can be summed again; an unknown figure is an empty field.
import type { UsageReport } from './usage-report.js';

export const USAGE_CSV_COLUMNS = [
  'month',
  'model',
  'citations',
  'failed_requests',
  'prompt_tokens',
  'completion_tokens',
  'cost_usd',
  'replies_without_cost',
  'energy_wh_low',
  'energy_wh_high',
  'co2e_g_low',
  'co2e_g_high',
] as const;

/** One field: quoted (with its quotes doubled) when it must be. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function usageCsv(report: UsageReport): string {
  const records = report.lines.map((l) => [
    l.month,
    l.model,
    l.citations,
    l.failedRequests,
    l.promptTokens,
    l.completionTokens,
    l.cost,
    l.costUnknown,
    l.footprint?.wh[0] ?? null,
    l.footprint?.wh[1] ?? null,
    l.footprint?.gco2e[0] ?? null,
    l.footprint?.gco2e[1] ?? null,
  ]);
  return [[...USAGE_CSV_COLUMNS], ...records].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
