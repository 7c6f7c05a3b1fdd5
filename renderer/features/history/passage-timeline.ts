// The life of one passage: the revisions where its text changed, interleaved with the consultations about it (the
// first question and every "Ask again" linked to it), in date order. Read-only: it is computed from stored texts.
import { createRelocator } from '../../../shared/anchor-relocate';
import type { Consultation, Revision, RevisionReason } from '../../../shared/domain';
import { t } from '../../i18n';

export type TimelineEntry =
  | { type: 'consultation'; at: string; consultation: Consultation }
  | { type: 'revision'; at: string; revisionId: string; reason: RevisionReason; before: string; after: string | null };

/** The consultations linked to `id` by previousId, in either direction, oldest first. */
export function consultationChain(id: string, consultations: readonly Consultation[]): Consultation[] {
  const byId = new Map(consultations.map((c) => [c.id, c]));
  const linked = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of consultations) {
      const link = c.previousId;
      if (!link || !byId.has(link)) continue;
      if (linked.has(c.id) !== linked.has(link)) {
        linked.add(c.id);
        linked.add(link);
        grew = true;
      }
    }
  }
  return consultations.filter((c) => linked.has(c.id)).sort(byDate);
}

const byDate = (a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt);

/**
 * Follows the passage through the revisions after the first consultation: each revision is searched for the
 * passage as last seen (exact text near its last place, else the most similar words), and an entry is kept when
 * the text found differs. A consultation restarts the search from its own passage.
 */
export function passageTimeline(chain: readonly Consultation[], revisions: readonly Revision[]): TimelineEntry[] {
  if (!chain.length) return [];
  // A consultation's revision is recorded as it starts: at the same instant, the revision comes first.
  const events = [
    ...chain.map((c) => ({ at: c.createdAt, consultation: c, revision: null as Revision | null })),
    ...revisions.filter((r) => r.createdAt >= chain[0]!.createdAt).map((r) => ({ at: r.createdAt, consultation: null, revision: r })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.consultation ? 1 : 0) - (b.consultation ? 1 : 0));

  const out: TimelineEntry[] = [];
  let known: { text: string; from: number; to: number; lost: boolean } | null = null;
  for (const e of events) {
    if (e.consultation) {
      const p = e.consultation.passage;
      known = { text: p.text, from: p.from, to: p.to, lost: false };
      out.push({ type: 'consultation', at: e.at, consultation: e.consultation });
      continue;
    }
    const r = e.revision!;
    if (!known) continue;
    const found = createRelocator(r.text)(known.text, known);
    if (found.status === 'lost') {
      if (!known.lost) out.push({ type: 'revision', at: r.createdAt, revisionId: r.id, reason: r.reason, before: known.text, after: null });
      known = { ...known, lost: true };
      continue;
    }
    const text = r.text.slice(found.from, found.to);
    if (text !== known.text || known.lost) {
      out.push({ type: 'revision', at: r.createdAt, revisionId: r.id, reason: r.reason, before: known.text, after: text });
    }
    known = { text, from: found.from, to: found.to, lost: false };
  }
  return out;
}

export function reasonLabel(reason: RevisionReason): string {
  return t(`history.reasons.${reason}`);
}
