// The usage summary read from a real SQLite file: months cut in UTC, citations apart from failed requests (whose
// billed tokens and cost still count), costs the provider did not give kept apart from the sum.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../electron/db/store.js';
import type { ReplyEnd } from '../../electron/db/consultations-table.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
let n = 0;

beforeEach(() => {
  dir = tempDir();
  store = openStore(join(dir.path, 'ami.sqlite'));
  const at = '2026-01-01T00:00:00.000Z';
  store.drafts.insert({ id: 'd', title: 'Essai', text: 'Un texte.', createdAt: at });
  store.drafts.insertRevision({ id: 'rev', draftId: 'd', text: 'Un texte.', textHash: 'h', reason: 'consultation', createdAt: at });
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

/** One consultation of `requested` started at `startedAt`, ended as `end` says (or left streaming). */
function reply(requested: string, startedAt: string, end: Partial<ReplyEnd> | 'streaming') {
  const id = `x${++n}`;
  store.consultations.insertConsultation({
    id: `c-${id}`, draftId: 'd', revisionId: 'rev', from: 0, to: 3, text: 'Un ', hash: 'ph', kind: 'clarity', templateId: null,
    templateName: 'Clarté', question: '', language: 'fr', baseUrl: 'http://127.0.0.1:1/api/v1', requestedModel: requested,
    dataCollection: 'deny', draftHash: 'dh', createdAt: startedAt, previousId: null,
  });
  store.consultations.insertReply({ id, consultationId: `c-${id}`, draftId: 'd', question: '', requestMessages: [], startedAt });
  if (end === 'streaming') return;
  store.consultations.finishReply(id, {
    text: 'Réponse.', servedModel: `${requested}-20250929`, provider: 'P', generationId: null, finishReason: 'stop', promptTokens: 100,
    completionTokens: 20, cost: 0.001, latencyMs: 10, completedAt: startedAt, status: 'complete', error: null, ...end,
  });
}

describe('usage summary', () => {
  it('cuts months at midnight UTC, whatever offset a time was stored with', () => {
    reply('a/m', '2026-03-31T23:59:59.999Z', {});
    reply('a/m', '2026-04-01T00:00:00.000Z', {});
    // 01:30 in Paris on April 1st is still March 31st in UTC.
    reply('a/m', '2026-04-01T01:30:00+02:00', {});
    const rows = store.usage.summary();
    expect(rows.map((r) => [r.month, r.model, r.citations])).toEqual([
      ['2026-03', 'a/m-20250929', 2],
      ['2026-04', 'a/m-20250929', 1],
    ]);
  });

  it('sums tokens and cost per month and model; a failed request is not a citation but what it was billed counts', () => {
    reply('a/m', '2026-05-02T10:00:00.000Z', { promptTokens: 100, completionTokens: 20, cost: 0.25 });
    reply('a/m', '2026-05-03T10:00:00.000Z', { promptTokens: 50, completionTokens: 5, cost: 0.5 });
    reply('b/m', '2026-05-04T10:00:00.000Z', { promptTokens: 7, completionTokens: 3, cost: 0.125 });
    // Failed before any text, but the provider billed the prompt: no served model said, so the requested one.
    reply('a/m', '2026-05-05T10:00:00.000Z', { text: '', servedModel: null, status: 'failed', promptTokens: 40, completionTokens: 0, cost: 0.0625 });
    // Failed with nothing billed and nothing said.
    reply('a/m', '2026-05-06T10:00:00.000Z', { text: '', servedModel: null, status: 'failed', promptTokens: null, completionTokens: null, cost: null });
    expect(store.usage.summary()).toEqual([
      { month: '2026-05', model: 'a/m', citations: 0, failedRequests: 2, promptTokens: 40, completionTokens: 0, cost: 0.0625, costUnknown: 1 },
      { month: '2026-05', model: 'a/m-20250929', citations: 2, failedRequests: 0, promptTokens: 150, completionTokens: 25, cost: 0.75, costUnknown: 0 },
      { month: '2026-05', model: 'b/m-20250929', citations: 1, failedRequests: 0, promptTokens: 7, completionTokens: 3, cost: 0.125, costUnknown: 0 },
    ]);
  });

  it('keeps a null cost apart: null when no reply said it, the known part and a count when some did', () => {
    reply('a/m', '2026-06-01T10:00:00.000Z', { cost: null });
    reply('b/m', '2026-06-01T10:00:00.000Z', { cost: null });
    reply('b/m', '2026-06-02T10:00:00.000Z', { cost: 0.5, status: 'interrupted' });
    const rows = store.usage.summary();
    expect(rows.map((r) => [r.model, r.citations, r.cost, r.costUnknown])).toEqual([
      ['a/m-20250929', 1, null, 1],
      ['b/m-20250929', 2, 0.5, 1],
    ]);
  });

  it('leaves out replies still streaming, and reads only the range asked (from inclusive, to exclusive)', () => {
    reply('a/m', '2026-07-10T10:00:00.000Z', 'streaming');
    reply('a/m', '2026-06-30T23:59:59.000Z', {});
    reply('a/m', '2026-07-01T00:00:00.000Z', {});
    reply('a/m', '2026-08-01T00:00:00.000Z', {});
    expect(store.usage.summary().map((r) => [r.month, r.citations])).toEqual([['2026-06', 1], ['2026-07', 1], ['2026-08', 1]]);
    expect(store.usage.summary({ from: '2026-07-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' }).map((r) => [r.month, r.citations])).toEqual([['2026-07', 1]]);
  });
});
