// End to end in Debian's Chromium against browser mode (the real server process, the real renderer, a real
// SQLite file) and the fake OpenRouter server. Each test has its own data directory.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { amiSuite, askAboutFirstParagraph, newDraftWith as newDraftInPage } from '../support/ami-page.js';
import type { FakeOpenRouter } from '../support/fake-openrouter.js';

const KEY = 'sk-or-v1-e2e-test-key-0123456789';
const PARAGRAPH = "Le brouillon commence ici. L'auteur écrit seul, puis il demande à un ami expert si ce paragraphe est clair.";

const suite = amiSuite({ key: KEY, prefix: 'ami-e2e-' });
let fake: FakeOpenRouter;
let page: Page;
beforeEach(() => {
  fake = suite.fake;
  page = suite.app.page;
});

const newDraftWith = (text: string, title?: string) => newDraftInPage(page, text, title);
const askAboutParagraph = (kind: string) => askAboutFirstParagraph(page, kind);

const citations = () => page.getByRole('region', { name: 'Citations' }).getByRole('article');

describe('a new person’s flow', () => {
  it('writes, asks about a paragraph, watches the reply stream, keeps it with the served model, notes it and exports it', async () => {
    fake.enqueue({ text: 'Le paragraphe est clair. **Une** seule remarque : « ami expert » pourrait être défini.', chunkDelayMs: 40 });
    await newDraftWith(PARAGRAPH);
    await askAboutParagraph('Clarity');
    const article = citations().first();
    await expect.poll(() => article.textContent(), { timeout: 15_000 }).toContain('Une seule remarque');
    await expect.poll(() => article.textContent(), { timeout: 15_000 }).toContain('anthropic/claude-sonnet-4.5-20250929');
    // What left the machine: the whole draft as context, the key only in the header.
    const sent = fake.requests.at(-1)!;
    expect(JSON.stringify(sent.body)).toContain('ami expert si ce paragraphe est clair');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    // The draft is untouched by the reply.
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);

    await article.getByRole('textbox', { name: 'Your note' }).fill('Définir « ami expert » plus haut.');
    await page.getByRole('textbox', { name: 'Title' }).click(); // blur saves the note

    await page.getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /Markdown/ }).click();
    const file = await (await download).path();
    const md = readFileSync(file!, 'utf8');
    expect(md.startsWith(PARAGRAPH)).toBe(true);
    expect(md).toContain('## Citations');
    expect(md).toContain('anthropic/claude-sonnet-4.5-20250929');
    expect(md).toContain('**Une** seule remarque'); // quoted verbatim, Markdown and all
    expect(md).toContain('Définir « ami expert » plus haut.');
    // The README's picture of the main window, refreshed on request so that a test run leaves the tree clean.
    if (process.env.AMI_SCREENSHOT) await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'main-window.png') });
  });

  it('finds everything again after the server is killed and restarted', async () => {
    fake.enqueue({ text: 'Réponse conservée.' });
    await newDraftWith(PARAGRAPH, 'Persistant');
    await askAboutParagraph('Proofreading');
    await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain('Réponse conservée.');
    page = (await suite.restart()).page; // SIGKILL: no flush, no goodbye
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue(), { timeout: 10_000 }).toBe('Persistant');
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
    await expect.poll(() => citations().first().textContent()).toContain('Réponse conservée.');
  });

  it('cancels mid-stream and keeps the partial reply, marked incomplete', async () => {
    fake.enqueue({ text: 'Premier morceau. '.repeat(200), chunkDelayMs: 50 });
    await newDraftWith(PARAGRAPH);
    await askAboutParagraph('Suggestions');
    await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain('Premier morceau.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toMatch(/Incomplete/i);
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
  });
});

describe('keyboard only', () => {
  /** The accessible name of what has the focus: its aria-label, its label, or its text. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> };
      return (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    });
  const tabTo = async (name: string) => {
    for (let i = 0; i < 60 && (await focused()) !== name; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(name);
  };

  it('creates a draft, asks with Mod-Enter, then picks another request and asks again without the mouse', async () => {
    fake.enqueue({ text: 'Première réponse, demandée au clavier.' }, { text: 'Relecture : aucune faute.' });
    await page.keyboard.press('ControlOrMeta+n');
    const title = page.getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).value === '')).toBe(true);
    await page.keyboard.insertText('Au clavier');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(PARAGRAPH);
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('ControlOrMeta+Enter'); // ask about the paragraph at the cursor
    await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain('Première réponse, demandée au clavier.');

    await page.getByRole('textbox', { name: 'Draft' }).focus();
    await tabTo('Request');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('combobox', { name: 'Request' }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Proofreading');
    await tabTo('Ask');
    await page.keyboard.press('Enter');
    await expect.poll(() => citations().count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.getByRole('region', { name: 'Citations' }).textContent(), { timeout: 15_000 }).toContain('Relecture : aucune faute.');
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2);
    expect(await page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
  });
});

describe('faults end in a clear message with the draft intact', () => {
  const cases: [string, Parameters<FakeOpenRouter['enqueue']>[0], RegExp][] = [
    ['401', { status: 401 }, /API key/i],
    ['402', { status: 402 }, /credits/i],
    ['429', { status: 429, freeTierDaily: true }, /rate|limit/i],
    ['cut stream', { text: 'Début de réponse, puis plus rien', chunkSize: 5, cutAfterChunks: 3 }, /cut off|incomplete/i],
  ];
  for (const [name, scenario, message] of cases) {
    it(name, async () => {
      fake.enqueue(scenario);
      await newDraftWith(PARAGRAPH);
      await askAboutParagraph('Clarity');
      // On the citation itself, as shown: hidden text elsewhere (the preview's full messages) must not match.
      await expect.poll(() => citations().first().innerText(), { timeout: 15_000 }).toMatch(message);
      await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
    });
  }
});
