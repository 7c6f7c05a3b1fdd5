import type { AmiError } from '../../shared/domain';
import { useTranslation } from 'react-i18next';
import { errorText } from './error-text';
import { formatDateTime } from './format';

interface Props {
  error: AmiError;
  onOpenSettings?: () => void;
  onDismiss?: () => void;
}

/** An error from main, said in place: the message, when to retry, and the technical detail on demand. */
export function ErrorNotice({ error, onOpenSettings, onDismiss }: Props) {
  const { t } = useTranslation();
  const keyProblem = error.kind === 'no_key' || error.kind === 'bad_key';
  return (
    <div className="error-notice" role="alert">
      <p>{errorText(error)}</p>
      {/* A coded message already says when to ask again. */}
      {error.kind === 'rate_limited' && error.retryAt && !error.code && <p>{t('errors.retryAfter', { when: formatDateTime(error.retryAt) })}</p>}
      {error.reasons && error.reasons.length > 0 && (
        <ul className="error-reasons">
          {error.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="error-actions">
        {keyProblem && onOpenSettings && (
          <button type="button" onClick={onOpenSettings}>
            {t('errors.setUpKey')}
          </button>
        )}
        {onDismiss && (
          <button type="button" className="quiet" onClick={onDismiss}>
            {t('common.dismiss')}
          </button>
        )}
      </div>
      {error.detail && (
        <details className="error-detail">
          <summary>{t('common.details')}</summary>
          <pre>{error.status ? `HTTP ${error.status}\n` : ''}{error.detail}</pre>
        </details>
      )}
    </div>
  );
}
