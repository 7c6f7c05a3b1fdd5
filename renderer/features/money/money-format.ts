// How amounts, estimates and footprints are written. Small amounts keep two significant digits: "$0.0021" says
// more than "$0.00" and no more than the estimate knows.
import type { BudgetStatus } from '../../../shared/budget';
import type { CostEstimate } from '../../../shared/cost-estimate';
import { t, uiLanguage } from '../../i18n';

export function formatUsd(value: number): string {
  const small = value !== 0 && Math.abs(value) < 1;
  return new Intl.NumberFormat(uiLanguage(), {
    style: 'currency',
    currency: 'USD',
    ...(small ? { maximumSignificantDigits: 2, minimumSignificantDigits: 1 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  }).format(value);
}

export function formatEstimate(estimate: CostEstimate): string {
  switch (estimate.kind) {
    case 'free':
      return t('money.free');
    case 'unknown':
      return t('money.unknown');
    case 'variable':
      return t('money.variable');
    case 'range': {
      const low = formatUsd(estimate.low);
      const high = formatUsd(estimate.high);
      return low === high ? t('money.estimateOne', { value: low }) : t('money.estimateRange', { low, high });
    }
  }
}

export function estimateNote(estimate: CostEstimate): string {
  return t('money.estimateNote', {
    promptLow: estimate.promptTokens.low,
    promptHigh: estimate.promptTokens.high,
    completionLow: estimate.completionTokens.low,
    completionHigh: estimate.completionTokens.high,
  });
}

/** The warning shown from 80 % of the budget; null below it or without a budget. */
export function budgetWarning(budget: BudgetStatus): string | null {
  if (budget.limitUsd === null) return null;
  if (budget.limitUsd === 0) return t('money.budgetZero', { limit: formatUsd(0) });
  const args = { spent: formatUsd(budget.spentUsd), limit: formatUsd(budget.limitUsd) };
  if (budget.level === 'reached') return t('money.budgetReached', args);
  if (budget.level === 'warning') return t('money.budgetWarning', { ...args, percent: Math.floor((budget.share ?? 0) * 100) });
  return null;
}

/** Energy and emissions with two significant digits: the range is the information, not the decimals. */
export function formatAmount(value: number): string {
  return new Intl.NumberFormat(uiLanguage(), { maximumSignificantDigits: 2 }).format(value);
}
