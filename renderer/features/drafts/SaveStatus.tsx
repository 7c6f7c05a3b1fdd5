import { formatTime } from '../../components/format';
import type { SaveState } from './autosaver';
import { useTranslation } from 'react-i18next';

/** Says "Saved" only after the store confirmed it; failures keep the text in the editor and retry. */
export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`save-status save-${state.kind}`}>
      <span role="status" aria-live="polite">
        {state.kind === 'saved' && t('save.saved', { time: formatTime(state.at) })}
        {state.kind === 'pending' && t('save.pending')}
        {state.kind === 'saving' && t('save.saving')}
        {state.kind === 'failed' &&
          t('save.failed', { message: state.error.message, seconds: Math.round(state.retryInMs / 1000) })}
      </span>
      {state.kind === 'failed' && (
        <button type="button" className="quiet small" onClick={onRetry}>
          {t('save.retry')}
        </button>
      )}
    </div>
  );
}
