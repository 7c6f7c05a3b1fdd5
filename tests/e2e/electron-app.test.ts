// The new-person flow of web-flow.test.ts, in the real desktop app: Electron runs dist/electron/main.cjs, the
// sandboxed preload and the app:// renderer, against the fake OpenRouter on 127.0.0.1 and a fresh data folder.
// It needs an Electron binary (and, on Linux, a display); without one it is skipped and says why.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startFakeOpenRouter, type FakeOpenRouter } from '../support/fake-openrouter.js';
import { tempDir } from '../support/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// Not require('electron'): when the binary is missing, that call tries to download it.
const { electronBinary } = require('../../scripts/electron-binary.cjs') as { electronBinary(): string | null };

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary
  ? 'no Electron binary on this machine (node_modules/electron has none downloaded)'
  : !hasDisplay
    ? 'no display for Electron (run under xvfb-run, or set DISPLAY)'
    : null;
if (skipReason) console.warn(`Electron end-to-end tests skipped: ${skipReason}.`);

const KEY = 'sk-or-v1-electron-e2e-key-0123456789';
const PARAGRAPH = "Le brouillon commence ici. L'auteur écrit seul, puis il demande à un ami expert si ce paragraphe est clair.";

describe.skipIf(skipReason !== null)(`Ami in Electron${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let fake: FakeOpenRouter;
  let dir: ReturnType<typeof tempDir>;
  let app: ElectronApplication;
  let page: Page;
  let output = '';

  async function launch(): Promise<Page> {
    app = await _electron.launch({
      executablePath: binary!,
      args: [
        root,
        // Chromium refuses to start its OS sandbox as root (containers); the renderer still runs without Node.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      cwd: root,
      env: {
        ...(process.env as Record<string, string>),
        AMI_DATA_DIR: join(dir.path, 'data'),
        OPENROUTER_API_KEY: KEY,
        OPENROUTER_BASE_URL: fake.url,
      },
      timeout: 60_000,
    });
    app.process().stdout?.on('data', (d) => (output += d));
    app.process().stderr?.on('data', (d) => (output += d));
    const p = await app.firstWindow();
    p.on('pageerror', (err) => console.error('page error:', err.message));
    await p.getByRole('textbox', { name: 'Draft' }).waitFor();
    return p;
  }

  beforeAll(async () => {
    fake = await startFakeOpenRouter();
  });
  afterAll(async () => {
    await fake?.close();
  });

  beforeEach(async () => {
    dir = tempDir('ami-electron-e2e-');
    output = '';
    fake.reset();
    page = await launch();
  }, 90_000);
  afterEach(async () => {
    await app?.close();
    expect(output).not.toContain(KEY); // the key is never logged
    dir.cleanup();
  });

  async function newDraftWith(text: string, title = 'Essai') {
    await page.getByRole('button', { name: 'New draft' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.insertText(text);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  }

  const citations = () => page.getByRole('region', { name: 'Citations' }).getByRole('article');

  it('runs the page isolated: window.ami only, no Node, no network, no new windows', async () => {
    expect(page.url()).toBe('app://ami/index.html');
    const globals = await page.evaluate(() => ({
      ami: typeof (window as { ami?: unknown }).ami,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipcRenderer: typeof (window as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(globals).toEqual({ ami: 'object', require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });

    // connect-src 'self': even the loopback fake server is out of the page's reach.
    const before = fake.requests.length;
    const fetched = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'reached';
      } catch {
        return 'refused';
      }
    }, `${fake.url}/models`);
    expect(fetched).toBe('refused');
    expect(fake.requests.length).toBe(before);

    // A new window is denied; an https link is offered to the author first (declined here), never opened directly.
    await app.evaluate(({ dialog, shell }) => {
      const seen: string[] = [];
      (globalThis as { amiSeen?: string[] }).amiSeen = seen;
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args.at(-1) as { detail?: string };
        seen.push(`asked ${options.detail}`);
        return { response: 1, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      shell.openExternal = async (url: string) => {
        seen.push(`opened ${url}`);
      };
    });
    expect(await page.evaluate(() => window.open('https://example.invalid/from-a-reply'))).toBeNull();
    await expect.poll(() => app.evaluate(() => (globalThis as { amiSeen?: string[] }).amiSeen)).toEqual(['asked https://example.invalid/from-a-reply']);
    expect(app.windows()).toHaveLength(1);
  });

  it('writes, asks about a paragraph, keeps the reply with the served model, notes it and exports it', async () => {
    fake.enqueue({ text: 'Le paragraphe est clair. **Une** seule remarque : « ami expert » pourrait être défini.', chunkDelayMs: 40 });
    await newDraftWith(PARAGRAPH);
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Clarity' });
    await page.getByRole('button', { name: 'Ask', exact: true }).click();

    const article = citations().first();
    await expect.poll(() => article.textContent(), { timeout: 15_000 }).toContain('Une seule remarque');
    await expect.poll(() => article.textContent(), { timeout: 15_000 }).toContain('anthropic/claude-sonnet-4.5-20250929');
    const sent = fake.requests.at(-1)!;
    expect(JSON.stringify(sent.body)).toContain('ami expert si ce paragraphe est clair');
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);

    await article.getByRole('textbox', { name: 'Your note' }).fill('Définir « ami expert » plus haut.');
    await page.getByRole('textbox', { name: 'Title' }).click();

    // The native save dialog cannot be driven: main's dialog answers with a path in the test folder instead.
    const target = join(dir.path, 'export.md');
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, target);
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /Markdown/ }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain(`Exported to ${target}`);
    const md = readFileSync(target, 'utf8');
    expect(md.startsWith(PARAGRAPH)).toBe(true);
    expect(md).toContain('## Citations');
    expect(md).toContain('anthropic/claude-sonnet-4.5-20250929');
    expect(md).toContain('Une seule remarque');
    expect(md).toContain('Définir « ami expert » plus haut.');
  });

  it('finds the draft and its citation again after quitting and starting again', async () => {
    fake.enqueue({ text: 'Réponse conservée.' });
    await newDraftWith(PARAGRAPH, 'Persistant');
    await page.getByRole('textbox', { name: 'Draft' }).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Proofreading' });
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => citations().first().textContent(), { timeout: 15_000 }).toContain('Réponse conservée.');

    await app.close();
    page = await launch();
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).inputValue(), { timeout: 10_000 }).toBe('Persistant');
    await expect.poll(() => page.getByRole('textbox', { name: 'Draft' }).textContent()).toBe(PARAGRAPH);
    await expect.poll(() => citations().first().textContent()).toContain('Réponse conservée.');
  });
});
