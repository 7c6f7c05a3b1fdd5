// Reads a /models answer, from OpenRouter or an OpenAI-compatible local server, into the catalogue. The answer is
// hostile input like any reply: every field is checked, odd entries are skipped rather than failing the list.
import { z } from 'zod';
import { isVariablePrice, parsePrice, type ModelInfo } from '../../shared/pricing.js';
import { AmiFailure } from '../services/ami-error.js';
import { malformedError } from './error-map.js';

/** Most models Ami keeps from one endpoint; OpenRouter lists a few hundred. */
export const MAX_CATALOGUE_MODELS = 20_000;
/** Largest /models body Ami reads, in bytes. */
export const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;

export interface ParsedCatalogue {
  models: ModelInfo[];
  /** How many entries the endpoint listed, before the cap and the text-output filter. */
  listed: number;
  truncated: boolean;
}

const text = (max: number) => z.string().max(max);
const entrySchema = z.object({
  id: text(300).min(1),
  name: z.unknown().optional(),
  context_length: z.unknown().optional(),
  pricing: z.unknown().optional(),
  architecture: z.unknown().optional(),
  expiration_date: z.unknown().optional(),
});

const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function contextLength(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e9 ? value : null;
}

function expiration(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))) return null;
  return value;
}

/** A model that outputs no text (an image generator) cannot answer a question: not offered. */
function outputsText(architecture: unknown): boolean {
  const arch = record(architecture);
  if (!arch) return true;
  const out = arch.output_modalities;
  if (Array.isArray(out)) return out.includes('text');
  if (typeof arch.modality === 'string' && arch.modality.includes('->')) return arch.modality.split('->')[1]!.includes('text');
  return true;
}

export function parseCatalogue(body: unknown, endpoint: { id: string; local: boolean }): ParsedCatalogue {
  const data = record(body)?.data;
  if (!Array.isArray(data)) throw new AmiFailure(malformedError('models.unreadable', 'the model list has no "data" array'));
  const truncated = data.length > MAX_CATALOGUE_MODELS;
  const seen = new Set<string>();
  const models: ModelInfo[] = [];
  for (const raw of data.slice(0, MAX_CATALOGUE_MODELS)) {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success || seen.has(parsed.data.id) || !outputsText(parsed.data.architecture)) continue;
    const m = parsed.data;
    seen.add(m.id);
    const pricing = record(m.pricing);
    const name = typeof m.name === 'string' && m.name.trim() ? m.name.trim().slice(0, 300) : m.id;
    // A local server lists no prices: its models cost nothing to ask.
    const price = (key: string) => (endpoint.local && !pricing ? 0 : parsePrice(pricing?.[key]));
    models.push({
      endpointId: endpoint.id,
      id: m.id,
      name,
      local: endpoint.local,
      contextLength: contextLength(m.context_length),
      prices: { prompt: price('prompt'), completion: price('completion'), request: price('request') },
      variablePrice: isVariablePrice(pricing?.prompt) || isVariablePrice(pricing?.completion),
      expirationDate: expiration(m.expiration_date),
    });
  }
  if (data.length > 0 && models.length === 0 && !data.some((d) => record(d) && typeof record(d)!.id === 'string')) {
    throw new AmiFailure(malformedError('models.unreadable', 'no entry of the model list has an id'));
  }
  return { models, listed: data.length, truncated };
}
