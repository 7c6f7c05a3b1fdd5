// Turns what a provider or the network did into an AmiError a person can act on. OpenRouter reports errors as an
// HTTP status with a JSON body, or in-band after a 200 (the SDK then throws with no status), and local
// OpenAI-compatible servers use their own shapes: everything here is read defensively.
import { isOpenRouter, type AmiError } from '../../shared/domain.js';

/** The `error` object of an OpenRouter (or OpenAI-compatible) error body, as far as it can be trusted. */
export interface ProviderErrorBody {
  code?: unknown;
  message?: unknown;
  metadata?: unknown;
  http_status?: unknown;
  error_type?: unknown;
  /** OpenAI-style and llama.cpp's error class, e.g. "exceed_context_size_error". */
  type?: unknown;
}

export interface ProviderFault {
  /** HTTP status, or undefined for an error that arrived inside a 200 stream. */
  status?: number;
  error?: ProviderErrorBody | null;
  headers?: { get(name: string): string | null } | null;
  model: string;
  now: Date;
  /** Who answered, for the author: "OpenRouter", or the host of another OpenAI-compatible server. */
  service?: string;
}

const DETAIL_LIMIT = 600;

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Provider text is hostile and may echo what was sent: keep it short, printable, and free of anything key-like. */
export function cleanDetail(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[key]');
  out = out.replace(/\b(sk-[A-Za-z0-9_-]{2,}[A-Za-z0-9_-]*)/g, '[key]').replace(/Bearer\s+\S+/gi, 'Bearer [key]');
  // eslint-disable-next-line no-control-regex
  out = out.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ');
  return out.length > DETAIL_LIMIT ? `${out.slice(0, DETAIL_LIMIT)}…` : out;
}

/** When a 429 lifts: X-RateLimit-Reset (epoch ms) in the body's metadata, else Retry-After / retry-after-ms. */
export function rateLimitReset(fault: Pick<ProviderFault, 'error' | 'headers' | 'now'>): Date | null {
  const metadata = asRecord(fault.error?.metadata);
  const bodyHeaders = asRecord(metadata?.headers);
  const reset = num(bodyHeaders?.['X-RateLimit-Reset'] ?? bodyHeaders?.['x-ratelimit-reset']);
  if (reset !== null) return new Date(reset < 1e11 ? reset * 1000 : reset);
  const delay = retryAfterMs(fault.headers ?? null, fault.now);
  return delay === null ? null : new Date(fault.now.getTime() + delay);
}

