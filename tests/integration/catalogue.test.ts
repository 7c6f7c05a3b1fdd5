// The model catalogue through the contract, against two fakes on 127.0.0.1 at once: OpenRouter with a realistic
// 320-model /models, and a local OpenAI-compatible server listing ids only. The cache is a real SQLite file; the
// clock is the test's, so "older than a day" is a fact, not a wait.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createServices, type Services } from '../../electron/services/create-services.js';
import { endpointKeyStores, envKeyStore } from '../../electron/services/key-store.js';
import { safeStorageKeyStore, type SafeStorageLike } from '../../electron/services/safe-storage-key-store.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import { MAX_CATALOGUE_MODELS } from '../../electron/llm/catalogue-parse.js';
import type { Catalogue, AskStarted } from '../../shared/contract.js';
import type { AmiEvent, Draft, Reply, Settings } from '../../shared/domain.js';
import { startFakeLocalServer, startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { CATALOGUE_LANDMARKS as L, generateCatalogue } from '../support/fake-catalogue.js';
import { tempDir } from '../support/temp-dir.js';

const OR_KEY = 'sk-or-v1-catalogue-test-key-0123456789';
const LOCAL_KEY = 'lm-studio-token-abcdef';
const START = new Date('2026-06-01T08:00:00.000Z');

const safeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
};

