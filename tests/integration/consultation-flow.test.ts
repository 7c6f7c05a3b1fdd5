// The core end to end, without a UI: a French draft in a real SQLite file, a consultation of one passage streamed
// from the fake OpenRouter server, stored verbatim with the served model, a follow-up in the same thread, and the
// export of that draft as Markdown and HTML with its citation appendix. Everything goes through the contract.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createServices, DATABASE_FILE, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import { createOpenRouterClient } from '../../electron/llm/openrouter-client.js';
import type { AmiEvent, Citation, Draft, ExportFile, Reply } from '../../shared/domain.js';
import type { AskStarted } from '../../shared/contract.js';
import { startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'sk-or-v1-flow-test-key-abcdef0123456789';
const DRAFT = [
  "L'ami expert",
  '',
  "On écrit d'abord seul. Le premier jet est à soi : maladroit peut-être, mais entièrement de sa main.",
  '',
  'Ensuite seulement, on demande à un lecteur attentif si un passage est clair, et on garde sa réponse comme une citation [^c1].',
].join('\n');
const PASSAGE = 'Ensuite seulement, on demande à un lecteur attentif si un passage est clair';
const REPLY = 'Le passage est clair. Une remarque : « lecteur attentif » gagnerait à être précisé — un pair, un éditeur ?';

let fake: FakeOpenRouter;
let dir: ReturnType<typeof tempDir>;
let services: Services;
const events: AmiEvent[] = [];

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = (await services.dispatch(channel, input)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function ended(replyId: string): Promise<Reply> {
  await expect.poll(() => events.some((e) => e.type === 'reply:end' && e.replyId === replyId), { timeout: 15_000 }).toBe(true);
  const end = events.find((e) => e.type === 'reply:end' && e.replyId === replyId);
  return (end as Extract<AmiEvent, { type: 'reply:end' }>).reply;
}

beforeAll(async () => {
  fake = await startFakeOpenRouter();
  dir = tempDir();
  services = createServices({
    dataDir: dir.path,
    mode: 'web',
    version: 'test',
    llm: createOpenRouterClient({ idleTimeoutMs: 3000, maxRetries: 0 }),
    keyStore: envKeyStore({ OPENROUTER_API_KEY: KEY }),
    emit: (e) => events.push(e),
    env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url },
  });
});
afterAll(async () => {
  await services.shutdown();
  await fake.close();
  dir.cleanup();
});

describe('a consultation of a passage of a French draft', () => {
  let draft: Draft;
  let first: AskStarted;
  let reply: Reply;

  it('streams from the server and is stored verbatim with the served model, provider and generation', async () => {
    draft = await call<Draft>('drafts:create', { title: "L'ami expert", text: DRAFT });
    const from = DRAFT.indexOf(PASSAGE);
    fake.enqueue({ text: REPLY, chunkSize: 7, chunkDelayMs: 5 });
    first = await call<AskStarted>('consultations:ask', { draftId: draft.id, text: DRAFT, from, to: from + PASSAGE.length, kind: 'clarity' });
    expect(first.citationNumber).toBeNull(); // a citation only once text arrives
    reply = await ended(first.replyId);
    expect(reply.citationNumber).toBe(1);
    expect(events.find((e) => e.type === 'reply:delta' && e.replyId === first.replyId)).toMatchObject({ citationNumber: 1 });

    const deltas = events.filter((e) => e.type === 'reply:delta' && e.replyId === first.replyId);
    expect(deltas.length).toBeGreaterThan(3); // it streamed, in pieces
    expect(deltas.map((e) => (e as { delta: string }).delta).join('')).toBe(REPLY);
    expect(reply).toMatchObject({
      status: 'complete',
      text: REPLY,
      servedModel: 'anthropic/claude-sonnet-4.5-20250929',
      provider: 'FakeProvider',
      finishReason: 'stop',
      error: null,
    });
    expect(reply.generationId).toMatch(/^gen-/);
    expect(reply.usage.completionTokens).toBeGreaterThan(0);

    // What was sent: the whole draft as context, the passage marked, French, privacy option on.
    const sent = fake.requests.at(-1)!.body;
    const prompt = JSON.stringify(sent.messages);
    expect(prompt).toContain("On écrit d'abord seul.");
    expect(prompt).toContain(PASSAGE);
    expect(sent.provider).toEqual({ data_collection: 'deny' });
    expect(sent.messages).toEqual(reply.requestMessages);
  });

  it('is recorded in the database with the draft revision and the hash of what was sent', async () => {
    const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      const c = db.prepare('SELECT * FROM consultations WHERE id = ?').get(first.consultationId) as Record<string, unknown>;
      expect(c.passage_text).toBe(PASSAGE);
      expect(c.language).toBe('fr');
      expect(c.requested_model).toBe('anthropic/claude-sonnet-4.5');
      const r = db.prepare('SELECT text, served_model, status FROM replies WHERE id = ?').get(first.replyId);
      expect(r).toEqual({ text: REPLY, served_model: 'anthropic/claude-sonnet-4.5-20250929', status: 'complete' });
      const revision = db.prepare('SELECT text FROM revisions WHERE id = ?').get(c.revision_id) as { text: string };
      expect(revision.text).toBe(DRAFT);
      // The reply is frozen: not even the store can change it once complete.
      expect(() => db.prepare('UPDATE replies SET text = ? WHERE id = ?').run('autre chose', first.replyId)).toThrow();
    } finally {
      db.close();
    }
  });

  it('continues as a thread: a follow-up is its own citation, sent with the earlier turn', async () => {
    fake.enqueue({ text: 'Un pair : quelqu’un qui écrit aussi.' });
    const next = await call<AskStarted>('consultations:followUp', { consultationId: first.consultationId, question: 'Quel lecteur conseilles-tu ?' });
    expect(next.consultationId).toBe(first.consultationId);
    const second = await ended(next.replyId);
    expect(second.citationNumber).toBe(2);
    expect(second.turn).toBe(1);
    const sent = fake.requests.at(-1)!.body.messages as { role: string; content: string }[];
    expect(sent.some((m) => m.role === 'assistant' && m.content === REPLY)).toBe(true);
    expect(sent.at(-1)).toMatchObject({ role: 'user', content: expect.stringContaining('Quel lecteur conseilles-tu ?') });
    const citations = await call<Citation[]>('citations:list', { draftId: draft.id });
    expect(citations.map((c) => c.reply.citationNumber)).toEqual([1, 2]);
  });

  it('exports the draft exactly as written, then the appendix of kept citations, in Markdown and HTML', async () => {
    await call('citations:annotate', { replyId: first.replyId, note: 'Préciser « lecteur attentif ».' });
    const md = await call<ExportFile>('export:render', { draftId: draft.id, format: 'markdown' });
    expect(md.filename).toMatch(/\.md$/);
    expect(md.content.startsWith(DRAFT)).toBe(true);
    const appendix = md.content.slice(DRAFT.length);
    expect(appendix).toContain('Citations');
    expect(appendix).toContain('anthropic/claude-sonnet-4.5-20250929');
    expect(appendix).toContain('FakeProvider');
    expect(appendix).toContain(PASSAGE);
    expect(appendix).toContain('Le passage est clair.');
    expect(appendix).toContain('Préciser « lecteur attentif ».');
    expect(appendix).toMatch(/\[\^c1\]:/); // the author's marker resolves to its entry

    const html = await call<ExportFile>('export:render', { draftId: draft.id, format: 'html' });
    expect(html.mime).toContain('text/html');
    expect(html.content).toContain('<!DOCTYPE html>');
    expect(html.content).toContain('anthropic/claude-sonnet-4.5-20250929');
    expect(html.content).toContain('lecteur attentif');
    expect(html.content).not.toMatch(/<script/i);

    // Dismissed citations leave the appendix.
    await call('citations:setState', { replyId: first.replyId, state: 'dismissed' });
    const after = await call<ExportFile>('export:render', { draftId: draft.id, format: 'markdown' });
    expect(after.content.slice(DRAFT.length)).not.toContain('Préciser « lecteur attentif ».');
  });
});

