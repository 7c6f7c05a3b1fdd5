// Domain vocabulary shared by main and renderer. See DESIGN.md "Words we use".
// Pure types and constants only: shared/ imports nothing from Node, the DOM, Electron, SQLite or openai.
import type { ErrorCode, ErrorParams } from './error-messages.js';

export const REQUEST_KINDS = ['clarity', 'suggestions', 'proofread', 'question', 'explore'] as const;
/** Built-in request kinds; templates the author adds are of kind 'custom'. */
export type BuiltinKind = (typeof REQUEST_KINDS)[number];
export type RequestKind = BuiltinKind | 'custom';

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The interface language: 'auto' follows the system (the browser's or the OS's preferred languages). */
export const UI_LANGUAGE_CHOICES = ['auto', 'en', 'fr'] as const;
export type UiLanguageChoice = (typeof UI_LANGUAGE_CHOICES)[number];

export interface Draft {
  id: string;
  title: string;
  text: string;
  createdAt: string; // ISO 8601
  updatedAt: string;
  trashedAt: string | null;
}

export interface DraftSummary {
  id: string;
  title: string;
  excerpt: string;
  updatedAt: string;
  trashedAt: string | null;
  citationCount: number;
}

export type RevisionReason = 'autosave' | 'consultation' | 'import' | 'create';

export interface RevisionSummary {
  id: string;
  draftId: string;
  createdAt: string;
  reason: RevisionReason;
  textHash: string; // SHA-256 hex of the text
  length: number;
}

export interface Revision extends RevisionSummary {
  text: string;
}

/** A range of a draft that a question is about: offsets (UTF-16, as CodeMirror counts) + exact text + hash. */
export interface Passage {
  from: number;
  to: number;
  text: string;
  hash: string; // SHA-256 hex of text
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What decides where a request goes. Recorded with every consultation (invariant 3). */
export interface Route {
  baseUrl: string;
  requestedModel: string;
  dataCollection: 'deny' | 'allow';
}

export type ReplyStatus = 'streaming' | 'complete' | 'interrupted' | 'failed';
export type CitationState = 'kept' | 'dismissed';
export type AnchorStatus = 'current' | 'edited' | 'lost';

export interface Consultation {
  id: string;
  draftId: string;
  revisionId: string;
  passage: Passage;
  kind: RequestKind;
  templateId: string | null;
  templateName: string;
  question: string; // the author's own question; may be empty
  language: Language;
  route: Route;
  draftHash: string; // SHA-256 of the draft text sent as context
  createdAt: string;
  /** A consultation asked again about the edited text of an older one. */
  previousId: string | null;
  /**
   * Shared by the consultations asked of several models at once (a second opinion), to compare them side by side.
   * Each stays its own consultation and citation; nothing combines their replies. null or absent when asked alone.
   */
  opinionGroup?: string | null;
}

export interface Usage {
  promptTokens: number | null;
  completionTokens: number | null;
  cost: number | null; // USD (OpenRouter credits)
  /** Where the cost comes from; 'estimate' means Ami computed it from tokens and prices. Absent/null: unknown. */
  costSource?: CostSource | null;
}

export type CostSource = 'provider' | 'generation' | 'estimate' | 'local';

/** One model answer to one turn of a consultation, verbatim (invariant 2). */
export interface Reply {
  id: string;
  consultationId: string;
  turn: number; // 0 for the first question, 1.. for follow-ups
  question: string; // the question of this turn (the follow-up text for turn > 0)
  requestMessages: ChatMessage[]; // exactly what was sent for this turn (invariant 3)
  text: string;
  servedModel: string | null; // the response's `model`, not the requested one
  provider: string | null;
  generationId: string | null;
  finishReason: string | null;
  usage: Usage;
  latencyMs: number | null; // request start → last byte
  startedAt: string;
  completedAt: string | null;
  status: ReplyStatus;
  error: AmiError | null;
  /**
   * Stable per draft, 1-based, contiguous; resolves [^cN] markers. Given when the first text arrives: null for a
   * request that failed (or is still waiting) before any text, which is not a citation.
   */
  citationNumber: number | null;
  note: string;
  state: CitationState;
}

export interface Anchor {
  consultationId: string;
  from: number;
  to: number;
  status: AnchorStatus;
}

/** A reply as the author sees it: the reply, its consultation and where its passage is now. */
export interface Citation {
  reply: Reply;
  consultation: Consultation;
  anchor: Anchor | null;
}

export interface Template {
  id: string;
  kind: RequestKind;
  language: Language;
  name: string;
  instruction: string;
  builtin: boolean;
  updatedAt: string;
}

export type ErrorKind =
  | 'no_key' // no API key configured
  | 'bad_key' // 401
  | 'no_credit' // 402
  | 'forbidden' // 403 without moderation details
  | 'moderation' // 403 with moderation reasons
  | 'rate_limited' // 429
  | 'bad_model' // 404, or 400 "not a valid model ID"
  | 'bad_request' // other 400 / 413 / 422
  | 'context_too_long'
  | 'provider_down' // 5xx, 502 provider errors, 503 no provider
  | 'network' // no response at all
  | 'timeout' // no byte for too long
  | 'malformed' // 200 without choices, non-JSON body, stream cut without finish_reason
  | 'cancelled' // the author pressed Cancel
  | 'validation' // input refused at the boundary
  | 'not_found'
  | 'storage' // SQLite or file system
  | 'unsupported' // not available in this mode
  | 'needs_confirmation' // the author must confirm first (e.g. exporting a draft that holds unquoted model wording)
  | 'budget' // refused before sending by the author's own monthly budget (hard stop)
  | 'internal';

/** An error as a value: crosses IPC intact (a thrown Error keeps only its message). */
export interface AmiError {
  kind: ErrorKind;
  /** One or two sentences for a person: what happened and what to do (English, from ERROR_MESSAGES.en[code]). */
  message: string;
  /** Stable identifier of the sentence, to say it in another language (shared/error-messages.ts). */
  code?: ErrorCode;
  /** The values interpolated into the sentence (model, provider, seconds, an ISO time…). */
  params?: ErrorParams;
  /** Technical detail (provider message, status), shown on demand. Never contains the API key. */
  detail?: string;
  status?: number;
  /** When a rate limit resets (ISO 8601), if known. */
  retryAt?: string;
  /** Moderation reasons, if any. */
  reasons?: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AmiError };

export interface KeyStatus {
  set: boolean;
  source: 'env' | 'stored' | null;
  /** 'basic_text' means the OS offers no keyring: the key is encrypted with a fixed password. */
  storage: 'keyring' | 'basic_text' | 'env' | 'unavailable' | null;
}

export interface Settings {
  baseUrl: string;
  defaultModel: string;
  dataCollection: 'deny' | 'allow';
  uiLanguage: UiLanguageChoice;
  key: KeyStatus;
  /** USD per calendar month (UTC); null = no budget; 0 = send nothing that costs. */
  budgetMonthlyUsd: number | null;
  budgetHardStop: boolean;
  /** gCO2e per kWh for footprint estimates (default: world average). */
  gridIntensity: number;
  /** What the author's machine draws while a local model answers, W; null = not set (footprint unknown). */
  localPowerW: number | null;
  /** The built-in endpoint first, then the ones the author added. */
  endpoints: EndpointInfo[];
  defaultEndpointId: string;
  /** modelKey(endpointId, modelId) of the starred models, and of the last ones asked, newest first. */
  favouriteModels: string[];
  recentModels: string[];
}

/** One month × one model of the stored replies (months in UTC, 'YYYY-MM'). */
export interface UsageRow {
  month: string;
  /** The served model, or the requested one for a request that got no answer saying which. */
  model: string;
  /** Replies that became citations (they got text). */
  citations: number;
  /** Requests that ended without any text: not citations, but their tokens and cost count if the provider gave any. */
  failedRequests: number;
  promptTokens: number;
  completionTokens: number;
  /** USD; null when no reply of the row said its cost. */
  cost: number | null;
  /** Replies of the row whose cost is not known (cost then sums only the others). */
  costUnknown: number;
}

/** One string for a model of one endpoint (model ids never hold a space). */
export function modelKey(endpointId: string, modelId: string): string {
  return `${endpointId} ${modelId}`;
}

/** Whether a base URL points at this machine. */
export function isLoopback(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
  } catch {
    return false;
  }
}

