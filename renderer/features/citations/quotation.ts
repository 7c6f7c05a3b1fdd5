// "Copy as quotation": the only way a reply's words reach the author's draft is the author pasting this block
// themselves. It is a Markdown blockquote, attributed to the model that served the reply, with its citation marker.
import { citationMarker } from '../../../shared/citation-markers';
import type { Reply } from '../../../shared/domain';
import { t } from '../../i18n';

export function quotationDate(reply: Reply): string {
  return (reply.completedAt ?? reply.startedAt).slice(0, 10);
}

export function quotationOf(reply: Reply): string {
  // Only a citation (a reply with text, hence a number) can be quoted: a marker must point at something.
  if (reply.citationNumber === null) throw new Error('a request without a reply cannot be quoted');
  const model = reply.servedModel ?? t('common.unidentifiedModel');
  const incomplete = reply.status === 'complete' ? '' : t('citations.quotationIncomplete');
  const body = reply.text
    .replace(/\r\n?/g, '\n')
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
  const attribution = t('citations.quotationAttribution', { model, date: quotationDate(reply), incomplete, marker: citationMarker(reply.citationNumber) });
  return `${body}\n>\n> ${attribution}\n`;
}
