// The steps of the browser-mode end-to-end tests that several files share: open Ami in a fresh page, start a draft,
// ask about its first paragraph, call the contract directly as the page would.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium } from './chromium.js';
import { startFakeOpenRouter, type FakeOpenRouter } from './fake-openrouter.js';
import { tempDir } from './temp-dir.js';
import { startAmi, type RunningAmi } from './web-app.js';

export interface OpenAmi {
  ami: RunningAmi;
  page: Page;
  /** Every request the page made, in order. */
  requests: Request[];
}

/** The token of the Ami each page was opened on (the page drops it from its address once read). */
const tokens = new WeakMap<Page, string>();

export async function openAmi(browser: Browser, dataDir: string, env: Record<string, string | undefined>): Promise<OpenAmi> {
  const ami = await startAmi({ dataDir, env });
  const page = await openPage(browser);
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));
  tokens.set(page, ami.token);
  // Whatever a regression would make the page fetch elsewhere is recorded above and never sent.
  await page.route((url) => url.origin !== ami.origin, (route) => route.abort('blockedbyclient'));
  await page.goto(ami.url);
  await page.getByRole('textbox', { name: 'Draft' }).waitFor();
  return { ami, page, requests };
}

/** English unless a test asks otherwise: the tests find controls by their English names. */
export async function openPage(browser: Browser, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 }, locale });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  return page;
}

export async function newDraftWith(page: Page, text: string, title = 'Essai'): Promise<void> {
  await page.getByRole('button', { name: 'New draft' }).click();
  const titleField = page.getByRole('textbox', { name: 'Title' });
  await expect.poll(() => titleField.evaluate((el) => el === document.activeElement && (el as HTMLInputElement).value === '')).toBe(true);
  await page.keyboard.insertText(title);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.insertText(text);
  // The new draft said "Saved" before anything was typed: wait for the typed text to be in the store.
  await expect.poll(() => storedDraftText(page, title), { timeout: 20_000 }).toBe(text);
  await waitSaved(page);
}

/** The text stored for the draft of this title, read through the contract with the page's own token. */
export async function storedDraftText(page: Page, title: string): Promise<string | null> {
  const token = tokens.get(page);
  if (!token) throw new Error('storedDraftText needs a page opened with openAmi');
  const list = await callFromPage(page, token, 'drafts:list', {});
  const draft = list.value?.find((d: { title: string }) => d.title === title);
  return draft ? (await callFromPage(page, token, 'drafts:get', { id: draft.id })).value.text : null;
}

export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status').filter({ hasText: /^Saved/ }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
}

export async function askAboutFirstParagraph(page: Page, kind = 'Clarity'): Promise<void> {
  await page.getByRole('textbox', { name: 'Draft' }).click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: kind });
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

export const citation = (page: Page, n: number) => page.getByRole('region', { name: 'Citations' }).getByRole('article', { name: `Citation ${n}` });

/** Calls a contract channel from inside the page, with the page's own token, exactly as the renderer does. */
export async function callFromPage(page: Page, token: string, channel: string, input: unknown): Promise<any> {
  return page.evaluate(
    async ([channel, input, token]) => {
      const res = await fetch(`/api/call/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ami-token': token }, body: JSON.stringify(input) });
      return res.json();
    },
    [channel, input, token] as const,
  );
}

export interface AmiSuite {
  readonly browser: Browser;
  readonly fake: FakeOpenRouter;
  /** The Ami opened for the running test, in its own data directory. */
  readonly app: OpenAmi;
  readonly dataDir: string;
  /** Kills the server like a crash (SIGKILL), starts it again on the same data and opens a new page. */
  restart(): Promise<OpenAmi>;
  /**
   * Kills the server like a crash and starts it again on the same data and the same port (so the same origin) with
   * a new token, leaving the page open as a window the author kept. Returns the new server.
   */
  restartServerOnly(): Promise<RunningAmi>;
}

/**
 * Registers the hooks every browser-mode end-to-end file needs: one Chromium and one fake OpenRouter per file, a
 * fresh data directory and Ami server per test, and after each test, the check that the key never reached the
 * server's output.
 */
export function amiSuite(options: { key: string; prefix: string; env?: Record<string, string> }): AmiSuite {
  let browser: Browser;
  let fake: FakeOpenRouter;
  let dir: ReturnType<typeof tempDir>;
  let app: OpenAmi;
  const env = () => ({ OPENROUTER_API_KEY: options.key, OPENROUTER_BASE_URL: fake.url, ...options.env });

  beforeAll(async () => {
    browser = await launchChromium();
    fake = await startFakeOpenRouter();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });
  beforeEach(async () => {
    dir = tempDir(options.prefix);
    fake.reset();
    app = await openAmi(browser, join(dir.path, 'data'), env());
  }, 60_000);
  afterEach(async () => {
    await app?.page.context().close();
    await app?.ami.stop();
    expect(app.ami.output()).not.toContain(options.key);
    dir.cleanup();
  });

  return {
    get browser() {
      return browser;
    },
    get fake() {
      return fake;
    },
    get app() {
      return app;
    },
    get dataDir() {
      return join(dir.path, 'data');
    },
    async restart() {
      // Killed first, like a crash: closing the page first would give it the chance to flush.
      await app.ami.stop('SIGKILL');
      await app.page.context().close();
      app = await openAmi(browser, join(dir.path, 'data'), env());
      return app;
    },
    async restartServerOnly() {
      const port = app.ami.port;
      const before = app.ami.output();
      await app.ami.stop('SIGKILL');
      const ami = await startAmi({ dataDir: join(dir.path, 'data'), env: env(), port });
      // The key check after the test reads the output of both runs.
      app = { ...app, ami: { ...ami, output: () => before + ami.output() } };
      return ami;
    },
  };
}
