// Authorship integrity end to end, in Debian's Chromium against browser mode (real server process, real SQLite
// file, the fake OpenRouter server): anchors that follow the author's edits, the paste guard, the ghost-text guard,
// export confirmation and the revision history. Each test has its own data directory.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { amiSuite, newDraftWith as newDraftInPage, waitSaved } from '../support/ami-page.js';
import type { FakeOpenRouter } from '../support/fake-openrouter.js';
import { COPIED, PARAGRAPH, REPLY, SECOND, SERVED } from '../support/harbour-draft.js';

const KEY = 'sk-or-v1-e2e-integrity-key-0123456789';

const suite = amiSuite({ key: KEY, prefix: 'ami-e2e-integrity-' });
let fake: FakeOpenRouter;
let page: Page;
beforeEach(() => {
  fake = suite.fake;
  page = suite.app.page;
});

const draft = () => page.getByRole('textbox', { name: 'Draft' });
const citations = () => page.getByRole('region', { name: 'Citations' }).getByRole('article');
const saved = () => waitSaved(page);

const newDraftWith = (text: string, title?: string) => newDraftInPage(page, text, title);

/** Asks about the first paragraph and waits for the whole reply. */
async function askAboutFirstParagraph(reply = REPLY) {
  fake.enqueue({ text: reply });
  await draft().click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Clarity' });
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain(SERVED);
  await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain(reply.slice(-20));
}

async function toEndOfDraft() {
  await draft().click();
  await page.keyboard.press('ControlOrMeta+End');
}

/** A paste as the browser delivers it, with the text in the event's clipboard data. */
async function paste(text: string) {
  await page.locator('.cm-content').evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function exportAs(item: RegExp, confirm = false): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  if (confirm) {
    const dialog = page.getByRole('dialog', { name: 'Model wording in the draft' });
    await expect.poll(() => dialog.textContent()).toContain(COPIED);
    await dialog.getByRole('button', { name: 'Export anyway' }).click();
  }
  return readFileSync((await (await download).path())!, 'utf8');
}

describe('anchors follow the author’s edits', () => {
  it('an edited passage shows a word diff (after reopening too), is asked about again, and a deleted one is lost; the history shows both', async () => {
    await newDraftWith(`${PARAGRAPH}\n\n${SECOND}`);
    await askAboutFirstParagraph();
    const first = citations().first();
    await expect.poll(() => first.textContent()).toContain('Passage unchanged');

    // The author rewrites part of the reviewed paragraph.
    await draft().click();
    await page.keyboard.press('ControlOrMeta+Home');
    // Inside the paragraph, word by word (wrapping does not matter): typed at its very end, the words would be an
    // insertion at the passage's edge, which is not part of it.
    for (let i = 0; i < 7; i++) await page.keyboard.press('ControlOrMeta+ArrowRight'); // after "winter"
    await page.keyboard.insertText(', while Gulls cry over the quay');
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('Passage edited since the question');
    const diff = first.getByRole('group', { name: 'Changes since the question' });
    await expect.poll(() => diff.locator('ins').allTextContents()).toContainEqual(expect.stringContaining('Gulls cry over the quay'));
    expect(await diff.textContent()).toContain('fishermen mend their nets');
    await saved();

    // Reopened, the stored position is relocated and the passage is still known as edited.
    await page.reload();
    await draft().waitFor();
    await expect.poll(() => citations().first().textContent(), { timeout: 10_000 }).toContain('Passage edited since the question');
    await expect.poll(() => citations().first().getByRole('group', { name: 'Changes since the question' }).locator('ins').allTextContents()).toContainEqual(
      expect.stringContaining('Gulls cry'),
    );

    // Ask again: a new consultation about today's text, linked to the old one.
    fake.enqueue({ text: 'Better now: the gulls give the scene a sound.' });
    await citations().first().getByRole('button', { name: 'Ask again' }).click();
    await expect.poll(() => citations().count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain('the gulls give the scene a sound');
    expect(JSON.stringify(fake.requests.at(-1)!.body)).toContain('winter, while Gulls cry over the quay, and the fishermen');
    await expect.poll(() => citations().first().textContent()).toContain('Passage unchanged');

    // The history: a word diff between the two consultations' revisions, and the passage's timeline.
    await saved();
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'History' });
    await expect.poll(() => history.getByRole('group', { name: 'Changes between the two revisions' }).locator('ins').allTextContents(), { timeout: 10_000 }).toContainEqual(
      expect.stringContaining('Gulls'),
    );
    const timeline = history.getByRole('region', { name: 'Passage timeline' });
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain('asked again about the edited passage');
    expect(await timeline.getByRole('group', { name: 'Passage change' }).locator('ins').allTextContents()).toContainEqual(expect.stringContaining('Gulls'));
    // Comparing the first revision (empty draft) with the latest shows the whole text as added.
    const options = await history.getByRole('combobox', { name: /From revision/ }).locator('option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(options.at(-1)).toMatch(/created/);
    await history.getByRole('combobox', { name: /From revision/ }).selectOption({ index: options.length - 1 });
    await expect.poll(() => history.getByRole('group', { name: 'Changes between the two revisions' }).locator('del').count()).toBe(0);
    await history.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'History' }).count()).toBe(0);

    // The author deletes the paragraph: both citations about it say so.
    await draft().click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('Alt+l'); // the whole (wrapped) line, its line break included
    await page.keyboard.press('Backspace');
    await expect.poll(() => draft().textContent()).toBe(SECOND);
    for (const n of [0, 1]) {
      await expect.poll(() => citations().nth(n).textContent(), { timeout: 10_000 }).toContain('The passage this citation is about was deleted from the draft.');
    }
    expect(await page.getByRole('button', { name: 'Ask again' }).count()).toBe(0);
  });
});

