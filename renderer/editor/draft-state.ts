// The editor's state and extensions, without a view: the component builds on this, and tests and benchmarks
// can create the same state in Node.
import { t } from '../i18n';
import { history, historyKeymap, defaultKeymap } from '@codemirror/commands';
import { searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, Prec, Text, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText, drawSelection } from '@codemirror/view';
import { anchorExtension, anchorsAt } from './anchor-field';
import type { EditorAnchorInput } from './anchor-types';
import { draftLanguage } from './draft-language';
import { draftTheme } from './editor-theme';
import { ghostGuard, ghostSpansIn, type GhostSource } from './ghost-marks';
import { markdownStyling } from './markdown-styling';
import { activeConsultationField, isMarked, passageMarks, setActiveConsultation } from './passage-decorations';

/** What the editor reports; read at call time so that new callbacks never require a new state. */
export interface DraftCallbacks {
  onAskShortcut?: () => void;
  onSelectConsultation?: (consultationId: string) => void;
  onPasteText?: (text: string) => boolean;
  /** A click on a span marked as reproducing this reply's wording. */
  onSelectReply?: (replyId: string) => void;
}

export interface DraftStateOptions {
  text: string;
  anchors: readonly EditorAnchorInput[];
  activeConsultationId?: string | null;
  readOnly?: boolean;
  placeholder?: string;
  callbacks?: () => DraftCallbacks;
  /** The replies whose wording is marked where the draft reproduces it. */
  ghostSource?: GhostSource | null;
  /** Extra extensions from the view side (update listener…). */
  extensions?: Extension;
}

export const readOnlyCompartment = new Compartment();
export const placeholderCompartment = new Compartment();

export function readOnlyExtension(readOnly: boolean): Extension {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

export function placeholderExtension(text: string | undefined): Extension {
  return text ? placeholderText(text) : [];
}

/** The innermost marked passage at pos (the active one if several share the smallest size). */
export function markedConsultationAt(state: EditorState, pos: number): string | null {
  const activeId = state.field(activeConsultationField, false) ?? null;
  const found = anchorsAt(state, pos, (a) => isMarked(a, activeId));
  if (!found.length) return null;
  const size = found[0]!.to - found[0]!.from;
  const active = found.find((a) => a.consultationId === activeId && a.to - a.from === size);
  return (active ?? found[0]!).consultationId;
}

function interaction(callbacks: () => DraftCallbacks): Extension {
  return [
    Prec.high(
      keymap.of([
        {
          key: 'Mod-Enter',
          run: () => {
            const ask = callbacks().onAskShortcut;
            if (!ask) return false;
            ask();
            return true;
          },
        },
        {
          // Shows the citation of what is at the cursor: the reply a model-wording mark reproduces, else the
          // consultation whose passage this is.
          key: 'Mod-Alt-c',
          run: (view) => {
            const head = view.state.selection.main.head;
            const ghost = ghostSpansIn(view.state).find((s) => s.from <= head && head <= s.to);
            const selectReply = callbacks().onSelectReply;
            if (ghost && selectReply) {
              selectReply(ghost.replyId);
              return true;
            }
            const select = callbacks().onSelectConsultation;
            const id = markedConsultationAt(view.state, head);
            if (!select || !id) return false;
            select(id);
            return true;
          },
        },
      ]),
    ),
    EditorView.domEventHandlers({
      click(event, view) {
        const ghost = event.target instanceof Element ? event.target.closest('.cm-ami-ghost') : null;
        const replyId = ghost?.getAttribute('data-reply');
        const selectReply = callbacks().onSelectReply;
        if (replyId && selectReply && event.button === 0 && view.state.selection.main.empty) {
          selectReply(replyId);
          return false;
        }
        const select = callbacks().onSelectConsultation;
        if (!select || event.button !== 0 || !view.state.selection.main.empty) return false;
        if (!(event.target instanceof Element) || !event.target.closest('.cm-ami-passage')) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        const id = pos === null ? null : markedConsultationAt(view.state, pos);
        if (id) select(id);
        return false; // the click still places the cursor
      },
      paste(event) {
        const intercept = callbacks().onPasteText;
        const text = event.clipboardData?.getData('text/plain');
        if (!intercept || text === undefined || !intercept(text)) return false;
        event.preventDefault();
        return true;
      },
    }),
  ];
}

export function createDraftState(options: DraftStateOptions): EditorState {
  const callbacks = options.callbacks ?? (() => ({}));
  const doc = Text.of(options.text.split(/\r\n?|\n/));
  const state = EditorState.create({
    doc,
    extensions: [
      anchorExtension(doc, options.anchors),
      passageMarks,
      ghostGuard(options.ghostSource ?? null),
      history(),
      drawSelection(),
      EditorView.lineWrapping,
      markdownStyling(doc),
      draftLanguage(),
      interaction(callbacks),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
      readOnlyCompartment.of(readOnlyExtension(options.readOnly ?? false)),
      placeholderCompartment.of(placeholderExtension(options.placeholder)),
      EditorView.contentAttributes.of({ 'aria-label': t('editor.label'), role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' }),
      draftTheme,
      options.extensions ?? [],
    ],
  });
  const active = options.activeConsultationId ?? null;
  return active ? state.update({ effects: setActiveConsultation.of(active) }).state : state;
}
