// Model prices as OpenRouter writes them: strings in USD per token, "0" for free, "-1" (or any negative) for a
// router whose price depends on the model it picks. A missing or unreadable price is unknown, never free.

/** A model of the catalogue, from any endpoint. Prices are USD per token; null is variable or unknown. */
export interface ModelInfo {
  endpointId: string;
  id: string;
  name: string;
  local: boolean;
  contextLength: number | null;
  prices: { prompt: number | null; completion: number | null; request: number | null };
  variablePrice: boolean;
  expirationDate: string | null;
}

/** Above this a per-token price is not a price but a mistake (a thousand dollars a token). */
const MAX_PRICE_PER_TOKEN = 1000;

/** USD per token; null when variable (negative) or unknown (missing, not a number, absurd). 0 is free. */
export function parsePrice(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > MAX_PRICE_PER_TOKEN) return null;
  return n;
}

/** True when the provider marks the price as variable: a negative number, as "-1" for openrouter/auto. */
export function isVariablePrice(value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  if (typeof value === 'string' && value.trim() === '') return false;
  const n = Number(value);
  return Number.isFinite(n) && n < 0;
}

/** USD per million tokens, the unit people compare prices in. */
export function perMillion(price: number | null): number | null {
  return price === null ? null : price * 1_000_000;
}

export type PriceLabel =
  | { kind: 'local' }
  | { kind: 'free' }
  | { kind: 'variable' }
  | { kind: 'unknown' }
  | { kind: 'paid'; input: string; output: string };

/** A dollar amount per million tokens, short: $3, $0.15, $0.0004. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount >= 100) return `$${Math.round(amount)}`;
  if (amount >= 1) return `$${Number(amount.toFixed(2))}`;
  return `$${Number(amount.toPrecision(2))}`;
}

/** How a model's price reads in the picker. */
export function priceLabel(model: Pick<ModelInfo, 'local' | 'prices' | 'variablePrice'>): PriceLabel {
  if (model.local) return { kind: 'local' };
  if (model.variablePrice) return { kind: 'variable' };
  const { prompt, completion } = model.prices;
  if (prompt === null || completion === null) return { kind: 'unknown' };
  if (prompt === 0 && completion === 0) return { kind: 'free' };
  return { kind: 'paid', input: formatUsd(perMillion(prompt)!), output: formatUsd(perMillion(completion)!) };
}

/** 128000 → "128K", 1000000 → "1M". */
export function formatContext(tokens: number): string {
  if (tokens >= 1_000_000) return `${Number((tokens / 1_000_000).toFixed(1))}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}K`;
  return String(tokens);
}

/** Tokens a text takes, roughly: about four characters a token in European languages. */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

/** 'soon' within 30 days of the expiration date, 'past' after it; null when none or far off. */
export function deprecation(expirationDate: string | null, now: Date): 'soon' | 'past' | null {
  if (!expirationDate) return null;
  const at = Date.parse(expirationDate);
  if (Number.isNaN(at)) return null;
  if (at <= now.getTime()) return 'past';
  return at - now.getTime() <= 30 * 86_400_000 ? 'soon' : null;
}
