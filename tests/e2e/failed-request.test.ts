// A request that failed before any text is not a citation: no number, nothing to copy or quote, absent from
// exports; it says what was asked and why it failed, and offers Retry (the same request, through the usual ask path)
// and Dismiss. And a streaming reply is shown in one place only, during and after the stream.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { amiSuite, askAboutFirstParagraph, callFromPage, citation, newDraftWith, type OpenAmi } from '../support/ami-page.js';
import type { FakeOpenRouter } from '../support/fake-openrouter.js';

const KEY = 'sk-or-v1-e2e-failed-request-0123456789';
const PARAGRAPH = 'Un paragraphe sur lequel la première demande échoue, et la seconde réussit.';

const suite = amiSuite({ key: KEY, prefix: 'ami-failed-' });
let fake: FakeOpenRouter;
let app: OpenAmi;
let page: Page;
beforeEach(() => {
  ({ fake, app } = suite);
  page = app.page;
});

const panel = () => page.getByRole('region', { name: 'Citations' });
const failedRequest = () => panel().getByRole('article', { name: 'Failed request' });
const chatRequests = () => fake.requests.filter((r) => r.path.endsWith('/chat/completions'));

async function exportMarkdown(title: string): Promise<string> {
  const list = await callFromPage(page, app.ami.token, 'drafts:list', {});
  const id = list.value.find((d: { title: string }) => d.title === title).id;
  const file = await callFromPage(page, app.ami.token, 'export:render', { draftId: id, format: 'markdown' });
  return file.value.content;
}

/** How many times `needle` appears in the visible text of the whole page. */
async function timesOnPage(needle: string): Promise<number> {
  const text = await page.locator('body').innerText();
  return text.split(needle).length - 1;
}

describe('a failed request', () => {
  it('is not a citation; Retry sends the same request again and the reply becomes citation 1', async () => {
    fake.enqueue({ status: 402 });
    await newDraftWith(page, PARAGRAPH, 'Échec');
    await askAboutFirstParagraph(page, 'Clarity');
    await expect.poll(() => failedRequest().count(), { timeout: 20_000 }).toBe(1);
    const card = failedRequest();
    await expect.poll(() => card.innerText()).toMatch(/does not have enough credits/);
    expect(await card.innerText()).toContain(PARAGRAPH.slice(0, 40)); // what was asked about
    expect(await panel().getByRole('article', { name: /^Citation/ }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /Copy reply|Copy as quotation|Insert/ }).count()).toBe(0);
    await card.getByText('Details', { exact: true }).click();
    await expect.poll(() => card.innerText()).toMatch(/HTTP 402/);

    // Not in the export: no citation at all yet.
    const before = await exportMarkdown('Échec');
    expect(before).not.toMatch(/### Citation/);
    expect(before).not.toContain('enough credits');

    fake.enqueue({ text: 'La seconde demande a abouti.' });
    await card.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => citation(page, 1).innerText(), { timeout: 20_000 }).toContain('La seconde demande a abouti.');
    await expect.poll(() => citation(page, 1).innerText()).toMatch(/\bComplete\b/);
    // The same request, about the same passage, went out again; the failed one is put away.
    const [first, second] = chatRequests();
    expect(second!.body.messages).toEqual(first!.body.messages);
    expect(second!.body.model).toBe(first!.body.model);
    await expect.poll(() => failedRequest().count()).toBe(0);
    expect(await panel().getByRole('article').count()).toBe(1);

    const after = await exportMarkdown('Échec');
    expect(after).toContain('### Citation 1');
    expect(after).not.toContain('### Citation 2');
    expect(after).toContain('La seconde demande a abouti.');
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
  }, 90_000);

  it('can be dismissed, and the next reply is still numbered 1', async () => {
    fake.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    await newDraftWith(page, PARAGRAPH, 'Écarter');
    await askAboutFirstParagraph(page, 'Clarity');
    await expect.poll(() => failedRequest().count(), { timeout: 30_000 }).toBe(1);
    await failedRequest().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => failedRequest().count()).toBe(0);

    fake.enqueue({ text: 'Réponse après l’échec.' });
    await askAboutFirstParagraph(page, 'Clarity');
    await expect.poll(() => citation(page, 1).innerText(), { timeout: 20_000 }).toContain('Réponse après l’échec.');
    expect(await panel().getByRole('article', { name: /Citation 2/ }).count()).toBe(0);
  }, 90_000);
});

describe('a streaming reply', () => {
  it('appears exactly once in the page, while it streams and after', async () => {
    const text = 'Première phrase distincte de la réponse. Deuxième phrase, qui arrive lentement, puis la fin.';
    fake.enqueue({ text, chunkSize: 4, chunkDelayMs: 80 });
    await newDraftWith(page, PARAGRAPH, 'Une fois');
    await askAboutFirstParagraph(page, 'Clarity');
    // While it streams: the first sentence has arrived, the end has not.
    await expect.poll(() => timesOnPage('Première phrase distincte'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('[aria-busy="true"]').count()).toBeGreaterThan(0);
    expect(await timesOnPage('Première phrase distincte')).toBe(1);
    expect(await timesOnPage('puis la fin.')).toBe(0);
    // After: the whole reply, once, in its citation.
    await expect.poll(() => citation(page, 1).innerText(), { timeout: 20_000 }).toMatch(/Complete/);
    await expect.poll(() => timesOnPage('puis la fin.')).toBe(1);
    expect(await timesOnPage('Première phrase distincte')).toBe(1);
    expect(await citation(page, 1).innerText()).toContain(text);
  }, 90_000);
});
