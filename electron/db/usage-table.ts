// SQL for the usage page: what the stored replies cost and used, per month (UTC) and per model.
import type { UsageRow } from '../../shared/domain.js';
import type { Db } from './open-database.js';

interface UsageSqlRow {
  month: string;
  model: string;
  citations: number;
  failed_requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number | null;
  cost_unknown: number;
}

export function usageTable(db: Db) {
  // strftime reads the stored ISO time (with its offset, if any) and gives the month in UTC. A reply still
  // streaming has not said its usage yet; a request that got no text counts with what the provider billed for it.
  const summary = db.prepare<{ from: string | null; to: string | null }, UsageSqlRow>(`
    SELECT strftime('%Y-%m', r.started_at) AS month,
      coalesce(r.served_model, c.requested_model) AS model,
      sum(r.citation_number > 0) AS citations,
      sum(r.citation_number < 0) AS failed_requests,
      coalesce(sum(r.prompt_tokens), 0) AS prompt_tokens,
      coalesce(sum(r.completion_tokens), 0) AS completion_tokens,
      sum(r.cost) AS cost,
      sum(r.cost IS NULL) AS cost_unknown
    FROM replies r JOIN consultations c ON c.id = r.consultation_id
    WHERE r.status <> 'streaming'
      AND (@from IS NULL OR julianday(r.started_at) >= julianday(@from))
      AND (@to IS NULL OR julianday(r.started_at) < julianday(@to))
    GROUP BY month, model
    ORDER BY month, model`);

  return {
    /** from inclusive, to exclusive (ISO 8601); either may be left out. */
    summary(range: { from?: string; to?: string } = {}): UsageRow[] {
      return summary.all({ from: range.from ?? null, to: range.to ?? null }).map((r) => ({
        month: r.month,
        model: r.model,
        citations: r.citations,
        failedRequests: r.failed_requests,
        promptTokens: r.prompt_tokens,
        completionTokens: r.completion_tokens,
        cost: r.cost,
        costUnknown: r.cost_unknown,
      }));
    },
  };
}

export type UsageTable = ReturnType<typeof usageTable>;
