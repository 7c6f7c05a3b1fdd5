// Odd and oversized input through the contract, as the renderer sends it: each case either works exactly or is
// refused with a message that names the limit (limits in shared/contract.ts, documented in the README).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DRAFT_CHARS, MAX_NOTE_CHARS, MAX_QUESTION_CHARS, MAX_TITLE_CHARS } from '../../shared/contract.js';
import type { Draft, ExportFile, Result } from '../../shared/domain.js';
import { createServices, type Services } from '../../electron/services/create-services.js';
import { envKeyStore } from '../../electron/services/key-store.js';
import type { LlmClient } from '../../electron/llm/llm-client.js';
import { tempDir } from '../support/temp-dir.js';

let dir: ReturnType<typeof tempDir>;
let services: Services;

const noModel = null as unknown as LlmClient; // these cases never reach a model

beforeEach(() => {
  dir = tempDir('ami-bad-input-');
  services = createServices({ dataDir: join(dir.path, 'data'), mode: 'web', version: 'test', llm: noModel, keyStore: envKeyStore({}), emit: () => {}, env: {} });
});
afterEach(() => {
  services.close();
  dir.cleanup();
});

const call = async <T>(channel: string, input: unknown) => (await services.dispatch(channel, input)) as Result<T>;
async function newDraft(text = ''): Promise<Draft> {
  const r = await call<Draft>('drafts:create', { title: 'Cas', text });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function roundTrip(text: string) {
  const d = await newDraft();
  const saved = await call('drafts:save', { id: d.id, text });
  expect(saved.ok).toBe(true);
  const back = await call<Draft>('drafts:get', { id: d.id });
  expect(back.ok && back.value.text === text).toBe(true);
  return d;
}

describe('size limits', () => {
  it('saves a draft of exactly the largest size and refuses one character more, naming the limit', async () => {
    const d = await newDraft('before');
    const max = 'a'.repeat(MAX_DRAFT_CHARS);
    expect((await call('drafts:save', { id: d.id, text: max })).ok).toBe(true);
    const over = await call('drafts:save', { id: d.id, text: `${max}b` });
    expect(over.ok).toBe(false);
    if (!over.ok) {
      expect(over.error.kind).toBe('validation');
      expect(over.error.message).toBe('This draft is longer than Ami accepts (at most 10,000,000 characters). Nothing was saved or sent.');
    }
    const back = await call<Draft>('drafts:get', { id: d.id });
    expect(back.ok && back.value.text.length).toBe(MAX_DRAFT_CHARS); // the refused save changed nothing
  }, 60_000);

  it('refuses a 10 MB paste (10 MiB of text) with the same message and keeps the draft', async () => {
    const d = await newDraft('Texte gardé.');
    const r = await call('drafts:save', { id: d.id, text: `Texte gardé.${'x'.repeat(10 * 1024 * 1024)}` });
    expect(!r.ok && r.error.message).toMatch(/^This draft is longer than Ami accepts \(at most 10,000,000 characters\)/);
    const back = await call<Draft>('drafts:get', { id: d.id });
    expect(back.ok && back.value.text).toBe('Texte gardé.');
  }, 60_000);

  it('names the limit of titles, questions and notes too', async () => {
    const d = await newDraft('Un texte.');
    const title = await call('drafts:rename', { id: d.id, title: 't'.repeat(MAX_TITLE_CHARS + 1) });
    expect(!title.ok && title.error.message).toBe('The title is longer than Ami accepts (at most 500 characters). Nothing was saved or sent.');
    const question = await call('consultations:preview', { draftId: d.id, text: 'Un texte.', from: 0, to: 3, kind: 'question', question: 'q'.repeat(MAX_QUESTION_CHARS + 1) });
    expect(!question.ok && question.error.message).toBe('The question is longer than Ami accepts (at most 20,000 characters). Nothing was saved or sent.');
    const note = await call('citations:annotate', { replyId: 'none', note: 'n'.repeat(MAX_NOTE_CHARS + 1) });
    expect(!note.ok && note.error.message).toBe('The note is longer than Ami accepts (at most 50,000 characters). Nothing was saved or sent.');
  });
});

describe('unusual text round-trips exactly', () => {
  it('a 1,000,000-line document: saved, read back, searched and exported whole', async () => {
    const text = Array.from({ length: 1_000_000 }, (_, i) => (i % 1000 === 0 ? `Ligne ${i} marquée` : 'l')).join('\n');
    const d = await roundTrip(text);
    const hits = await call<unknown[]>('drafts:search', { query: 'marquée' });
    expect(hits.ok && hits.value.length).toBeGreaterThan(0);
    const md = await call<ExportFile>('export:render', { draftId: d.id, format: 'markdown' });
    expect(md.ok && md.value.content.startsWith(text)).toBe(true);
  }, 120_000);

  const cases: [string, string][] = [
    ['NUL characters', 'avant\u0000après\u0000'],
    ['right-to-left text and marks', 'שלום עולם \u202Eevil\u202C مرحبا بالعالم \u200F'],
    ['emoji, with skin tones, flags and ZWJ sequences', '👩🏽‍💻 🇫🇷 👨‍👩‍👧‍👦 🙂'],
    ['combining characters, not normalised', 'e\u0301 é Z\u0351\u0364\u0357a\u0306\u036Bl\u0366g\u0314o'],
    ['CRLF and lone CR line ends', 'un\r\ndeux\r\n\r\ntrois\rquatre\n'],
  ];
  for (const [name, text] of cases) {
    it(name, async () => {
      const d = await newDraft();
      const saved = await call('drafts:save', { id: d.id, text });
      const back = await call<Draft>('drafts:get', { id: d.id });
      expect(saved.ok).toBe(true);
      expect(back.ok && back.value.text).toBe(text);
      const md = await call<ExportFile>('export:render', { draftId: d.id, format: 'markdown' });
      expect(md.ok && md.value.content.startsWith(text)).toBe(true);
      // The archive keeps it byte for byte and brings it back.
      const archive = await call<{ path: string }>('archive:export', {});
      if (!archive.ok) throw new Error(archive.error.message);
      const fresh = createServices({ dataDir: join(dir.path, `other-${name.length}`), mode: 'web', version: 'test', llm: noModel, keyStore: envKeyStore({}), emit: () => {}, env: {} });
      try {
        const imported = (await fresh.dispatch('archive:import', { path: archive.value.path })) as Result<{ imported: number; notes: string[] }>;
        expect(imported.ok && imported.value.notes).toEqual([]);
        const again = (await fresh.dispatch('drafts:get', { id: d.id })) as Result<Draft>;
        expect(again.ok && again.value.text).toBe(text);
      } finally {
        fresh.close();
      }
    });
  }
});

describe('text that is not valid Unicode', () => {
  it('stores a lone surrogate half as U+FFFD (SQLite keeps text as UTF-8, which cannot hold it), as documented', async () => {
    const d = await newDraft();
    expect((await call('drafts:save', { id: d.id, text: 'a\uD800b\uDC00c' })).ok).toBe(true);
    const back = await call<Draft>('drafts:get', { id: d.id });
    expect(back.ok && back.value.text).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('imported files that are not UTF-8 text', () => {
  function archiveWith(markdown: Buffer): string {
    const folder = join(dir.path, 'archive');
    mkdirSync(join(folder, 'drafts'), { recursive: true });
    const at = '2026-03-01T09:00:00.000Z';
    const history = { draft: { id: 'imp1', title: 'Importé', text: 'original', createdAt: at, updatedAt: at, trashedAt: null }, revisions: [], consultations: [], replies: [] };
    writeFileSync(join(folder, 'drafts', 'd.md'), markdown);
    writeFileSync(join(folder, 'drafts', 'd.json'), JSON.stringify(history));
    writeFileSync(join(folder, 'ami-archive.json'), JSON.stringify({ format: 'ami-archive/1', exportedAt: at, appVersion: 't', drafts: [{ id: 'imp1', title: 'Importé', text: 'drafts/d.md', history: 'drafts/d.json' }] }));
    return folder;
  }

  it('refuses Latin-1 text, naming the file and the reason, and imports nothing of that draft', async () => {
    const r = await call<{ imported: number; notes: string[] }>('archive:import', { path: archiveWith(Buffer.from('caf\xe9 cr\xe8me', 'latin1')) });
    expect(r.ok && r.value).toEqual({ imported: 0, skipped: 0, notes: ['“Importé” could not be read (drafts/d.md: not UTF-8 text).'] });
    expect((await call('drafts:get', { id: 'imp1' })).ok).toBe(false);
  });

  it('refuses a binary file (a PNG) as not text', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const r = await call<{ imported: number; notes: string[] }>('archive:import', { path: archiveWith(png) });
    expect(r.ok && r.value).toEqual({ imported: 0, skipped: 0, notes: ['“Importé” could not be read (drafts/d.md: not a text file).'] });
  });

  it('refuses a folder that is not an archive with a clear message', async () => {
    const folder = join(dir.path, 'empty');
    mkdirSync(folder);
    const r = await call('archive:import', { path: folder });
    expect(!r.ok && r.error.message).toBe('This folder is not an Ami archive (ami-archive.json is missing or unreadable). Nothing was imported.');
    expect(readdirSync(folder)).toEqual([]);
  });
});
