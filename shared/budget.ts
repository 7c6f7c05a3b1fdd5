// The monthly budget: arithmetic only. The month's spend is the sum of the stored replies' costs (what OpenRouter
// reported or, failing that, Ami's estimate), so it can trail OpenRouter's own figure by the replies Ami never saw.

/** Past this share of the budget, Ami warns next to Ask and in Settings. */
export const BUDGET_WARNING_SHARE = 0.8;

export interface BudgetSettings {
  /** USD per calendar month (UTC), as OpenRouter bills; null = no budget. 0 = send nothing that costs. */
  monthlyUsd: number | null;
  /** Refuse to send a request that could take the month past the budget. */
  hardStop: boolean;
}

export type BudgetLevel = 'none' | 'ok' | 'warning' | 'reached';

export interface BudgetStatus {
  level: BudgetLevel;
  spentUsd: number;
  /** Replies this month whose cost is unknown: the spend may be higher than said. */
  unknownCosts: number;
  limitUsd: number | null;
  /** spent / limit; null without a budget or with a budget of 0. */
  share: number | null;
}

export function budgetStatus(budget: BudgetSettings, spentUsd: number, unknownCosts = 0): BudgetStatus {
  const limit = budget.monthlyUsd;
  if (limit === null) return { level: 'none', spentUsd, unknownCosts, limitUsd: null, share: null };
  if (limit <= 0) return { level: 'reached', spentUsd, unknownCosts, limitUsd: 0, share: null };
  const share = spentUsd / limit;
  const level: BudgetLevel = share >= 1 ? 'reached' : share >= BUDGET_WARNING_SHARE ? 'warning' : 'ok';
  return { level, spentUsd, unknownCosts, limitUsd: limit, share };
}

export type BudgetDecision =
  | { allowed: true; warning: boolean }
  | { allowed: false; reason: 'zero_budget' | 'would_exceed' | 'reached' | 'unknown_cost'; spentUsd: number; limitUsd: number };

/**
 * Whether a request may leave the machine. `worstCaseUsd` is the high end of the request's estimate: 0 when free
 * (free and local models are always allowed), null when its cost cannot be known.
 */
export function budgetDecision(budget: BudgetSettings, spentUsd: number, worstCaseUsd: number | null): BudgetDecision {
  const limit = budget.monthlyUsd;
  const status = budgetStatus(budget, spentUsd);
  const warning = status.level === 'warning' || status.level === 'reached';
  if (limit === null || !budget.hardStop || worstCaseUsd === 0) return { allowed: true, warning };
  const refuse = (reason: 'zero_budget' | 'would_exceed' | 'reached' | 'unknown_cost') => ({ allowed: false as const, reason, spentUsd, limitUsd: limit });
  if (limit <= 0) return refuse('zero_budget');
  if (spentUsd >= limit) return refuse('reached');
  // An unknown price under a budget with a hard stop: nothing says it fits, so it is not sent.
  if (worstCaseUsd === null) return refuse('unknown_cost');
  if (spentUsd + worstCaseUsd > limit) return refuse('would_exceed');
  return { allowed: true, warning };
}

/** The first instant of the calendar month (UTC) that `now` is in, as OpenRouter's monthly usage counts it. */
export function monthStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}
