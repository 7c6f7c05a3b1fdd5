// A paste larger than a draft may be (10 MiB of text against the 10,000,000-character limit) is refused before it
// enters the editor, with a message naming the limit; the draft, on screen and stored, stays as it was.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.js';
import { tempDir } from '../support/temp-dir.js';
import { callFromPage, newDraftWith, openAmi, type OpenAmi } from '../support/ami-page.js';

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let app: OpenAmi;

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir('ami-e2e-bad-input-');
}, 60_000);
afterAll(async () => {
  await browser?.close();
  dir?.cleanup();
});
afterEach(async () => {
  await app?.page.context().close();
  await app?.ami.stop();
});

describe('a too-large paste', () => {
  it('shows a message naming the limit, and the saved draft is intact', async () => {
    app = await openAmi(browser, join(dir.path, 'data'), {});
    const { page } = app;
    const kept = 'Texte gardé, écrit avant le collage.';
    await newDraftWith(page, kept, 'Collage');
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    const pastedChars = await page.evaluate(() => {
      const text = 'x'.repeat(10 * 1024 * 1024);
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return text.length;
    });
    expect(pastedChars).toBeGreaterThan(10_000_000);
    const alert = page.getByRole('alert').filter({ hasText: 'This paste would make the draft longer' });
    await expect.poll(() => alert.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const message = await alert.first().innerText();
    console.log(`too-large paste → ${message}`);
    expect(message).toContain('at most 10,000,000 characters; the paste alone has 10,485,760');
    expect(message).toContain('Nothing was pasted');
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).innerText()).toBe(kept);
    expect(await page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBeGreaterThan(0);
    const list = await callFromPage(page, app.ami.token, 'drafts:list', {});
    const id = list.value.find((d: { title: string }) => d.title === 'Collage').id;
    expect((await callFromPage(page, app.ami.token, 'drafts:get', { id })).value.text).toBe(kept);
  }, 120_000);
});
