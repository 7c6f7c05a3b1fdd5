import { useState } from 'react';
import type { AskInput, AskPreview } from '../../../shared/contract';
import type { AmiError } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstWords } from '../../components/format';
import { useTranslation } from 'react-i18next';
import { kindLabel } from './request-options';
import { budgetWarning, estimateNote, formatEstimate } from '../money/money-format';

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
  const [asked, setAsked] = useState<Pick<AskInput, 'kind' | 'templateId'> | null>(null);
  const { t } = useTranslation();

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
    setAsked({ kind: input.kind, templateId: input.templateId });
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
      <summary>{t('preview.title')}</summary>
      <div className="preview-body">
        {loading && <p className="muted">{t('preview.preparing')}</p>}
        {problem && <p className="notice">{problem}</p>}
        {error && <ErrorNotice error={error} onOpenSettings={onOpenSettings} />}
        {preview && (
          <>
            <dl className="preview-facts">
              <dt>{t('preview.passage')}</dt>
              <dd>
                <q>{firstWords(preview.passage.text, 240)}</q> ({t('common.characters', { count: preview.passage.text.length })})
              </dd>
              <dt>{t('preview.request')}</dt>
              {/* A built-in request is named as in the Request menu; the template main picked may be in the draft's language. */}
              <dd>{asked && !asked.templateId ? kindLabel(asked.kind) : preview.templateName}</dd>
              <dt>{t('preview.question')}</dt>
              <dd>{question.trim() ? question : <span className="muted">{t('preview.noQuestion')}</span>}</dd>
              <dt>{t('preview.model')}</dt>
              <dd>
                <code>{preview.route.requestedModel}</code>
              </dd>
              <dt>{t('preview.sentTo')}</dt>
              <dd>
                <code>{preview.route.baseUrl}</code>
              </dd>
              <dt>{t('preview.context')}</dt>
              <dd>{t('preview.wholeDraft', { count: preview.draftChars })}</dd>
              <dt>{t('preview.privacy')}</dt>
              <dd>
                {preview.route.dataCollection === 'deny'
                  ? t('preview.deny')
                  : t('preview.allow')}
              </dd>
              <dt>{t('money.estimateLabel')}</dt>
              <dd>
                {formatEstimate(preview.estimate)}
                <br />
                <span className="muted small">{estimateNote(preview.estimate)}</span>
                {budgetWarning(preview.budget) && (
                  <>
                    <br />
                    <span className="budget-warning small">
                      {budgetWarning(preview.budget)} {preview.refusal && t('money.willRefuse')}
                    </span>
                  </>
                )}
              </dd>
              {!preview.keySet && (
                <>
                  <dt>{t('preview.apiKey')}</dt>
                  <dd>{t('preview.noKey')}</dd>
                </>
              )}
            </dl>
            <details className="preview-messages">
              <summary>{t('preview.messages', { count: preview.messages.length })}</summary>
              <pre>
                {preview.messages.map((m, i) => `── ${m.role} ──\n${m.content}${i < preview.messages.length - 1 ? '\n\n' : ''}`).join('')}
              </pre>
            </details>
          </>
        )}
        <button type="button" className="quiet small" onClick={() => void load()}>
          {t('preview.refresh')}
        </button>
      </div>
    </details>
  );
}
