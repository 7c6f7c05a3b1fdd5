// A second opinion through the real services (a SQLite file, the OpenRouter client, the fake server): the same
// passage asked of three models at once streams three replies side by side; cancelling one stops only that one,
// and each reply is stored as its own consultation and citation, with its own served model, in one opinion group.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { AskStarted } from '../../shared/contract.js';
import type { AmiEvent, Reply } from '../../shared/domain.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import { createServices, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import { servedModelFor, startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'sk-or-v1-second-opinion-test-key-00';
const DRAFT = 'Un paragraphe dont on veut plusieurs avis.\n\nUn second paragraphe.';
const MODELS = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5-mini', 'mistralai/mistral-small-3.2-24b-instruct:free'];
const TEXT = 'Un avis long, qui arrive morceau par morceau, assez lentement pour être annulé en route. '.repeat(4);

let fake: FakeOpenRouter;
let dir: ReturnType<typeof tempDir>;
let services: Services;
let events: AmiEvent[];

beforeAll(async () => (fake = await startFakeOpenRouter()));
afterAll(async () => fake.close());
beforeEach(() => {
  dir = tempDir('ami-opinion-');
  fake.reset();
  events = [];
  const env = { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url, LANG: 'fr_FR.UTF-8' };
  services = createServices({
    dataDir: join(dir.path, 'data'),
    mode: 'web',
    version: 'test',
    llm: createOpenRouterClient({ idleTimeoutMs: 5000, backoffMs: 10 }),
    keyStore: envKeyStore(env),
    emit: (e: AmiEvent) => void events.push(e),
    env,
  });
});
afterEach(async () => {
  await services.shutdown();
  dir.cleanup();
});

const ends = () => events.flatMap((e) => (e.type === 'reply:end' ? [e.reply] : []));
const deltasOf = (replyId: string) => events.filter((e) => e.type === 'reply:delta' && e.replyId === replyId).length;

describe('asking three models at once', () => {
  it('streams each on its own; cancelling one leaves the other two to complete as separate citations', async () => {
    fake.enqueue(...MODELS.map(() => ({ text: TEXT, chunkSize: 6, chunkDelayMs: 25 })));
    const draft = services.handlers['drafts:create']({ title: 'Avis', text: DRAFT }) as { id: string };
    const result = await services.dispatch('consultations:askMany', { draftId: draft.id, text: DRAFT, from: 0, to: 42, kind: 'clarity', models: MODELS });
    if (!result.ok) throw new Error(result.error.message);
    const started = result.value as AskStarted[];
    expect(started).toHaveLength(3);
    expect(new Set(started.map((s) => s.consultationId)).size).toBe(3);

    // All three are under way before one is cancelled: they stream at the same time, not one after the other.
    await expect.poll(() => started.every((s) => deltasOf(s.replyId) >= 2), { timeout: 10_000 }).toBe(true);
    expect(ends()).toEqual([]);
    const cancelled = started[1]!;
    expect(await services.dispatch('consultations:cancel', { replyId: cancelled.replyId })).toEqual({ ok: true, value: { cancelled: true } });
    await expect.poll(() => ends().length, { timeout: 20_000 }).toBe(3);

    const byReply = new Map<string, Reply>(ends().map((r) => [r.id, r]));
    expect(byReply.get(cancelled.replyId)).toMatchObject({ status: 'interrupted', error: { kind: 'cancelled' } });
    expect(byReply.get(cancelled.replyId)!.text.length).toBeLessThan(TEXT.length);
    for (const i of [0, 2]) {
      const reply = byReply.get(started[i]!.replyId)!;
      expect(reply).toMatchObject({ status: 'complete', text: TEXT, servedModel: servedModelFor(MODELS[i]!) });
    }

    // Three consultations of the same passage and revision, one per requested model, in one group; three
    // citations with their own numbers. No reply was written into the draft.
    const citations = services.handlers['citations:list']({ draftId: draft.id }) as Awaited<ReturnType<Services['handlers']['citations:list']>>;
    expect(citations).toHaveLength(3);
    expect(citations.map((c) => c.consultation.route.requestedModel).sort()).toEqual([...MODELS].sort());
    const groups = new Set(citations.map((c) => c.consultation.opinionGroup));
    expect(groups.size).toBe(1);
    expect([...groups][0]).toEqual(expect.any(String));
    expect(new Set(citations.map((c) => c.consultation.revisionId)).size).toBe(1);
    expect(new Set(citations.map((c) => c.consultation.passage.text))).toEqual(new Set([DRAFT.slice(0, 42)]));
    expect(citations.map((c) => c.reply.citationNumber).sort()).toEqual([1, 2, 3]);
    expect((services.handlers['drafts:get']({ id: draft.id }) as { text: string }).text).toBe(DRAFT);
    const sent = fake.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(sent.map((r) => r.body.model).sort()).toEqual([...MODELS].sort());
    expect(sent.filter((r) => r.aborted)).toHaveLength(1);

    // A question asked alone is in no group.
    const alone = await services.dispatch('consultations:ask', { draftId: draft.id, text: DRAFT, from: 0, to: 42, kind: 'clarity' });
    if (!alone.ok) throw new Error(alone.error.message);
    await expect.poll(() => ends().length, { timeout: 10_000 }).toBe(4);
    const single = (services.handlers['citations:list']({ draftId: draft.id }) as typeof citations).find((c) => c.consultation.id === (alone.value as AskStarted).consultationId)!;
    expect(single.consultation.opinionGroup).toBeNull();
  }, 60_000);

  it('refuses the same model twice and more than four models, before anything is stored or sent', async () => {
    const draft = services.handlers['drafts:create']({ title: 'Avis', text: DRAFT }) as { id: string };
    const base = { draftId: draft.id, text: DRAFT, from: 0, to: 42, kind: 'clarity' };
    const twice = await services.dispatch('consultations:askMany', { ...base, models: [MODELS[0], MODELS[0]] });
    expect(twice).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const five = await services.dispatch('consultations:askMany', { ...base, models: ['a/1', 'a/2', 'a/3', 'a/4', 'a/5'] });
    expect(five).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(services.handlers['citations:list']({ draftId: draft.id })).toEqual([]);
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toEqual([]);
  });
});
