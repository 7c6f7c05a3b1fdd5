import { useEffect, useRef, useState } from 'react';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { downloadFile } from './download';

type Format = 'markdown' | 'html';

interface Props {
  draftId: string;
  mode: 'electron' | 'web';
  flushSave: () => Promise<boolean>;
}

/** Export the draft with its kept citations, after saving what is pending. */
export function ExportMenu({ draftId, mode, flushSave }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<AmiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
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

  const run = async (format: Format) => {
    setOpen(false);
    setError(null);
    setDone(null);
    if (!(await flushSave())) {
      setError({ kind: 'storage', message: 'The latest changes are not saved yet, so the export would miss them. Try again once “Saved” shows.' });
      return;
    }
    if (mode === 'electron') {
      const result = await ami['export:save']({ draftId, format });
      if (!result.ok) setError(result.error);
      else if (result.value) setDone(`Exported to ${result.value.path}`);
    } else {
      const result = await ami['export:render']({ draftId, format });
      if (!result.ok) setError(result.error);
      else {
        downloadFile(result.value);
        setDone(`Downloaded ${result.value.filename}`);
      }
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
        Export
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export format">
          <button ref={firstItem} type="button" role="menuitem" onClick={() => void run('markdown')}>
            Markdown (.md)
          </button>
          <button type="button" role="menuitem" onClick={() => void run('html')}>
            HTML (.html)
          </button>
        </div>
      )}
      {done && (
        <span className="muted small export-done" aria-live="polite">
          {done}
        </span>
      )}
      {error && (
        <div className="popover-error">
          <ErrorNotice error={error} onDismiss={() => setError(null)} />
        </div>
      )}
    </div>
  );
}
