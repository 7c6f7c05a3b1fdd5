// App-level durability in browser mode: the author types, sees "Saved", types more, and the server dies at once
// (SIGKILL, no flush). After a restart the draft holds at least what the UI reported as saved, and never a
// truncated or mixed text: either the saved text or the newer one.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium.js';
import { tempDir } from '../support/temp-dir.js';
import { newDraftWith, openAmi, storedDraftText, waitSaved, type OpenAmi } from '../support/ami-page.js';
import { AUTOSAVE_MAX_DELAY_MS } from '../../renderer/features/drafts/autosaver.js';

let browser: Browser;
let dir: ReturnType<typeof tempDir>;
let app: OpenAmi;
let page: Page;

beforeAll(async () => (browser = await launchChromium()), 60_000);
afterAll(async () => browser?.close());
beforeEach(() => (dir = tempDir('ami-durability-')));
afterEach(async () => {
  await page?.context().close();
  await app?.ami.stop();
  dir.cleanup();
});

const dataDir = () => join(dir.path, 'data');
const open = async () => {
  app = await openAmi(browser, dataDir(), {});
  page = app.page;
};

const storedText = async (title: string) => (await storedDraftText(page, title))!;

async function openDraft(title: string) {
  await page.getByRole('list', { name: 'Drafts list' }).getByText(title, { exact: true }).click();
}

describe('killing the server right after typing', () => {
  // Kills at several moments after the last keystroke: before the autosave pause ends, during it, after it.
  const delays = [0, 150, 400, 700, 1500];

  it(`keeps at least the last text reported as saved through ${delays.length} kills`, async () => {
    await open();
    let expected = 'Premier paragraphe, enregistré.';
    let keptNewer = 0;
    await newDraftWith(page, expected, 'Durable');
    for (const [i, delay] of delays.entries()) {
      await waitSaved(page);
      const saved = expected;
      const more = `\n\nAjout ${i} tapé juste avant la panne, avec des accents : é, è, ç.`;
      await page.getByRole('textbox', { name: 'Draft' }).click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.insertText(more);
      if (delay) await page.waitForTimeout(delay);
      // The last kill comes after the UI said "Saved" for the new text, so the strict case below is always met.
      if (i === delays.length - 1) {
        await expect.poll(() => storedText('Durable'), { timeout: 20_000 }).toBe(saved + more);
        await waitSaved(page);
      }
      // Read what the UI claims just before the kill: if it says "Saved", the newer text must survive.
      const status = await page.getByRole('status').filter({ hasText: /^(Saved|Unsaved|Saving|Not saved)/ }).first().innerText();
      const reportedNewer = /^Saved/.test(status);
      await app.ami.stop('SIGKILL');
      await page.context().close();

      await open();
      const after = await storedText('Durable');
      if (reportedNewer) {
        expect(after, `kill ${i} after ${delay} ms, UI said "${status}"`).toBe(saved + more);
        keptNewer++;
      } else expect([saved, saved + more], `kill ${i} after ${delay} ms, UI said "${status}"`).toContain(after);
      await openDraft('Durable');
      await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).innerText()).toContain(after.split('\n\n').at(-1)!);
      console.log(`kill ${i} after ${delay} ms: UI said "${status}", restart found ${after === saved ? 'the saved text' : 'the newer text'}`);
      expected = after;
    }
    expect(keptNewer, 'at least one kill came after the UI reported the newer text saved').toBeGreaterThan(0);
  }, 240_000);
});

describe('killing the server while the author types without a pause', () => {
  const KEY_MS = 30;
  const TYPING_MS = 5000;
  // One save round trip (request, transaction with synchronous=FULL, answer) on a machine shared with other runs:
  // a few tens of milliseconds usually, so this is generous.
  const SAVE_ROUND_TRIP_MARGIN_MS = 1000;
  const words = 'le texte avance sans jamais marquer de pause et chaque mot compte ';

  it(`keeps everything typed up to ${AUTOSAVE_MAX_DELAY_MS} ms plus one save before the kill, and nothing else`, async () => {
    expect(TYPING_MS - AUTOSAVE_MAX_DELAY_MS - SAVE_ROUND_TRIP_MARGIN_MS, 'the bound covers part of the typing').toBeGreaterThan(1000);
    await open();
    const base = 'Début du texte. ';
    await newDraftWith(page, base, 'Continu');
    await page.keyboard.press('ControlOrMeta+End');
    // typedAt[i]: when key i had been handed to the page (this process's clock).
    const typedAt: number[] = [];
    let typed = '';
    const start = Date.now();
    for (let i = 0; Date.now() - start < TYPING_MS; i++) {
      const wait = start + i * KEY_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const key = words[i % words.length]!;
      await page.keyboard.type(key);
      typed += key;
      typedAt.push(Date.now());
    }
    // Straight after the last key, as if typing went on: no pause for the autosave to use.
    const killedAt = Date.now();
    await app.ami.stop('SIGKILL');
    await page.context().close();

    await open();
    const after = await storedText('Continu');
    expect(after.startsWith(base), 'the saved part is still there').toBe(true);
    const kept = after.slice(base.length);
    expect(typed.startsWith(kept), 'the stored text is what was typed, in order, nothing more').toBe(true);
    const bound = killedAt - AUTOSAVE_MAX_DELAY_MS - SAVE_ROUND_TRIP_MARGIN_MS;
    const mustKeep = typedAt.filter((t) => t <= bound).length;
    console.log(`typed ${typed.length} keys in ${killedAt - start} ms; the restart found ${kept.length}, at least ${mustKeep} required`);
    expect(kept.length, `keys typed up to ${bound - start} ms after the first one`).toBeGreaterThanOrEqual(mustKeep);
  }, 120_000);
});
