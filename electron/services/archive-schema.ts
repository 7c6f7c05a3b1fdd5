// The archive format, validated on import: an archive is a file from outside, so nothing is trusted.
import { z } from 'zod';
import { amiErrorSchema, MAX_DRAFT_CHARS } from '../../shared/contract.js';

export const ARCHIVE_FORMAT = 'ami-archive/1';
export const MANIFEST_FILE = 'ami-archive.json';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const iso = z.string().max(40);
const text = z.string().max(MAX_DRAFT_CHARS);
const small = z.string().max(100_000);
const error = amiErrorSchema;

export const historySchema = z.object({
  draft: z.object({ id, title: z.string().max(500), text, createdAt: iso, updatedAt: iso, trashedAt: iso.nullable() }),
  revisions: z.array(z.object({ id, draftId: id, createdAt: iso, reason: z.enum(['autosave', 'consultation', 'import', 'create']), textHash: z.string().max(64), length: z.number(), text })).max(100_000),
  consultations: z.array(
    z.object({
      id, draftId: id, revisionId: id,
      passage: z.object({ from: z.number().int().min(0), to: z.number().int().min(0), text, hash: z.string().max(64) }),
      kind: z.enum(['clarity', 'suggestions', 'proofread', 'question', 'explore', 'custom']),
      templateId: z.string().max(64).nullable(), templateName: z.string().max(200), question: small, language: z.enum(['en', 'fr']),
      route: z.object({ baseUrl: z.string().max(500), requestedModel: z.string().max(200), dataCollection: z.enum(['deny', 'allow']) }),
      draftHash: z.string().max(64), createdAt: iso, previousId: id.nullable(),
      anchor: z.object({ consultationId: id, from: z.number().int().min(0), to: z.number().int().min(0), status: z.enum(['current', 'edited', 'lost']) }).nullable(),
    }),
  ).max(100_000),
  replies: z.array(
    z.object({
      id, consultationId: id, turn: z.number().int().min(0), question: small,
      requestMessages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().max(MAX_DRAFT_CHARS * 2) })).max(1000),
      text, servedModel: z.string().max(200).nullable(), provider: z.string().max(200).nullable(), generationId: z.string().max(200).nullable(),
      finishReason: z.string().max(40).nullable(),
      usage: z.object({ promptTokens: z.number().nullable(), completionTokens: z.number().nullable(), cost: z.number().nullable(), costSource: z.enum(['provider', 'generation', 'estimate', 'local']).nullish() }),
      latencyMs: z.number().nullable(), startedAt: iso, completedAt: iso.nullable(),
      status: z.enum(['streaming', 'complete', 'interrupted', 'failed']), error: error.nullable(),
      citationNumber: z.number().int().min(1).nullable(), note: small, state: z.enum(['kept', 'dismissed']),
    }),
  ).max(100_000),
});

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  exportedAt: iso,
  appVersion: z.string().max(40),
  drafts: z.array(z.object({ id, title: z.string().max(500), text: z.string().max(300), history: z.string().max(300) })).max(100_000),
});
