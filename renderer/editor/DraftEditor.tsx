// The draft editor: CodeMirror 6 driven by props, reporting through callbacks. No IPC inside.
import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import type { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Anchor, Language } from '../../shared/domain';
import { anchorField, domainAnchors, syncAnchors, trackedAnchors } from './anchor-field';
import { AnchorReporter } from './anchor-reporter';
import type { EditorAnchorInput } from './anchor-types';
import { blockInsertion } from './block-insertion';
import { draftLanguageField } from './draft-language';
import { ghostMarkList, ghostMarksUpdated, ghostSourceField, ghostSpansIn, setGhostSource, type GhostSource } from './ghost-marks';
import {
  createDraftState,
  placeholderCompartment,
  placeholderExtension,
  readOnlyCompartment,
  readOnlyExtension,
} from './draft-state';
import { passageAt, passageHeadAt } from './passage-at-cursor';
import { activeConsultationField, flashConsultation, flashField, setActiveConsultation } from './passage-decorations';

export type { EditorAnchorInput } from './anchor-types';

export interface DraftEditorHandle {
  getText(): string;
  /** The selection, or if it is empty the paragraph around the cursor; null if nothing usable (blank line). */
  getPassage(): { from: number; to: number; text: string } | null;
  /** At most the first `chars` characters of getPassage()'s text, without reading the rest. */
  getPassageHead(chars: number): string | null;
  /** Focuses the editor; with a selection, puts it there (a closing modal may have moved the DOM cursor). */
  focus(selection?: { from: number; to: number }): void;
  getSelection(): { from: number; to: number };
  /** Scrolls to and flashes the passage of this consultation. */
  revealConsultation(consultationId: string): void;
  /** Current anchors with status (current | edited | lost) as mapped through the author's edits. */
  getAnchors(): Anchor[];
  /** The text of a consultation's passage as it is now; null when it was deleted. */
  getAnchorText(consultationId: string): string | null;
  /** Selects the index-th model-wording mark (document order) and returns its reply, or null when it is gone. */
  revealGhost(index: number): string | null;
  /** Inserts a block (a quotation the author chose to insert) over `at`, on lines of its own; returns the cursor after it. */
  insertBlock(text: string, at: { from: number; to: number }): number;
}

export interface DraftEditorProps {
  /** Draft id: a new key replaces the document (new EditorState); the same key never resets it. */
  docKey: string;
  initialText: string;
  /** One per consultation; a change adds/updates anchors without resetting the document. */
  anchors: EditorAnchorInput[];
  activeConsultationId: string | null;
  /** Called on each document change with the new document, to be read (toString) only when needed. */
  onChange: (doc: { toString(): string }) => void;
  /** Called at most about every 500 ms while anchor positions or statuses change. */
  onAnchorsChange?: (anchors: Anchor[]) => void;
  onSelectConsultation?: (consultationId: string) => void;
  onBlur?: () => void;
  /** Mod-Enter in the editor. */
  onAskShortcut?: () => void;
  /** Return true to swallow a paste. */
  onPasteText?: (text: string) => boolean;
  /** The replies whose wording is marked where the draft reproduces it (checked when typing pauses). */
  ghostSource?: GhostSource | null;
  /** A click on a span marked as reproducing a reply, or Mod-Alt-c with the cursor in it. */
  onSelectReply?: (replyId: string) => void;
  /** The model-wording marks, in document order, each time the check changes them. */
  onGhostMarksChange?: (marks: { replyId: string; text: string }[]) => void;
  /** The draft's language as the editor reads it: at open, then when an edit changes it (after a pause). */
  onLanguageChange?: (language: Language) => void;
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
      ghostSource: p.ghostSource ?? null,
      extensions: EditorView.updateListener.of((update) => {
        const current = propsRef.current;
        if (update.docChanged) current.onChange(update.state.doc);
        if (update.startState.field(anchorField) !== update.state.field(anchorField)) reporter().schedule();
        if (update.focusChanged && !update.view.hasFocus) current.onBlur?.();
        if (ghostMarksUpdated(update)) current.onGhostMarksChange?.(ghostMarkList(update.state));
        const language = update.state.field(draftLanguageField);
        if (update.startState.field(draftLanguageField) !== language) current.onLanguageChange?.(language);
      }),
    });
  };

  // A new docKey replaces the document; the view itself lives as long as the component.
  useLayoutEffect(() => {
    const view = viewRef.current;
    if (!view) {
      viewRef.current = new EditorView({ state: buildState(), parent: hostRef.current! });
      propsRef.current.onLanguageChange?.(viewRef.current.state.field(draftLanguageField));
      return;
    }
    reporter().flush(); // what the previous draft's anchors became is reported before it goes
    view.setState(buildState());
    propsRef.current.onLanguageChange?.(view.state.field(draftLanguageField));
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
    const view = viewRef.current;
    const source = props.ghostSource ?? null;
    if (view && view.state.field(ghostSourceField, false) !== source) view.dispatch({ effects: setGhostSource.of(source) });
  }, [props.ghostSource, props.docKey]);

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
      getPassageHead: (chars) => (viewRef.current ? passageHeadAt(viewRef.current.state, chars) : null),
      focus: (selection) => {
        const view = viewRef.current;
        if (!view) return;
        view.focus();
        if (selection) {
          // A modal moved the browser's caret while the editor was unfocused, which CodeMirror did not see: its
          // cached DOM selection still equals the state's, so setting the same selection would not be written to the
          // DOM and the stray caret would win. Going through another position first makes it write.
          const length = view.state.doc.length;
          const anchor = Math.min(selection.from, length);
          const head = Math.min(selection.to, length);
          if (length > 0) view.dispatch({ selection: { anchor: anchor === 0 ? length : 0 } });
          view.dispatch({ selection: { anchor, head }, scrollIntoView: true });
        }
      },
      getSelection: () => {
        const main = viewRef.current?.state.selection.main;
        return main ? { from: main.from, to: main.to } : { from: 0, to: 0 };
      },
      getAnchors: () => (viewRef.current ? domainAnchors(viewRef.current.state) : []),
      getAnchorText: (consultationId) => {
        const state = viewRef.current?.state;
        const anchor = state && trackedAnchors(state).find((a) => a.consultationId === consultationId);
        return state && anchor && anchor.status !== 'lost' ? state.doc.sliceString(anchor.from, anchor.to) : null;
      },
      insertBlock: (text, at) => {
        const view = viewRef.current;
        if (!view || view.state.readOnly) return at.to;
        const doc = view.state.doc;
        const from = Math.min(at.from, doc.length);
        const to = Math.min(Math.max(from, at.to), doc.length);
        const insert = blockInsertion(doc.sliceString(Math.max(0, from - 2), from), doc.sliceString(to, to + 2), text);
        view.dispatch({
          changes: { from, to, insert },
          selection: { anchor: from + insert.length },
          scrollIntoView: true,
          userEvent: 'input.paste',
        });
        return from + insert.length;
      },
      revealGhost: (index) => {
        const view = viewRef.current;
        const span = view && ghostSpansIn(view.state)[index];
        if (!view || !span) return null;
        view.dispatch({ selection: { anchor: span.from, head: span.to }, effects: EditorView.scrollIntoView(span.from, { y: 'center' }) });
        return span.replyId;
      },
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
