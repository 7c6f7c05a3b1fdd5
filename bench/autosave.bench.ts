// Autosave of a 1 MB draft through the real drafts service (transaction, revision policy, FTS update), beside a bare
// UPDATE of the same text in a table without triggers (the baseline), both on a real file with synchronous=FULL.
// Then, in the real page (browser mode, headless Chromium), how long each keystroke waits until a committed save
// holds it when the author types without ever pausing, against the same measure when the author pauses after each
// word (the case the pause delay was made for), in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../electron/db/store.js';
import { draftsService } from '../electron/services/drafts-service.js';
import { newId } from '../electron/services/service-context.js';
import type { Page } from 'playwright-core';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_DELAY_MS } from '../renderer/features/drafts/autosaver.js';
import { hasChromium, launchChromium } from '../tests/support/chromium.js';
import { tempDir } from '../tests/support/temp-dir.js';
import { startAmi } from '../tests/support/web-app.js';
import { ms, ratio, report, stats, time } from './measure.js';

export async function autosaveBench(): Promise<void> {
  storeBench();
  await typingBench();
}

function storeBench(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ami-bench-'));
  try {
    const store = openStore(join(dir, 'ami.sqlite'));
    let clock = Date.now();
    const drafts = draftsService({ store, llm: null as never, keyStore: null as never, emit: () => {}, now: () => new Date((clock += 1000)), newId, env: {}, log: () => {} });
    const line = "Une phrase d'essai, écrite par l'auteur, avec des accents et de la ponctuation. ";
    const base = line.repeat(Math.ceil(1_000_000 / line.length)).slice(0, 1_000_000);
    const draft = drafts.create('Bench', base);
    store.db.exec('CREATE TABLE plain (id INTEGER PRIMARY KEY, text TEXT)');
    store.db.prepare('INSERT INTO plain (id, text) VALUES (1, ?)').run(base);
    const update = store.db.prepare('UPDATE plain SET text = ? WHERE id = 1');
    let n = 0;
    const baseline = time(() => void update.run(base + n++), 30);
    const save = time(() => void drafts.save(draft.id, base + n++), 30);
    store.close();
    report('Autosave — 1 MB draft, real file, synchronous=FULL', [
      ['baseline: bare UPDATE of 1 MB', `p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`],
      ['drafts:save (transaction, revisions, full-text index)', `p50 ${ms(save.p50)}  p95 ${ms(save.p95)}  = ${ratio(save.p50, baseline.p50)} baseline`],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const KEY_MS = 30;
const TYPING_MS = 10_000;
const WORD = 'mot ';
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Types for TYPING_MS, a key every KEY_MS, pausing `pauseMs` after each word; returns for each key how long until
 * a save that holds it had committed (the page's drafts:save answered ok). Saves read the whole text when they
 * start and typing only appends, so a save of at least n characters holds the n-th.
 */
async function waitsPerKey(page: Page, baseLength: number, pauseMs: number): Promise<number[]> {
  const commits: { length: number; at: number }[] = [];
  const onFinished = async (request: import('playwright-core').Request) => {
    if (!request.url().endsWith('/api/call/drafts:save')) return;
    const at = now();
    const body = (await (await request.response())?.json()) as { ok?: boolean } | undefined;
    if (body?.ok) commits.push({ length: (JSON.parse(request.postData() ?? '{}') as { text: string }).text.length, at });
  };
  page.on('requestfinished', onFinished);
  const typedAt: number[] = [];
  const start = now();
  let due = start;
  for (let i = 0; now() - start < TYPING_MS; i++) {
    const key = WORD[i % WORD.length]!;
    if (due > now()) await sleep(due - now());
    await page.keyboard.type(key);
    typedAt.push(now());
    due += KEY_MS;
    if (key === ' ' && pauseMs) due += pauseMs;
  }
  // The last keys are saved after the pause that follows.
  const total = baseLength + typedAt.length;
  while (!commits.some((c) => c.length >= total)) await sleep(50);
  page.off('requestfinished', onFinished);
  return typedAt.map((t, i) => commits.find((c) => c.length >= baseLength + i + 1 && c.at >= t)!.at - t);
}

async function typingBench(): Promise<void> {
  if (!hasChromium()) throw new Error('Chromium is needed for the typing autosave bench (set AMI_CHROMIUM or install chromium).');
  const dir = tempDir('ami-bench-typing-');
  const ami = await startAmi({ dataDir: join(dir.path, 'data') });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(ami.url);
    const draftBox = page.getByRole('textbox', { name: 'Draft' });
    await draftBox.waitFor();
    await page.getByRole('button', { name: 'New draft' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await page.waitForFunction((el) => el === document.activeElement && (el as HTMLInputElement).value === '', await title.elementHandle());
    await page.keyboard.insertText('Typing');
    await page.keyboard.press('Enter');
    await page.waitForFunction((el) => el!.contains(document.activeElement), await draftBox.elementHandle());
    // Baseline first: a pause after each word, longer than the pause delay plus a save. The draft is empty, and
    // each run ends once everything typed is saved.
    const pausedWaits = await waitsPerKey(page, 0, AUTOSAVE_DELAY_MS + 400);
    const paused = stats(pausedWaits);
    const continuous = stats(await waitsPerKey(page, pausedWaits.length, 0));
    report(`Autosave while typing — each keystroke until a committed save holds it, browser mode, a key every ${KEY_MS} ms for ${TYPING_MS / 1000} s`, [
      [`baseline: a ${AUTOSAVE_DELAY_MS + 400} ms pause after each word`, `p95 ${ms(paused.p95)}  worst ${ms(paused.max)}  (${paused.runs} keys)`],
      [
        'typing without a pause',
        `p95 ${ms(continuous.p95)}  worst ${ms(continuous.max)}  = ${ratio(continuous.p95, paused.p95)} baseline p95, worst ${ratio(continuous.max, paused.max)} baseline worst (${continuous.runs} keys)`,
      ],
      [`against the max delay (${AUTOSAVE_MAX_DELAY_MS} ms)`, `p95 ${ratio(continuous.p95, AUTOSAVE_MAX_DELAY_MS)}  worst ${ratio(continuous.max, AUTOSAVE_MAX_DELAY_MS)}`],
    ]);
  } finally {
    await browser.close();
    await ami.stop('SIGTERM');
    dir.cleanup();
  }
}
