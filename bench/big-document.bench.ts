// Big and unusual documents in Ami's browser mode: how long the page's main thread is blocked, and how long the
// author waits, when opening a 1,000,000-line draft, typing into it, pasting 9 MB into a small draft and opening a
// 300,000-word draft of emoji, right-to-left script, combining characters and CRLF line ends. Long tasks come from a
// PerformanceObserver installed before the page's own scripts; the baseline is the same document in a bare
// CodeMirror 6 view (Markdown only) in the same browser. The aim: no single task longer than about one second.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../tests/support/chromium.js';
import { tempDir } from '../tests/support/temp-dir.js';
import { startAmi, type RunningAmi } from '../tests/support/web-app.js';
import { editorPage } from './editor.bench.js';
import { ms, ratio, report } from './measure.js';
import { serveFiles } from './serve-files.js';
import type {} from './editor-page/keystroke-probe.js';

const LINES = 1_000_000;
const MIXED_WORDS = 300_000;
const PASTE_CHARS = 9 * 1024 * 1024;
const TYPED = 'Une phrase de plus, typed at the end of line one.';
// Follow-up work (autosave after its pause, the ghost-text check when typing pauses, anchor reports) lands here.
const SETTLE_MS = 3000;
const LONG_TASK_LIMIT_MS = 1000;
const WAIT = { timeout: 180_000 };

/** The measured stretch: from `start` (page clock) for `wallMs`; long tasks are counted until the settle ends. */
interface Span {
  start: number;
  wallMs: number;
}
interface Figures {
  longestMs: number;
  blockedMs: number;
  tasks: number;
  wallMs: number;
}

interface BenchPage {
  tasks: { start: number; duration: number }[];
  /** Resolves with performance.now() after the first paint where the editor shows `marker` and `ready()` holds. */
  shown(marker: string, ready?: () => boolean): Promise<number>;
}
declare global {
  interface Window {
    amiBench: BenchPage;
  }
}

/** Installed before any script of the page: long tasks are observed from the first one. */
function installProbe(lastDraft: string | null): void {
  if (lastDraft) localStorage.setItem('ami-last-draft', lastDraft);
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  window.amiBench = {
    tasks,
    shown: (marker, ready = () => true) =>
      new Promise((resolve) => {
        const poll = () => {
          const content = document.querySelector('.cm-content');
          if (content?.textContent?.includes(marker) && ready()) void afterPaint().then(resolve);
          else requestAnimationFrame(poll);
        };
        poll();
      }),
  };
}

async function figures(page: Page, span: Span): Promise<Figures> {
  await page.waitForTimeout(SETTLE_MS);
  const tasks = await page.evaluate((from) => window.amiBench.tasks.filter((t) => t.start + t.duration >= from), span.start);
  return {
    longestMs: Math.max(0, ...tasks.map((t) => t.duration)),
    blockedMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    tasks: tasks.length,
    wallMs: span.wallMs,
  };
}

// --- documents -----------------------------------------------------------------------------------------------------

function lineDocument(): { text: string; marker: string } {
  const marker = 'Ligne-000000';
  const lines = [marker];
  for (let i = 1; i < LINES; i++) lines.push(`L${String(i).padStart(6, '0')}`);
  return { text: lines.join('\n'), marker };
}

function mixedDocument(): { text: string; marker: string; words: number } {
  const marker = 'Début-mélangé';
  // Emoji with joiners and flags, Hebrew and Arabic, decomposed accents and stacked combining marks, CJK.
  const vocabulary = [
    'écrire', 'e\u0301crit', 'nai\u0308ve', 'A\u030a\u0327', 'z\u0351\u0352\u0353', 'שלום', 'עולם', 'مرحبا', 'بالعالم',
    '👩‍💻', '🇫🇷', '👍🏽', '🧑‍🤝‍🧑', '漢字', 'texte', 'the', 'author', 'writes', 'alone', 'ami', '😀',
  ];
  const paragraphs: string[] = [marker];
  let words = 1;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  while (words < MIXED_WORDS) {
    const lines: string[] = [];
    for (let l = 0; l < 3 && words < MIXED_WORDS; l++) {
      const line: string[] = [];
      for (let w = 0; w < 12 && words < MIXED_WORDS; w++, words++) line.push(vocabulary[next() % vocabulary.length]!);
      lines.push(line.join(' '));
    }
    paragraphs.push(lines.join('\r\n'));
  }
  return { text: paragraphs.join('\r\n\r\n'), marker, words };
}

