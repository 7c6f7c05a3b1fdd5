// The integrity tour as a keyboard and screen-reader user makes it, in Debian's Chromium against browser mode: every
// step finds its control by role and accessible name and acts with the keyboard (no CSS selector, no mouse).
// Asking, the edited state and its diff, Ask again, a lost passage, History and its diffs and passage timeline,
// and a model-wording mark reached from a list and leading to its citation.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { amiSuite, citation, storedDraftText, waitSaved } from '../support/ami-page.js';
import type { FakeOpenRouter } from '../support/fake-openrouter.js';
import { COPIED, PARAGRAPH, REPLY, SECOND, SERVED } from '../support/harbour-draft.js';

const KEY = 'sk-or-v1-e2e-accessible-integrity-0123456789';
const TITLE = 'Harbour';

const suite = amiSuite({ key: KEY, prefix: 'ami-e2e-a11y-' });
let fake: FakeOpenRouter;
let page: Page;
beforeEach(() => {
  fake = suite.fake;
  page = suite.app.page;
});

const draft = () => page.getByRole('textbox', { name: 'Draft' });
const citations = () => page.getByRole('region', { name: 'Citations' }).getByRole('article');
const passageState = (card: Locator) => card.getByRole('status', { name: 'Passage state' });
const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);
const holdsFocus = (target: Locator) => target.evaluate((el) => el.contains(document.activeElement));

async function newDraftByKeyboard(text: string) {
  await page.getByRole('button', { name: 'New draft' }).press('Enter');
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect.poll(() => isFocused(title)).toBe(true);
  await page.keyboard.insertText(TITLE);
  await page.keyboard.press('Enter');
  await expect.poll(() => holdsFocus(draft())).toBe(true);
  await page.keyboard.insertText(text);
  await expect.poll(() => storedDraftText(page, TITLE), { timeout: 20_000 }).toBe(text);
  await waitSaved(page);
}

