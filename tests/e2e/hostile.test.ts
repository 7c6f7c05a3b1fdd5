// Hostile content in a real Chromium against browser mode: model replies, draft text, a title, a template and an
// imported archive all carry the corpus of tests/corpus/hostile.ts. Nothing may run (window.__pwned stays unset),
// nothing may be fetched from anywhere but Ami's own origin, and the payloads must be shown as text.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.js';
import { startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';
import { askAboutFirstParagraph, callFromPage, citation, newDraftWith, openAmi, type OpenAmi } from '../support/ami-page.js';
import { allPayloads, hostilePayloads } from '../corpus/hostile.js';

const KEY = 'sk-or-v1-e2e-hostile-key-0123456789';
const PARAGRAPH = 'A short paragraph to ask about.';

let browser: Browser;
let fake: FakeOpenRouter;
let leak: Server;
let leakHits: string[] = [];
let leakBase: string;
let dir: ReturnType<typeof tempDir>;
let app: OpenAmi;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  fake = await startFakeOpenRouter();
  leak = createServer((req, res) => {
    leakHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => leak.listen(0, '127.0.0.1', resolve));
  leakBase = `http://127.0.0.1:${(leak.address() as AddressInfo).port}/leak`;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await fake?.close();
  await new Promise((resolve) => leak?.close(resolve));
});

beforeEach(async () => {
  dir = tempDir('ami-hostile-');
  fake.reset();
  leakHits = [];
  app = await openAmi(browser, join(dir.path, 'data'), { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url });
  page = app.page;
}, 60_000);
afterEach(async () => {
  await page?.context().close();
  await app?.ami.stop();
  dir.cleanup();
});

/** Nothing ran and nothing left the page for another origin. */
async function expectInert() {
  // Hovering and clicking over the whole page gives event-handler payloads every chance to fire.
  await page.mouse.move(10, 10);
  await page.mouse.move(700, 450);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const foreign = app.requests.map((r) => r.url()).filter((url) => !url.startsWith(`${app.ami.origin}/`));
  expect(foreign).toEqual([]);
  expect(leakHits).toEqual([]);
  expect(fake.requests.filter((r) => r.path.includes('leak'))).toEqual([]);
}

const replyText = (n: number) => citation(page, n).locator('.reply-text');

describe('hostile model replies', () => {
  it('render every payload as inert text: no raw HTML, no image fetched, no clickable non-https link', async () => {
    const payloads = hostilePayloads(leakBase);
    await newDraftWith(page, PARAGRAPH);
    let n = 0;
    for (const payload of payloads) {
      fake.enqueue({ text: payload.text, chunkSize: 4000 });
      await askAboutFirstParagraph(page);
      n++;
      await expect.poll(() => citation(page, n).textContent(), { timeout: 20_000, message: payload.name }).toContain('Complete');
      const shown = await replyText(n).innerText();
      expect(shown, payload.name).toContain(payload.visible);
      // Elements that could run or fetch never come out of a reply.
      expect(await replyText(n).locator('script, iframe, object, embed, img, svg, form, link, style, meta, details').count(), payload.name).toBe(0);
      // Browser mode cannot open links through main, so no reply link is clickable here at all.
      expect(await replyText(n).locator('a').count(), payload.name).toBe(0);
      expect(await replyText(n).locator('[onerror], [onload], [onmouseover], [ontoggle], [onclick]').count(), payload.name).toBe(0);
    }
    // Exfiltration URLs stay visible as text, so the author sees what the reply tried.
    expect(await replyText(payloads.findIndex((p) => p.name === 'exfiltration image, local') + 1).innerText()).toContain(`${leakBase}/img?draft=`);
    await expectInert();
  }, 300_000);

  it('keep every payload at once inert, streamed in small pieces', async () => {
    await newDraftWith(page, PARAGRAPH);
    fake.enqueue({ text: allPayloads(leakBase), chunkSize: 3000 });
    await askAboutFirstParagraph(page);
    await expect.poll(() => citation(page, 1).textContent(), { timeout: 30_000 }).toContain('Complete');
    expect(await replyText(1).innerText()).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('.reply-text :is(script, iframe, object, embed, img, svg, a)').count()).toBe(0);
    await expectInert();
  }, 120_000);
});

