// Citations grouped by consultation: the first question and its follow-ups read as one thread. Threads are listed
// newest first; turns inside a thread in the order they were asked.
import type { Citation } from '../../../shared/domain';

export interface CitationThread {
  consultationId: string;
  citations: Citation[]; // by turn
  /** Highest citation number of the thread: its most recent activity. */
  latest: number;
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
    threads.push({ consultationId, citations: visible, latest: Math.max(...list.map((c) => c.reply.citationNumber)) });
  }
  return threads.sort((a, b) => b.latest - a.latest);
}
