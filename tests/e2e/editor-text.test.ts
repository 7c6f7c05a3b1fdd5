// The draft as the editor presents it, in Debian's Chromium against browser mode: Markdown headings look like
// headings, and the content element carries the draft's language for the spellchecker and screen readers.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { amiSuite, newDraftWith } from '../support/ami-page.js';

const suite = amiSuite({ key: 'sk-or-v1-e2e-editor-text-0123456789', prefix: 'ami-e2e-editor-text-' });
let page: Page;
beforeEach(() => {
  page = suite.app.page;
});

const draft = () => page.getByRole('textbox', { name: 'Draft' });

/** The computed font size of each line's first character, by the line's text. */
async function lineFontSizes(): Promise<Map<string, number>> {
  const pairs = await draft().evaluate((el) =>
    [...el.children].map((line) => {
      const text = document.createTreeWalker(line, NodeFilter.SHOW_TEXT).nextNode();
      return [line.textContent ?? '', parseFloat(getComputedStyle(text?.parentElement ?? line).fontSize)] as const;
    }),
  );
  return new Map(pairs);
}

describe('Markdown headings in the editor', () => {
  it('shows a # heading larger than body text, a ## heading between the two, and ### larger than the body', async () => {
    await newDraftWith(page, '# The harbour\n\nThe town wakes slowly in winter.\n\n## Morning\n\nThe nets.\n\n### Gulls\n\nThey argue.');
    await expect.poll(async () => (await lineFontSizes()).get('# The harbour')).toBeGreaterThan(0);
    const sizes = await lineFontSizes();
    const body = sizes.get('The town wakes slowly in winter.')!;
    const h1 = sizes.get('# The harbour')!;
    const h2 = sizes.get('## Morning')!;
    const h3 = sizes.get('### Gulls')!;
    expect(body).toBeGreaterThan(0);
    expect(h1).toBeGreaterThan(h2);
    expect(h2).toBeGreaterThan(h3);
    expect(h3).toBeGreaterThan(body);
    expect(sizes.get('They argue.')).toBe(body);
  });
});

describe('the draft’s language on the editor', () => {
  it('is fr for a French draft and en for an English one, and follows the draft when its language changes', async () => {
    await newDraftWith(page, 'Le port se réveille lentement en hiver, et les pêcheurs réparent leurs filets avant l’aube.', 'Le port');
    expect(await draft().getAttribute('spellcheck')).toBe('true');
    await expect.poll(() => draft().getAttribute('lang')).toBe('fr');

    await newDraftWith(page, 'The harbour town wakes slowly in winter, and the fishermen mend their nets before dawn.', 'Harbour');
    await expect.poll(() => draft().getAttribute('lang')).toBe('en');
    expect(await draft().getAttribute('spellcheck')).toBe('true');

    // Rewritten in French, the same draft is checked in French once typing pauses.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('Les mouettes se disputent les restes du marché, et personne ne se souvient de la dernière fois que le phare a été peint.');
    await expect.poll(() => draft().getAttribute('lang'), { timeout: 10_000 }).toBe('fr');
  });
});
