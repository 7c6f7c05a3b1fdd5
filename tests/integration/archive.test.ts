import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from '../../electron/db/store.js';
import { archiveService } from '../../electron/services/archive-service.js';
import { newId } from '../../electron/services/service-context.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
const at = '2026-11-22T10:00:00.000Z';
const ctxFor = (store: Store) => ({ store, llm: null as never, keyStore: null as never, emit: () => {}, now: () => new Date(at), newId, env: {}, log: () => {} });
const TEXT = 'Premier paragraphe, écrit à la main.\r\n\r\nSecond — avec des espaces finaux   \n🙂 et é composé: e\u0301.';

function seed(store: Store) {
  store.drafts.insert({ id: 'd1', title: 'Lettre / brouillon', text: TEXT, createdAt: at });
  store.drafts.insertRevision({ id: 'rev1', draftId: 'd1', text: TEXT, textHash: 'h', reason: 'consultation', createdAt: at });
  store.consultations.insertConsultation({
    id: 'c1', draftId: 'd1', revisionId: 'rev1', from: 0, to: 36, text: TEXT.slice(0, 36), hash: 'ph', kind: 'clarity', templateId: null,
    templateName: 'Clarté', question: '', language: 'fr', baseUrl: 'http://127.0.0.1:9/api/v1', requestedModel: 'a/b', dataCollection: 'deny',
    draftHash: 'dh', createdAt: at, previousId: null,
  });
  const reply = store.consultations.insertReply({ id: 'rep1', consultationId: 'c1', draftId: 'd1', question: '', requestMessages: [{ role: 'user', content: TEXT }], startedAt: at });
  store.consultations.finishReply(reply.id, {
    text: 'Clair, **mais** court.', servedModel: 'a/b-2026', provider: 'P', generationId: 'gen-1', finishReason: 'stop', promptTokens: 10,
    completionTokens: 4, cost: 0.0001, latencyMs: 300, completedAt: at, status: 'complete', error: null,
  });
  store.consultations.annotate('rep1', 'À garder.');
  store.drafts.insert({ id: 'd2', title: '', text: '', createdAt: at });
}

beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

describe('archive', () => {
  it('exports every draft as Markdown + JSON and imports it back identically', () => {
    const source = openStore(join(dir.path, 'a.sqlite'));
    seed(source);
    const out = join(dir.path, 'archive');
    expect(archiveService(ctxFor(source), 't').exportAll(out)).toEqual({ path: out, drafts: 2 });
    const md = readdirSync(join(out, 'drafts')).filter((f) => f.endsWith('.md'));
    expect(md).toHaveLength(2);
    expect(readFileSync(join(out, 'drafts', md.find((f) => f.startsWith('Lettre'))!), 'utf8')).toBe(TEXT);

    const target = openStore(join(dir.path, 'b.sqlite'));
    expect(archiveService(ctxFor(target), 't').importAll(out)).toEqual({ imported: 2, skipped: 0, notes: [] });
    for (const id of ['d1', 'd2']) expect(target.archive.history(id)).toEqual(source.archive.history(id));
    // Importing again changes nothing.
    expect(archiveService(ctxFor(target), 't').importAll(out)).toMatchObject({ imported: 0, skipped: 2 });
    source.close();
    target.close();
  });

  it('takes Markdown edited outside Ami as the newest revision', () => {
    const source = openStore(join(dir.path, 'a.sqlite'));
    seed(source);
    const out = join(dir.path, 'archive');
    archiveService(ctxFor(source), 't').exportAll(out);
    source.close();
    const file = join(out, 'drafts', readdirSync(join(out, 'drafts')).find((f) => f.startsWith('Lettre') && f.endsWith('.md'))!);
    writeFileSync(file, 'Réécrit dans un autre éditeur.');
    const target = openStore(join(dir.path, 'b.sqlite'));
    const report = archiveService(ctxFor(target), 't').importAll(out);
    expect(report.notes.join(' ')).toMatch(/edited outside Ami/);
    const h = target.archive.history('d1');
    expect(h.draft.text).toBe('Réécrit dans un autre éditeur.');
    expect(h.revisions.map((r) => r.reason)).toEqual(['consultation', 'import']);
    expect(h.replies[0]!.text).toBe('Clair, **mais** court.');
    target.close();
  });

  it('refuses hostile or broken archives clearly and imports nothing wrong', () => {
    const out = join(dir.path, 'bad');
    const source = openStore(join(dir.path, 'a.sqlite'));
    seed(source);
    archiveService(ctxFor(source), 't').exportAll(out);
    source.close();
    const manifest = JSON.parse(readFileSync(join(out, 'ami-archive.json'), 'utf8'));
    manifest.drafts[0].history = '../../../etc/passwd';
    writeFileSync(join(out, 'drafts', readdirSync(join(out, 'drafts')).find((f) => f.endsWith('.md') && !f.startsWith('Lettre'))!), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    writeFileSync(join(out, 'ami-archive.json'), JSON.stringify(manifest));
    const target = openStore(join(dir.path, 'b.sqlite'));
    const report = archiveService(ctxFor(target), 't').importAll(out);
    expect(report.imported).toBe(0);
    expect(report.notes).toHaveLength(2);
    expect(report.notes.join('\n')).toMatch(/outside the archive/);
    expect(report.notes.join('\n')).toMatch(/not a text file|encoded data/);
    expect(() => archiveService(ctxFor(target), 't').importAll(dir.path)).toThrow(/not an Ami archive/);
    target.close();
  });
});
