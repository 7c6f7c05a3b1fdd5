// A fake OpenRouter on 127.0.0.1 that behaves like the real one as documented in
// shared/reference/openrouter-api.md: keep-alive comments before the first chunk, a versioned served model,
// usage on a final chunk (both documented shapes), OpenRouter's error bodies per status, the in-band error chunk
// after a 200, cut and stalled streams, 200 bodies without choices or not JSON. Each request takes the next queued
// scenario; with none queued it answers a short reply.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { localModels } from './fake-catalogue.js';

export interface FakeScenario {
  /** The reply, streamed in pieces of `chunkSize` characters. */
  text?: string;
  chunkSize?: number;
  chunkDelayMs?: number;
  /** A model's time to first token: the wait between the role chunk and the first content chunk. */
  firstChunkDelayMs?: number;
  /** The response `model`; by default the requested id with a version date, as OpenRouter serves it. */
  servedModel?: string;
  provider?: string | null;
  /** `: OPENROUTER PROCESSING` comments before the first data event. */
  keepAlives?: number;
  /** 'empty-choices' is the documented shape, 'finish-null' the one seen in traffic, 'none' a local server's. */
  usageShape?: 'empty-choices' | 'finish-null' | 'none';
  finishReason?: string;
  /** An error before the first token: this HTTP status with OpenRouter's body for it. */
  status?: number;
  errorBody?: unknown;
  headers?: Record<string, string>;
  /** 429 as the free tier's daily limit, resetting tomorrow (X-RateLimit-Reset in epoch ms). */
  freeTierDaily?: boolean;
  retryAfterSeconds?: number;
  moderationReasons?: string[];
  /** End the body cleanly, without finish_reason or [DONE], after this many content chunks. */
  cutAfterChunks?: number;
  /** Drop the socket after this many content chunks. */
  destroyAfterChunks?: number;
  /** Stop sending data after this many content chunks; only keep-alive comments follow. */
  stallAfterChunks?: number;
  /** After this many content chunks, send OpenRouter's in-band error chunk and end the stream. */
  midStreamErrorAfterChunks?: number;
  midStreamError?: { code: number | string; message: string; errorType?: string };
  /** After the content, a choice with finish_reason "error" and the error inside it (no top-level error). */
  embeddedError?: boolean;
  /** A 200 whose events carry no `choices` at all. */
  noChoices?: boolean;
  /** A 200 that is not what a client can parse: 'sse' sends non-JSON data lines, 'html' a gateway page. */
  nonJson?: 'sse' | 'html';
  /** A 200 whose content type is not an event stream: a whole JSON completion, or plain text (a proxy's answer). */
  contentType?: 'application/json' | 'text/plain';
  /** After the role chunk, a data line whose JSON is cut in the middle. */
  malformedJson?: boolean;
}

const PARTIAL_REPLY = { text: 'Début de réponse qui arrive, puis la suite ne vient jamais.', chunkSize: 11 };

/**
 * Every fault the fake can play, by name: what the provider, OpenRouter or the network may do to a request.
 * Tests iterate over it, so a fault added here must be given its expected message where it is checked.
 */
