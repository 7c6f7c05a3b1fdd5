// Turns what a provider or the network did into an AmiError a person can act on. OpenRouter reports errors as an
// HTTP status with a JSON body, or in-band after a 200 (the SDK then throws with no status), and local
// OpenAI-compatible servers use their own shapes: everything here is read defensively.
import { isOpenRouter, type AmiError, type ErrorKind } from '../../shared/domain.js';
import { errorMessage, type ErrorCode, type ErrorParams } from '../../shared/error-messages.js';

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

/** An error whose English message comes from its code's template (shared/error-messages.ts), with its params. */
export function codedError(kind: ErrorKind, code: ErrorCode, params: ErrorParams = {}, extra: Omit<AmiError, 'kind' | 'message' | 'code' | 'params'> = {}): AmiError {
  return { kind, code, params, message: errorMessage(code, params, 'en'), ...extra };
}

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "This endpoint's maximum context length is 131072 tokens. However, you requested about 250000 tokens". */
function contextTokens(text: string): { limit: number; requested: number } | null {
  const limit = /maximum context length is\s+([\d,]+)/i.exec(text);
  const requested = /requested about\s+([\d,]+)/i.exec(text);
  if (!limit || !requested) return null;
  return { limit: Number(limit[1]!.replace(/,/g, '')), requested: Number(requested[1]!.replace(/,/g, '')) };
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
  const service = fault.service ?? 'OpenRouter';
  const provider = providerName ? cleanDetail(providerName).slice(0, 80) : null;

  if (errorType === 'context_length_exceeded' || /context length|context size|maximum context|context window|too many tokens|exceed_context/i.test(`${message} ${raw ?? ''} ${errorType ?? ''}`)) {
    const tokens = contextTokens(`${message} ${raw ?? ''}`);
    return tokens
      ? codedError('context_too_long', 'provider.context_too_long_tokens', { model, ...tokens }, base)
      : codedError('context_too_long', 'provider.context_too_long', { model }, base);
  }
  if (status === 401 || errorType === 'authentication') {
    // A key that was disabled or revoked on openrouter.ai will never work again; a mistyped one only needs fixing.
    if (/disabled|revoked|deactivated|expired/i.test(message)) return codedError('bad_key', 'provider.key_disabled', { service }, base);
    return codedError('bad_key', 'provider.bad_key', { service }, base);
  }
  if (status === 402 || errorType === 'payment_required') return codedError('no_credit', 'provider.no_credit', {}, base);
  if (status === 403 || errorType === 'permission_denied') {
    const reasons = Array.isArray(metadata?.reasons) ? metadata.reasons.filter((r): r is string => typeof r === 'string').map((r) => cleanDetail(r)).slice(0, 10) : [];
    if (reasons.length) return codedError('moderation', 'provider.moderation', { reasons: reasons.join(', ') }, { ...base, reasons });
    if (/flagged|moderation/i.test(message)) return codedError('moderation', 'provider.moderation_unspecified', {}, { ...base, reasons });
    return codedError('forbidden', 'provider.forbidden', {}, base);
  }
  if (status === 404 || errorType === 'not_found' || /not a valid model id|no endpoints found|model.*not found|model_not_found/i.test(message)) {
    if (/data policy|privacy|data_collection/i.test(message)) return codedError('bad_model', 'provider.no_private_endpoint', { model }, base);
    return codedError('bad_model', 'provider.bad_model', { model }, base);
  }
  if (status === 429 || errorType === 'rate_limit_exceeded') {
    const reset = rateLimitReset(fault);
    const extra = { ...base, ...(reset ? { retryAt: reset.toISOString() } : {}) };
    const at = reset?.toISOString();
    if (/per-day|per day|daily/i.test(message)) {
      if (!reset) return codedError('rate_limited', 'provider.daily_limit', {}, extra);
      return codedError('rate_limited', sameDay(reset, fault.now) ? 'provider.daily_limit_today' : 'provider.daily_limit_later', { at: at! }, extra);
    }
    const seconds = reset ? Math.ceil((reset.getTime() - fault.now.getTime()) / 1000) : 0;
    // A reset a second away (Retry-After: 0) says nothing useful to a person: then who limits is the news.
    if (reset && seconds >= 2) {
      if (seconds <= 120) return codedError('rate_limited', 'provider.rate_limited_in', { model, seconds }, extra);
      return codedError('rate_limited', sameDay(reset, fault.now) ? 'provider.rate_limited_today' : 'provider.rate_limited_later', { model, at: at! }, extra);
    }
    if (provider) return codedError('rate_limited', 'provider.rate_limited_upstream', { model, provider }, extra);
    return codedError('rate_limited', 'provider.rate_limited', { model }, extra);
  }
  if (status === 408 || status === 504 || status === 524 || errorType === 'timeout') return codedError('timeout', 'provider.timeout', { model }, base);
  if (status === 413) return codedError('context_too_long', 'provider.request_too_large', {}, base);
  if (status === 400 || status === 422 || errorType === 'invalid_request') return codedError('bad_request', 'provider.bad_request', {}, base);
  // The model's own provider failed behind OpenRouter (bad gateway).
  if (status === 502 || errorType === 'provider_unavailable') {
    return provider
      ? codedError('provider_down', 'provider.upstream_failed_named', { model, provider, service }, base)
      : codedError('provider_down', 'provider.upstream_failed', { model, service }, base);
  }
  if (status === 503 || errorType === 'provider_overloaded') return codedError('provider_down', 'provider.unavailable', { model }, base);
  if (status === 500 || errorType === 'server') return codedError('provider_down', 'provider.server_error', { service }, base);
  // Other 5xx (529 overloaded…), string codes like "server_error", and anything not known above.
  return codedError('provider_down', 'provider.down', { model }, base);
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
  return codedError('network', 'network.unreachable', { host }, { detail: cleanDetail(cause) });
}

