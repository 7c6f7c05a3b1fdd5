import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { AskInput, AskStarted } from '../../../shared/contract';
import type { AmiError, Template } from '../../../shared/domain';
import { ami } from '../../api/ami-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DraftEditorHandle } from '../../editor/DraftEditor';
import type { LiveReplies } from './live-replies';
import { LiveReplyView } from './LiveReplyView';
import { ModelField } from './ModelField';
import { PreviewDetails } from './PreviewDetails';
import { requestOptions } from './request-options';
import { useLiveReply } from './useLiveReply';
import { usePassageLabel } from './usePassageLabel';

const NO_PASSAGE = 'Select a passage in the draft, or put the cursor in a paragraph, to choose what to ask about.';

interface Props {
  draftId: string;
  readOnly: boolean;
  editor: RefObject<DraftEditorHandle | null>;
  templates: Template[];
  defaultModel: string;
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
  const { draftId, editor, templates, live } = props;
  const options = useMemo(() => requestOptions(templates), [templates]);
  const [request, setRequest] = useState('kind:clarity');
  const [question, setQuestion] = useState('');
  const [model, setModel] = useState(props.defaultModel);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AmiError | null>(null);
  const [asking, setAsking] = useState(false);
  const [current, setCurrent] = useState<AskStarted | null>(null);
  const passageLabel = usePassageLabel(editor, draftId);

  useEffect(() => setModel(props.defaultModel), [props.defaultModel]);
  useEffect(() => {
    setCurrent(null);
    setError(null);
    setProblem(null);
  }, [draftId]);
  // A custom template deleted in Settings cannot stay selected.
  useEffect(() => {
    if (!options.some((o) => o.value === request)) setRequest('kind:clarity');
  }, [options, request]);

  const option = options.find((o) => o.value === request) ?? options[0]!;
  const questionRequired = option.kind === 'question';
  const currentLive = useLiveReply(live, current?.replyId ?? null);
  const streaming = current !== null && !currentLive?.final;

  const buildInput = (): AskInput | string => {
    const handle = editor.current;
    const passage = handle?.getPassage() ?? null;
    if (!handle || !passage || passage.from >= passage.to || !passage.text.trim()) return NO_PASSAGE;
    if (questionRequired && !question.trim()) return 'Write the question you want to ask about this passage.';
    return {
      draftId,
      text: handle.getText(),
      from: passage.from,
      to: passage.to,
      kind: option.kind,
      templateId: option.templateId,
      question: question.trim(),
      model: model.trim() || undefined,
    };
  };

  const ask = async () => {
    if (asking || props.readOnly) return;
    setError(null);
    const input = buildInput();
    if (typeof input === 'string') {
      setProblem(input);
      return;
    }
    setProblem(null);
    setAsking(true);
    try {
      await props.flushSave();
      const result = await ami['consultations:ask'](input);
      if (result.ok) {
        setCurrent(result.value);
        setQuestion('');
        props.onAsked(result.value);
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
    <section className="ask-panel" aria-label="Ask">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <p className="passage-label" aria-live="polite">
          {passageLabel ? (
            <>
              About: <q>{passageLabel}</q>
            </>
          ) : (
            <span className="muted">{NO_PASSAGE}</span>
          )}
        </p>
        <div className="field">
          <label htmlFor="ask-request">Request</label>
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
            Question {questionRequired ? <span className="muted">(required)</span> : <span className="muted">(optional)</span>}
          </label>
          <textarea
            id="ask-question"
            aria-label="Question"
            rows={3}
            value={question}
            aria-required={questionRequired}
            placeholder={questionRequired ? 'What do you want to know about this passage?' : 'Anything in particular? (optional)'}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                void ask();
              }
            }}
          />
        </div>
        <ModelField value={model} onChange={setModel} />
        <PreviewDetails buildInput={buildInput} onOpenSettings={props.onOpenSettings} />
        <div className="ask-actions">
          <button type="submit" className="primary" disabled={asking || streaming || props.readOnly} title="Ask (Ctrl/⌘ Enter)">
            Ask
          </button>
          {asking && <span className="muted">Sending…</span>}
          {props.readOnly && <span className="muted">Restore this draft to ask about it.</span>}
        </div>
      </form>
      {problem && (
        <p className="notice" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorNotice error={error} onOpenSettings={props.onOpenSettings} onDismiss={() => setError(null)} />}
      {current && (
        <LiveReplyView store={live} replyId={current.replyId} onShowCitation={() => props.onShowCitation(current.consultationId)} />
      )}
    </section>
  );
}
