// Error bodies as OpenRouter and local servers really send them (shared/reference/openrouter-api.md §3, §7).
import { describe, expect, it } from 'vitest';
import { brokeOffError, CANCELLED, cleanDetail, cutOffError, emptyReplyError, malformedError, mapProviderError, networkError, notAStreamError, rateLimitReset, retryAfterMs, serviceName, timeoutError } from '../../electron/llm/error-map.js';
import { ERROR_MESSAGES, errorMessage, isErrorCode } from '../../shared/error-messages.js';

const now = new Date('2026-12-02T10:00:00Z');
const headers = (h: Record<string, string>) => new Headers(h);
const map = (status: number | undefined, error: unknown, h: Record<string, string> = {}) =>
  mapProviderError({ status, error: error as never, headers: headers(h), model: 'openai/gpt-4o', now });

describe('mapProviderError', () => {
  it.each([
    [400, { message: 'foo/bar is not a valid model ID', code: 400 }, 'bad_model'],
    [400, { message: 'Invalid request parameters', code: 400 }, 'bad_request'],
    [401, { message: 'No auth credentials found', code: 401 }, 'bad_key'],
    [402, { message: 'Insufficient credits. Add more using https://openrouter.ai/credits', code: 402 }, 'no_credit'],
    [403, { code: 403, message: 'Request blocked: prompt injection patterns detected', metadata: { patterns: ['x'] } }, 'forbidden'],
    [404, { message: 'No endpoints found for openai/gpt-4o.', code: 404 }, 'bad_model'],
    [408, { message: 'Operation timed out. Please try again later.', code: 408 }, 'timeout'],
    [413, { message: 'Payload too large', code: 413 }, 'context_too_long'],
    [422, { message: 'Unprocessable', code: 422 }, 'bad_request'],
    [500, { message: 'Internal Server Error', code: 500 }, 'provider_down'],
    [502, { message: 'Provider returned error', code: 502, metadata: { raw: 'boom', provider_name: 'OpenAI' } }, 'provider_down'],
    [503, { message: 'Service temporarily unavailable', code: 503 }, 'provider_down'],
    [529, { message: 'Overloaded' }, 'provider_down'],
  ])('HTTP %i → %s', (status, error, kind) => {
    expect(map(status, error).kind).toBe(kind);
  });

  it('names the server that refused the key: OpenRouter, or a local server by its host', () => {
    expect(map(401, { message: 'User not found.', code: 401 }).message).toMatch(/^OpenRouter did not accept the API key/);
    const local = mapProviderError({ status: 401, error: { message: 'Unauthorized' }, model: 'm', now, service: serviceName('http://localhost:1234/v1') });
    expect(local.message).toMatch(/^localhost:1234 did not accept the API key/);
    expect(serviceName('https://openrouter.ai/api/v1')).toBe('OpenRouter');
  });

  it('reads a context-length error whatever the status', () => {
    expect(map(400, { message: 'x', code: 400, metadata: { error_type: 'context_length_exceeded' } }).kind).toBe('context_too_long');
    // llama.cpp's shape: type instead of metadata
    expect(map(400, { code: 400, message: 'the request exceeds the available context size', type: 'exceed_context_size_error' }).kind).toBe('context_too_long');
  });

  it('names moderation reasons', () => {
    const e = map(403, { code: 403, message: 'openai/gpt-4o requires moderation on OpenAI. Your input was flagged for "violence".', metadata: { reasons: ['violence'] } });
    expect(e).toMatchObject({ kind: 'moderation', reasons: ['violence'] });
    expect(e.message).toContain('violence');
  });

  it('an in-band error chunk (no HTTP status) with a numeric or string code', () => {
    expect(map(undefined, { code: 429, message: 'Rate limit exceeded', metadata: { error_type: 'rate_limit_exceeded' } }).kind).toBe('rate_limited');
    expect(map(undefined, { code: 'server_error', message: 'Provider disconnected unexpectedly' }).kind).toBe('provider_down');
  });

  it('the 2026 availability shape without code falls back to http_status', () => {
    expect(map(undefined, { message: 'no endpoints', error_type: 'not_found', http_status: 404 }).kind).toBe('bad_model');
  });

  it('tolerates local servers: null code, unknown type, no message', () => {
    expect(map(500, { message: 'Compute error.', type: 'api_error', param: null, code: null }).kind).toBe('provider_down');
    expect(map(400, null).kind).toBe('bad_request');
    expect(map(418, 'not an object').kind).toBe('provider_down');
  });

  it('429 from the free tier gives the reset time from X-RateLimit-Reset (epoch ms)', () => {
    const reset = Date.parse('2026-12-03T00:00:00Z');
    const e = map(429, { message: 'Rate limit exceeded: free-models-per-day.', code: 429, metadata: { headers: { 'X-RateLimit-Reset': String(reset) } } });
    expect(e.kind).toBe('rate_limited');
    expect(e.retryAt).toBe(new Date(reset).toISOString());
    expect(e.message).toMatch(/free requests.*resets on 3 December/);
  });

  it('429 with Retry-After gives a reset time from the header', () => {
    const e = map(429, { message: 'Provider returned error', code: 429 }, { 'retry-after': '30' });
    expect(e.retryAt).toBe('2026-12-02T10:00:30.000Z');
  });

  it('never lets the key or a bearer token into the detail', () => {
    const key = 'sk-or-v1-abcdef0123456789abcdef';
    const e = mapProviderError({ status: 400, error: { message: `bad header Authorization: Bearer ${key}`, code: 400 }, model: 'm', now }, [key]);
    expect(JSON.stringify(e)).not.toContain(key);
    expect(cleanDetail(`echo ${key} back`, [key])).toBe('echo [key] back');
    expect(cleanDetail('x'.repeat(5000)).length).toBeLessThan(700);
  });
});

