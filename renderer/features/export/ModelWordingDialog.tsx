import { firstWords } from '../../components/format';
import { ModalDialog } from '../../components/ModalDialog';

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
  return (
    <ModalDialog title="Model wording in the draft" onClose={onCancel} className="guard-dialog">
      <p>{message}</p>
      {spans.length > 0 && (
        <ul className="guard-spans" aria-label="Passages that reproduce model wording">
          {spans.map((s, i) => (
            <li key={i}>
              <q>{firstWords(s.text, 200)}</q>{' '}
              <span className="muted small">
                — {s.elsewhere ? `citation [${s.citationNumber}] of another draft` : `citation [${s.citationNumber}]`},{' '}
                <code className="model-id">{s.servedModel ?? 'an unidentified model'}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">If you export anyway, the AI-use statement at the end of the file says so.</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onExport}>
          Export anyway
        </button>
      </div>
    </ModalDialog>
  );
}