describe('the integrity views by role, name and keyboard', () => {
  it('asks, follows the passage through an edit, Ask again and its deletion, reads History, and reaches a model-wording mark’s citation', async () => {
    await newDraftByKeyboard(`${PARAGRAPH}\n\n${SECOND}`);

    // Ask about the first paragraph.
    fake.enqueue({ text: REPLY });
    await page.keyboard.press('ControlOrMeta+Home');
    await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Clarity' });
    await page.getByRole('button', { name: 'Ask', exact: true }).press('Enter');
    const first = citation(page, 1);
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toContain(REPLY.slice(-20));
    expect(await first.textContent()).toContain(SERVED);
    await expect.poll(() => passageState(first).textContent()).toBe('Passage unchanged');

    // Edit the passage: its state says so, in a live region, with the diff as a named group.
    await draft().focus();
    await page.keyboard.press('ControlOrMeta+Home');
    // Word by word into the paragraph: words typed at its very end would be outside the passage (at its edge).
    for (let i = 0; i < 7; i++) await page.keyboard.press('ControlOrMeta+ArrowRight'); // after "winter"
    await page.keyboard.insertText(', while Gulls cry over the quay');
    await expect.poll(() => passageState(first).textContent(), { timeout: 10_000 }).toBe('Passage edited since the question');
    const diff = first.getByRole('group', { name: 'Changes since the question' });
    await expect.poll(() => diff.getByRole('insertion').allTextContents()).toContainEqual(expect.stringContaining('Gulls cry over the quay'));
    expect(await diff.textContent()).toContain('fishermen mend their nets');
    await waitSaved(page);

    // Ask again, from the keyboard: a second citation about today's text.
    fake.enqueue({ text: 'Better now: the gulls give the scene a sound.' });
    await first.getByRole('button', { name: 'Ask again about the edited passage' }).press('Enter');
    const second = citation(page, 2);
    await expect.poll(() => second.textContent(), { timeout: 15_000 }).toContain('the gulls give the scene a sound');
    await expect.poll(() => passageState(second).textContent()).toBe('Passage unchanged');
    expect(JSON.stringify(fake.requests.at(-1)!.body)).toContain('winter, while Gulls cry over the quay, and the fishermen');
    await waitSaved(page);

    // History from the keyboard: a dialog named by its heading, the focus inside, a revision diff and the timeline.
    const historyButton = page.getByRole('button', { name: 'History', exact: true });
    await historyButton.press('Enter');
    const history = page.getByRole('dialog', { name: `History of ‘${TITLE}’` });
    await history.waitFor();
    expect(await history.getByRole('heading', { name: `History of ‘${TITLE}’` }).count()).toBe(1);
    await expect.poll(() => holdsFocus(history)).toBe(true);
    const revisionDiff = history.getByRole('group', { name: 'Changes between the two revisions' });
    await expect.poll(() => revisionDiff.getByRole('insertion').allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Gulls'));
    // The oldest revision (the empty new draft) against the latest: everything is added, nothing removed.
    const from = history.getByRole('combobox', { name: 'From revision' });
    await from.focus();
    await page.keyboard.press('End');
    expect(await from.evaluate((el: HTMLSelectElement) => el.selectedIndex === el.options.length - 1)).toBe(true);
    await expect.poll(() => revisionDiff.getByRole('deletion').count()).toBe(0);
    expect(await revisionDiff.getByRole('insertion').allTextContents()).toContainEqual(expect.stringContaining('fishermen'));
    const timeline = history.getByRole('region', { name: 'Passage timeline' });
    const entries = timeline.getByRole('list', { name: 'Changes and questions, oldest first' }).getByRole('listitem');
    await expect.poll(() => entries.allTextContents(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('asked again about the edited passage'));
    expect(await timeline.getByRole('group', { name: 'Passage change' }).getByRole('insertion').allTextContents()).toContainEqual(expect.stringContaining('Gulls'));
    await page.keyboard.press('Escape');
    await expect.poll(() => history.count()).toBe(0);
    await expect.poll(() => isFocused(historyButton)).toBe(true);

    // Delete the paragraph: both citations about it say it is lost, and Ask again is gone.
    await draft().focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('Alt+l');
    await page.keyboard.press('Backspace');
    for (const card of [first, second]) {
      await expect.poll(() => passageState(card).textContent(), { timeout: 10_000 }).toBe('Passage deleted: it is no longer in the draft');
      expect(await card.getByRole('note').textContent()).toContain('was deleted from the draft');
    }
    expect(await page.getByRole('button', { name: 'Ask again about the edited passage' }).count()).toBe(0);

    // Model wording typed into the draft: a <mark> described by its citation, listed where the keyboard reaches it.
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(`Then ${COPIED}.`);
    const mark = draft().getByRole('mark' as Parameters<Locator['getByRole']>[0]); // ARIA 1.3's mark, which Chromium exposes for <mark>
    await expect.poll(() => mark.count(), { timeout: 10_000 }).toBe(1);
    expect(await mark.getAttribute('aria-description')).toBe(`Model wording from citation 1 (${SERVED})`);
    expect(await mark.textContent()).toContain('lantern swung above the quay');
    // With the cursor in the marked words, Ctrl+Alt+C shows their citation (the active one was citation 2's).
    const showPassage = (n: number) => page.getByRole('button', { name: `Show passage of citation ${n}` });
    expect(await showPassage(2).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ControlOrMeta+Alt+c');
    await expect.poll(() => showPassage(1).getAttribute('aria-pressed')).toBe('true');
    expect(await showPassage(2).getAttribute('aria-pressed')).toBe('false');
    const marks = page.getByRole('region', { name: 'Model wording in the draft' });
    const entry = marks.getByRole('button', { name: /^Model wording from citation 1 / });
    expect(await entry.textContent()).toContain('lantern swung');
    await entry.press('Enter');
    // The focus lands on citation 1; back in the draft, the marked text is what is selected.
    await expect.poll(() => isFocused(first)).toBe(true);
    await draft().focus();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe(COPIED);
  });
});
