import { formatTime } from '../../components/format';
import type { SaveState } from './autosaver';
import { useTranslation } from 'react-i18next';

/**
 * Says "Saved" only after the store confirmed it; failures keep the text in the editor and retry. `onRescue`, in
 * browser mode while the server is lost, reopens the dialog that reconnects the window or takes the text out.
 */
export function SaveStatus({ state, onRetry, onRescue }: { state: SaveState; onRetry: () => void; onRescue?: () => void }) {
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
      {state.kind === 'failed' && onRescue && (
        <button type="button" className="quiet small" onClick={onRescue}>
          {t('save.rescue')}
        </button>
      )}
    </div>
  );
}