export const FAULT_SCENARIOS = {
  'mid-stream error': { ...PARTIAL_REPLY, midStreamErrorAfterChunks: 3 },
  'embedded error in a choice': { text: 'Début de réponse qui arrive, puis et une erreur.', embeddedError: true },
  'cut stream': { ...PARTIAL_REPLY, cutAfterChunks: 3 },
  'socket dropped': { ...PARTIAL_REPLY, destroyAfterChunks: 3 },
  'stalled stream': { ...PARTIAL_REPLY, stallAfterChunks: 3 },
  '400 invalid model': { status: 400 },
  'context too long': {
    status: 400,
    errorBody: {
      error: {
        message: "This endpoint's maximum context length is 131072 tokens. However, you requested about 250000 tokens (249000 of text input, 1000 in the output). Please reduce the length of either one, or use the \"middle-out\" transform to compress your prompt automatically.",
        code: 400,
        metadata: { provider_name: 'FakeProvider', error_type: 'context_length_exceeded' },
      },
      user_id: 'user_2zAkFakeTestUser',
    },
  },
  '401 unknown key': { status: 401 },
  'key revoked': { status: 401, errorBody: { error: { message: 'This API key is disabled.', code: 401, metadata: { error_type: 'authentication' } } } },
  '402 no credit': { status: 402 },
  '403 moderation': { status: 403, moderationReasons: ['violence'] },
  '404 no endpoints': { status: 404 },
  '429 with Retry-After': { status: 429, retryAfterSeconds: 30 },
  '429 upstream': { status: 429 },
  '429 daily free-tier limit': { status: 429, freeTierDaily: true },
  '500': { status: 500 },
  '502': { status: 502 },
  '503': { status: 503 },
  '200 without choices': { noChoices: true },
  'empty reply': { text: '' },
  'malformed JSON in a data line': { malformedJson: true },
  'non-JSON event data': { nonJson: 'sse' },
  'HTML page instead of a stream': { nonJson: 'html' },
  'wrong content type (JSON)': { contentType: 'application/json' },
  'wrong content type (plain text)': { contentType: 'text/plain' },
} satisfies Record<string, FakeScenario>;

export type FaultName = keyof typeof FAULT_SCENARIOS;

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  /** The client closed the connection before the fake finished. */
  aborted: boolean;
  /**
   * When the first content chunk was written, in epoch milliseconds with sub-millisecond precision
   * (performance.timeOrigin + performance.now()), so that benchmarks can compare it with a browser's clock.
   */
  firstContentAt?: number;
}

