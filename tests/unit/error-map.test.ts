// Error bodies as OpenRouter and local servers really send them (shared/reference/openrouter-api.md §3, §7).
import { describe, expect, it } from 'vitest';
import { cleanDetail, mapProviderError, rateLimitReset, retryAfterMs, serviceName } from '../../electron/llm/error-map.js';

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

describe('Retry-After', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after-ms': '150' }), now)).toBe(150);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 02 Dec 2026 10:01:00 GMT' }), now)).toBe(60_000);
    expect(retryAfterMs(headers({}), now)).toBeNull();
    expect(rateLimitReset({ error: { metadata: { headers: { 'X-RateLimit-Reset': '1796256000' } } }, headers: null, now })?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });
});
