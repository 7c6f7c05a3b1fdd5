import { useRef, useEffect } from 'react';
import { firstWords } from '../../components/format';
import { ModalDialog } from '../../components/ModalDialog';
import { pasteSourceName, type PasteSource } from './paste-guard';
import { useTranslation } from 'react-i18next';

interface Props {
  text: string;
  sources: PasteSource[];
  onQuote: () => void;
  onCancel: () => void;
}

/** A paste that reproduces a reply: it enters only as an attributed quotation, or not at all. */
export function PasteGuardDialog({ text, sources, onQuote, onCancel }: Props) {
  const { t } = useTranslation();
  const quoteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => quoteRef.current?.focus(), []);
  const names = sources.map(pasteSourceName);
  const models = [...new Set(sources.map((s) => s.servedModel ?? t('common.unidentifiedModel')))];
  return (
    <ModalDialog title={t('paste.title')} onClose={onCancel} className="guard-dialog" restoreFocus={false}>
      <p>
        {t('paste.reproduces', { names: names.join(t('paste.and')) })} <code className="model-id">{models.join(', ')}</code>.
      </p>
      <blockquote className="guard-excerpt">{firstWords(text, 280)}</blockquote>
      <p className="muted small">
        {t('paste.ownWords')}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button ref={quoteRef} type="button" className="primary" onClick={onQuote}>
          {t('paste.insert')}
        </button>
      </div>
    </ModalDialog>
  );
}