describe('each known fault has its own sentence, code and params', () => {
  const cases: [string, ReturnType<typeof map>, string, RegExp][] = [
    ['502 names the upstream provider', map(502, { message: 'Provider returned error', code: 502, metadata: { raw: 'boom', provider_name: 'OpenAI' } }), 'provider.upstream_failed_named', /^OpenAI, the provider serving openai\/gpt-4o, did not answer OpenRouter properly\./],
    ['502 without a provider name', map(502, { message: 'Provider returned error', code: 502 }), 'provider.upstream_failed', /^The provider serving openai\/gpt-4o did not answer OpenRouter properly\./],
    ['503 no provider available', map(503, { message: 'Service temporarily unavailable', code: 503 }), 'provider.unavailable', /^No provider can serve openai\/gpt-4o right now: they are unavailable or overloaded\./],
    ['500 OpenRouter itself', map(500, { message: 'Internal Server Error', code: 500 }), 'provider.server_error', /^OpenRouter had an internal error/],
    ['529 unknown overload', map(529, { message: 'Overloaded' }), 'provider.down', /failed or is unavailable/],
    ['429 Retry-After in seconds', map(429, { message: 'Provider returned error', code: 429 }, { 'retry-after': '30' }), 'provider.rate_limited_in', /^openai\/gpt-4o is rate-limited right now \(too many requests\)\. Ask again in 30 seconds\.$/],
    ['429 Retry-After of an hour', map(429, { message: 'Provider returned error', code: 429 }, { 'retry-after': '3600' }), 'provider.rate_limited_today', /Ask again at \d\d:\d\d\.$/],
    ['429 from an upstream provider, no header', map(429, { message: 'Provider returned error', code: 429, metadata: { provider_name: 'Mistral' } }), 'provider.rate_limited_upstream', /^Mistral, which serves openai\/gpt-4o, is limiting requests right now\./],
    ['401 key disabled', map(401, { message: 'This API key is disabled.', code: 401 }), 'provider.key_disabled', /disabled or revoked.*Create a new key on openrouter\.ai and paste it in Settings/],
    ['401 unknown key', map(401, { message: 'User not found.', code: 401 }), 'provider.bad_key', /missing or mistyped/],
    ['context length with token counts', map(400, { code: 400, message: "This endpoint's maximum context length is 131072 tokens. However, you requested about 250000 tokens (249000 of text input).", metadata: { error_type: 'context_length_exceeded' } }), 'provider.context_too_long_tokens', /needs about 250000 tokens, and this model reads at most 131072/],
    ['moderation without reasons', map(403, { code: 403, message: 'Your input was flagged.' }), 'provider.moderation_unspecified', /moderation refused this request\. Nothing was charged/],
  ];
  it.each(cases)('%s', (_name, error, code, message) => {
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toBe(errorMessage(error.code!, error.params));
  });

  it('keeps the status and the provider’s own words for the details', () => {
    const e = map(502, { message: 'Provider returned error', code: 502, metadata: { raw: 'upstream connect error', provider_name: 'OpenAI' } });
    expect(e.status).toBe(502);
    expect(e.detail).toContain('upstream connect error');
    expect(e.params).toEqual({ model: 'openai/gpt-4o', provider: 'OpenAI', service: 'OpenRouter' });
  });

  it('the helpers for stream and network faults are coded too', () => {
    const upstream = map(undefined, { code: 502, message: 'Provider disconnected mid-stream', metadata: { error_type: 'provider_unavailable' } });
    const all = [
      networkError('http://127.0.0.1:9/v1', 'ECONNREFUSED'),
      timeoutError('m', 90, true),
      timeoutError('m', 90, false),
      cutOffError(true),
      cutOffError(false),
      brokeOffError('m', 'Groq', upstream),
      brokeOffError('m', null, upstream),
      malformedError('stream.unreadable', 'x'),
      notAStreamError('application/json; charset=utf-8'),
      emptyReplyError('m', 'stop'),
      CANCELLED,
    ];
    for (const e of all) {
      expect(isErrorCode(e.code), JSON.stringify(e)).toBe(true);
      expect(e.message).toBe(errorMessage(e.code!, e.params));
    }
    expect(new Set(all.map((e) => e.code)).size).toBe(all.length);
    expect(brokeOffError('m', 'Groq', upstream).message).toMatch(/^Groq broke off in the middle of the reply from m\./);
    expect(notAStreamError('application/json; charset=utf-8').params).toEqual({ contentType: 'application/json' });
  });
});

