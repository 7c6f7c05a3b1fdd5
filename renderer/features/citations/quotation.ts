// "Copy as quotation": the only way a reply's words reach the author's draft is the author pasting this block
// themselves. It is a Markdown blockquote, attributed to the model that served the reply, with its citation marker.
import { citationMarker } from '../../../shared/citation-markers';
import type { Reply } from '../../../shared/domain';

export function quotationDate(reply: Reply): string {
  return (reply.completedAt ?? reply.startedAt).slice(0, 10);
}

export function quotationOf(reply: Reply): string {
  // Only a citation (a reply with text, hence a number) can be quoted: a marker must point at something.
  if (reply.citationNumber === null) throw new Error('a request without a reply cannot be quoted');
  const model = reply.servedModel ?? 'an unidentified model';
  const incomplete = reply.status === 'complete' ? '' : ', incomplete reply';
  const body = reply.text
    .replace(/\r\n?/g, '\n')
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  return `${body}\n>\n> — ${model}, via Ami, ${quotationDate(reply)}${incomplete} ${citationMarker(reply.citationNumber)}\n`;
}
