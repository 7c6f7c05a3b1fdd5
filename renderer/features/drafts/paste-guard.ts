// Pasting a model's wording into the draft as if it were the author's is what Ami exists to prevent. A paste that
// reproduces a reply is stopped and the author chooses: insert it as an attributed quotation, or nothing.
// Quoted as a blockquote already, it passes silently.
import { citationMarker } from '../../../shared/citation-markers';
import type { GuardReplyInfo } from '../../../shared/domain';
import { findGhostSpans, type ReplyIndex } from '../../../shared/ghost-guard';
import { t } from '../../i18n';

/** A reply the pasted text reproduces; citationNumber is null when the reply belongs to another draft. */
export interface PasteSource {
  replyId: string;
  citationNumber: number | null;
  otherDraftCitation: number | null;
  servedModel: string | null;
}

/** The replies a paste reproduces, in the order their wording appears in it; empty when it may go in. */
export function pasteSources(text: string, index: ReplyIndex, replies: ReadonlyMap<string, GuardReplyInfo>, draftId: string): PasteSource[] {
  const seen = new Set<string>();
  const out: PasteSource[] = [];
  for (const span of findGhostSpans(text, index)) {
    if (seen.has(span.replyId)) continue;
    seen.add(span.replyId);
    const info = replies.get(span.replyId);
    const here = info?.draftId === draftId;
    out.push({
      replyId: span.replyId,
      citationNumber: here ? span.citationNumber : null,
      otherDraftCitation: here ? null : span.citationNumber,
      servedModel: info?.servedModel ?? null,
    });
  }
  return out;
}

/** "citation [3]", or "a reply kept in another draft (its citation [2])". */
export function pasteSourceName(s: PasteSource): string {
  return s.citationNumber !== null ? t('paste.citation', { number: s.citationNumber }) : t('paste.otherDraft', { number: s.otherDraftCitation ?? '' });
}

/** The pasted text as a Markdown blockquote attributed to the models that served it, with citation markers. */
export function pasteQuotation(text: string, sources: readonly PasteSource[]): string {
  const body = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
  const models = [...new Set(sources.map((s) => s.servedModel ?? t('common.unidentifiedModel')))];
  const markers = [...new Set(sources.flatMap((s) => (s.citationNumber === null ? [] : [s.citationNumber])))]
    .sort((a, b) => a - b)
    .map(citationMarker);
  const attribution = [models.join(', '), ...markers].join(' ');
  return `${body}\n>\n> — ${attribution}\n`;
}
