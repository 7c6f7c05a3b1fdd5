// Browser mode, a window left open while the server restarts: the server comes back on the same port with a new
// token, the window is refused, and it must hand its unsaved text over (reconnect with the new address, or copy or
// download it) instead of stranding it. The store is read through the contract with the new token.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { amiSuite, callFromPage, newDraftWith } from '../support/ami-page.js';

const KEY = 'sk-or-v1-e2e-reconnect-key-0123456789';
const suite = amiSuite({ key: KEY, prefix: 'ami-reconnect-' });

async function storedWith(token: string, title: string): Promise<string | null> {
  const { page } = suite.app;
  const list = await callFromPage(page, token, 'drafts:list', {});
  const draft = list.value?.find((d: { title: string }) => d.title === title);
  return draft ? (await callFromPage(page, token, 'drafts:get', { id: draft.id })).value.text : null;
}

describe('a window left open while the server restarts', () => {
  it('shows what happened, takes the new address, and saves every word typed; Download gives the editor’s text', async () => {
    const { page } = suite.app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.app.ami.origin });
    const saved = 'Premier jet, enregistré avant la panne.';
    await newDraftWith(page, saved, 'Relais');
    const oldOrigin = suite.app.ami.origin;
    const oldToken = suite.app.ami.token;

    const ami = await suite.restartServerOnly();
    expect(ami.origin, 'the server came back on the same origin').toBe(oldOrigin);
    expect(ami.token).not.toBe(oldToken);

    // The author goes on typing in the old window, unaware of the restart.
    // Short enough to be typed before the first save (at most the max delay after the first key) is refused.
    const more = ' Puis la suite.';
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(more, { delay: 20 });
    const editorText = saved + more;

    const dialog = page.getByRole('dialog', { name: 'This window lost its connection to Ami' });
    await dialog.waitFor({ timeout: 20_000 });
    await expect.poll(() => dialog.innerText()).toContain('was restarted');
    expect(await storedWith(ami.token, 'Relais'), 'the new server has only what was saved before').toBe(saved);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download unsaved text' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Relais (unsaved).md');
    expect(readFileSync((await file.path())!, 'utf8')).toBe(editorText);

    await dialog.getByRole('button', { name: 'Copy unsaved text' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(editorText);

    // The address Ami printed, pasted as a whole.
    await dialog.getByRole('textbox', { name: /paste the address Ami printed/ }).fill(ami.url);
    await dialog.getByRole('button', { name: 'Reconnect' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => storedWith(ami.token, 'Relais'), { message: 'the pending save went through', timeout: 20_000 }).toBe(editorText);
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved/ }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => sessionStorage.getItem('ami-token'))).toBe(ami.token);

    // The window goes on working with the new token, the editor focused again once the dialog is gone.
    const editor = page.getByRole('textbox', { name: 'Draft' });
    await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(' Et encore.');
    await expect.poll(() => storedWith(ami.token, 'Relais'), { message: 'typing after the reconnection is saved', timeout: 20_000 }).toBe(editorText + ' Et encore.');
  }, 120_000);
});
