// The editor's language attribute, without a view: read from the start of the draft when it opens, and only an edit
// within that start can change it (so typing further on never makes the page read the draft again).
import { describe, expect, it } from 'vitest';
import { ChangeSet } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { createDraftState } from '../../../renderer/editor/draft-state.js';
import { draftLanguageField, touchesLanguageSample } from '../../../renderer/editor/draft-language.js';
import { LANGUAGE_SAMPLE_CHARS } from '../../../shared/language.js';

const FRENCH = 'Le port se réveille lentement en hiver, et les pêcheurs réparent leurs filets avant l’aube. ';
const ENGLISH = 'The harbour town wakes slowly in winter, and the fishermen mend their nets before dawn. ';

const attributes = (text: string) => {
  const state = createDraftState({ text, anchors: [] });
  return { language: state.field(draftLanguageField), attrs: Object.assign({}, ...state.facet(EditorView.contentAttributes)) };
};

describe('the draft language on the editor content', () => {
  it('is fr for a French draft and en for an English one, with spellcheck on', () => {
    expect(attributes(FRENCH.repeat(3))).toMatchObject({ language: 'fr', attrs: { lang: 'fr', spellcheck: 'true' } });
    expect(attributes(ENGLISH.repeat(3))).toMatchObject({ language: 'en', attrs: { lang: 'en', spellcheck: 'true' } });
    expect(attributes('').attrs.lang).toBe('en');
  });

  it('is decided by the start of the draft: French after the sample does not make an English draft French', () => {
    const start = ENGLISH.repeat(Math.ceil(LANGUAGE_SAMPLE_CHARS / ENGLISH.length));
    expect(attributes(start + FRENCH.repeat(2000)).language).toBe('en');
  });

  it('is read again only after an edit within the sample', () => {
    const length = LANGUAGE_SAMPLE_CHARS * 3;
    expect(touchesLanguageSample(ChangeSet.of({ from: length, insert: 'x' }, length))).toBe(false);
    expect(touchesLanguageSample(ChangeSet.of({ from: LANGUAGE_SAMPLE_CHARS, to: LANGUAGE_SAMPLE_CHARS + 5 }, length))).toBe(false);
    expect(touchesLanguageSample(ChangeSet.of({ from: LANGUAGE_SAMPLE_CHARS - 1, insert: 'x' }, length))).toBe(true);
    expect(touchesLanguageSample(ChangeSet.of({ from: 0, insert: 'x' }, length))).toBe(true);
  });
});
