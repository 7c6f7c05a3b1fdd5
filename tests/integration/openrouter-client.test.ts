// The OpenRouter client against the fake server: streaming, attribution, and the whole fault matrix of
// shared/reference/openrouter-api.md, each ending in a typed error, a clear message and the text that arrived.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../shared/domain.js';
import type { ChatRequest } from '../../electron/llm/llm-client.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import { errorMessage } from '../../shared/error-messages.js';
import { FAULT_SCENARIOS, startFakeOpenRouter, type FakeOpenRouter, type FakeScenario } from '../support/fake-openrouter.js';

const KEY = 'sk-or-v1-client-test-0123456789abcdef';
const messages: ChatMessage[] = [
  { role: 'system', content: 'Tu es un relecteur.' },
  { role: 'user', content: 'Ce passage est-il clair ?' },
];

let fake: FakeOpenRouter;
beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const client = createOpenRouterClient({ idleTimeoutMs: 600, maxRetries: 2, backoffMs: 20, maxRetryWaitMs: 3000 });

function request(overrides: Partial<ChatRequest> = {}): ChatRequest & { deltas: string[] } {
  const deltas: string[] = [];
  return {
    baseUrl: fake.url,
    apiKey: KEY,
    model: 'anthropic/claude-sonnet-4.5',
    messages,
    dataCollection: 'deny',
    signal: new AbortController().signal,
    onDelta: (d) => deltas.push(d),
    deltas,
    ...overrides,
  };
}

describe('streaming', () => {
  it('streams deltas in order and attributes the reply to the served model, provider and generation', async () => {
    const text = 'La phrase « ami expert » mérite une définition. 🙂 Le reste est clair.';
    fake.enqueue({ text, chunkSize: 5 });
    const r = request();
    const outcome = await client.chat(r);
    expect(outcome.status).toBe('complete');
    expect(outcome.text).toBe(text);
    expect(r.deltas.join('')).toBe(text);
    expect(r.deltas.length).toBeGreaterThan(5);
    expect(outcome.servedModel).toBe('anthropic/claude-sonnet-4.5-20250929');
    expect(outcome.provider).toBe('FakeProvider');
    expect(outcome.generationId).toMatch(/^gen-\d+-/);
    expect(outcome.finishReason).toBe('stop');
    expect(outcome.usage.promptTokens).toBeGreaterThan(0);
    expect(outcome.usage.cost).toBeGreaterThan(0);
    expect(outcome.error).toBeNull();
  });

  it('sends the privacy option, usage request, attribution headers and the key only as a bearer token', async () => {
    fake.enqueue({ text: 'Oui.' });
    await client.chat(request());
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/api/v1/chat/completions');
    expect(sent.body).toMatchObject({ model: 'anthropic/claude-sonnet-4.5', stream: true, provider: { data_collection: 'deny' }, messages });
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.headers['http-referer']).toBe('app://ami');
    expect(sent.headers['x-openrouter-title']).toBe('Ami');
    expect(JSON.stringify(sent.body)).not.toContain(KEY);
  });

  it('accepts the usage chunk seen in real traffic (a choice with finish_reason null, no cost)', async () => {
    fake.enqueue({ text: 'Bien.', usageShape: 'finish-null' });
    const outcome = await client.chat(request());
    expect(outcome.status).toBe('complete');
    expect(outcome.usage.completionTokens).toBeGreaterThan(0);
    expect(outcome.usage.cost).toBeNull();
  });

  it('works with a local server that sends no provider, no usage and echoes the model name', async () => {
    fake.enqueue({ text: 'Local.', provider: null, usageShape: 'none', servedModel: 'llama3.1:8b' });
    const outcome = await client.chat(request({ model: 'llama3.1:8b' }));
    expect(outcome).toMatchObject({ status: 'complete', text: 'Local.', servedModel: 'llama3.1:8b', provider: null });
    expect(outcome.usage).toEqual({ promptTokens: null, completionTokens: null, cost: null });
  });

  it('keeps a 1 MB reply whole', async () => {
    const text = 'Une phrase de relecture assez longue pour remplir la réponse. '.repeat(17_000);
    fake.enqueue({ text, chunkSize: 4096 });
    const outcome = await client.chat(request());
    expect(outcome.status).toBe('complete');
    expect(outcome.text.length).toBe(text.length);
  });

  it('cancel at any moment keeps what arrived, marked interrupted, and closes the connection', async () => {
    fake.enqueue({ text: 'Morceau. '.repeat(100), chunkSize: 9, chunkDelayMs: 20 });
    const controller = new AbortController();
    const r = request({ signal: controller.signal });
    const done = client.chat(r);
    await expect.poll(() => r.deltas.length).toBeGreaterThan(2);
    controller.abort();
    const outcome = await done;
    expect(outcome.status).toBe('interrupted');
    expect(outcome.error?.kind).toBe('cancelled');
    expect(outcome.text).toBe(r.deltas.join(''));
    expect(outcome.text.length).toBeLessThan(900);
    await expect.poll(() => fake.requests[0]!.aborted).toBe(true);
  });

  it('cancel before the first byte ends as a failed, cancelled request', async () => {
    fake.enqueue({ stallAfterChunks: 0 });
    const controller = new AbortController();
    controller.abort();
    const outcome = await client.chat(request({ signal: controller.signal }));
    expect(outcome).toMatchObject({ status: 'failed', text: '', error: { kind: 'cancelled' } });
  });

  it('lists models with their prices, validated', async () => {
    const endpoint = { id: 'openrouter', local: false };
    const { models } = await client.listModels({ baseUrl: fake.url, apiKey: KEY, endpoint });
    expect(models.map((m) => m.id)).toContain('anthropic/claude-sonnet-4.5');
    expect(models.find((m) => m.id.endsWith(':free'))?.prices.prompt).toBe(0);
    expect(models.find((m) => m.id === 'anthropic/claude-sonnet-4.5')?.prices.prompt).toBe(0.000003);
    fake.models = [{ id: 42 }];
    await expect(client.listModels({ baseUrl: fake.url, apiKey: KEY, endpoint })).rejects.toMatchObject({ error: { kind: 'malformed' } });
  });
});

