// The LlmClient for OpenRouter and any OpenAI-compatible server (Ollama, llama.cpp, LM Studio), through the
// `openai` SDK. Streaming only: the author watches the reply arrive and can cancel at any moment.
//
// What the SDK does not do for us, and why it is here:
// - Its timeout stops at the response headers, and OpenRouter's keep-alive comments never reach us, so a stalled
//   body would hang forever: an idle watchdog aborts when no chunk arrives for `idleTimeoutMs`.
// - A stream that just ends without a finish_reason is not an error for the SDK: here it is a cut-off reply.
// - Its own retries stack on OpenRouter's failover and would sleep through a daily free-tier limit: retries are
//   ours, only before the first token, only for 429/5xx/network, honouring Retry-After up to a cap.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import type { AmiError, KeyUsage, Usage } from '../../shared/domain.js';
import { AmiFailure } from '../services/ami-error.js';
import { brokeOffError, CANCELLED, emptyReplyError, serviceName, cutOffError, malformedError, mapProviderError, networkError, notAStreamError, retryAfterMs, timeoutError } from './error-map.js';
import type { ChatOutcome, ChatRequest, LlmClient } from './llm-client.js';
import { MAX_CATALOGUE_BYTES, parseCatalogue } from './catalogue-parse.js';

class TooLarge extends Error {}

/** The body as text, refusing one larger than max bytes without reading the rest of it. */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

const hostOf = (baseUrl: string) => {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
};

export interface OpenRouterClientOptions {
  /** No chunk for this long ends the stream as timed out. Reasoning models stream reasoning chunks, which count. */
  idleTimeoutMs?: number;
  /** Retries before the first token for 429, 5xx and network faults (never for 400/401/402/403/404). */
  maxRetries?: number;
  /** Longest Retry-After Ami waits for; a longer one (a daily limit) fails at once with its reset time. */
  maxRetryWaitMs?: number;
  /** Base of the exponential backoff when the server gives no Retry-After. */
  backoffMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** App attribution (OpenRouter shows it on the author's activity page). */
export const ATTRIBUTION_HEADERS = {
  'HTTP-Referer': 'app://ami',
  'X-OpenRouter-Title': 'Ami',
  'X-Title': 'Ami',
  'X-OpenRouter-Categories': 'writing-assistant',
} as const;

/** What Ami reads of a stream chunk; everything is optional because local servers omit most of it. */
const chunkSchema = z
  .object({
    id: z.string().nullish(),
    model: z.string().nullish(),
    provider: z.string().nullish(),
    choices: z
      .array(
        z
          .object({
            delta: z.object({ content: z.string().nullish() }).partial().nullish(),
            finish_reason: z.string().nullish(),
            // A provider failure after the 200 was committed can sit inside the choice instead of at the top.
            error: z.object({ code: z.unknown(), message: z.unknown(), metadata: z.unknown() }).partial().nullish(),
          }),
      )
      .nullish(),
    usage: z
      .object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish(), cost: z.number().nullish() })
      .nullish(),
  });

// Read defensively: only finite numbers count, anything else is "not said".
const amount = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().finite()).nullish().catch(null);
const generationSchema = z.object({ data: z.object({ total_cost: amount }).passthrough() });
const keySchema = z.object({
  data: z
    .object({ usage: amount, usage_monthly: amount, limit: amount, limit_remaining: amount, limit_reset: z.string().max(40).nullish().catch(null) })
    .passthrough(),
});

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** The provider an error names, from OpenRouter's metadata.provider_name. */
function providerOf(error: unknown): string | null {
  const metadata = (error as { metadata?: { provider_name?: unknown } } | null)?.metadata;
  return typeof metadata?.provider_name === 'string' && metadata.provider_name.trim() ? metadata.provider_name.trim() : null;
}

const emptyUsage = (): Usage => ({ promptTokens: null, completionTokens: null, cost: null });

/** One attempt's result, before retry decisions. */
interface Attempt extends ChatOutcome {
  /** Whether asking again could help (429, 5xx, network) and how long to wait first, when the server said. */
  retryable: boolean;
  retryAfterMs: number | null;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function createOpenRouterClient(options: OpenRouterClientOptions = {}): LlmClient {
  /** A small GET beside the SDK (it has no call for these endpoints): the JSON body, or the HTTP status when not 2xx, or 0 for no answer. */
  async function getJson(url: string, apiKey: string, signal?: AbortSignal): Promise<unknown> {
    try {
      const response = await (options.fetch ?? fetch)(url, {
        headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json', ...ATTRIBUTION_HEADERS },
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return response.status;
      }
      return await response.json();
    } catch {
      return 0;
    }
  }

  const idleTimeoutMs = options.idleTimeoutMs ?? 90_000;
  const maxRetries = options.maxRetries ?? 2;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? 20_000;
  const backoffMs = options.backoffMs ?? 500;
  const now = options.now ?? (() => new Date());

  const sdk = (baseUrl: string, apiKey: string | null, timeout: number) =>
    new OpenAI({
      // Local servers need no key, but the SDK refuses to start without one.
      apiKey: apiKey || 'no-key',
      baseURL: baseUrl,
      maxRetries: 0,
      timeout,
      defaultHeaders: { ...ATTRIBUTION_HEADERS },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });

  async function attempt(request: ChatRequest, started: number): Promise<Attempt> {
    const idle = new AbortController();
    const signal = AbortSignal.any([request.signal, idle.signal]);
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), idleTimeoutMs);
    };

