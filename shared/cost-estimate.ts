// The cost of a request before it is sent: an estimate, never a promise. Tokens are guessed from characters
// (about 4 per token for English and French prose; tokenizers differ by model), the reply's length from the
// kind of request. Prices are USD per token as OpenRouter publishes them.
import type { ChatMessage, RequestKind } from './domain.js';

/** USD per token; null when unknown, negative when the price varies (a router such as openrouter/auto). */
export interface ModelPrices {
  prompt: number | null;
  completion: number | null;
  request: number | null;
}

export interface TokenRange {
  low: number;
  high: number;
}

export type CostEstimate =
  | { kind: 'free'; promptTokens: TokenRange; completionTokens: TokenRange }
  | { kind: 'unknown'; promptTokens: TokenRange; completionTokens: TokenRange }
  | { kind: 'variable'; promptTokens: TokenRange; completionTokens: TokenRange }
  | { kind: 'range'; low: number; high: number; promptTokens: TokenRange; completionTokens: TokenRange };

/** Characters per token: 4 is the usual rule of thumb; 3 and 5 bound it for prose, code and accented text. */
export const CHARS_PER_TOKEN = { low: 5, mid: 4, high: 3 } as const;

/** Per message, chat formats add a few tokens of their own (role markers). */
const TOKENS_PER_MESSAGE = 4;

export function estimatePromptTokens(messages: ChatMessage[]): TokenRange {
  const chars = messages.reduce((n, m) => n + m.content.length, 0);
  const overhead = messages.length * TOKENS_PER_MESSAGE;
  return { low: Math.ceil(chars / CHARS_PER_TOKEN.low) + overhead, high: Math.ceil(chars / CHARS_PER_TOKEN.high) + overhead };
}

/**
 * The reply's expected length, by request kind. Proofreading gives the passage back corrected (about its length);
 * clarity and questions get a paragraph or two (≈ 300 tokens); suggestions a few alternatives (≈ 400); explore a
 * list of authors and ideas (≈ 600); a custom request anything (≈ 400, widely). Reasoning models may think at
 * length on top of this, which is one reason the estimate is a range.
 */
export function expectedCompletionTokens(kind: RequestKind, passageChars: number): TokenRange {
  const passage = Math.ceil(passageChars / CHARS_PER_TOKEN.mid);
  switch (kind) {
    case 'proofread':
      return { low: Math.max(20, Math.round(passage * 0.8)), high: Math.max(80, Math.round(passage * 1.5) + 100) };
    case 'clarity':
    case 'question':
      return { low: 150, high: 600 };
    case 'suggestions':
      return { low: 200, high: 800 };
    case 'explore':
      return { low: 300, high: 1200 };
    case 'custom':
      return { low: 100, high: 1200 };
  }
}

/** OpenRouter's price strings ("0.000003", "0", "-1") as numbers; anything unreadable is unknown. */
export function priceFrom(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function estimateCost(input: { messages: ChatMessage[]; kind: RequestKind; passageChars: number; prices: ModelPrices | null }): CostEstimate {
  const promptTokens = estimatePromptTokens(input.messages);
  const completionTokens = expectedCompletionTokens(input.kind, input.passageChars);
  const tokens = { promptTokens, completionTokens };
  const p = input.prices;
  if (!p || p.prompt === null || p.completion === null) return { kind: 'unknown', ...tokens };
  // A missing per-request price is taken as none: almost every model has none.
  const request = p.request ?? 0;
  if (p.prompt < 0 || p.completion < 0 || request < 0) return { kind: 'variable', ...tokens };
  if (p.prompt === 0 && p.completion === 0 && request === 0) return { kind: 'free', ...tokens };
  return {
    kind: 'range',
    low: promptTokens.low * p.prompt + completionTokens.low * p.completion + request,
    high: promptTokens.high * p.prompt + completionTokens.high * p.completion + request,
    ...tokens,
  };
}

/** The most this request may cost, for budget checks: 0 when free, null when it cannot be known. */
export function worstCase(estimate: CostEstimate): number | null {
  if (estimate.kind === 'free') return 0;
  if (estimate.kind === 'range') return estimate.high;
  return null;
}

/** The cost of a finished reply from its token counts, when the provider said nothing. */
export function costFromTokens(promptTokens: number | null, completionTokens: number | null, prices: ModelPrices | null): number | null {
  if (!prices || prices.prompt === null || prices.completion === null || promptTokens === null || completionTokens === null) return null;
  const request = prices.request ?? 0;
  if (prices.prompt < 0 || prices.completion < 0 || request < 0) return null;
  return promptTokens * prices.prompt + completionTokens * prices.completion + request;
}