let openrouter: FakeOpenRouter;
let local: FakeOpenRouter;
let dir: ReturnType<typeof tempDir>;
let services: Services;
let clock = START;
const events: AmiEvent[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await services.dispatch(channel, input)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const modelsRequests = (fake: FakeOpenRouter) => fake.requests.filter((r) => r.path.endsWith('/models'));

let localId: string;

beforeAll(async () => {
  openrouter = await startFakeOpenRouter();
  openrouter.models = generateCatalogue(320, START);
  local = await startFakeLocalServer();
  dir = tempDir();
  services = createServices({
    dataDir: dir.path,
    mode: 'web',
    version: 'test',
    llm: createOpenRouterClient({ idleTimeoutMs: 3000, maxRetries: 0 }),
    keyStore: envKeyStore({ OPENROUTER_API_KEY: OR_KEY }),
    endpointKeys: endpointKeyStores((id) => safeStorageKeyStore({ safeStorage, file: join(dir.path, 'endpoint-keys', `${id}.enc`), env: {} })),
    emit: (e) => events.push(e),
    env: { OPENROUTER_API_KEY: OR_KEY, OPENROUTER_BASE_URL: openrouter.url },
    now: () => clock,
  });
  const settings = await call<Settings>('endpoints:save', { name: 'LM Studio', baseUrl: local.url, key: LOCAL_KEY });
  localId = settings.endpoints.find((e) => e.name === 'LM Studio')!.id;
});
afterAll(async () => {
  await services.shutdown();
  await openrouter.close();
  await local.close();
  dir.cleanup();
});
beforeEach(() => {
  openrouter.requests.length = 0;
  local.requests.length = 0;
});

describe('the catalogue of several endpoints', () => {
  it('lists text models of OpenRouter with parsed prices and the local server’s models as local and free', async () => {
    const { models, endpoints } = await call<Catalogue>('models:list', {});
    expect(endpoints.map((e) => [e.id, e.name, e.local, e.fetchedAt, e.offline, e.error])).toEqual([
      ['openrouter', 'OpenRouter', false, START.toISOString(), false, undefined],
      [localId, 'LM Studio', true, START.toISOString(), false, undefined],
    ]);
    const or = models.filter((m) => m.endpointId === 'openrouter');
    const byId = new Map(or.map((m) => [m.id, m]));
    // Image-output models are not offered; everything else of the 320 is.
    const imageOnly = (openrouter.models as { id: string; architecture: { output_modalities: string[] } }[]).filter((m) => !m.architecture.output_modalities.includes('text'));
    expect(imageOnly.length).toBeGreaterThan(5);
    expect(or.length).toBe(320 - imageOnly.length);
    expect(byId.has(L.imageOnly)).toBe(false);
    expect(byId.get(L.paid)).toMatchObject({ contextLength: 200000, prices: { prompt: 0.000003, completion: 0.000015, request: 0 }, variablePrice: false, local: false });
    expect(byId.get(L.free)!.prices).toEqual({ prompt: 0, completion: 0, request: 0 });
    expect(byId.get(L.router)).toMatchObject({ variablePrice: true, prices: { prompt: null, completion: null } });
    expect(byId.get(L.noPricing)).toMatchObject({ variablePrice: false, prices: { prompt: null, completion: null, request: null } });
    expect(byId.get(L.expiringSoon)!.expirationDate).toBe('2026-06-11');
    const mine = models.filter((m) => m.endpointId === localId);
    expect(mine.map((m) => m.id)).toEqual(['llama3.2:3b', 'mistral-nemo:12b', 'qwen2.5:7b-instruct']);
    expect(mine.every((m) => m.local && m.prices.prompt === 0 && m.prices.completion === 0 && m.contextLength === null)).toBe(true);
  });

  it('sends each endpoint its own key only, and never returns a key to the renderer', async () => {
    await call<Catalogue>('models:list', { refresh: true });
    expect(modelsRequests(openrouter)[0]!.headers.authorization).toBe(`Bearer ${OR_KEY}`);
    expect(modelsRequests(local)[0]!.headers.authorization).toBe(`Bearer ${LOCAL_KEY}`);
    const settings = await call<Settings>('settings:get', {});
    expect(JSON.stringify(settings)).not.toContain(LOCAL_KEY);
    expect(settings.endpoints.find((e) => e.id === localId)).toMatchObject({ keySet: true, local: true, baseUrl: local.url });
  });

  it('serves the cache for a day, fetches again after it, and on demand', async () => {
    clock = new Date(START.getTime() + 23 * 3600_000);
    await call<Catalogue>('models:list', {});
    expect(modelsRequests(openrouter).length + modelsRequests(local).length).toBe(0);
    clock = new Date(START.getTime() + 25 * 3600_000);
    const later = await call<Catalogue>('models:list', {});
    expect(modelsRequests(openrouter).length).toBe(1);
    expect(later.endpoints[0]!.fetchedAt).toBe(clock.toISOString());
    await call<Catalogue>('models:list', { refresh: true });
    expect(modelsRequests(openrouter).length).toBe(2);
  });

  it('keeps the cached models of an endpoint that is down, says since when, and lists the others', async () => {
    const fetched = (await call<Catalogue>('models:list', {})).endpoints[1]!.fetchedAt;
    local.modelsBody = { status: 503, body: { error: { message: 'Service temporarily unavailable', code: 503 } } };
    try {
      const { models, endpoints } = await call<Catalogue>('models:list', { refresh: true });
      expect(endpoints[1]).toMatchObject({ id: localId, offline: true, fetchedAt: fetched, error: { kind: expect.any(String) } });
      expect(models.filter((m) => m.endpointId === localId).map((m) => m.id)).toContain('llama3.2:3b');
      expect(endpoints[0]).toMatchObject({ offline: false });
    } finally {
      local.reset();
    }
  });

  it('ends a malformed, huge or unreachable catalogue in a coded error, with the cache still used', async () => {
    await call<Catalogue>('models:list', { refresh: true });
    const bodies: [string, FakeOpenRouter['modelsBody'], string][] = [
      ['not JSON', { body: '<html>Bad gateway</html>', contentType: 'text/html' }, 'models.unreadable'],
      ['wrong shape', { body: { models: [] } }, 'models.unreadable'],
      ['data not an array', { body: { data: { id: 'x' } } }, 'models.unreadable'],
      ['entries without ids', { body: { data: [{ name: 'x' }, 42] } }, 'models.unreadable'],
      ['larger than 20 MB', { body: `{"data":[${' '.repeat(21 * 1024 * 1024)}]}` }, 'models.too_large'],
    ];
    for (const [what, body, code] of bodies) {
      openrouter.modelsBody = body;
      const { models, endpoints } = await call<Catalogue>('models:list', { refresh: true });
      expect(endpoints[0], what).toMatchObject({ offline: true, error: { code } });
      expect(models.filter((m) => m.endpointId === 'openrouter').length, what).toBeGreaterThan(300);
    }
    openrouter.reset();
    openrouter.models = generateCatalogue(320, START);
  });

  it('keeps at most 20,000 models of an endpoint and says how many it listed', async () => {
    const many = Array.from({ length: MAX_CATALOGUE_MODELS + 5 }, (_, i) => ({ id: `bulk/model-${i}` }));
    local.modelsBody = { body: { object: 'list', data: many } };
    try {
      const { models, endpoints } = await call<Catalogue>('models:list', { refresh: true });
      expect(endpoints[1]!.truncated).toEqual({ kept: MAX_CATALOGUE_MODELS, listed: MAX_CATALOGUE_MODELS + 5 });
      expect(models.filter((m) => m.endpointId === localId).length).toBe(MAX_CATALOGUE_MODELS);
    } finally {
      local.reset();
    }
  });

  it('asks the chosen endpoint with its key, records its base URL and the served model, and remembers it as recent', async () => {
    const text = 'Un paragraphe à relire, assez court pour tous les modèles.';
    const draft = await call<Draft>('drafts:create', { title: 'Local', text });
    local.enqueue({ text: 'Réponse du serveur local.', servedModel: 'llama3.2:3b', provider: null, usageShape: 'none' });
    const started = await call<AskStarted>('consultations:ask', { draftId: draft.id, text, from: 0, to: text.length, kind: 'clarity', model: 'llama3.2:3b', endpointId: localId });
    await expect.poll(() => events.some((e) => e.type === 'reply:end' && e.replyId === started.replyId), { timeout: 15_000 }).toBe(true);
    const reply = (events.find((e) => e.type === 'reply:end' && e.replyId === started.replyId) as { reply: Reply }).reply;
    expect(reply).toMatchObject({ status: 'complete', servedModel: 'llama3.2:3b' });
    const chat = local.requests.find((r) => r.path.endsWith('/chat/completions'))!;
    expect(chat.headers.authorization).toBe(`Bearer ${LOCAL_KEY}`);
    expect(openrouter.requests.filter((r) => r.path.endsWith('/chat/completions'))).toEqual([]);
    const citations = await call<{ consultation: { route: { baseUrl: string; requestedModel: string } } }[]>('citations:list', { draftId: draft.id });
    expect(citations[0]!.consultation.route).toMatchObject({ baseUrl: local.url, requestedModel: 'llama3.2:3b' });
    expect((await call<Settings>('settings:get', {})).recentModels[0]).toBe(`${localId} llama3.2:3b`);
  });

  it('forgets a removed endpoint with its cache and key', async () => {
    const settings = await call<Settings>('endpoints:remove', { id: localId });
    expect(settings.endpoints.map((e) => e.id)).toEqual(['openrouter']);
    const { models } = await call<Catalogue>('models:list', {});
    expect(models.some((m) => m.endpointId === localId)).toBe(false);
    const again = await services.dispatch('endpoints:remove', { id: 'openrouter' });
    expect(again).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