describe('ERROR_MESSAGES', () => {
  it('has a French sentence for every English one, with the same params', () => {
    const params = (t: string) => [...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    expect(Object.keys(ERROR_MESSAGES.fr).sort()).toEqual(Object.keys(ERROR_MESSAGES.en).sort());
    for (const code of Object.keys(ERROR_MESSAGES.en) as (keyof typeof ERROR_MESSAGES.en)[]) {
      expect(params(ERROR_MESSAGES.fr[code]), code).toEqual(params(ERROR_MESSAGES.en[code]));
      expect(ERROR_MESSAGES.fr[code], code).not.toBe(ERROR_MESSAGES.en[code]);
      // Typographic apostrophes only, in both languages.
      expect(ERROR_MESSAGES.fr[code], code).not.toMatch(/'/);
      expect(ERROR_MESSAGES.en[code], code).not.toMatch(/'/);
    }
  });

  it('interpolates params and formats times for the language', () => {
    expect(errorMessage('provider.rate_limited_in', { model: 'a/b', seconds: 30 }, 'fr')).toBe('a/b reçoit trop de demandes en ce moment. Reposez la question dans 30 secondes.');
    const at = new Date(2026, 11, 3, 14, 5).toISOString(); // local time, as the author reads it
    expect(errorMessage('provider.daily_limit_later', { at }, 'en')).toContain('resets on 3 December at 14:05');
    expect(errorMessage('provider.daily_limit_later', { at }, 'fr')).toContain('se réinitialise le 3 décembre à 14:05');
  });
});

describe('budget refusals', () => {
  it('write amounts in dollars for the language', () => {
    const en = errorMessage('budget.would_exceed', { cost: 0.0123, spent: 9.99, limit: 10, model: 'a/b' }, 'en');
    expect(en).toContain('up to $0.0123');
    expect(en).toContain('($9.99)');
    expect(en).toContain('budget of $10.00');
    expect(errorMessage('budget.would_exceed', { cost: 0.0123, spent: 9.99, limit: 10 }, 'fr')).toMatch(/jusqu’à 0,0123\s\$US/);
    expect(errorMessage('budget.zero', { limit: 0, model: 'a/b' }, 'en')).toContain('Your monthly budget is $0.00, which means Ami sends nothing that costs');
  });
});

describe('Retry-After', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '150' }), now)).toBe(150);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 02 Dec 2026 10:01:00 GMT' }), now)).toBe(60_000);
    expect(retryAfterMs(headers({}), now)).toBeNull();
    expect(rateLimitReset({ error: { metadata: { headers: { 'X-RateLimit-Reset': '1796256000' } } }, headers: null, now })?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});