export function timeoutError(model: string, seconds: number, gotText: boolean): AmiError {
  return codedError('timeout', gotText ? 'stream.stalled_partial' : 'stream.stalled_empty', { model, seconds });
}

export function cutOffError(gotText: boolean, detail?: string): AmiError {
  return codedError('malformed', gotText ? 'stream.cut_partial' : 'stream.cut_empty', {}, detail ? { detail: cleanDetail(detail) } : {});
}

/** A provider that failed after text had arrived: say who broke off, keep what the mapped error knew as detail. */
export function brokeOffError(model: string, provider: string | null, mapped: AmiError): AmiError {
  const extra = { ...(mapped.detail ? { detail: mapped.detail } : {}), ...(mapped.status !== undefined ? { status: mapped.status } : {}) };
  return provider
    ? codedError(mapped.kind, 'stream.broke_off_named', { model, provider: cleanDetail(provider).slice(0, 80) }, extra)
    : codedError(mapped.kind, 'stream.broke_off', { model }, extra);
}

/** What the provider sent cannot be read: a data line that is not JSON, no choices, or not a stream at all. */
export function malformedError(code: 'stream.unreadable' | 'stream.no_choices' | 'models.unreadable' | 'models.too_large', detail: string, params: Record<string, string | number> = {}): AmiError {
  return codedError('malformed', code, params, { detail: cleanDetail(detail) });
}

/** A 200 that is not an event stream (JSON, plain text, an HTML page): a proxy or a wrong base URL answered. */
export function notAStreamError(contentType: string): AmiError {
  const type = cleanDetail(contentType.split(';')[0]!.trim() || 'no content type').slice(0, 80);
  return codedError('malformed', 'stream.not_a_stream', { contentType: type }, { detail: `expected text/event-stream, received ${cleanDetail(contentType || 'no content type')}` });
}

/** The stream finished normally but carried no text. */
export function emptyReplyError(model: string, finishReason: string | null): AmiError {
  return codedError('malformed', 'stream.empty_reply', { model }, { detail: `the stream ended (finish_reason ${cleanDetail(finishReason ?? 'none')}) without any text` });
}

export const CANCELLED: AmiError = codedError('cancelled', 'request.cancelled');
