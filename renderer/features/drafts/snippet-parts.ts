// Search snippets come as plain text with \u0002 … \u0003 around matches. They are split into parts here and
// rendered as React elements, so that nothing in a draft or a reply is ever interpreted as HTML.

export interface SnippetPart {
  text: string;
  match: boolean;
}

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let current = '';
  const push = () => {
    if (current) parts.push({ text: current, match });
    current = '';
  };
  for (const ch of snippet) {
    if (ch === '\u0002' || ch === '\u0003') {
      push();
      match = ch === '\u0002';
    } else current += ch;
  }
  push();
  return parts;
}
