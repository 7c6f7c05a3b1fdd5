// Markdown styling, left out while the draft is longer than MARKDOWN_STYLING_MAX_CHARS. The Markdown parser reads a
// whole paragraph at once on every edit inside it, and gives way to the author only between paragraphs: in a draft of
// millions of characters with no blank line (a pasted log, a list of a million lines), each key would freeze the
// page for a second or more. Over the limit the draft is edited as plain text; styling comes back below it.
import { markdown } from '@codemirror/lang-markdown';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';

export const MARKDOWN_STYLING_MAX_CHARS = 2_000_000;

const languageCompartment = new Compartment();
const styled = markdown();
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
