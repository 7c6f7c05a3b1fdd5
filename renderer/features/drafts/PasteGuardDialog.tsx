import { useRef, useEffect } from 'react';
import { firstWords } from '../../components/format';
import { ModalDialog } from '../../components/ModalDialog';
import { pasteSourceName, type PasteSource } from './paste-guard';

interface Props {
  text: string;
  sources: PasteSource[];
  onQuote: () => void;
  onCancel: () => void;
}

/** A paste that reproduces a reply: it enters only as an attributed quotation, or not at all. */
export function PasteGuardDialog({ text, sources, onQuote, onCancel }: Props) {
  const quoteRef = useRef<HTMLButtonElement>(null);
  useEffect(() => quoteRef.current?.focus(), []);
  const names = sources.map(pasteSourceName);
  const models = [...new Set(sources.map((s) => s.servedModel ?? 'an unidentified model'))];
  return (
    <ModalDialog title="Model wording" onClose={onCancel} className="guard-dialog" restoreFocus={false}>
      <p>
        What you are pasting reproduces the wording of {names.join(' and ')}, written by <code className="model-id">{models.join(', ')}</code>.
      </p>
      <blockquote className="guard-excerpt">{firstWords(text, 280)}</blockquote>
      <p className="muted small">
        Your draft holds only your own words. A model’s wording can go in as a quotation, attributed to the model with its
        citation marker.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button ref={quoteRef} type="button" className="primary" onClick={onQuote}>
          Insert as quotation
        </button>
      </div>
    </ModalDialog>
  );
}
