import { firstWords } from '../../components/format';
import { ModalDialog } from '../../components/ModalDialog';
import { useTranslation } from 'react-i18next';

export interface WordingSpan {
  text: string;
  citationNumber: number;
  servedModel: string | null;
  /** The reply belongs to another draft. */
  elsewhere: boolean;
}

interface Props {
  message: string;
  spans: WordingSpan[];
  onExport: () => void;
  onCancel: () => void;
}

/** Export stopped because the draft holds unquoted model wording: the spans, and the author's choice. */
export function ModelWordingDialog({ message, spans, onExport, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t('export.wordingTitle')} onClose={onCancel} className="guard-dialog">
      <p>{message}</p>
      {spans.length > 0 && (
        <ul className="guard-spans" aria-label={t('export.wordingSpans')}>
          {spans.map((s, i) => (
            <li key={i}>
              <q>{firstWords(s.text, 200)}</q>{' '}
              <span className="muted small">
                — {s.elsewhere ? t('export.citationElsewhere', { number: s.citationNumber }) : t('export.citation', { number: s.citationNumber })},{' '}
                <code className="model-id">{s.servedModel ?? t('common.unidentifiedModel')}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{t('export.anyway')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={onExport}>
          {t('export.exportAnyway')}
        </button>
      </div>
    </ModalDialog>
  );
}
