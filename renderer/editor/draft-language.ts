// The draft's language on the editor's content element (lang, for the spellchecker and screen readers). Only the
// start of the draft decides (detectLanguage reads a sample), so it is read again only after an edit there, once
// typing pauses: a keystroke never scans the draft.
import { StateEffect, StateField, type ChangeDesc, type Extension, type Text } from '@codemirror/state';
import { EditorView, ViewPlugin, type PluginValue, type ViewUpdate } from '@codemirror/view';
import type { Language } from '../../shared/domain';
import { detectLanguage, LANGUAGE_SAMPLE_CHARS } from '../../shared/language';

const setDraftLanguage = StateEffect.define<Language>();

export const languageOf = (doc: Text): Language => detectLanguage(doc.sliceString(0, LANGUAGE_SAMPLE_CHARS));

/** Whether these changes could change the language: only edits within the sample detectLanguage reads can. */
export function touchesLanguageSample(changes: ChangeDesc): boolean {
  let touched = false;
  changes.iterChangedRanges((fromA) => {
    if (fromA < LANGUAGE_SAMPLE_CHARS) touched = true;
  });
  return touched;
}

export const draftLanguageField = StateField.define<Language>({
  create: (state) => languageOf(state.doc),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setDraftLanguage)) value = e.value;
    return value;
  },
});

const PAUSE_MS = 800;

class LanguageWatcher implements PluginValue {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly view: EditorView) {}

  update(update: ViewUpdate): void {
    if (!update.docChanged || !touchesLanguageSample(update.changes)) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const language = languageOf(this.view.state.doc);
      if (language !== this.view.state.field(draftLanguageField)) this.view.dispatch({ effects: setDraftLanguage.of(language) });
    }, PAUSE_MS);
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}

export function draftLanguage(): Extension {
  return [
    draftLanguageField,
    ViewPlugin.fromClass(LanguageWatcher),
    EditorView.contentAttributes.compute([draftLanguageField], (state) => ({ lang: state.field(draftLanguageField), spellcheck: 'true' })),
  ];
}
