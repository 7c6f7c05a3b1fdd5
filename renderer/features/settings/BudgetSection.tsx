import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoneyStatus } from '../../../shared/contract';
import type { AmiError, Settings } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { budgetWarning, formatUsd } from '../money/money-format';

interface Props {
  settings: Settings;
  onSettings: (settings: Settings) => void;
}

/** The monthly budget and its hard stop, this month's spend, and what OpenRouter says of the key. */
export function BudgetSection({ settings, onSettings }: Props) {
  const { t } = useTranslation();
  const [budget, setBudget] = useState(settings.budgetMonthlyUsd === null ? '' : String(settings.budgetMonthlyUsd));
  const [hardStop, setHardStop] = useState(settings.budgetHardStop);
  const [status, setStatus] = useState<MoneyStatus | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [saved, setSaved] = useState(false);

  const refresh = async () => {
    const result = await ami['money:status']({});
    if (result.ok) setStatus(result.value);
  };
  useEffect(() => {
    setBudget(settings.budgetMonthlyUsd === null ? '' : String(settings.budgetMonthlyUsd));
    setHardStop(settings.budgetHardStop);
    void refresh();
  }, [settings]);

  const save = async () => {
    setError(null);
    setSaved(false);
    const text = budget.trim().replace(',', '.');
    const result = await ami['settings:update']({ budgetMonthlyUsd: text === '' ? null : Number(text), budgetHardStop: hardStop });
    if (result.ok) {
      onSettings(result.value);
      setSaved(true);
    } else setError(result.error);
  };

  const amount = (n: number | null) => (n === null ? t('money.unknownAmount') : formatUsd(n));
  const warning = status && budgetWarning(status.budget);
  const key = status?.key ?? null;

  return (
    <fieldset>
      <legend>{t('money.settingsLegend')}</legend>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="settings-budget">{t('money.monthlyBudget')}</label>
          <input id="settings-budget" type="text" inputMode="decimal" placeholder={t('money.budgetPlaceholder')} value={budget} onChange={(e) => setBudget(e.target.value)} />
        </div>
        <p className="muted small">{t('money.budgetExplain')}</p>
        <label className="check">
          <input type="checkbox" checked={hardStop} onChange={(e) => setHardStop(e.target.checked)} /> {t('money.hardStop')}
        </label>
        <p className="muted small">{t('money.hardStopExplain')}</p>
        <button type="submit">{t('common.save')}</button>
        {saved && <span className="muted small"> {t('money.saved')}</span>}
      </form>
      {error && <ErrorNotice error={error} />}
      {status && (
        <>
          <p className="small">{t('money.spentThisMonth', { spent: formatUsd(status.budget.spentUsd) })}</p>
          {status.budget.unknownCosts > 0 && <p className="muted small">{t('money.unknownCosts', { count: status.budget.unknownCosts })}</p>}
          {warning && (
            <p className="budget-warning small" role="status">
              {warning}
            </p>
          )}
          <h3 className="small">{t('money.keyLegend')}</h3>
          {key ? (
            <ul className="small key-usage">
              {key.usage !== null && <li>{t('money.keyUsage', { usage: amount(key.usage) })}</li>}
              {key.usageMonthly !== null && <li>{t('money.keyUsageMonthly', { usage: amount(key.usageMonthly) })}</li>}
              <li>{key.limit === null ? t('money.keyNoLimit') : t('money.keyLimit', { limit: amount(key.limit), remaining: amount(key.limitRemaining) })}</li>
            </ul>
          ) : (
            <p className="muted small">{t('money.keyUnavailable')}</p>
          )}
        </>
      )}
    </fieldset>
  );
}
