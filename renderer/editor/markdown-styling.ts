// Markdown styling, left out while the draft is longer than MARKDOWN_STYLING_MAX_CHARS. The Markdown parser reads a
// whole paragraph at once on every edit inside it, and gives way to the author only between paragraphs: in a draft of
// millions of characters with no blank line (a pasted log, a list of a million lines), each key would freeze the
// page for a second or more. Over the limit the draft is edited as plain text; styling comes back below it.
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { tags } from '@lezer/highlight';

export const MARKDOWN_STYLING_MAX_CHARS = 2_000_000;

const languageCompartment = new Compartment();
// Headings by level, as a manuscript shows them; the marks (#) take their line's size. Sizes are relative to the
// writing size the author chose.
const headingStyle = HighlightStyle.define([
  { tag: tags.heading1, fontSize: '1.6em', fontWeight: '700', lineHeight: '1.3' },
  { tag: tags.heading2, fontSize: '1.3em', fontWeight: '700', lineHeight: '1.35' },
  { tag: tags.heading3, fontSize: '1.12em', fontWeight: '600' },
  { tag: [tags.heading4, tags.heading5, tags.heading6], fontWeight: '600' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.emphasis, fontStyle: 'italic' },
]);
const styled: Extension = [markdown(), syntaxHighlighting(headingStyle)];
const styledFor = (doc: Text): Extension => (doc.length <= MARKDOWN_STYLING_MAX_CHARS ? styled : []);

export function markdownStyling(doc: Text): Extension {
  return [
    languageCompartment.of(styledFor(doc)),
    // Decided in the same transaction as the edit that crosses the limit, so the parser never sees the long draft.
    EditorState.transactionExtender.of((tr) => {
      if (!tr.docChanged) return null;
      const wanted = tr.newDoc.length <= MARKDOWN_STYLING_MAX_CHARS;
      const has = languageCompartment.get(tr.startState) === styled;
      return wanted === has ? null : { effects: languageCompartment.reconfigure(styledFor(tr.newDoc)) };
    }),
  ];
}
