import { useTranslation } from 'react-i18next';
import type { AskPreview } from '../../../shared/contract';
import { budgetWarning, estimateNote, formatEstimate } from './money-format';

/** Beside Ask: what the request may cost, and the budget's warning from 80 %. */
export function CostEstimateLine({ value }: { value: Pick<AskPreview, 'estimate' | 'budget' | 'refusal'> | null }) {
  const { t } = useTranslation();
  if (!value) return null;
  const warning = budgetWarning(value.budget);
  return (
    <div className="cost-estimate small" aria-live="polite">
      <span className="muted" title={estimateNote(value.estimate)}>
        {t('money.estimateLine', { estimate: formatEstimate(value.estimate) })}
      </span>
      {warning && (
        <p className="budget-warning" role="status">
          {warning} {value.refusal && t('money.willRefuse')}
        </p>
      )}
    </div>
  );
}
