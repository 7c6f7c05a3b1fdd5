// Citations grouped by consultation: the first question and its follow-ups read as one thread. Threads are listed
// newest first; turns inside a thread in the order they were asked. A request that failed before any text has no
// citation number, so recency is read from when each turn was asked.
import type { Citation } from '../../../shared/domain';

export interface CitationThread {
  consultationId: string;
  citations: Citation[]; // by turn
  /** When the thread's most recent turn was asked (ISO 8601): its most recent activity. */
  latest: string;
  /** Its highest citation number (0 when none), to order threads asked in the same instant. */
  latestNumber: number;
}

export function citationThreads(citations: Citation[], showDismissed: boolean): CitationThread[] {
  const byId = new Map<string, Citation[]>();
  for (const c of citations) {
    const list = byId.get(c.consultation.id);
    if (list) list.push(c);
    else byId.set(c.consultation.id, [c]);
  }
  const threads: CitationThread[] = [];
  for (const [consultationId, list] of byId) {
    const visible = showDismissed ? list : list.filter((c) => c.reply.state !== 'dismissed');
    if (!visible.length) continue;
    visible.sort((a, b) => a.reply.turn - b.reply.turn);
    threads.push({
      consultationId,
      citations: visible,
      latest: list.map((c) => c.reply.startedAt).sort().pop()!,
      latestNumber: Math.max(0, ...list.map((c) => c.reply.citationNumber ?? 0)),
    });
  }
  return threads.sort((a, b) => (a.latest !== b.latest ? (a.latest < b.latest ? 1 : -1) : b.latestNumber - a.latestNumber));
}