describe('model wording stays out of the draft unless quoted', () => {
  it('intercepts a paste of a reply: Cancel lets nothing in, “Insert as quotation” inserts an attributed blockquote, and the export says the draft is clean', async () => {
    await newDraftWith(PARAGRAPH);
    await askAboutFirstParagraph();
    await toEndOfDraft();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    await paste(`${COPIED}.`);
    const dialog = page.getByRole('dialog', { name: 'Model wording' });
    await expect.poll(() => dialog.textContent()).toContain('citation [1]');
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Cancel', 'Insert as quotation']);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Model wording' }).count()).toBe(0);
    expect(await draft().textContent()).not.toContain('lantern');

    await paste(`${COPIED}.`);
    await page.getByRole('dialog', { name: 'Model wording' }).getByRole('button', { name: 'Insert as quotation' }).click();
    await expect.poll(() => draft().textContent()).toContain(`> — ${SERVED} [^c1]`);
    await saved();

    const md = await exportAs(/Markdown/);
    const quoted = `${PARAGRAPH}\n\n> ${COPIED}.\n>\n> — ${SERVED} [^c1]\n`;
    expect(md.slice(0, quoted.length)).toBe(quoted);
    expect(md).toContain('Ami never inserts model text into the draft');
    expect(md).toContain('Ami’s check found no passage of the draft that reproduces model wording.');
    expect(md).not.toMatch(/check found \d+ passage/);
  });

  it('marks unquoted model wording typed into the draft, selects its citation on click, and asks before exporting it', async () => {
    await newDraftWith(PARAGRAPH);
    await askAboutFirstParagraph();
    // A second consultation, so that selecting the first one from the mark is visible.
    await toEndOfDraft();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(SECOND);
    fake.enqueue({ text: 'The lighthouse line is fine as it is.' });
    await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Clarity' });
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => citations().count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => page.locator('.thread.active').textContent(), { timeout: 15_000 }).toContain('lighthouse line is fine');

    // keyboard.insertText does not go through paste: the guard finds it when typing pauses.
    await toEndOfDraft();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(`Then ${COPIED}.`);
    const mark = page.locator('.cm-ami-ghost');
    await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(1);
    expect(await mark.getAttribute('title')).toContain('Model wording from citation 1');
    expect(await mark.textContent()).toContain('lantern swung above the quay');
    await mark.click();
    await expect.poll(() => page.locator('.thread.active').textContent()).toContain(REPLY.slice(0, 30));
    await saved();

    const md = await exportAs(/Markdown/, true);
    expect(md).toContain(`Then ${COPIED}.`);
    expect(md).toContain('Ami’s check found 1 passage of the draft that reproduces text from model replies (citation 1).');
    expect(md).toContain('These passages: `“'); // quoted, so a reader sees which words
    expect(md).not.toContain('Ami never inserts model text');

    const json = JSON.parse(await exportAs(/JSON provenance/, true)) as { modelWordingInDraft: { clean: boolean; spans: { citationNumber: number }[] } };
    expect(json.modelWordingInDraft.clean).toBe(false);
    expect(json.modelWordingInDraft.spans.map((s) => s.citationNumber)).toEqual([1]);

    // Cancel exports nothing.
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /HTML/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Model wording in the draft' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Model wording in the draft' }).count()).toBe(0);
    await expect.poll(() => page.locator('.export-done').count()).toBe(0);
  });
});
