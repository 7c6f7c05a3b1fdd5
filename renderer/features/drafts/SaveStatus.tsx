import { formatTime } from '../../components/format';
import type { SaveState } from './autosaver';

/**
 * Says "Saved" only after the store confirmed it; failures keep the text in the editor and retry. `onRescue`, in
 * browser mode while the server is lost, reopens the dialog that reconnects the window or takes the text out.
 */
export function SaveStatus({ state, onRetry, onRescue }: { state: SaveState; onRetry: () => void; onRescue?: () => void }) {
  return (
    <div className={`save-status save-${state.kind}`}>
      <span role="status" aria-live="polite">
        {state.kind === 'saved' && `Saved ${formatTime(state.at)}`}
        {state.kind === 'pending' && 'Unsaved changes'}
        {state.kind === 'saving' && 'Saving…'}
        {state.kind === 'failed' &&
          `Not saved: ${state.error.message} Your text stays here; Ami tries again in ${Math.round(state.retryInMs / 1000)} s.`}
      </span>
      {state.kind === 'failed' && (
        <button type="button" className="quiet small" onClick={onRetry}>
          Retry now
        </button>
      )}
      {state.kind === 'failed' && onRescue && (
        <button type="button" className="quiet small" onClick={onRescue}>
          Reconnect or copy the text…
        </button>
      )}
    </div>
  );
}
