// Twenty consultations on one draft at once, through the real services (a SQLite file, the OpenRouter client, the
// fake server) with a mix of outcomes: each completes or fails on its own, with its own text and status, and none
// disturbs the draft or another reply.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AmiEvent, Reply } from '../../shared/domain.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import { createServices, DATABASE_FILE, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import { startFakeOpenRouter, type FakeOpenRouter, type FakeScenario } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'sk-or-v1-concurrency-test-key-0000';
const DRAFT = 'Un paragraphe sur lequel vingt questions arrivent en même temps.\n\nUn second paragraphe.';

let fake: FakeOpenRouter;
let dir: ReturnType<typeof tempDir>;
let services: Services;
let ends: Reply[];

beforeAll(async () => (fake = await startFakeOpenRouter()));
afterAll(async () => fake.close());
beforeEach(() => {
  dir = tempDir('ami-concurrent-');
  fake.reset();
  ends = [];
  const env = { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url, LANG: 'fr_FR.UTF-8' };
  services = createServices({
    dataDir: join(dir.path, 'data'),
    mode: 'web',
    version: 'test',
    llm: createOpenRouterClient({ idleTimeoutMs: 1500, backoffMs: 10 }),
    keyStore: envKeyStore(env),
    emit: (e: AmiEvent) => void (e.type === 'reply:end' && ends.push(e.reply)),
    env,
  });
});
afterEach(async () => {
  await services.shutdown();
  dir.cleanup();
});

type Expected = { status: Reply['status']; kind: string | null; text: string | null };

describe('twenty consultations at once', () => {
  it('complete or fail independently, each with its own text and status', async () => {
    const scenarios: [FakeScenario, Expected][] = [];
    for (let i = 0; i < 20; i++) {
      const text = `Réponse numéro ${i}, distincte des autres. `.repeat(6);
      switch (i % 5) {
        case 0:
        case 1:
          scenarios.push([{ text, chunkSize: 7, chunkDelayMs: 5 }, { status: 'complete', kind: null, text }]);
          break;
        case 2:
          scenarios.push([{ text, chunkSize: 7, cutAfterChunks: 3 }, { status: 'interrupted', kind: 'malformed', text: text.slice(0, 21) }]);
          break;
        case 3:
          scenarios.push([{ status: 402 }, { status: 'failed', kind: 'no_credit', text: null }]);
          break;
        case 4:
          scenarios.push(
            i === 19
              ? [{ text, chunkSize: 7, stallAfterChunks: 2 }, { status: 'interrupted', kind: 'timeout', text: text.slice(0, 14) }]
              : [{ text, chunkSize: 7, midStreamErrorAfterChunks: 2 }, { status: 'interrupted', kind: 'provider_down', text: text.slice(0, 14) }],
          );
          break;
      }
    }
    fake.enqueue(...scenarios.map(([s]) => s));

    const draft = services.handlers['drafts:create']({ title: 'Concurrence', text: DRAFT }) as Awaited<ReturnType<Services['handlers']['drafts:create']>>;
    const started = await Promise.all(
      scenarios.map(() => services.dispatch('consultations:ask', { draftId: draft.id, text: DRAFT, from: 0, to: 64, kind: 'clarity' })),
    );
    for (const s of started) expect(s.ok).toBe(true);
    await expect.poll(() => ends.length, { timeout: 20_000 }).toBe(20);

    // Requests reach the fake in an order the test does not control, so each reply is matched to its scenario by
    // the text it received (every scenario's text is distinct); failures before any text are counted.
    const citations = services.handlers['citations:list']({ draftId: draft.id }) as Awaited<ReturnType<Services['handlers']['citations:list']>>;
    expect(citations).toHaveLength(20);
    const unmatched = [...scenarios.map(([, e]) => e)];
    for (const { reply } of citations) {
      const at = unmatched.findIndex((e) => e.status === reply.status && e.kind === (reply.error?.kind ?? null) && (e.text === null ? reply.text === '' : e.text === reply.text));
      expect(at, `reply ${reply.citationNumber}: ${reply.status} ${reply.error?.kind} "${reply.text.slice(0, 40)}"`).toBeGreaterThanOrEqual(0);
      unmatched.splice(at, 1);
      if (reply.status === 'complete') expect(reply.servedModel).toMatch(/-20250929$/);
      if (reply.status !== 'complete') expect(reply.error?.message.length).toBeGreaterThan(20);
    }
    expect(unmatched).toEqual([]);
    // Replies with text are numbered 1..n without a gap; the requests that failed before any text are not citations.
    const numbers = citations.filter((c) => c.reply.text).map((c) => c.reply.citationNumber).sort((a, b) => a! - b!);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(citations.filter((c) => !c.reply.text).map((c) => c.reply.citationNumber)).toEqual([null, null, null, null]);
    for (const c of citations) console.log(`#${c.reply.citationNumber} ${c.reply.status}${c.reply.error ? ` (${c.reply.error.kind}): ${c.reply.error.message}` : ''}`);

    // The draft is exactly as written, and the database is whole.
    expect((services.handlers['drafts:get']({ id: draft.id }) as { text: string }).text).toBe(DRAFT);
    await services.shutdown();
    const db = new Database(join(dir.path, 'data', DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);
});