describe('hostile text typed or brought in by the author', () => {
  it('as draft text and as a title: shown and saved as written, nothing runs', async () => {
    const small = hostilePayloads(leakBase).filter((p) => p.text.length < 2000);
    const text = small.map((p) => p.text).join('\n\n');
    const title = '<img src=x onerror=window.__pwned=1> "><script>window.__pwned=1</script>';
    await newDraftWith(page, text, title);
    const list = page.getByRole('list', { name: 'Drafts list' });
    await expect.poll(() => list.innerText()).toContain('<img src=x onerror=window.__pwned=1>');
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(title);
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).innerText()).toContain('<script>window.__pwned=1</script>');
    const drafts = await callFromPage(page, app.ami.token, 'drafts:list', {});
    const id = drafts.value.find((d: { title: string }) => d.title === title).id;
    const stored = await callFromPage(page, app.ami.token, 'drafts:get', { id });
    expect(stored.value.text).toBe(text);
    await expectInert();
  }, 120_000);

  it('as a template name and instruction, saved through the API and shown in Settings', async () => {
    const name = '<img src=x onerror=window.__pwned=1>';
    const saved = await callFromPage(page, app.ami.token, 'templates:save', {
      kind: 'custom',
      language: 'en',
      name,
      instruction: allPayloads(leakBase).slice(0, 19_000),
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await page.getByRole('textbox', { name: 'Draft' }).waitFor();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect.poll(() => dialog.innerText()).toContain(name);
    await expect.poll(() => dialog.locator('img, script, iframe').count()).toBe(0);
    await dialog.getByRole('button', { name: `Edit ${name} (en)` }).click();
    await expect.poll(() => dialog.getByLabel('Instruction').inputValue()).toContain('<script>window.__pwned=1</script>');
    await expectInert();
  }, 120_000);

  it('as an imported archive typed into Settings: drafts come in, titles and text stay text', async () => {
    const archive = join(dir.path, 'hostile-archive');
    writeHostileArchive(archive, leakBase);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('textbox', { name: 'Archive folder to import' }).fill(archive);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.innerText(), { timeout: 15_000 }).toContain('Imported 1 draft.');
    // Exporting it again from Settings writes the archive under the data folder in browser mode.
    await dialog.getByRole('button', { name: 'Export everything' }).click();
    await expect.poll(() => dialog.innerText(), { timeout: 15_000 }).toMatch(/\d+ drafts? written to .*exports/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const list = page.getByRole('list', { name: 'Drafts list' });
    await expect.poll(() => list.innerText()).toContain('<svg onload=window.__pwned=1>');
    await list.getByText('<svg onload=window.__pwned=1>').click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).innerText()).toContain('<iframe srcdoc=');
    await expect.poll(() => citation(page, 1).innerText()).toContain('<script>window.__pwned=1</script>');
    expect(await citation(page, 1).locator('script, iframe, object, embed, img, svg, a').count()).toBe(0);
    await expectInert();
  }, 120_000);
});

/** An archive in the format archive:export writes, with hostile text in every field a person could edit. */
function writeHostileArchive(folder: string, leakBase: string) {
  mkdirSync(join(folder, 'drafts'), { recursive: true });
  const id = 'hostileDraft0001';
  const title = '<svg onload=window.__pwned=1>';
  const text = hostilePayloads(leakBase)
    .filter((p) => p.text.length < 2000)
    .map((p) => p.text)
    .join('\n\n');
  const at = '2026-03-01T09:00:00.000Z';
  const consultation = {
    id: 'hostileCons0001',
    draftId: id,
    revisionId: 'hostileRev0001',
    passage: { from: 0, to: 10, text: text.slice(0, 10), hash: 'h' },
    kind: 'clarity',
    templateId: null,
    templateName: '<img src=x onerror=window.__pwned=1>',
    question: '<script>window.__pwned=1</script>',
    language: 'en',
    route: { baseUrl: 'https://openrouter.ai/api/v1', requestedModel: '<b onmouseover=window.__pwned=1>m</b>', dataCollection: 'deny' },
    draftHash: 'h',
    createdAt: at,
    previousId: null,
    anchor: null,
  };
  const reply = {
    id: 'hostileReply0001',
    consultationId: consultation.id,
    turn: 0,
    question: '',
    requestMessages: [{ role: 'user', content: text }],
    text: allPayloads(leakBase),
    servedModel: '<img src=x onerror=window.__pwned=1>',
    provider: '<script>window.__pwned=1</script>',
    generationId: null,
    finishReason: 'stop',
    usage: { promptTokens: null, completionTokens: null, cost: null },
    latencyMs: null,
    startedAt: at,
    completedAt: at,
    status: 'complete',
    error: null,
    citationNumber: 1,
    note: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    state: 'kept',
  };
  const history = {
    draft: { id, title, text, createdAt: at, updatedAt: at, trashedAt: null },
    revisions: [{ id: consultation.revisionId, draftId: id, createdAt: at, reason: 'create', textHash: 'h', length: text.length, text }],
    consultations: [consultation],
    replies: [reply],
  };
  writeFileSync(join(folder, 'drafts', 'h.md'), text);
  writeFileSync(join(folder, 'drafts', 'h.json'), JSON.stringify(history));
  writeFileSync(
    join(folder, 'ami-archive.json'),
    JSON.stringify({ format: 'ami-archive/1', exportedAt: at, appVersion: '0.1.0', drafts: [{ id, title, text: 'drafts/h.md', history: 'drafts/h.json' }] }),
  );
}
