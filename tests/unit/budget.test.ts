import { describe, expect, it } from 'vitest';
import { budgetDecision, budgetStatus, monthStart } from '../../shared/budget.js';

const budget = (monthlyUsd: number | null, hardStop = true) => ({ monthlyUsd, hardStop });

describe('the monthly budget', () => {
  it('without a budget: no level, and everything may be sent', () => {
    expect(budgetStatus(budget(null), 123).level).toBe('none');
    expect(budgetDecision(budget(null), 123, 50)).toEqual({ allowed: true, warning: false });
    expect(budgetDecision(budget(null), 123, null).allowed).toBe(true);
  });

  it('warns from 80 %, and says reached at 100 %', () => {
    expect(budgetStatus(budget(10), 7.99).level).toBe('ok');
    expect(budgetStatus(budget(10), 8).level).toBe('warning');
    expect(budgetStatus(budget(10), 8).share).toBeCloseTo(0.8, 10);
    expect(budgetStatus(budget(10), 10).level).toBe('reached');
    expect(budgetDecision(budget(10, false), 9, 0.5)).toEqual({ allowed: true, warning: true });
    expect(budgetDecision(budget(10), 1, 0.5)).toEqual({ allowed: true, warning: false });
  });

  it('a budget of 0 sends nothing that costs, but free and local models still go', () => {
    expect(budgetStatus(budget(0), 0).level).toBe('reached');
    expect(budgetDecision(budget(0), 0, 0.0001)).toMatchObject({ allowed: false, reason: 'zero_budget' });
    expect(budgetDecision(budget(0), 0, null)).toMatchObject({ allowed: false, reason: 'zero_budget' });
    expect(budgetDecision(budget(0), 0, 0).allowed).toBe(true);
  });

  it('the hard stop refuses a request whose worst case crosses the budget, and lets one that fits go', () => {
    expect(budgetDecision(budget(10), 9.9, 0.05).allowed).toBe(true);
    expect(budgetDecision(budget(10), 9.9, 0.2)).toEqual({ allowed: false, reason: 'would_exceed', spentUsd: 9.9, limitUsd: 10 });
    expect(budgetDecision(budget(10), 10, 0.0001)).toMatchObject({ allowed: false, reason: 'reached' });
    // Without the hard stop, only a warning.
    expect(budgetDecision(budget(10, false), 9.9, 0.2)).toEqual({ allowed: true, warning: true });
  });

  it('an unknown cost under a hard stop is not sent (nothing says it fits); without a hard stop it is', () => {
    expect(budgetDecision(budget(10), 1, null)).toMatchObject({ allowed: false, reason: 'unknown_cost' });
    expect(budgetDecision(budget(10, false), 1, null).allowed).toBe(true);
    // Replies of unknown cost are reported with the spend.
    expect(budgetStatus(budget(10), 2, 3).unknownCosts).toBe(3);
  });

  it('counts the calendar month in UTC', () => {
    expect(monthStart(new Date('2026-03-31T23:59:59.999Z'))).toBe('2026-03-01T00:00:00.000Z');
    expect(monthStart(new Date('2026-01-01T00:00:00.000Z'))).toBe('2026-01-01T00:00:00.000Z');
  });
});
