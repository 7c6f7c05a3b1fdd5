import { useEffect, useMemo, useState, type RefObject } from 'react';
import { MAX_OPINION_MODELS, type AskInput, type AskStarted } from '../../../shared/contract';
import { OPENROUTER_ENDPOINT_ID, type AmiError, type Settings, type Template } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DraftEditorHandle } from '../../editor/DraftEditor';
import type { LiveReplies } from './live-replies';
import { LiveReplyView } from './LiveReplyView';
import { ModelPicker, type ModelChoice } from './ModelPicker';
import { toggleFavourite } from './favourites';
import { PreviewDetails } from './PreviewDetails';
import { requestOptions } from './request-options';
import { useAnyStreaming } from './useAnyStreaming';
import { usePassageLabel } from './usePassageLabel';
import { useTranslation } from 'react-i18next';
import { CostEstimateLine } from '../money/CostEstimateLine';
import { useCostEstimate } from '../money/useCostEstimate';

interface Props {
  draftId: string;
  readOnly: boolean;
  editor: RefObject<DraftEditorHandle | null>;
  templates: Template[];
  defaultModel: string;
  settings: Settings | null;
  onSettings: (settings: Settings) => void;
  live: LiveReplies;
  /** Saves what is pending before the question goes out. */
  flushSave: () => Promise<boolean>;
  onAsked: (started: AskStarted) => void;
  onShowCitation: (consultationId: string) => void;
  onOpenSettings: () => void;
  /** Bumped by the editor's Mod-Enter. */
  askSignal: number;
}

