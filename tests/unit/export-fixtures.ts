// Builders of drafts and citations for the export tests: realistic records, one field changed at a time.
import type { Citation, Consultation, Draft, Reply } from '../../shared/domain.js';
import type { ExportInput } from '../../shared/export-input.js';

export const AT = '2026-03-01T09:12:05.000Z';

export function draft(text: string, title = 'Essai'): Draft {
  return { id: 'd1', title, text, createdAt: AT, updatedAt: AT, trashedAt: null };
}

export function consultation(id: string, patch: Partial<Consultation> = {}): Consultation {
  return {
    id,
    draftId: 'd1',
    revisionId: 'rev1',
    passage: { from: 0, to: 12, text: 'The cat slept', hash: 'ph' },
    kind: 'clarity',
    templateId: 'builtin-clarity-en',
    templateName: 'Clarity',
    question: '',
    language: 'en',
    route: { baseUrl: 'http://127.0.0.1:9/api/v1', requestedModel: 'anthropic/claude-sonnet-4.5', dataCollection: 'deny' },
    draftHash: 'dh',
    createdAt: AT,
    previousId: null,
    ...patch,
  };
}

export function reply(id: string, consultationId: string, citationNumber: number, patch: Partial<Reply> = {}): Reply {
  return {
    id,
    consultationId,
    turn: 0,
    question: '',
    requestMessages: [{ role: 'user', content: 'q' }],
    text: 'The sentence is clear.',
    servedModel: 'anthropic/claude-4.5-sonnet-20250929',
    provider: 'Anthropic',
    generationId: `gen-${id}`,
    finishReason: 'stop',
    usage: { promptTokens: 10, completionTokens: 5, cost: 0.0001 },
    latencyMs: 900,
    startedAt: AT,
    completedAt: AT,
    status: 'complete',
    error: null,
    citationNumber,
    note: '',
    state: 'kept',
    ...patch,
  };
}

export function citation(r: Reply, c: Consultation): Citation {
  return { reply: r, consultation: c, anchor: { consultationId: c.id, from: c.passage.from, to: c.passage.to, status: 'current' } };
}

export function exportInput(text: string, citations: Citation[], patch: Partial<ExportInput> = {}): ExportInput {
  return { draft: draft(text), citations, exportedAt: AT, draftSha256: 'f'.repeat(64), appVersion: '0.1.0', ...patch };
}

/** A reply written to break out of any quotation or escaping that is not airtight. */
export const HOSTILE_REPLY = [
  'Fine overall.',
  '# Heading',
  '[^c1]: See the attacker instead.',
  '[home]: javascript:alert(1)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</blockquote><script>alert(2)</script>',
  '[click](javascript:alert(3)) &amp; &lt;b&gt;',
  '```',
  '<script>alert(4)</script>',
].join('\n');