/** Runs in the page: 9 MiB of prose lines ending with a marker, pasted where the editor's cursor is. */
function pasteInto(chars: number): number {
  const line = 'Le texte collé continue, and the pasted prose goes on line after line. ';
  let text = '';
  while (text.length + line.length + 1 < chars - 20) text += line + '\n';
  text += 'Fin-du-collage';
  const data = new DataTransfer();
  data.setData('text/plain', text);
  document.querySelector('.cm-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return text.length;
}

// --- Ami -----------------------------------------------------------------------------------------------------------

async function call(ami: RunningAmi, channel: string, input: unknown): Promise<any> {
  const res = await fetch(`${ami.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ami-token': ami.token },
    body: JSON.stringify(input),
  });
  const result = await res.json();
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? res.status}`);
  return result.value;
}

const draftItem = (page: Page, title: string) => page.locator('button.draft-item').filter({ hasText: title });

/** A fresh page showing the small start draft, with `title` in the sidebar. */
async function amiPage(browser: Browser, ami: RunningAmi, startId: string, title: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(installProbe, startId);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(ami.url);
  await page.evaluate(() => window.amiBench.shown('Accueil du banc'));
  await draftItem(page, title).waitFor(WAIT);
  await page.waitForTimeout(1000);
  return page;
}

async function amiOpen(page: Page, title: string, marker: string): Promise<Span> {
  const start = await page.evaluate(() => performance.now());
  await draftItem(page, title).click();
  const end = await page.evaluate((m) => window.amiBench.shown(m), marker);
  return { start, wallMs: end - start };
}

async function typeAtEndOfFirstLine(page: Page, waitSaved: boolean): Promise<Span> {
  await page.locator('.cm-content').click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('End');
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.type(TYPED);
  const end = await page.evaluate(([typed, waitSaved]) => {
    // "Saved" again only after the status left it: the save of what was typed, not the one before.
    let left = false;
    const ready = () => {
      const isSaved = /^Saved/.test(document.querySelector('[role="status"]')?.textContent ?? '');
      if (!isSaved) left = true;
      return left && isSaved;
    };
    return window.amiBench.shown(typed as string, waitSaved ? ready : undefined);
  }, [TYPED, waitSaved] as const);
  return { start, wallMs: end - start };
}

async function amiScenarios(browser: Browser, ami: RunningAmi): Promise<Record<string, Figures>> {
  const errors: string[] = [];
  const start = await call(ami, 'drafts:create', { title: 'Accueil', text: 'Accueil du banc : un brouillon court.' });
  const lines = lineDocument();
  const mixed = mixedDocument();
  await call(ami, 'drafts:create', { title: 'Un million de lignes', text: lines.text });
  await call(ami, 'drafts:create', { title: 'Mélange', text: mixed.text });
  const small = await call(ami, 'drafts:create', { title: 'Collage', text: 'Texte gardé, écrit avant le collage.' });
  const out: Record<string, Figures> = {};

  let page = await amiPage(browser, ami, start.id, 'Un million de lignes', errors);
  out.open = await figures(page, await amiOpen(page, 'Un million de lignes', lines.marker));
  out.type = await figures(page, await typeAtEndOfFirstLine(page, true));
  await page.context().close();

  page = await amiPage(browser, ami, start.id, 'Collage', errors);
  await amiOpen(page, 'Collage', 'Texte gardé');
  await page.waitForTimeout(SETTLE_MS);
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  const before = await page.evaluate(() => performance.now());
  const pasted = await page.evaluate(pasteInto, PASTE_CHARS);
  const end = await page.evaluate(() => {
    let left = false;
    return window.amiBench.shown('Fin-du-collage', () => {
      const isSaved = /^Saved/.test(document.querySelector('[role="status"]')?.textContent ?? '');
      if (!isSaved) left = true;
      return left && isSaved;
    });
  });
  out.paste = await figures(page, { start: before, wallMs: end - before });
  const stored = await call(ami, 'drafts:get', { id: small.id });
  if (stored.text.length !== 'Texte gardé, écrit avant le collage.'.length + pasted) throw new Error(`the pasted draft was stored with ${stored.text.length} characters`);
  await page.context().close();

  page = await amiPage(browser, ami, start.id, 'Mélange', errors);
  out.mixed = await figures(page, await amiOpen(page, 'Mélange', mixed.marker));
  await page.context().close();

  if (errors.length) throw new Error(`Ami page error: ${errors.join('; ')}`);
  return out;
}

// --- bare CodeMirror -----------------------------------------------------------------------------------------------

async function bareScenarios(browser: Browser): Promise<Record<string, Figures>> {
  let current = '';
  const server = await serveFiles(
    {
      '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(import.meta.dirname, 'editor-page', 'index.html')) },
      '/editor-page.js': { type: 'text/javascript; charset=utf-8', body: await editorPage() },
    },
    (req, res) => {
      if (!req.url?.startsWith('/draft.json')) return false;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ text: current, anchors: [] }));
      return true;
    },
  );
  const errors: string[] = [];
  const open = async (text: string, marker: string): Promise<{ page: Page; span: Span }> => {
    current = text;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(installProbe, null);
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?editor=bare`);
    // From the navigation: the page fetches and parses the document as Ami's page does with drafts:get.
    const end = await page.evaluate((m) => window.amiBench.shown(m), marker);
    return { page, span: { start: 0, wallMs: end } };
  };
  const out: Record<string, Figures> = {};
  try {
    const lines = lineDocument();
    let { page, span } = await open(lines.text, lines.marker);
    out.open = await figures(page, span);
    out.type = await figures(page, await typeAtEndOfFirstLine(page, false));
    await page.context().close();

    ({ page } = await open('Texte gardé, écrit avant le collage.', 'Texte gardé'));
    await page.waitForTimeout(SETTLE_MS);
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    const before = await page.evaluate(() => performance.now());
    await page.evaluate(pasteInto, PASTE_CHARS);
    const end = await page.evaluate(() => window.amiBench.shown('Fin-du-collage'));
    out.paste = await figures(page, { start: before, wallMs: end - before });
    await page.context().close();

    const mixed = mixedDocument();
    ({ page, span } = await open(mixed.text, mixed.marker));
    out.mixed = await figures(page, span);
    await page.context().close();
  } finally {
    await server.close();
  }
  if (errors.length) throw new Error(`bare page error: ${errors.join('; ')}`);
  return out;
}

export async function bigDocumentBench(): Promise<void> {
  if (!hasChromium()) throw new Error('Chromium is needed for the big-document bench (set AMI_CHROMIUM or install chromium).');
  const dir = tempDir('ami-bench-big-');
  // No key and an address where nothing listens: nothing leaves the machine.
  const ami = await startAmi({ dataDir: join(dir.path, 'data'), env: { OPENROUTER_API_KEY: undefined, OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1' } });
  const browser = await launchChromium();
  try {
    const bare = await bareScenarios(browser);
    const app = await amiScenarios(browser, ami);
    const row = (f: Figures) => `longest task ${ms(f.longestMs).padStart(11)}  in long tasks ${ms(f.blockedMs).padStart(11)} (${f.tasks})  wall ${ms(f.wallMs).padStart(11)}`;
    const over: string[] = [];
    const rows: [string, string][] = [];
    const label: Record<string, string> = {
      open: `(a) open a ${LINES.toLocaleString('en')}-line draft until shown`,
      type: `(b) type ${TYPED.length} characters into it (Ami: until saved)`,
      paste: `(c) paste ${(PASTE_CHARS / 1024 / 1024).toFixed(0)} MiB into a small draft (Ami: until saved)`,
      mixed: `(d) open ${MIXED_WORDS.toLocaleString('en')} words of emoji, RTL, combining marks, CRLF`,
    };
    for (const key of ['open', 'type', 'paste', 'mixed']) {
      const b = bare[key]!;
      const a = app[key]!;
      rows.push([`${label[key]}`, ''], ['  baseline: bare CodeMirror 6', row(b)], ['  Ami browser mode', `${row(a)}  = ${ratio(a.wallMs, b.wallMs)} baseline wall`]);
      if (a.longestMs > LONG_TASK_LIMIT_MS) over.push(`${key} (${ms(a.longestMs)})`);
    }
    rows.push(['longest task over 1 s in Ami', over.length ? over.join(', ') : 'none']);
    report(`Big documents — longest main-thread task, time in long tasks (count), wall time; headless Chromium, ${SETTLE_MS / 1000} s settle after each`, rows);
  } finally {
    await browser.close();
    await ami.stop('SIGTERM');
    dir.cleanup();
  }
}