export type { ModelInfo } from './pricing.js';

/** The endpoint every install has: OpenRouter, or whatever OPENROUTER_BASE_URL / the base URL setting names. */
export const OPENROUTER_ENDPOINT_ID = 'openrouter';

/** A server Ami can ask, as the renderer sees it: never its key, only whether one is stored. */
export interface EndpointInfo {
  id: string;
  name: string;
  baseUrl: string;
  /** On this machine (a loopback address): its models are free and listed without prices. */
  local: boolean;
  builtin: boolean;
  keySet: boolean;
}

/** What OpenRouter's GET /key says of the key's spending (USD); each figure null when not given. */
export interface KeyUsage {
  usage: number | null;
  usageMonthly: number | null;
  limit: number | null;
  limitRemaining: number | null;
  limitReset: string | null;
}

export interface SearchHit {
  draftId: string;
  draftTitle: string;
  where: 'draft' | 'reply';
  replyId: string | null;
  snippet: string; // plain text; matches are delimited by \u0002 … \u0003 markers for the UI to highlight
}

/** A span of a draft that reproduces the wording of a stored reply without being quoted. */
export interface GuardSpan {
  from: number;
  to: number;
  replyId: string;
  /** The draft the reply belongs to, and its citation number there. */
  replyDraftId: string;
  citationNumber: number;
  servedModel: string | null;
  words: number;
  verbatim: boolean;
}

export interface GuardReport {
  clean: boolean;
  spans: GuardSpan[];
}

/** A stored reply as the in-editor guard needs it. */
export interface GuardReplyInfo {
  id: string;
  draftId: string;
  citationNumber: number;
  servedModel: string | null;
  text: string;
}

export interface BackupInfo {
  file: string; // name inside the backups folder
  createdAt: string; // ISO 8601
  bytes: number;
}

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

export type AmiEvent =
  | { type: 'reply:delta'; replyId: string; consultationId: string; delta: string; citationNumber?: number | null }
  | { type: 'reply:end'; replyId: string; consultationId: string; reply: Reply };

export const DEFAULT_BASE_URL = 'https://openrouter.ai/api/v1';

/**
 * Whether a server needs an API key before Ami may ask it. OpenRouter does; a local OpenAI-compatible server
 * (Ollama, llama.cpp, LM Studio) usually does not, so without a key Ami asks it anyway and lets it say no.
 */
export function baseUrlNeedsKey(baseUrl: string): boolean {
  return isOpenRouter(baseUrl) !== false;
}

/** null when baseUrl is not a URL at all. */
export function isOpenRouter(baseUrl: string): boolean | null {
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return host === 'openrouter.ai' || host.endsWith('.openrouter.ai');
  } catch {
    return null;
  }
}
export const DEFAULT_MODEL = 'anthropic/claude-sonnet-4.5';