export interface FakeOpenRouter {
  url: string;
  requests: FakeRequest[];
  /** When set, any other bearer token gets OpenRouter's 401. */
  expectedKey: string | null;
  models: unknown[];
  /** How many times GET /generation answers 404 for a generation before its record is there (as right after a stream). */
  generationNotReadyLookups: number;
  /** GET /key's `data`; null answers 404 (a server without the endpoint). */
  keyInfo: Record<string, unknown> | null;
  /** When set, /models answers exactly this (a local server's list, a malformed body) instead of {data: models}. */
  modelsBody: { status?: number; body: string | Buffer | unknown; contentType?: string } | null;
  enqueue(...scenarios: FakeScenario[]): void;
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_TEXT = 'Réponse par défaut du serveur de test.';

export const FAKE_MODELS = [
  {
    id: 'anthropic/claude-sonnet-4.5',
    canonical_slug: 'anthropic/claude-4.5-sonnet-20250929',
    name: 'Anthropic: Claude Sonnet 4.5',
    created: 1759161676,
    context_length: 1000000,
    pricing: { prompt: '0.000003', completion: '0.000015', request: '0', image: '0' },
    architecture: { input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'Claude', instruct_type: null, modality: 'text->text' },
    top_provider: { context_length: 1000000, max_completion_tokens: 64000, is_moderated: false },
    per_request_limits: null,
    supported_parameters: ['max_tokens', 'temperature'],
    default_parameters: {},
  },
  {
    id: 'mistralai/mistral-small-3.2-24b-instruct:free',
    canonical_slug: 'mistralai/mistral-small-3.2-24b-instruct-2506',
    name: 'Mistral: Mistral Small 3.2 24B (free)',
    created: 1750443016,
    context_length: 131072,
    pricing: { prompt: '0', completion: '0', request: '0', image: '0' },
    architecture: { input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'Mistral', instruct_type: null, modality: 'text->text' },
    top_provider: { context_length: 131072, max_completion_tokens: null, is_moderated: false },
    per_request_limits: null,
    supported_parameters: ['max_tokens'],
    default_parameters: {},
  },
];

/** GET /key's data for a key with a monthly limit, as documented (limits.mdx). */
export const FAKE_KEY_INFO = {
  label: 'sk-or-v1-e2e…789',
  limit: 10,
  limit_remaining: 7.5,
  limit_reset: 'monthly',
  include_byok_in_limit: false,
  usage: 2.5,
  usage_daily: 0.25,
  usage_weekly: 1,
  usage_monthly: 2.5,
  is_free_tier: false,
  rate_limit: { requests: -1, interval: '10s' },
};

/** OpenRouter serves a dated version of the requested slug; the citation must carry that one. */
export function servedModelFor(requested: string): string {
  const base = requested.replace(/:free$/, '');
  return requested.includes('/') ? `${base}-20250929` : requested;
}

function errorBodyFor(s: FakeScenario, model: string): unknown {
  if (s.errorBody !== undefined) return s.errorBody;
  const userId = { user_id: 'user_2zAkFakeTestUser' };
  switch (s.status) {
    case 400:
      return { error: { message: `${model} is not a valid model ID`, code: 400 }, ...userId };
    case 401:
      return { error: { message: 'User not found.', code: 401 }, ...userId };
    case 402:
      return {
        error: {
          message:
            'This request requires more credits, or fewer max_tokens. You requested up to 32000 tokens, but can only afford 27342. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account',
          code: 402,
          metadata: { provider_name: null },
        },
        ...userId,
      };
    case 403:
      return {
        error: {
          message: `${model} requires moderation on FakeProvider. Your input was flagged for "${(s.moderationReasons ?? ['violence']).join('", "')}". No credits were charged.`,
          code: 403,
          metadata: { reasons: s.moderationReasons ?? ['violence'], flagged_input: 'Le passage...', provider_name: 'FakeProvider', model_slug: model },
        },
        ...userId,
      };
    case 404:
      return { error: { message: `No endpoints found for ${model}.`, code: 404 }, ...userId };
    case 429: {
      if (s.freeTierDaily) {
        const tomorrow = new Date();
        tomorrow.setUTCHours(24, 0, 0, 0);
        return {
          error: {
            message: 'Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day',
            code: 429,
            metadata: { headers: { 'X-RateLimit-Limit': '50', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(tomorrow.getTime()) }, provider_name: null },
          },
          ...userId,
        };
      }
      return { error: { message: 'Provider returned error', code: 429, metadata: { raw: `${model} is temporarily rate-limited upstream. Please retry shortly.`, provider_name: 'FakeProvider' } }, ...userId };
    }
    case 502:
      return { error: { message: 'Provider returned error', code: 502, metadata: { raw: 'upstream connect error', provider_name: 'FakeProvider', error_type: 'provider_unavailable' } }, ...userId };
    case 503:
      return { error: { message: 'No available provider meets your routing requirements', code: 503, metadata: { error_type: 'provider_overloaded' } }, ...userId };
    default:
      return { error: { message: s.status && s.status >= 500 ? 'Internal Server Error' : 'Invalid request parameters', code: s.status ?? 500 } };
  }
}

function pieces(text: string, size: number): string[] {
  const chars = Array.from(text); // never split a surrogate pair
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startFakeOpenRouter(): Promise<FakeOpenRouter> {
  const queue: FakeScenario[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let generation = 0;
  const generations = new Map<string, { lookups: number; data: Record<string, unknown> }>();

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      let body: any = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const record: FakeRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, aborted: false };
      fake.requests.push(record);
      res.on('close', () => {
        if (!res.writableFinished) record.aborted = true;
      });
      void handle(record, res).catch(() => res.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };

  async function handle(request: FakeRequest, res: ServerResponse): Promise<void> {
    const path = request.path.split('?')[0]!;
    const auth = String(request.headers.authorization ?? '');
    if (request.method === 'GET' && path.endsWith('/models')) {
      const custom = fake.modelsBody;
      if (!custom) return json(res, 200, { data: fake.models });
      const raw = typeof custom.body === 'string' || Buffer.isBuffer(custom.body) ? custom.body : JSON.stringify(custom.body);
      res.writeHead(custom.status ?? 200, { 'content-type': custom.contentType ?? 'application/json' });
      res.end(raw);
      return;
    }
    if (request.method === 'GET' && (path.endsWith('/generation') || path.endsWith('/key'))) {
      if (!/^Bearer \S+/.test(auth)) return json(res, 401, { error: { message: 'No auth credentials found', code: 401 } });
      if (fake.expectedKey && auth !== `Bearer ${fake.expectedKey}`) return json(res, 401, { error: { message: 'User not found.', code: 401 } });
      if (path.endsWith('/key')) return fake.keyInfo ? json(res, 200, { data: fake.keyInfo }) : json(res, 404, { error: { message: 'Not Found', code: 404 } });
      const id = new URL(request.path, 'http://fake').searchParams.get('id') ?? '';
      const record = generations.get(id);
      // OpenRouter has the record a few seconds after the stream: until then, 404.
      if (!record || record.lookups++ < fake.generationNotReadyLookups) return json(res, 404, { error: { message: `Generation ${id} not found`, code: 404 } });
      return json(res, 200, { data: record.data });
    }
    if (request.method !== 'POST' || !path.endsWith('/chat/completions')) return json(res, 404, { error: { message: 'Not Found', code: 404 } });
    if (!/^Bearer \S+/.test(auth)) return json(res, 401, { error: { message: 'No auth credentials found', code: 401 } });
    if (fake.expectedKey && auth !== `Bearer ${fake.expectedKey}`) return json(res, 401, { error: { message: 'User not found.', code: 401 } });

    const s = queue.shift() ?? {};
    const model = String(request.body?.model ?? 'openrouter/auto');
    if (s.status && s.status !== 200) {
      const headers: Record<string, string> = { ...s.headers };
      if (s.retryAfterSeconds !== undefined) headers['retry-after'] = String(s.retryAfterSeconds);
      return json(res, s.status, errorBodyFor(s, model), headers);
    }
    if (s.contentType === 'application/json') {
      // What a non-streaming endpoint (or a proxy that buffers) answers: one whole completion.
      return json(res, 200, {
        id: `gen-${Date.now()}`,
        object: 'chat.completion',
        model: servedModelFor(model),
        choices: [{ index: 0, message: { role: 'assistant', content: DEFAULT_TEXT }, finish_reason: 'stop' }],
      });
    }
    if (s.contentType === 'text/plain') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('OK');
    }
    if (s.nonJson === 'html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    }

    const id = `gen-${Math.floor(Date.now() / 1000)}-${String(++generation).padStart(20, 'F')}`;
    const served = s.servedModel ?? servedModelFor(model);
    const provider = s.provider === undefined ? 'FakeProvider' : s.provider;
    const created = Math.floor(Date.now() / 1000);
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
      id,
      ...(provider ? { provider } : {}),
      model: served,
      object: 'chat.completion.chunk',
      created,
      choices,
      ...extra,
    });
    const choice = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) => ({
      index: 0,
      delta,
      finish_reason: finish,
      native_finish_reason: finish,
      logprobs: null,
      ...extra,
    });

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-generation-id': id, ...s.headers });
    const send = (line: string) => {
      if (!res.destroyed) res.write(line);
    };
    const data = (value: unknown) => send(`data: ${JSON.stringify(value)}\n\n`);

