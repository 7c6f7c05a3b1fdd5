import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore, type Store } from '../../electron/db/store.js';
import { toFtsQuery } from '../../electron/db/search-table.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let store: Store;
const at = '2026-11-22T10:00:00.000Z';

beforeEach(() => {
  dir = tempDir();
  store = openStore(join(dir.path, 'ami.sqlite'));
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

function seedConsultation(draftId = 'd1') {
  store.drafts.insert({ id: draftId, title: 'Essai', text: 'Le chat dort. Il rêve.', createdAt: at });
  store.drafts.insertRevision({ id: `${draftId}-r1`, draftId, text: 'Le chat dort. Il rêve.', textHash: 'h1', reason: 'consultation', createdAt: at });
  store.consultations.insertConsultation({
    id: `${draftId}-c1`, draftId, revisionId: `${draftId}-r1`, from: 0, to: 13, text: 'Le chat dort.', hash: 'ph', kind: 'clarity',
    templateId: null, templateName: 'Clarté', question: '', language: 'fr', baseUrl: 'http://127.0.0.1:1/api/v1',
    requestedModel: 'a/b', dataCollection: 'deny', draftHash: 'dh', createdAt: at, previousId: null,
  });
  return store.consultations.insertReply({
    id: `${draftId}-rep1`, consultationId: `${draftId}-c1`, draftId, question: '', requestMessages: [{ role: 'user', content: 'q' }], startedAt: at,
  });
}

describe('store', () => {
  it('keeps revisions append-only at the database level', () => {
    seedConsultation();
    expect(() => store.db.prepare("UPDATE revisions SET text = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM revisions').run()).toThrow(/append-only/);
    expect(store.drafts.revisions('d1')).toHaveLength(1);
  });

  it('numbers citations per draft and turns per consultation', () => {
    const first = seedConsultation('d1');
    const second = store.consultations.insertReply({ id: 'd1-rep2', consultationId: 'd1-c1', draftId: 'd1', question: 'et ensuite ?', requestMessages: [], startedAt: at });
    const other = seedConsultation('d2');
    // Not citations until their first text arrives.
    expect([first.citationNumber, first.turn, second.citationNumber, second.turn]).toEqual([null, 0, null, 1]);
    expect(store.consultations.numberReply(first.id)).toBe(1);
    expect(store.consultations.numberReply(second.id)).toBe(2);
    expect(store.consultations.numberReply(first.id)).toBe(1); // once given, a number never changes
    expect(store.consultations.numberReply(other.id)).toBe(1);
    expect(store.consultations.reply(second.id)!.citationNumber).toBe(2);
  });

  it('gives no number to a request that failed before any text: the numbers of real citations stay contiguous', () => {
    const end = { servedModel: null, provider: null, generationId: null, finishReason: null, promptTokens: null, completionTokens: null, cost: null, latencyMs: 5, completedAt: at };
    const failed = seedConsultation('d1');
    const next = store.consultations.insertReply({ id: 'd1-rep2', consultationId: 'd1-c1', draftId: 'd1', question: 'et ensuite ?', requestMessages: [], startedAt: at });
    const third = store.consultations.insertReply({ id: 'd1-rep3', consultationId: 'd1-c1', draftId: 'd1', question: 'et puis ?', requestMessages: [], startedAt: at });
    store.consultations.finishReply(failed.id, { ...end, text: '', status: 'failed', error: { kind: 'no_credit', message: 'No credit.' } });
    store.consultations.finishReply(third.id, { ...end, text: 'Coupée', status: 'interrupted', error: { kind: 'malformed', message: 'Cut.' } });
    store.consultations.finishReply(next.id, { ...end, text: 'Réponse.', status: 'complete', error: null });
    const numbers = store.consultations.repliesOfDraft('d1').map((r) => [r.id, r.citationNumber]);
    expect(numbers).toEqual(expect.arrayContaining([[failed.id, null], ['d1-rep3', 1], ['d1-rep2', 2]]));
    expect(numbers).toHaveLength(3);
  });

  it('freezes a reply once it has ended: text and attribution can no longer change', () => {
    const reply = seedConsultation();
    store.consultations.savePartial(reply.id, 'Le passage ');
    store.consultations.finishReply(reply.id, {
      text: 'Le passage est clair.', servedModel: 'a/b-2026', provider: 'P', generationId: 'gen-1', finishReason: 'stop',
      promptTokens: 10, completionTokens: 5, cost: 0.001, latencyMs: 120, completedAt: at, status: 'complete', error: null,
    });
    const stored = store.consultations.reply(reply.id)!;
    expect(stored).toMatchObject({ text: 'Le passage est clair.', servedModel: 'a/b-2026', status: 'complete', usage: { cost: 0.001 } });
    expect(() => store.db.prepare("UPDATE replies SET text = 'rewritten' WHERE id = ?").run(reply.id)).toThrow(/immutable/);
    expect(() => store.db.prepare("UPDATE replies SET served_model = 'other' WHERE id = ?").run(reply.id)).toThrow(/immutable/);
    expect(() => store.db.prepare('DELETE FROM replies').run()).toThrow(/kept/);
    // The author's own additions stay editable.
    expect(store.consultations.annotate(reply.id, 'Utile.')).toBe(true);
    expect(store.consultations.setState(reply.id, 'dismissed')).toBe(true);
    expect(store.consultations.reply(reply.id)).toMatchObject({ note: 'Utile.', state: 'dismissed' });
  });

  it('marks replies left streaming by a crash as interrupted, keeping the partial text', () => {
    const reply = seedConsultation();
    store.consultations.savePartial(reply.id, 'Début de réponse');
    expect(store.consultations.markOrphansInterrupted(at, { kind: 'cancelled', message: 'closed' })).toBe(1);
    expect(store.consultations.reply(reply.id)).toMatchObject({ status: 'interrupted', text: 'Début de réponse', error: { kind: 'cancelled' } });
  });

  it('searches drafts and replies, accents folded, and ignores trashed drafts', () => {
    const reply = seedConsultation();
    store.consultations.finishReply(reply.id, {
      text: 'Une métaphore féline.', servedModel: 'm', provider: null, generationId: null, finishReason: 'stop',
      promptTokens: null, completionTokens: null, cost: null, latencyMs: null, completedAt: at, status: 'complete', error: null,
    });
    expect(store.search.search('reve').map((h) => h.where)).toEqual(['draft']);
    expect(store.search.search('rêve')[0]!.snippet).toContain('\u0002rêve\u0003');
    expect(store.search.search('metaphore').map((h) => [h.where, h.replyId])).toEqual([['reply', reply.id]]);
    store.drafts.saveText('d1', 'Autre chose.', at);
    expect(store.search.search('reve')).toEqual([]);
    expect(store.search.search('autre')).toHaveLength(1);
    store.drafts.setTrashed('d1', at);
    expect(store.search.search('autre')).toEqual([]);
  });

  it('turns any typed search into a safe FTS query', () => {
    expect(toFtsQuery('"; DROP TABLE drafts; -- NEAR(')).toBe('"DROP"* "TABLE"* "drafts"* "NEAR"*');
    expect(toFtsQuery('***')).toBeNull();
    expect(() => store.search.search('"unbalanced AND OR (')).not.toThrow();
  });

  it('lists drafts with their citation count, trashed ones apart', () => {
    seedConsultation('d1');
    store.drafts.insert({ id: 'd2', title: 'Mail', text: 'Bonjour', createdAt: at });
    store.drafts.setTrashed('d2', at);
    expect(store.drafts.list(false)).toEqual([expect.objectContaining({ id: 'd1', citationCount: 1, excerpt: 'Le chat dort. Il rêve.' })]);
    expect(store.drafts.list(true).map((d) => d.id)).toEqual(['d2']);
  });
});
