// The draft editor: CodeMirror 6 driven by props, reporting through callbacks. No IPC inside.
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Anchor } from '../../shared/domain';
import { anchorField, domainAnchors, syncAnchors, trackedAnchors } from './anchor-field';
import { AnchorReporter } from './anchor-reporter';
import type { EditorAnchorInput } from './anchor-types';
import {
  createDraftState,
  placeholderCompartment,
  placeholderExtension,
  readOnlyCompartment,
  readOnlyExtension,
} from './draft-state';
import { passageAt } from './passage-at-cursor';
import { activeConsultationField, flashConsultation, flashField, setActiveConsultation } from './passage-decorations';

export type { EditorAnchorInput } from './anchor-types';

export interface DraftEditorHandle {
  getText(): string;
  /** The selection, or if it is empty the paragraph around the cursor; null if nothing usable (blank line). */
  getPassage(): { from: number; to: number; text: string } | null;
  focus(): void;
  /** Scrolls to and flashes the passage of this consultation. */
  revealConsultation(consultationId: string): void;
  /** Current anchors with status (current | edited | lost) as mapped through the author's edits. */
  getAnchors(): Anchor[];
}

export interface DraftEditorProps {
  /** Draft id: a new key replaces the document (new EditorState); the same key never resets it. */
  docKey: string;
  initialText: string;
  /** One per consultation; a change adds/updates anchors without resetting the document. */
  anchors: EditorAnchorInput[];
  activeConsultationId: string | null;
  /** Called on each document change (the caller debounces saving). */
  onChange: (text: string) => void;
  /** Called at most about every 500 ms while anchor positions or statuses change. */
  onAnchorsChange?: (anchors: Anchor[]) => void;
  onSelectConsultation?: (consultationId: string) => void;
  onBlur?: () => void;
  /** Mod-Enter in the editor. */
  onAskShortcut?: () => void;
  /** Return true to swallow a paste. */
  onPasteText?: (text: string) => boolean;
  readOnly?: boolean;
  placeholder?: string;
}

const FLASH_MS = 1300;
const REPORT_INTERVAL_MS = 500;

export const DraftEditor = forwardRef<DraftEditorHandle, DraftEditorProps>(function DraftEditor(props, ref) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const reporterRef = useRef<AnchorReporter | null>(null);
  const flashTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reporter = () =>
    (reporterRef.current ??= new AnchorReporter(() => {
      const view = viewRef.current;
      if (view) propsRef.current.onAnchorsChange?.(domainAnchors(view.state));
    }, REPORT_INTERVAL_MS));

  const buildState = (): EditorState => {
    const p = propsRef.current;
    return createDraftState({
      text: p.initialText,
      anchors: p.anchors,
      activeConsultationId: p.activeConsultationId,
      readOnly: p.readOnly ?? false,
      placeholder: p.placeholder,
      callbacks: () => propsRef.current,
      extensions: EditorView.updateListener.of((update) => {
        const current = propsRef.current;
        if (update.docChanged) current.onChange(update.state.doc.toString());
        if (update.startState.field(anchorField) !== update.state.field(anchorField)) reporter().schedule();
        if (update.focusChanged && !update.view.hasFocus) current.onBlur?.();
      }),
    });
  };

  // A new docKey replaces the document; the view itself lives as long as the component.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) {
      viewRef.current = new EditorView({ state: buildState(), parent: hostRef.current! });
      return;
    }
    reporter().flush(); // what the previous draft's anchors became is reported before it goes
    view.setState(buildState());
    // The positions of a reopened draft may have been relocated: the store learns them.
    reporter().schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.docKey]);

  useLayoutEffect(
    () => () => {
      reporterRef.current?.flush();
      if (flashTimer.current !== null) clearTimeout(flashTimer.current);
      viewRef.current?.destroy();
      viewRef.current = null;
    },
    [],
  );

  useEffect(() => {
    viewRef.current?.dispatch({ effects: syncAnchors.of(props.anchors) });
  }, [props.anchors]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.field(activeConsultationField) !== props.activeConsultationId) {
      view.dispatch({ effects: setActiveConsultation.of(props.activeConsultationId) });
    }
  }, [props.activeConsultationId, props.docKey]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: readOnlyCompartment.reconfigure(readOnlyExtension(props.readOnly ?? false)) });
  }, [props.readOnly]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: placeholderCompartment.reconfigure(placeholderExtension(props.placeholder)) });
  }, [props.placeholder]);

  useImperativeHandle(
    ref,
    (): DraftEditorHandle => ({
      getText: () => viewRef.current?.state.doc.toString() ?? propsRef.current.initialText,
      getPassage: () => (viewRef.current ? passageAt(viewRef.current.state) : null),
      focus: () => viewRef.current?.focus(),
      getAnchors: () => (viewRef.current ? domainAnchors(viewRef.current.state) : []),
      revealConsultation: (consultationId) => {
        const view = viewRef.current;
        const anchor = view && trackedAnchors(view.state).find((a) => a.consultationId === consultationId);
        if (!view || !anchor || anchor.status === 'lost') return;
        view.dispatch({
          effects: [EditorView.scrollIntoView(anchor.from, { y: 'center' }), flashConsultation.of(consultationId)],
        });
        if (flashTimer.current !== null) clearTimeout(flashTimer.current);
        flashTimer.current = setTimeout(() => {
          flashTimer.current = null;
          const v = viewRef.current;
          if (v && v.state.field(flashField, false) === consultationId) v.dispatch({ effects: flashConsultation.of(null) });
        }, FLASH_MS);
      },
    }),
    [],
  );

  return <div ref={hostRef} className="ami-draft-editor" />;
});