export function AskPanel(props: Props) {
  const { t, i18n } = useTranslation();
  const { draftId, editor, templates, live } = props;
  // The built-in requests are named in the interface language: the list follows it.
  const options = useMemo(() => requestOptions(templates), [templates, i18n.language]);
  const [request, setRequest] = useState('kind:clarity');
  const [question, setQuestion] = useState('');
  const defaultChoice = (): ModelChoice => ({ endpointId: props.settings?.defaultEndpointId ?? OPENROUTER_ENDPOINT_ID, model: props.defaultModel });
  const [model, setModel] = useState<ModelChoice>(defaultChoice);
  const [sentChars, setSentChars] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [asking, setAsking] = useState(false);
  /** More models asked the same question beside the main one (a second opinion); '' while being written. */
  const [others, setOthers] = useState<ModelChoice[]>([]);
  /** What was just asked: one entry per model, each streaming and cancelled on its own. */
  const [current, setCurrent] = useState<{ started: AskStarted; model: string }[]>([]);
  const passageLabel = usePassageLabel(editor, draftId);

  useEffect(() => setModel(defaultChoice()), [props.defaultModel, props.settings?.defaultEndpointId]);
  useEffect(() => {
    setCurrent([]);
    setError(null);
    setProblem(null);
  }, [draftId]);
  // A custom template deleted in Settings cannot stay selected.
  useEffect(() => {
    if (!options.some((o) => o.value === request)) setRequest('kind:clarity');
  }, [options, request]);

  const option = options.find((o) => o.value === request) ?? options[0]!;
  const questionRequired = option.kind === 'question';
  const streaming = useAnyStreaming(live, current.map((c) => c.started.replyId));

  const buildInput = (): AskInput | string => {
    const handle = editor.current;
    const passage = handle?.getPassage() ?? null;
    if (!handle || !passage || passage.from >= passage.to || !passage.text.trim()) return t('ask.noPassage');
    if (questionRequired && !question.trim()) return t('ask.questionMissing');
    return {
      draftId,
      text: handle.getText(),
      from: passage.from,
      to: passage.to,
      kind: option.kind,
      templateId: option.templateId,
      question: question.trim(),
      model: model.model.trim() || undefined,
      endpointId: model.endpointId,
    };
  };

  // Asked again when what the request depends on changes (and after each question: the month's spend moved).
  const estimate = useCostEstimate(
    buildInput,
    [draftId, request, model.endpointId, model.model, question, passageLabel, current.map((c) => c.started.replyId).join(','), streaming ? 1 : 0].join('\u0000'),
  );

  // The context warning measures the very messages the preview shows, as main builds them.
  const measure = async () => {
    const input = buildInput();
    if (typeof input === 'string') return setSentChars(null);
    const result = await ami['consultations:preview'](input);
    setSentChars(result.ok ? result.value.messages.reduce((n, m) => n + m.content.length, 0) : null);
  };

  const ask = async () => {
    if (asking || props.readOnly) return;
    setError(null);
    const input = buildInput();
    if (typeof input === 'string') {
      setProblem(input);
      return;
    }
    const extra = others.filter((m) => m.model.trim());
    // One request goes to one server: a second opinion asks models of the same one.
    if (extra.some((m) => m.endpointId !== model.endpointId)) {
      setProblem(t('secondOpinion.oneServer'));
      return;
    }
    const models = extra.length ? [input.model ?? props.defaultModel, ...extra.map((m) => m.model.trim())] : [];
    if (new Set(models).size !== models.length) {
      setProblem(t('secondOpinion.sameModelTwice'));
      return;
    }
    setProblem(null);
    setAsking(true);
    try {
      await props.flushSave();
      const { model: _one, ...rest } = input;
      const result = models.length ? await ami['consultations:askMany']({ ...rest, models }) : await ami['consultations:ask'](input);
      if (result.ok) {
        const started = Array.isArray(result.value) ? result.value : [result.value];
        const asked = models.length ? models : [input.model ?? props.defaultModel];
        setCurrent(started.map((s, i) => ({ started: s, model: asked[i]! })));
        setQuestion('');
        props.onAsked(started[0]!);
        // Main noted the models as recently used.
        void ami['settings:get']({}).then((r) => r.ok && props.onSettings(r.value));
      } else setError(result.error);
    } finally {
      setAsking(false);
    }
  };

  useEffect(() => {
    if (props.askSignal > 0) void ask();
    // Only a new signal asks; ask itself reads the latest state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.askSignal]);

  return (
    <section className="ask-panel" aria-label={t('ask.panel')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <p className="passage-label" aria-live="polite">
          {passageLabel ? (
            <>
              {t('ask.about')} <q>{passageLabel}</q>
            </>
          ) : (
            <span className="muted">{t('ask.noPassage')}</span>
          )}
        </p>
        <div className="field">
          <label htmlFor="ask-request">{t('ask.request')}</label>
          <select id="ask-request" value={request} onChange={(e) => setRequest(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ask-question">
            {t('ask.question')} {questionRequired ? <span className="muted">{t('ask.required')}</span> : <span className="muted">{t('ask.optional')}</span>}
          </label>
          <textarea
            id="ask-question"
            aria-label={t('ask.question')}
            rows={3}
            value={question}
            aria-required={questionRequired}
            placeholder={questionRequired ? t('ask.questionPlaceholderRequired') : t('ask.questionPlaceholderOptional')}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                void ask();
              }
            }}
          />
        </div>
        {props.settings && (
          <>
            <ModelPicker
              label={t('ask.model')}
              value={model}
              onChange={(choice) => {
                setModel(choice);
                void measure();
              }}
              settings={props.settings}
              onToggleFavourite={(ref) => void toggleFavourite(props.settings!, ref, props.onSettings)}
              sentChars={sentChars}
              onOpen={() => void measure()}
            />
            {others.map((other, i) => (
              <div className="other-model" key={i}>
                <ModelPicker
                  id={`ask-model-${i + 2}`}
                  label={t('secondOpinion.otherModel', { n: i + 2 })}
                  value={other}
                  onChange={(value) => setOthers((all) => all.map((m, j) => (j === i ? value : m)))}
                  settings={props.settings!}
                  onToggleFavourite={(ref) => void toggleFavourite(props.settings!, ref, props.onSettings)}
                  sentChars={sentChars}
                />
                <button
                  type="button"
                  className="quiet small"
                  aria-label={t('secondOpinion.removeModel', { n: i + 2 })}
                  onClick={() => setOthers((all) => all.filter((_, j) => j !== i))}
                >
                  {t('secondOpinion.remove')}
                </button>
              </div>
            ))}
            {others.length < MAX_OPINION_MODELS - 1 && (
              <button
                type="button"
                className="quiet small also-ask"
                title={t('secondOpinion.alsoAskTitle')}
                onClick={() => setOthers((all) => [...all, { endpointId: model.endpointId, model: '' }])}
              >
                {t('secondOpinion.alsoAsk')}
              </button>
            )}
          </>
        )}
        <PreviewDetails buildInput={buildInput} onOpenSettings={props.onOpenSettings} />
        <div className="ask-actions">
          <button type="submit" className="primary" disabled={asking || streaming || props.readOnly} title={t('ask.askTitle')}>
            {t('ask.ask')}
          </button>
          <CostEstimateLine value={estimate} />
          {asking && <span className="muted">{t('ask.sending')}</span>}
          {props.readOnly && <span className="muted">{t('ask.restoreToAsk')}</span>}
        </div>
      </form>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNotice error={error} onOpenSettings={props.onOpenSettings} onDismiss={() => setError(null)} />}
      {current.map(({ started, model: asked }) => (
        <LiveReplyView
          key={started.replyId}
          store={live}
          replyId={started.replyId}
          model={current.length > 1 ? asked : undefined}
          onShowCitation={() => props.onShowCitation(started.consultationId)}
        />
      ))}
    </section>
  );
}
