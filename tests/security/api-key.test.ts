// Invariant 6: the API key leaves the main process only in the request to the provider. Drive every channel through
// a consultation that succeeds, one that fails with a bad key and one cut mid-stream, export in every format, and
// look for the key in every log line, every event, every value the renderer receives, and the database files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServices, DATABASE_FILE, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import type { AmiEvent, Reply } from '../../shared/domain.js';
import { startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'sk-or-v1-0f1e2d3c4b5a69788796a5b4c3d2e1f0-secret';
let fake: FakeOpenRouter;
let dir: ReturnType<typeof tempDir>;
let services: Services;
const logs: string[] = [];
const events: AmiEvent[] = [];
const values: unknown[] = [];

async function call(channel: string, input: unknown) {
  const result = await services.dispatch(channel, input);
  values.push(result);
  return result as { ok: boolean; value?: any; error?: any };
}

async function waitForEnd(replyId: string): Promise<Reply> {
  await expect.poll(() => events.some((e) => e.type === 'reply:end' && e.replyId === replyId), { timeout: 15_000 }).toBe(true);
  return (events.find((e) => e.type === 'reply:end' && e.replyId === replyId) as Extract<AmiEvent, { type: 'reply:end' }>).reply;
}

beforeAll(async () => {
  fake = await startFakeOpenRouter();
  dir = tempDir();
  services = createServices({
    dataDir: dir.path,
    mode: 'web',
    version: 'test',
    llm: createOpenRouterClient({ idleTimeoutMs: 2000, maxRetries: 0 }),
    keyStore: envKeyStore({ OPENROUTER_API_KEY: KEY }),
    emit: (e) => events.push(e),
    log: (l) => logs.push(l),
    env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url },
  });
});
afterAll(async () => {
  await services.shutdown();
  await fake.close();
  dir.cleanup();
});

describe('the API key', () => {
  it('is sent to the provider, and appears nowhere else', async () => {
    const draft = (await call('drafts:create', { title: 'Clé', text: 'Un paragraphe à relire, écrit par son auteur.' })).value;
    const text = draft.text as string;
    const ask = (kind: string) => call('consultations:ask', { draftId: draft.id, text, from: 0, to: text.length, kind });

    // A reply that completes, one refused for its key, one cut mid-stream: each path that could leak it.
    fake.enqueue({ text: 'Clair.' });
    expect(await waitForEnd((await ask('clarity')).value.replyId)).toMatchObject({ status: 'complete' });
    fake.enqueue({ status: 401 });
    expect(await waitForEnd((await ask('proofread')).value.replyId)).toMatchObject({ status: 'failed', error: { kind: 'bad_key' } });
    fake.enqueue({ text: 'Coupé en route, vraiment', chunkSize: 5, cutAfterChunks: 2 });
    expect(await waitForEnd((await ask('explore')).value.replyId)).toMatchObject({ status: 'interrupted', error: { kind: 'malformed' } });

    for (const format of ['markdown', 'html', 'json']) {
      expect((await call('export:render', { draftId: draft.id, format })).ok).toBe(true);
    }
    for (const channel of ['settings:get', 'app:info', 'drafts:list', 'templates:list', 'guard:replies']) await call(channel, {});
    await call('citations:list', { draftId: draft.id });
    await call('consultations:preview', { draftId: draft.id, text, from: 0, to: text.length, kind: 'clarity' });

    // It did go to the provider, in the Authorization header only.
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of fake.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(JSON.stringify(r.body)).not.toContain(KEY);
    }
    const settings = (values.find((v: any) => v.value?.key) as any).value;
    expect(settings.key).toEqual({ set: true, source: 'env', storage: 'env' });

    // Nowhere else: not in what the renderer receives, not in events, not in logs, not in the database files.
    const needle = KEY.slice(10, 30);
    expect(JSON.stringify(values)).not.toContain(needle);
    expect(JSON.stringify(events)).not.toContain(needle);
    expect(logs.join('\n')).not.toContain(needle);
    await services.shutdown();
    const files = readdirSync(dir.path).filter((f) => f.startsWith(DATABASE_FILE));
    expect(files).toContain(DATABASE_FILE);
    for (const file of files) {
      expect(readFileSync(join(dir.path, file)).includes(Buffer.from(needle)), file).toBe(false);
    }
  });
});
