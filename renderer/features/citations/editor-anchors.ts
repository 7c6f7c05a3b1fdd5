// What the editor is given to mark: one anchor per consultation. Where the editor already tracks a consultation,
// its live position wins over the stored one (the author may have typed since the last 'anchors:save').
import type { Anchor, Citation } from '../../../shared/domain';

export interface EditorAnchor {
  consultationId: string;
  from: number;
  to: number;
  passageText: string;
  citationNumbers: number[];
}

export function editorAnchors(citations: Citation[], tracked: Anchor[] = []): EditorAnchor[] {
  const live = new Map(tracked.map((a) => [a.consultationId, a]));
  const byId = new Map<string, EditorAnchor>();
  for (const { consultation, anchor, reply } of citations) {
    const existing = byId.get(consultation.id);
    if (existing) {
      if (reply.citationNumber !== null) existing.citationNumbers.push(reply.citationNumber);
      continue;
    }
    const where = live.get(consultation.id) ?? anchor ?? consultation.passage;
    byId.set(consultation.id, {
      consultationId: consultation.id,
      from: where.from,
      to: where.to,
      passageText: consultation.passage.text,
      citationNumbers: reply.citationNumber === null ? [] : [reply.citationNumber],
    });
  }
  for (const a of byId.values()) a.citationNumbers.sort((x, y) => x - y);
  return [...byId.values()];
}
