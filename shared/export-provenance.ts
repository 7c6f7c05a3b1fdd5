// The machine-readable provenance record exported beside a draft: the same facts as the AI-use statement, every
// citation's record, and the hashes that let anyone check which text each model was shown.
import { aiUseFacts, statementInputOf } from './ai-use-statement.js';
import type { GuardReport } from './domain.js';
import { isNumbered, numberedCitations, type ExportInput } from './export-input.js';
import { detectLanguage } from './language.js';

export const PROVENANCE_FORMAT = 'ami-provenance/1';

export function renderProvenance(input: ExportInput & { guardReport?: GuardReport }): string {
  const facts = aiUseFacts(statementInputOf(input, detectLanguage(input.draft.text)));
  const record = {
    format: PROVENANCE_FORMAT,
    exportedAt: input.exportedAt,
    appVersion: input.appVersion,
    draft: { id: input.draft.id, title: input.draft.title, sha256: input.draftSha256, characters: input.draft.text.length },
    statement: facts,
    modelWordingInDraft: input.guardReport ?? null,
    // Requests that failed before any text left the machine too (invariant 3), but are not citations.
    failedRequests: input.citations
      .filter((c) => !isNumbered(c))
      .map(({ reply, consultation }) => ({
        consultationId: consultation.id,
        replyId: reply.id,
        turn: reply.turn,
        question: reply.question,
        askedAt: reply.startedAt,
        route: consultation.route,
        passage: consultation.passage,
        draftSha256Sent: consultation.draftHash,
        status: reply.status,
        error: reply.error ? { kind: reply.error.kind, code: reply.error.code ?? null, message: reply.error.message } : null,
      })),
    citations: numberedCitations(input.citations)
      .map(({ reply, consultation, anchor }) => ({
        number: reply.citationNumber,
        state: reply.state,
        note: reply.note,
        consultation: {
          id: consultation.id,
          kind: consultation.kind,
          template: consultation.templateName,
          question: consultation.question,
          language: consultation.language,
          askedAt: consultation.createdAt,
          revisionId: consultation.revisionId,
          passage: consultation.passage,
          route: consultation.route,
          /** SHA-256 of the whole draft text this model was sent as context. */
          draftSha256Sent: consultation.draftHash,
          previousConsultationId: consultation.previousId,
        },
        reply: {
          id: reply.id,
          turn: reply.turn,
          question: reply.question,
          text: reply.text,
          status: reply.status,
          servedModel: reply.servedModel,
          provider: reply.provider,
          generationId: reply.generationId,
          finishReason: reply.finishReason,
          usage: reply.usage,
          latencyMs: reply.latencyMs,
          startedAt: reply.startedAt,
          completedAt: reply.completedAt,
          error: reply.error ? { kind: reply.error.kind, code: reply.error.code ?? null, message: reply.error.message } : null,
        },
        anchor,
      })),
  };
  return JSON.stringify(record, null, 2) + '\n';
}
