import type { Citation } from '../../../shared/domain';

/** The first replies of the consultations asked together in this group, in the order they were asked. */
export function opinionSiblings(citations: Citation[], group: string): Citation[] {
  return citations.filter((c) => c.consultation.opinionGroup === group && c.reply.turn === 0);
}

/** For each opinion group, how many consultations it holds. */
export function opinionGroupSizes(citations: Citation[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const c of citations) {
    const group = c.consultation.opinionGroup;
    if (group && c.reply.turn === 0) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  }
  return sizes;
}