interface FaultCase {
  name: string;
  scenarios: FakeScenario[];
  kind: string;
  status: 'failed' | 'interrupted';
  message: RegExp;
  /** The stable code of the sentence, and some of the values interpolated into it. */
  code: string | RegExp;
  params?: Record<string, string | number>;
  /** How many HTTP requests the client may make (retries). */
  attempts: number;
  keepsText?: boolean;
}

const faults: FaultCase[] = [
  { name: '400 invalid model id', scenarios: [{ status: 400 }], kind: 'bad_model', code: 'provider.bad_model', status: 'failed', message: /No provider serves the model “anthropic\/claude-sonnet-4\.5”/, attempts: 1 },
  { name: '400 context too long', scenarios: [FAULT_SCENARIOS['context too long']], kind: 'context_too_long', code: 'provider.context_too_long_tokens', status: 'failed', message: /needs about 250000 tokens, and this model reads at most 131072/, params: { requested: 250000, limit: 131072 }, attempts: 1 },
  { name: '401 bad key', scenarios: [{ status: 401 }], kind: 'bad_key', code: 'provider.bad_key', status: 'failed', message: /did not accept the API key \(it may be missing or mistyped\)/, attempts: 1 },
  { name: '401 key revoked', scenarios: [FAULT_SCENARIOS['key revoked']], kind: 'bad_key', code: 'provider.key_disabled', status: 'failed', message: /disabled or revoked.*Create a new key on openrouter\.ai/, attempts: 1 },
  { name: '402 no credit', scenarios: [{ status: 402 }], kind: 'no_credit', code: 'provider.no_credit', status: 'failed', message: /does not have enough credits/, attempts: 1 },
  { name: '403 moderation', scenarios: [{ status: 403, moderationReasons: ['violence', 'harassment'] }], kind: 'moderation', code: 'provider.moderation', status: 'failed', message: /moderation refused this request for: violence, harassment/, params: { reasons: 'violence, harassment' }, attempts: 1 },
  { name: '404 no endpoints', scenarios: [{ status: 404 }], kind: 'bad_model', code: 'provider.bad_model', status: 'failed', message: /No provider serves/, attempts: 1 },
  { name: '429 free tier daily (not retried, reset time given)', scenarios: [{ status: 429, freeTierDaily: true }], kind: 'rate_limited', code: /^provider\.daily_limit_(today|later)$/, status: 'failed', message: /today’s free requests on OpenRouter\. The limit resets .*\d\d:\d\d/, attempts: 1 },
  { name: '429 upstream, retried until it persists', scenarios: [{ status: 429, retryAfterSeconds: 0 }, { status: 429, retryAfterSeconds: 0 }, { status: 429, retryAfterSeconds: 0 }], kind: 'rate_limited', code: 'provider.rate_limited_upstream', status: 'failed', message: /FakeProvider, which serves anthropic\/claude-sonnet-4\.5, is limiting requests/, attempts: 3 },
  { name: '429 upstream without Retry-After names the provider', scenarios: [{ status: 429 }, { status: 429 }, { status: 429 }], kind: 'rate_limited', code: 'provider.rate_limited_upstream', status: 'failed', message: /FakeProvider, which serves anthropic\/claude-sonnet-4\.5, is limiting requests/, params: { provider: 'FakeProvider' }, attempts: 3 },
  { name: '429 with a Retry-After beyond the cap: ask again in N seconds', scenarios: [FAULT_SCENARIOS['429 with Retry-After']], kind: 'rate_limited', code: 'provider.rate_limited_in', status: 'failed', message: /Ask again in 30 seconds\./, params: { seconds: 30 }, attempts: 1 },
  { name: '429 with a Retry-After of an hour: ask again at a time', scenarios: [{ status: 429, retryAfterSeconds: 3600 }], kind: 'rate_limited', code: /^provider\.rate_limited_(today|later)$/, status: 'failed', message: /rate-limited right now \(too many requests\)\. Ask again .*\d\d:\d\d\./, attempts: 1 },
  { name: '500 masked', scenarios: [{ status: 500 }, { status: 500 }, { status: 500 }], kind: 'provider_down', code: 'provider.server_error', status: 'failed', message: /had an internal error while handling this request/, attempts: 3 },
  { name: '502 provider returned error', scenarios: [{ status: 502 }, { status: 502 }, { status: 502 }], kind: 'provider_down', code: 'provider.upstream_failed_named', status: 'failed', message: /FakeProvider, the provider serving anthropic\/claude-sonnet-4\.5, did not answer/, params: { provider: 'FakeProvider' }, attempts: 3 },
  { name: '503 no provider', scenarios: [{ status: 503 }, { status: 503 }, { status: 503 }], kind: 'provider_down', code: 'provider.unavailable', status: 'failed', message: /No provider can serve anthropic\/claude-sonnet-4\.5 right now: they are unavailable or overloaded/, attempts: 3 },
  { name: 'mid-stream error chunk', scenarios: [{ text: 'Le début arrive bien, puis', chunkSize: 6, midStreamErrorAfterChunks: 3 }], kind: 'provider_down', code: 'stream.broke_off_named', status: 'interrupted', message: /FakeProvider broke off in the middle of the reply from anthropic\/claude-sonnet-4\.5/, params: { provider: 'FakeProvider' }, attempts: 1, keepsText: true },
  { name: 'mid-stream error without a provider name', scenarios: [{ text: 'Début', chunkSize: 2, provider: null, midStreamErrorAfterChunks: 1, midStreamError: { code: 'server_error', message: 'Provider disconnected unexpectedly' } }], kind: 'provider_down', code: 'stream.broke_off', status: 'interrupted', message: /The provider of anthropic\/claude-sonnet-4\.5 broke off in the middle of the reply/, attempts: 1, keepsText: true },
  { name: 'error embedded in the choice', scenarios: [{ text: 'Un début partiel', embeddedError: true }], kind: 'provider_down', code: 'stream.broke_off_named', status: 'interrupted', message: /FakeProvider broke off in the middle of the reply/, attempts: 1, keepsText: true },
  { name: 'stream cut without finish_reason', scenarios: [{ text: 'Début de réponse, puis plus rien', chunkSize: 5, cutAfterChunks: 3 }], kind: 'malformed', code: 'stream.cut_partial', status: 'interrupted', message: /cut off/, attempts: 1, keepsText: true },
  { name: 'socket dropped mid-body', scenarios: [{ text: 'Début de réponse, puis plus rien', chunkSize: 5, destroyAfterChunks: 2 }], kind: 'malformed', code: 'stream.cut_partial', status: 'interrupted', message: /cut off/, attempts: 1, keepsText: true },
  { name: 'stall after some text (idle watchdog)', scenarios: [{ text: 'Quelques mots puis le silence', chunkSize: 6, stallAfterChunks: 2 }], kind: 'timeout', code: 'stream.stalled_partial', status: 'interrupted', message: /stopped sending.*cut off/, params: { seconds: 1 }, attempts: 1, keepsText: true },
  { name: 'stall before any text', scenarios: [{ stallAfterChunks: 0 }, { stallAfterChunks: 0 }, { stallAfterChunks: 0 }], kind: 'timeout', code: 'stream.stalled_empty', status: 'failed', message: /sent nothing/, attempts: 3 },
  { name: '200 without choices', scenarios: [{ noChoices: true }, { noChoices: true }, { noChoices: true }], kind: 'malformed', code: 'stream.no_choices', status: 'failed', message: /answered without any reply in its response/, attempts: 3 },
  { name: '200 with non-JSON data', scenarios: [{ nonJson: 'sse' }], kind: 'malformed', code: 'stream.unreadable', status: 'failed', message: /cannot read/, attempts: 1 },
  { name: '200 with JSON cut in a data line', scenarios: [FAULT_SCENARIOS['malformed JSON in a data line']], kind: 'malformed', code: 'stream.unreadable', status: 'failed', message: /cannot read \(part of the stream is not valid data\)/, attempts: 1 },
  { name: '200 with an HTML page (not retried: a proxy answers the same again)', scenarios: [{ nonJson: 'html' }], kind: 'malformed', code: 'stream.not_a_stream', status: 'failed', message: /not a model’s reply \(text\/html\)/, params: { contentType: 'text/html' }, attempts: 1 },
  { name: '200 with a whole JSON completion instead of a stream', scenarios: [FAULT_SCENARIOS['wrong content type (JSON)']], kind: 'malformed', code: 'stream.not_a_stream', status: 'failed', message: /not a model’s reply \(application\/json\)\. A proxy or a wrong base URL/, attempts: 1 },
  { name: '200 with plain text', scenarios: [FAULT_SCENARIOS['wrong content type (plain text)']], kind: 'malformed', code: 'stream.not_a_stream', status: 'failed', message: /\(text\/plain\)/, params: { contentType: 'text/plain' }, attempts: 1 },
  { name: 'a stream that finishes without any text', scenarios: [FAULT_SCENARIOS['empty reply']], kind: 'malformed', code: 'stream.empty_reply', status: 'failed', message: /anthropic\/claude-sonnet-4\.5 answered with no text at all/, attempts: 1 },
];

