import { useState } from 'react';
import type { AskInput, AskPreview } from '../../../shared/contract';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstWords } from '../../components/format';

interface Props {
  /** The request as it would be sent now, or a message saying why there is none. */
  buildInput: () => AskInput | string;
  onOpenSettings: () => void;
}

/** Shows exactly what would leave the machine for this question, before it is asked. */
export function PreviewDetails({ buildInput, onOpenSettings }: Props) {
  const [preview, setPreview] = useState<AskPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [question, setQuestion] = useState('');

  const load = async () => {
    const input = buildInput();
    setError(null);
    if (typeof input === 'string') {
      setProblem(input);
      setPreview(null);
      return;
    }
    setProblem(null);
    setQuestion(input.question ?? '');
    setLoading(true);
    const result = await ami['consultations:preview'](input);
    setLoading(false);
    if (result.ok) setPreview(result.value);
    else {
      setPreview(null);
      setError(result.error);
    }
  };

  return (
    <details
      className="preview"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>Preview</summary>
      <div className="preview-body">
        {loading && <p className="muted">Preparing the preview…</p>}
        {problem && <p className="notice">{problem}</p>}
        {error && <ErrorNotice error={error} onOpenSettings={onOpenSettings} />}
        {preview && (
          <>
            <dl className="preview-facts">
              <dt>Passage</dt>
              <dd>
                <q>{firstWords(preview.passage.text, 240)}</q> ({preview.passage.text.length} characters)
              </dd>
              <dt>Request</dt>
              <dd>{preview.templateName}</dd>
              <dt>Question</dt>
              <dd>{question.trim() ? question : <span className="muted">none (the request's instruction only)</span>}</dd>
              <dt>Model</dt>
              <dd>
                <code>{preview.route.requestedModel}</code>
              </dd>
              <dt>Sent to</dt>
              <dd>
                <code>{preview.route.baseUrl}</code>
              </dd>
              <dt>Context</dt>
              <dd>The whole draft is attached ({preview.draftChars.toLocaleString()} characters).</dd>
              <dt>Privacy</dt>
              <dd>
                {preview.route.dataCollection === 'deny'
                  ? 'Providers are asked not to collect or train on this data (data_collection: deny).'
                  : 'Providers that may collect data are allowed (data_collection: allow).'}
              </dd>
              {!preview.keySet && (
                <>
                  <dt>API key</dt>
                  <dd>Not set yet: asking will fail until a key is added in Settings.</dd>
                </>
              )}
            </dl>
            <details className="preview-messages">
              <summary>Full messages ({preview.messages.length})</summary>
              <pre>
                {preview.messages.map((m, i) => `── ${m.role} ──\n${m.content}${i < preview.messages.length - 1 ? '\n\n' : ''}`).join('')}
              </pre>
            </details>
          </>
        )}
        <button type="button" className="quiet small" onClick={() => void load()}>
          Refresh preview
        </button>
      </div>
    </details>
  );
}
