// The seam between consultations and a model provider. Only files in electron/llm import 'openai'.
import type { AmiError, ChatMessage, KeyUsage, Usage } from '../../shared/domain.js';
import type { ParsedCatalogue } from './catalogue-parse.js';

export interface ChatRequest {
  baseUrl: string;
  apiKey: string;
  model: string;
  messages: ChatMessage[];
  dataCollection: 'deny' | 'allow';
  /** Aborting ends the request at once; the outcome is then 'interrupted' with error kind 'cancelled'. */
  signal: AbortSignal;
  /** Called with each piece of text as it streams in, in order. */
  onDelta: (text: string) => void;
}

/** How a chat ended. chat() never throws for provider, network or stream faults: they end up here. */
export interface ChatOutcome {
  status: 'complete' | 'interrupted' | 'failed';
  /** Everything received, verbatim, even when the stream was cut. */
  text: string;
  servedModel: string | null;
  provider: string | null;
  generationId: string | null;
  finishReason: string | null;
  usage: Usage;
  latencyMs: number;
  error: AmiError | null;
}

/** OpenRouter's record of one generation: 'not_ready' while it answers 404 (it may, for a few seconds). */
export type GenerationLookup = { totalCost: number | null } | 'not_ready' | 'unavailable';

export interface LlmClient {
  chat(request: ChatRequest): Promise<ChatOutcome>;
  /** The endpoint's /models, read into the catalogue. Throws AmiFailure with a coded error when it cannot. */
  listModels(options: { baseUrl: string; apiKey: string | null; signal?: AbortSignal; endpoint: { id: string; local: boolean } }): Promise<ParsedCatalogue>;
  /** GET /generation?id=…; servers that have no such endpoint answer 'unavailable'. */
  generation?(options: { baseUrl: string; apiKey: string; id: string; signal?: AbortSignal }): Promise<GenerationLookup>;
  /** GET /key: the key's spending and limit; null when the server or the key does not say. */
  keyUsage?(options: { baseUrl: string; apiKey: string; signal?: AbortSignal }): Promise<KeyUsage | null>;
}