    for (let i = 0; i < (s.keepAlives ?? 2); i++) send(': OPENROUTER PROCESSING\n\n');
    if (s.nonJson === 'sse') {
      send('data: <html>upstream error</html>\n\n');
      return void res.end();
    }
    if (s.noChoices) {
      data({ id, model: served, object: 'chat.completion.chunk', created });
      send('data: [DONE]\n\n');
      return void res.end();
    }
    data(chunk([choice({ role: 'assistant', content: '' })]));
    if (s.malformedJson) {
      send(`data: {"id":"${id}","model":"${served}","choices":[{"index":0,"delta":{"content":"Début de rép\n\n`);
      return void res.end();
    }
    if (s.firstChunkDelayMs) await wait(s.firstChunkDelayMs);

    const parts = pieces(s.text ?? DEFAULT_TEXT, s.chunkSize ?? 16);
    for (let i = 0; i < parts.length; i++) {
      if (res.destroyed) return;
      if (i === s.cutAfterChunks) return void res.end();
      if (i === s.destroyAfterChunks) {
        await wait(50); // let what was written reach the client first
        return void res.destroy();
      }
      if (i === s.midStreamErrorAfterChunks) {
        const e = s.midStreamError ?? { code: 502, message: 'Provider disconnected mid-stream', errorType: 'provider_unavailable' };
        data(chunk([choice({ content: '' }, 'error')], { error: { code: e.code, message: e.message, metadata: { error_type: e.errorType ?? 'provider_unavailable' } } }));
        return void res.end();
      }
      if (i === s.stallAfterChunks) {
        const keepAlive = setInterval(() => send(': OPENROUTER PROCESSING\n\n'), 200);
        timers.add(keepAlive);
        res.on('close', () => {
          clearInterval(keepAlive);
          timers.delete(keepAlive);
        });
        return;
      }
      if (i === 0) request.firstContentAt = performance.timeOrigin + performance.now();
      data(chunk([choice({ content: parts[i] })]));
      if (s.chunkDelayMs) await wait(s.chunkDelayMs);
    }
    if (res.destroyed) return;
    if (s.embeddedError) {
      data(chunk([choice({ content: '' }, 'error', { error: { code: 502, message: 'Provider disconnected mid-stream', metadata: { error_type: 'provider_unavailable' } } })]));
      send('data: [DONE]\n\n');
      return void res.end();
    }
    const finish = s.finishReason ?? 'stop';
    const promptTokens = Math.ceil(JSON.stringify(request.body?.messages ?? '').length / 4);
    const completionTokens = Math.ceil((s.text ?? DEFAULT_TEXT).length / 4);
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens, cost: (promptTokens * 3 + completionTokens * 15) / 1e6, is_byok: false };
    generations.set(id, {
      lookups: 0,
      data: {
        id, total_cost: usage.cost, upstream_inference_cost: null, created_at: new Date(created * 1000).toISOString(), model: served, streamed: true,
        cancelled: false, provider_name: provider, finish_reason: finish, native_finish_reason: finish, tokens_prompt: promptTokens,
        tokens_completion: completionTokens, native_tokens_prompt: promptTokens, native_tokens_completion: completionTokens, usage: usage.cost, is_byok: false,
      },
    });
    const shape = s.usageShape ?? 'empty-choices';
    if (shape === 'finish-null') {
      data(chunk([choice({ role: 'assistant', content: '' }, finish)]));
      const { cost: _cost, ...withoutCost } = usage;
      data(chunk([choice({ role: 'assistant', content: '' })], { usage: withoutCost }));
    } else {
      data(chunk([choice({ content: '' }, finish)]));
      if (shape === 'empty-choices') data(chunk([], { usage }));
    }
    send('data: [DONE]\n\n');
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenRouter = {
    url: `http://127.0.0.1:${port}/api/v1`,
    requests: [],
    expectedKey: null,
    models: FAKE_MODELS,
    generationNotReadyLookups: 0,
    keyInfo: { ...FAKE_KEY_INFO },
    modelsBody: null,
    enqueue: (...scenarios) => void queue.push(...scenarios),
    reset() {
      queue.length = 0;
      fake.requests.length = 0;
      fake.expectedKey = null;
      fake.models = FAKE_MODELS;
      fake.generationNotReadyLookups = 0;
      fake.keyInfo = { ...FAKE_KEY_INFO };
      generations.clear();
      fake.modelsBody = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/**
 * A second fake, as a local OpenAI-compatible server (Ollama, LM Studio, llama.cpp) on its own 127.0.0.1 port:
 * /v1/models lists ids only, and replies carry no cost, provider or usage.
 */
export async function startFakeLocalServer(ids?: string[]): Promise<FakeOpenRouter> {
  const fake = await startFakeOpenRouter();
  const body = localModels(ids);
  fake.url = fake.url.replace(/\/api\/v1$/, '/v1');
  fake.modelsBody = { body };
  const reset = fake.reset;
  fake.reset = () => {
    reset();
    fake.modelsBody = { body };
  };
  return fake;
}
