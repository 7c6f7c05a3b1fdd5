/**
 * What to insert so that a Markdown block (a quotation) stands on lines of its own between `before` and `after`:
 * a blockquote glued to a paragraph would swallow the paragraph's lines.
 */
export function blockInsertion(before: string, after: string, block: string): string {
  const body = block.replace(/\s+$/, '');
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return `${lead}${body}${trail}`;
}