describe('without an API key', () => {
  async function servicesWithoutKey(env: Record<string, string>) {
    const own = tempDir();
    const s = createServices({
      dataDir: own.path,
      mode: 'web',
      version: 'test',
      llm: createOpenRouterClient({ idleTimeoutMs: 3000, maxRetries: 0 }),
      keyStore: envKeyStore({}),
      emit: (e) => events.push(e),
      env,
    });
    const draft = ((await s.dispatch('drafts:create', { title: 'Sans clé', text: DRAFT })) as { value: Draft }).value;
    const from = DRAFT.indexOf(PASSAGE);
    const input = { draftId: draft.id, text: DRAFT, from, to: from + PASSAGE.length, kind: 'clarity' };
    return { s, input, done: async () => (await s.shutdown(), own.cleanup()) };
  }

  it('refuses to ask OpenRouter, saying how to add a key, and sends nothing', async () => {
    const { s, input, done } = await servicesWithoutKey({});
    try {
      const preview = (await s.dispatch('consultations:preview', input)) as { ok: true; value: { keySet: boolean; route: { baseUrl: string } } };
      expect(preview.value).toMatchObject({ keySet: false, route: { baseUrl: 'https://openrouter.ai/api/v1' } });
      const result = await s.dispatch('consultations:ask', input);
      expect(result).toMatchObject({ ok: false, error: { kind: 'no_key', message: expect.stringContaining('Settings') } });
    } finally {
      await done();
    }
  });

  it('asks a local OpenAI-compatible server, which needs no key', async () => {
    const { s, input, done } = await servicesWithoutKey({ OPENROUTER_BASE_URL: fake.url });
    try {
      fake.enqueue({ text: 'Réponse locale.', provider: null, usageShape: 'none', servedModel: 'llama3.1:8b' });
      const started = (await s.dispatch('consultations:ask', { ...input, model: 'llama3.1:8b' })) as { ok: true; value: AskStarted };
      expect(started.ok).toBe(true);
      const reply = await ended(started.value.replyId);
      expect(reply).toMatchObject({ status: 'complete', text: 'Réponse locale.', servedModel: 'llama3.1:8b', provider: null });
      expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer no-key');
    } finally {
      await done();
    }
  });
});
