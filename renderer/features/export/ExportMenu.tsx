import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../../shared/contract';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { downloadFile } from './download';
import { ModelWordingDialog, type WordingSpan } from './ModelWordingDialog';
import { useTranslation } from 'react-i18next';

type Format = ExportFormat;

interface Props {
  draftId: string;
  mode: 'electron' | 'web';
  flushSave: () => Promise<boolean>;
  /** The draft text as the editor has it (saved before export): the spans are shown from it. */
  getText: () => string;
}

interface Confirming {
  format: Format;
  message: string;
  spans: WordingSpan[];
}

/** Export the draft with its kept citations, after saving what is pending. */
export function ExportMenu({ draftId, mode, flushSave, getText }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AmiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const firstItem = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    firstItem.current?.focus();
    const onDown = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  /** The spans the guard finds in the saved text, to show the author what the export would carry unquoted. */
  const wordingSpans = async (): Promise<WordingSpan[]> => {
    const text = getText();
    const report = await ami['guard:check']({ draftId, text });
    if (!report.ok) return [];
    return report.value.spans.map((s) => ({
      text: text.slice(s.from, s.to),
      citationNumber: s.citationNumber,
      servedModel: s.servedModel,
      elsewhere: s.replyDraftId !== draftId,
    }));
  };

  const run = async (format: Format, acknowledgeModelWording = false) => {
    setOpen(false);
    setError(null);
    setDone(null);
    setConfirming(null);
    if (!(await flushSave())) {
      setError({ kind: 'storage', message: t('export.notSaved') });
      return;
    }
    const input = { draftId, format, acknowledgeModelWording };
    const result = mode === 'electron' ? await ami['export:save'](input) : await ami['export:render'](input);
    if (!result.ok) {
      if (result.error.kind === 'needs_confirmation' && !acknowledgeModelWording) {
        setConfirming({ format, message: result.error.message, spans: await wordingSpans() });
      } else setError(result.error);
      return;
    }
    if (result.value && 'path' in result.value) setDone(t('export.exportedTo', { path: result.value.path }));
    else if (result.value) {
      downloadFile(result.value);
      setDone(t('export.downloaded', { filename: result.value.filename }));
    }
  };

  return (
    <div
      className="menu-root"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('export.button')}
      </button>
      {open && (
        <div className="menu" role="menu" aria-label={t('export.formats')}>
          <button ref={firstItem} type="button" role="menuitem" onClick={() => void run('markdown')}>
            {t('export.markdown')}
          </button>
          <button type="button" role="menuitem" onClick={() => void run('html')}>
            {t('export.html')}
          </button>
          <button type="button" role="menuitem" onClick={() => void run('json')}>
            {t('export.json')}
          </button>
        </div>
      )}
      {done && (
        <span className="muted small export-done" aria-live="polite">
          {done}
        </span>
      )}
      {confirming && (
        <ModelWordingDialog
          message={confirming.message}
          spans={confirming.spans}
          onExport={() => void run(confirming.format, true)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {error && (
        <div className="popover-error">
          <ErrorNotice error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </div>
  );
}