    let text = '';
    let servedModel: string | null = null;
    let provider: string | null = null;
    let generationId: string | null = null;
    let finishReason: string | null = null;
    let usage = emptyUsage();
    let lastByte = started;
    let contentType = '';
    let chunks = 0;
    let embeddedError: Record<string, unknown> | null = null;

    const outcome = (status: ChatOutcome['status'], error: AmiError | null, retryable = false, retryAfter: number | null = null): Attempt => ({
      status,
      text,
      servedModel,
      provider,
      generationId,
      finishReason,
      usage,
      latencyMs: Math.max(0, lastByte - started),
      error,
      retryable: retryable && text === '',
      retryAfterMs: retryAfter,
    });

    const interruptedOrFailed = () => (text ? 'interrupted' : 'failed');
    const secrets = [request.apiKey];

    try {
      arm();
      const body = {
        model: request.model,
        messages: request.messages,
        stream: true as const,
        // Local servers report usage only when asked; OpenRouter always does and ignores this.
        stream_options: { include_usage: true },
        provider: { data_collection: request.dataCollection },
      };
      const { data: stream, response } = await sdk(request.baseUrl, request.apiKey, idleTimeoutMs)
        .chat.completions.create(body, { signal })
        .withResponse();
      contentType = response.headers.get('content-type') ?? '';
      generationId = response.headers.get('x-generation-id');
      arm();
      for await (const raw of stream) {
        lastByte = Date.now();
        arm();
        chunks++;
        const parsed = chunkSchema.safeParse(raw);
        if (!parsed.success) continue;
        const chunk = parsed.data;
        if (chunk.model && !servedModel) servedModel = chunk.model;
        if (chunk.provider && !provider) provider = chunk.provider;
        if (chunk.id && !generationId) generationId = chunk.id;
        if (chunk.usage) {
          usage = {
            promptTokens: chunk.usage.prompt_tokens ?? usage.promptTokens,
            completionTokens: chunk.usage.completion_tokens ?? usage.completionTokens,
            cost: chunk.usage.cost ?? usage.cost,
          };
        }
        const choice = chunk.choices?.[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          request.onDelta(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (choice?.error) embeddedError = choice.error;
      }
    } catch (err) {
      lastByte = text ? lastByte : Date.now();
      if (request.signal.aborted) return outcome(interruptedOrFailed(), CANCELLED);
      if (idle.signal.aborted || err instanceof APIConnectionTimeoutError) {
        return outcome(interruptedOrFailed(), timeoutError(request.model, Math.round(idleTimeoutMs / 1000), text !== ''), true);
      }
      if (err instanceof APIUserAbortError) return outcome(interruptedOrFailed(), CANCELLED);
      if (err instanceof APIConnectionError) return outcome('failed', networkError(request.baseUrl, err.message), true);
      if (err instanceof APIError) {
        // status undefined: an error chunk inside a 200 stream (the SDK throws on it before we see it).
        const error = mapProviderError({ status: err.status, error: err.error as never, headers: err.headers ?? null, model: request.model, now: now(), service: serviceName(request.baseUrl) }, secrets);
        if (err.status === undefined && text) {
          finishReason = finishReason ?? 'error';
          return outcome('interrupted', brokeOffError(request.model, providerOf(err.error) ?? provider, error));
        }
        if (error.kind === 'rate_limited' || error.kind === 'provider_down' || error.kind === 'timeout') {
          const wait = err.headers ? retryAfterMs(err.headers, now()) : null;
          const resetsSoon = !error.retryAt || Date.parse(error.retryAt) - now().getTime() <= maxRetryWaitMs;
          finishReason = finishReason ?? (err.status === undefined ? 'error' : null);
          return outcome(interruptedOrFailed(), error, resetsSoon && (wait === null || wait <= maxRetryWaitMs), wait);
        }
        return outcome(interruptedOrFailed(), error);
      }
      if (err instanceof SyntaxError) return outcome(interruptedOrFailed(), malformedError('stream.unreadable', `unreadable stream data: ${err.message}`));
      // A socket dropped mid-body surfaces raw from fetch (undici's "terminated").
      const message = err instanceof Error ? `${err.name}: ${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err);
      if (text) return outcome('interrupted', cutOffError(true, message));
      return outcome('failed', networkError(request.baseUrl, message), true);
    } finally {
      clearTimeout(timer);
    }

    // An abort during iteration ends the SDK's loop silently: tell the two aborts apart here.
    if (request.signal.aborted) return outcome(interruptedOrFailed(), CANCELLED);
    if (idle.signal.aborted) return outcome(interruptedOrFailed(), timeoutError(request.model, Math.round(idleTimeoutMs / 1000), text !== ''), true);
    if (finishReason === 'error') {
      const mapped = mapProviderError({ error: embeddedError, model: request.model, now: now() }, secrets);
      const error = text ? brokeOffError(request.model, providerOf(embeddedError) ?? provider, mapped) : mapped;
      return outcome(interruptedOrFailed(), error, mapped.kind === 'provider_down' || mapped.kind === 'rate_limited');
    }
    if (!finishReason) {
      if (!text && !/event-stream/i.test(contentType)) return outcome('failed', notAStreamError(contentType));
      if (!text && chunks > 0) return outcome('failed', malformedError('stream.no_choices', 'the stream carried no reply (no choices)'), true);
      return outcome(interruptedOrFailed(), cutOffError(text !== ''), text === '');
    }
    // A finished stream with nothing in it is not an answer: nothing to cite.
    if (!text) return outcome('failed', emptyReplyError(request.model, finishReason));
    return outcome('complete', null);
  }

  return {
    async chat(request) {
      const started = Date.now();
      let result: Attempt | undefined;
      for (let n = 0; n <= maxRetries; n++) {
        result = await attempt(request, started);
        if (result.status === 'complete' || !result.retryable || n === maxRetries || request.signal.aborted) break;
        const jitter = 1 + Math.random() * 0.25;
        const wait = Math.min(result.retryAfterMs ?? backoffMs * 2 ** n * jitter, maxRetryWaitMs);
        await sleep(wait, request.signal);
        if (request.signal.aborted) {
          result = { ...result, status: 'failed', error: CANCELLED };
          break;
        }
      }
      const { retryable: _r, retryAfterMs: _w, ...outcome } = result!;
      return outcome;
    },

    async generation({ baseUrl, apiKey, id, signal }) {
      const response = await getJson(`${trimSlash(baseUrl)}/generation?id=${encodeURIComponent(id)}`, apiKey, signal);
      if (response === 404) return 'not_ready';
      if (typeof response === 'number') return 'unavailable';
      const parsed = generationSchema.safeParse(response);
      return parsed.success ? { totalCost: parsed.data.data.total_cost ?? null } : 'unavailable';
    },

    async keyUsage({ baseUrl, apiKey, signal }): Promise<KeyUsage | null> {
      const response = await getJson(`${trimSlash(baseUrl)}/key`, apiKey, signal);
      if (typeof response === 'number') return null;
      const parsed = keySchema.safeParse(response);
      if (!parsed.success) return null;
      const d = parsed.data.data;
      return { usage: d.usage ?? null, usageMonthly: d.usage_monthly ?? null, limit: d.limit ?? null, limitRemaining: d.limit_remaining ?? null, limitReset: d.limit_reset ?? null };
    },

    async listModels({ baseUrl, apiKey, signal, endpoint }) {
      let body: string;
      try {
        const response = await sdk(baseUrl, apiKey, 20_000).models.list({ signal }).asResponse();
        if (!response.ok) throw new APIError(response.status, await response.json().catch(() => undefined), undefined, response.headers);
        body = await readCapped(response, MAX_CATALOGUE_BYTES);
      } catch (err) {
        if (err instanceof TooLarge) {
          throw new AmiFailure(malformedError('models.too_large', `more than ${MAX_CATALOGUE_BYTES} bytes`, { host: hostOf(baseUrl), megabytes: MAX_CATALOGUE_BYTES / 1024 / 1024 }));
        }
        if (err instanceof APIConnectionError) throw new AmiFailure(networkError(baseUrl, err.message));
        if (err instanceof APIError && err.status !== undefined) {
          const errorBody = (err.error as { error?: unknown } | undefined)?.error ?? err.error;
          throw new AmiFailure(mapProviderError({ status: err.status, error: errorBody as never, headers: err.headers ?? null, model: 'the model list', now: now(), service: serviceName(baseUrl) }, [apiKey ?? '']));
        }
        throw new AmiFailure(networkError(baseUrl, err instanceof Error ? err.message : String(err)));
      }
      let raw: unknown;
      try {
        raw = JSON.parse(body);
      } catch {
        throw new AmiFailure(malformedError('models.unreadable', 'the model list is not JSON'));
      }
      return parseCatalogue(raw, endpoint);
    },
  };
}
