// Money through the contract, against the fake OpenRouter: the cost of a reply whose stream carried none comes from
// GET /generation (which answers 404 for a while first), else from tokens × prices, marked as an estimate; a local
// server costs nothing; the budget's hard stop refuses before anything leaves; GET /key is read for Settings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import type { AmiEvent, Citation, Draft, Reply } from '../../shared/domain.js';
import type { AskPreview, AskStarted, MoneyStatus } from '../../shared/contract.js';
import { startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'sk-or-v1-money-test-key-0123456789';
const DRAFT = 'Un premier paragraphe, écrit seul.\n\nUn second paragraphe, dont on demande s’il est clair.';
const FREE_MODEL = 'mistralai/mistral-small-3.2-24b-instruct:free';

let fake: FakeOpenRouter;
const opened: { services: Services; cleanup: () => void }[] = [];

function open(env: Record<string, string>) {
  const dir = tempDir();
  const events: AmiEvent[] = [];
  const services = createServices({
    dataDir: dir.path,
    mode: 'web',
    version: 'test',
    llm: createOpenRouterClient({ idleTimeoutMs: 3000, maxRetries: 0 }),
    keyStore: envKeyStore(env),
    emit: (e) => events.push(e),
    env,
    generationRetryDelaysMs: [20, 40, 80],
  });
  opened.push({ services, cleanup: dir.cleanup });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = (await services.dispatch(channel, input)) as { ok: boolean; value?: T; error?: unknown };
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { services, events, call };
}

const openRouterLike = () => open({ OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url });

/** Asks, then waits until the reply has ended and its cost is settled (the look-up runs after the reply). */
async function askAndSettle(app: ReturnType<typeof open>, extra: Record<string, unknown> = {}): Promise<Reply> {
  const draft = await app.call<Draft>('drafts:create', { title: 'Coût', text: DRAFT });
  const from = DRAFT.indexOf('Un second');
  const started = await app.call<AskStarted>('consultations:ask', { draftId: draft.id, text: DRAFT, from, to: DRAFT.length, kind: 'clarity', ...extra });
  const reply = async () => (await app.call<Citation[]>('citations:list', { draftId: draft.id })).find((c) => c.reply.id === started.replyId)!.reply;
  await expect.poll(async () => (await reply()).usage.costSource ?? null, { timeout: 10_000 }).not.toBeNull();
  return reply();
}

beforeAll(async () => {
  fake = await startFakeOpenRouter();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  for (const o of opened) {
    await o.services.shutdown();
    o.cleanup();
  }
  await fake.close();
});

const lookups = () => fake.requests.filter((r) => r.path.includes('/generation'));

describe('the cost after the reply', () => {
  it('is the provider’s own figure when the stream carried one, and no generation record is asked for', async () => {
    const app = openRouterLike();
    const reply = await askAndSettle(app);
    expect(reply.usage.cost).toBeGreaterThan(0);
    expect(reply.usage.costSource).toBe('provider');
    expect(lookups()).toHaveLength(0);
  });

  it('comes from GET /generation when the stream had none, after its 404s, and the renderer is told', async () => {
    const app = openRouterLike();
    fake.generationNotReadyLookups = 2;
    fake.enqueue({ usageShape: 'finish-null', text: 'Réponse sans coût dans le flux.' });
    const reply = await askAndSettle(app);
    expect(lookups().length).toBe(3);
    expect(lookups()[0]!.path).toContain(`id=${encodeURIComponent(reply.generationId!)}`);
    expect(lookups()[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(reply.usage.costSource).toBe('generation');
    const expected = (reply.usage.promptTokens! * 3 + reply.usage.completionTokens! * 15) / 1e6;
    expect(reply.usage.cost).toBeCloseTo(expected, 12);
    const ends = app.events.filter((e): e is Extract<AmiEvent, { type: 'reply:end' }> => e.type === 'reply:end' && e.replyId === reply.id);
    expect(ends.map((e) => e.reply.usage.costSource)).toEqual([null, 'generation']);
  });

  it('is estimated from tokens × prices, and marked so, when the generation record never comes', async () => {
    const app = openRouterLike();
    fake.generationNotReadyLookups = 1000;
    fake.enqueue({ usageShape: 'finish-null' });
    const reply = await askAndSettle(app);
    expect(lookups().length).toBe(4); // the first try and three retries
    expect(reply.usage.costSource).toBe('estimate');
    expect(reply.usage.cost).toBeCloseTo(reply.usage.promptTokens! * 0.000003 + reply.usage.completionTokens! * 0.000015, 12);
  });

  it('is nothing for a local server (a base URL that is not OpenRouter)', async () => {
    const app = open({});
    await app.call('settings:update', { baseUrl: fake.url });
    fake.enqueue({ usageShape: 'none' });
    const reply = await askAndSettle(app, { model: 'llama3.1:8b' });
    expect(reply.usage).toMatchObject({ cost: 0, costSource: 'local' });
    expect(lookups()).toHaveLength(0);
  });
});

describe('the estimate and the budget before sending', () => {
  const input = async (app: ReturnType<typeof open>, model?: string) => {
    const draft = await app.call<Draft>('drafts:create', { title: 'Budget', text: DRAFT });
    return { draftId: draft.id, text: DRAFT, from: 0, to: DRAFT.indexOf('\n'), kind: 'clarity', ...(model ? { model } : {}) };
  };

  it('the preview says what the request may cost, from the exact messages and the model’s prices', async () => {
    const app = openRouterLike();
    const preview = await app.call<AskPreview>('consultations:preview', await input(app));
    expect(preview.estimate.kind).toBe('range');
    if (preview.estimate.kind !== 'range') return;
    const chars = preview.messages.reduce((n, m) => n + m.content.length, 0);
    expect(preview.estimate.promptTokens.low).toBeLessThan(chars / 4 + 10);
    expect(preview.estimate.promptTokens.high).toBeGreaterThan(chars / 4);
    expect(preview.estimate.low).toBeGreaterThan(0);
    expect(preview.estimate.high).toBeGreaterThan(preview.estimate.low);
    const free = await app.call<AskPreview>('consultations:preview', await input(app, FREE_MODEL));
    expect(free.estimate.kind).toBe('free');
    const unlisted = await app.call<AskPreview>('consultations:preview', await input(app, 'acme/not-listed'));
    expect(unlisted.estimate.kind).toBe('unknown');
  });

  it('a budget of 0 with the hard stop refuses a paid model before anything is stored or sent, and lets a free one go', async () => {
    const app = openRouterLike();
    await app.call('settings:update', { budgetMonthlyUsd: 0, budgetHardStop: true });
    const ask = await input(app);
    const before = fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    const refused = (await app.services.dispatch('consultations:ask', ask)) as { ok: false; error: { kind: string; code: string; message: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({ kind: 'budget', code: 'budget.zero' });
    expect(refused.error.message).toContain('Nothing was sent');
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBe(before);
    expect(await app.call<Citation[]>('citations:list', { draftId: ask.draftId })).toHaveLength(0);
    const preview = await app.call<AskPreview>('consultations:preview', ask);
    expect(preview.refusal).toMatchObject({ reason: 'zero_budget' });

    const free = await app.call<AskStarted>('consultations:ask', { ...ask, model: FREE_MODEL });
    expect(free.replyId).toBeTruthy();
  });

  it('the hard stop counts this month’s spend plus this request’s worst case; without it, only a warning', async () => {
    const app = openRouterLike();
    await askAndSettle(app);
    const status = await app.call<MoneyStatus>('money:status', {});
    const spent = status.budget.spentUsd;
    expect(spent).toBeGreaterThan(0);
    // A budget just above what was spent: the next request's worst case does not fit.
    await app.call('settings:update', { budgetMonthlyUsd: spent * 1.05, budgetHardStop: true });
    const ask = await input(app);
    const refused = (await app.services.dispatch('consultations:ask', ask)) as { ok: false; error: { code: string } };
    expect(refused.error.code).toBe('budget.would_exceed');
    expect((await app.call<MoneyStatus>('money:status', {})).budget.level).toBe('warning');
    await app.call('settings:update', { budgetHardStop: false });
    const sent = await app.call<AskStarted>('consultations:ask', ask);
    expect(sent.replyId).toBeTruthy();
    // No budget at all: no level.
    await app.call('settings:update', { budgetMonthlyUsd: null });
    expect((await app.call<MoneyStatus>('money:status', {})).budget.level).toBe('none');
  });
});

describe('the key’s usage from GET /key', () => {
  it('is read defensively and shown when the server answers', async () => {
    const app = openRouterLike();
    const status = await app.call<MoneyStatus>('money:status', {});
    expect(status.key).toEqual({ usage: 2.5, usageMonthly: 2.5, limit: 10, limitRemaining: 7.5, limitReset: 'monthly' });
    fake.keyInfo = { usage: '1.5', limit: null, limit_remaining: 'lots', label: 'x' };
    expect((await app.call<MoneyStatus>('money:status', {})).key).toEqual({ usage: 1.5, usageMonthly: null, limit: null, limitRemaining: null, limitReset: null });
    fake.keyInfo = null;
    expect((await app.call<MoneyStatus>('money:status', {})).key).toBeNull();
    const keyRequests = fake.requests.filter((r) => r.path.endsWith('/key'));
    expect(keyRequests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });
});