/** Retry-After as milliseconds from now: `retry-after-ms`, or `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: { get(name: string): string | null } | null, now: Date): number | null {
  if (!headers) return null;
  const ms = num(headers.get('retry-after-ms'));
  if (ms !== null) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

function formatTime(date: Date, now: Date): string {
  const sameDay = date.toDateString() === now.toDateString();
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return sameDay ? `at ${time}` : `on ${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })} at ${time}`;
}

/** Maps a provider error (HTTP status + body, or an in-band stream error) to a typed, explained error. */
export function mapProviderError(fault: ProviderFault, secrets: readonly string[] = []): AmiError {
  const body = fault.error ?? {};
  const metadata = asRecord(body.metadata);
  const message = str(body.message) ?? '';
  const errorType = str(metadata?.error_type) ?? str(body.error_type) ?? str(body.type);
  const bodyCode = num(body.code) ?? num(body.http_status);
  const status = fault.status ?? bodyCode ?? undefined;
  const raw = str(metadata?.raw);
  const providerName = str(metadata?.provider_name);
  const detailParts = [
    status !== undefined ? `HTTP ${status}` : 'error inside the stream',
    message,
    typeof body.code === 'string' ? `code ${body.code}` : '',
    errorType ? `type ${errorType}` : '',
    providerName ? `provider ${providerName}` : '',
    raw ? `upstream: ${raw}` : '',
  ].filter(Boolean);
  const detail = cleanDetail(detailParts.join(' — '), secrets);
  const base = { detail, ...(status !== undefined ? { status } : {}) };
  const model = fault.model;

  if (errorType === 'context_length_exceeded' || /context length|context size|maximum context|context window|too many tokens|exceed_context/i.test(`${message} ${raw ?? ''} ${errorType ?? ''}`)) {
    return { kind: 'context_too_long', message: `The draft is too long for ${model}'s context window. Choose a model with a larger context, or ask from a shorter draft.`, ...base };
  }
  if (status === 401 || errorType === 'authentication') {
    const service = fault.service ?? 'OpenRouter';
    return { kind: 'bad_key', message: `${service} did not accept the API key (it may be missing, mistyped, disabled or deleted). Check it in Settings, then ask again.`, ...base };
  }
  if (status === 402 || errorType === 'payment_required') {
    return { kind: 'no_credit', message: 'Your OpenRouter account does not have enough credits for this request. Add credits on openrouter.ai, or choose a cheaper or free model.', ...base };
  }
  if (status === 403 || errorType === 'permission_denied') {
    const reasons = Array.isArray(metadata?.reasons) ? metadata.reasons.filter((r): r is string => typeof r === 'string').map((r) => cleanDetail(r)).slice(0, 10) : [];
    if (reasons.length || /flagged|moderation/i.test(message)) {
      const why = reasons.length ? ` for: ${reasons.join(', ')}` : '';
      return { kind: 'moderation', message: `The provider's moderation refused this request${why}. Nothing was charged. Another model may answer.`, ...base, reasons };
    }
    return { kind: 'forbidden', message: 'The provider refused this request (a guardrail or permission setting of your account). See the details, or try another model.', ...base };
  }
  if (status === 404 || errorType === 'not_found' || /not a valid model id|no endpoints found|model.*not found|model_not_found/i.test(message)) {
    if (/data policy|privacy|data_collection/i.test(message)) {
      return { kind: 'bad_model', message: `No provider of ${model} accepts requests with data collection denied. Choose another model, or change the privacy option in Settings.`, ...base };
    }
    return { kind: 'bad_model', message: `No provider serves the model "${model}". Check its id, or choose another model.`, ...base };
  }
  if (status === 429 || errorType === 'rate_limit_exceeded') {
    const reset = rateLimitReset(fault);
    const when = reset ? ` It resets ${formatTime(reset, fault.now)}.` : ' Wait a little, then ask again.';
    const daily = /per-day|per day|daily/i.test(message);
    const text = daily
      ? `You have used today's free requests on OpenRouter.${when} Models that are not free are not limited this way.`
      : `The model is rate-limited right now (too many requests).${when}`;
    return { kind: 'rate_limited', message: text, ...base, ...(reset ? { retryAt: reset.toISOString() } : {}) };
  }
  if (status === 408 || status === 504 || status === 524 || errorType === 'timeout') {
    return { kind: 'timeout', message: `${model} took too long to answer. Ask again, or choose another model.`, ...base };
  }
  if (status === 413) {
    return { kind: 'context_too_long', message: 'The request is too large for the provider. Ask from a shorter draft.', ...base };
  }
  if (status === 400 || status === 422 || errorType === 'invalid_request') {
    return { kind: 'bad_request', message: 'The provider refused the request as invalid. The details say why; a different model or base URL may help.', ...base };
  }
  // 5xx, overloaded or unavailable providers, string codes like "server_error", and anything not known above.
  return { kind: 'provider_down', message: `The provider of ${model} failed or is unavailable right now. Ask again in a moment, or choose another model.`, ...base };
}

/** How the author knows the server at baseUrl. */
export function serviceName(baseUrl: string): string {
  const openRouter = isOpenRouter(baseUrl);
  if (openRouter === null) return 'The server';
  return openRouter ? 'OpenRouter' : new URL(baseUrl).host;
}

export function networkError(baseUrl: string, cause: string): AmiError {
  let host = baseUrl;
  try {
    host = new URL(baseUrl).host;
  } catch {
    // keep the raw text: it is the author's own setting
  }
  return {
    kind: 'network',
    message: `Ami could not reach ${host}. Check your connection (or that the local model server is running), then ask again.`,
    detail: cleanDetail(cause),
  };
}

export function timeoutError(model: string, seconds: number, gotText: boolean): AmiError {
  return gotText
    ? { kind: 'timeout', message: `${model} stopped sending for ${seconds} seconds, so the reply was cut off there. What arrived is kept and marked as incomplete.` }
    : { kind: 'timeout', message: `${model} sent nothing for ${seconds} seconds, so Ami gave up. Ask again, or choose another model.` };
}

export function cutOffError(gotText: boolean, detail?: string): AmiError {
  return {
    kind: 'malformed',
    message: gotText
      ? 'The connection ended before the reply was finished: it was cut off. What arrived is kept and marked as incomplete.'
      : 'The connection ended before any reply arrived (the answer was cut off). Ask again.',
    ...(detail ? { detail: cleanDetail(detail) } : {}),
  };
}

export function malformedError(detail: string): AmiError {
  return {
    kind: 'malformed',
    message: 'The provider sent a response Ami cannot read (it was incomplete or not in the expected format). Ask again, or choose another model.',
    detail: cleanDetail(detail),
  };
}

export const CANCELLED: AmiError = { kind: 'cancelled', message: 'You cancelled this reply. What arrived before is kept and marked as incomplete.' };