describe('fault matrix', () => {
  for (const f of faults) {
    it(f.name, async () => {
      fake.enqueue(...f.scenarios);
      const r = request();
      const outcome = await client.chat(r);
      expect(outcome.status).toBe(f.status);
      expect(outcome.error?.kind).toBe(f.kind);
      expect(outcome.error?.message).toMatch(f.message);
      expect(outcome.error?.code).toMatch(f.code);
      // One source: the English message is the code's template with the params.
      expect(outcome.error!.message).toBe(errorMessage(outcome.error!.code!, outcome.error!.params, 'en'));
      if (f.params) expect(outcome.error?.params).toMatchObject(f.params);
      expect(errorMessage(outcome.error!.code!, outcome.error!.params, 'fr')).not.toMatch(/\{\{|undefined/);
      expect(fake.requests.length).toBe(f.attempts);
      expect(outcome.text).toBe(r.deltas.join(''));
      if (f.keepsText) expect(outcome.text.length).toBeGreaterThan(0);
      else expect(outcome.text).toBe('');
      expect(JSON.stringify(outcome)).not.toContain(KEY);
    });
  }

  it('a 429 followed by success is retried and succeeds, honouring Retry-After', async () => {
    fake.enqueue({ status: 429, retryAfterSeconds: 1 }, { text: 'Enfin.' });
    const outcome = await client.chat(request());
    expect(outcome).toMatchObject({ status: 'complete', text: 'Enfin.' });
    expect(fake.requests.length).toBe(2);
  });

  it('the rate-limit reset time comes from X-RateLimit-Reset', async () => {
    fake.enqueue({ status: 429, freeTierDaily: true });
    const outcome = await client.chat(request());
    const reset = Date.parse(outcome.error!.retryAt!);
    expect(reset).toBeGreaterThan(Date.now());
    expect(new Date(reset).getUTCHours()).toBe(0);
  });

  it('a server that is not there is a network error naming the host', async () => {
    const outcome = await client.chat(request({ baseUrl: 'http://127.0.0.1:9/api/v1' }));
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'network' } });
    expect(outcome.error!.message).toContain('127.0.0.1:9');
  });

  it('a mid-stream error is never retried once text arrived (no duplicated reply)', async () => {
    fake.enqueue({ text: 'Partiel', chunkSize: 3, midStreamErrorAfterChunks: 2 }, { text: 'Ne doit pas être demandé.' });
    await client.chat(request());
    expect(fake.requests.length).toBe(1);
  });
});
