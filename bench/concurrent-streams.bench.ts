// Three replies streaming at once must not starve the editor. In Ami's browser mode (the real server, renderer and
// store, the fake OpenRouter), the author types in the draft alone, then while three models answer the same question
// at once, then alone again, in the same page. Measured on the main thread: the longest task (Long Tasks API, which
// reports tasks of 50 ms or more) and each keystroke's time from its event to the next paint.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../tests/support/chromium.js';
import { startFakeOpenRouter } from '../tests/support/fake-openrouter.js';
import { tempDir } from '../tests/support/temp-dir.js';
import { startAmi } from '../tests/support/web-app.js';
import { ms, ratio, report, stats, type Stats } from './measure.js';

const KEY = 'sk-or-v1-bench-key-0123456789abcdef';
const KEYS = 300;
const WARMUP = 30;
const MODELS = ['anthropic/claude-sonnet-4.5', 'openai/gpt-5-mini', 'mistralai/mistral-small-3.2-24b-instruct:free'];
// Long enough to outlast the typing: about 20 chunks a second per stream, with Markdown to render as it grows.
const REPLY = Array.from({ length: 60 }, (_, i) => `${i % 6 === 0 ? '## Remarque\n\n' : ''}- Point ${i} : **une** phrase de réponse, avec un *mot* mis en valeur.\n`).join('');
const TYPED = "Le passage change ici, and the author keeps writing (une phrase de plus). ";
const PARAGRAPHS = 'Le premier paragraphe, sur lequel trois modèles répondent en même temps.\n\nUn second paragraphe, où l’auteur écrit pendant ce temps. ';

interface Probe {
  latencies: number[];
  streaming: boolean[];
  longTasks: number[];
}
declare global {
  interface Window {
    benchProbe: Probe;
  }
}

/** In the page: every keydown timed to the paint after it, and every long task, from now on. */
function installProbe(): void {
  const probe: Probe = { latencies: [], streaming: [], longTasks: [] };
  window.benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  document.addEventListener(
    'keydown',
    (e) => {
      const at = e.timeStamp;
      probe.streaming.push(document.querySelector('.live-reply[aria-busy="true"]') !== null);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => probe.latencies.push(performance.now() - at);
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

interface Run {
  keys: Stats;
  longest: number;
  longTasks: number;
  /** Keystrokes typed while at least one reply was still arriving. */
  duringStreams: number;
}

async function typeKeys(page: Page): Promise<Run> {
  await page.evaluate(() => {
    window.benchProbe.latencies.length = 0;
    window.benchProbe.streaming.length = 0;
    window.benchProbe.longTasks.length = 0;
  });
  for (let i = 0; i < WARMUP + KEYS; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]!);
    await page.waitForFunction((n) => window.benchProbe.latencies.length >= n, i + 1);
  }
  const probe = await page.evaluate(() => window.benchProbe);
  return {
    keys: stats(probe.latencies.slice(WARMUP)),
    longest: Math.max(0, ...probe.longTasks),
    longTasks: probe.longTasks.length,
    duringStreams: probe.streaming.slice(WARMUP).filter(Boolean).length,
  };
}

export async function concurrentStreamsBench(): Promise<void> {
  if (!hasChromium()) throw new Error('Chromium is needed for the concurrent-streams bench (set AMI_CHROMIUM or install chromium).');
  const fake = await startFakeOpenRouter();
  const dir = tempDir('ami-bench-streams-');
  const ami = await startAmi({ dataDir: join(dir.path, 'data'), env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url } });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(ami.url);
    const draft = page.getByRole('textbox', { name: 'Draft' });
    await draft.waitFor();
    await page.getByRole('button', { name: 'New draft' }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await page.waitForFunction((el) => el === document.activeElement && (el as HTMLInputElement).value === '', await title.elementHandle());
    await page.keyboard.insertText('Concurrent streams');
    await page.keyboard.press('Enter');
    await page.waitForFunction((el) => el!.contains(document.activeElement), await draft.elementHandle());
    await page.keyboard.insertText(PARAGRAPHS);
    await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ timeout: 10_000 });
    await page.evaluate(installProbe);
    // The models the second opinion goes to, set once.
    await page.getByLabel('Model', { exact: true }).fill(MODELS[0]!);
    for (const [i, model] of MODELS.slice(1).entries()) {
      await page.getByRole('button', { name: 'Also ask…' }).click();
      await page.getByLabel(`Model ${i + 2}`, { exact: true }).fill(model);
    }
    const typeAtEnd = async () => {
      await draft.click();
      await page.keyboard.press('ControlOrMeta+End');
      return typeKeys(page);
    };

    const alone1 = await typeAtEnd();
    await draft.click();
    await page.keyboard.press('ControlOrMeta+Home');
    fake.enqueue(...MODELS.map(() => ({ text: REPLY, chunkSize: 8, chunkDelayMs: 50 })));
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.live-reply').length === 3 && [...document.querySelectorAll('.live-reply')].every((el) => /Receiving/.test(el.textContent ?? '')), undefined, { timeout: 20_000 });
    const streams = await typeAtEnd();
    await page.waitForFunction(() => !document.querySelector('.live-reply[aria-busy="true"]'), undefined, { timeout: 120_000 });
    const complete = await page.locator('.live-reply').filter({ hasText: 'Complete' }).count();
    const alone2 = await typeAtEnd();
    if (ami.output().includes(KEY)) throw new Error('the API key reached the server log');
    if (complete !== 3) throw new Error(`only ${complete} of the 3 streams completed`);

    const row = (r: Run) =>
      `keys p50 ${ms(r.keys.p50)}  p95 ${ms(r.keys.p95)}  max ${ms(r.keys.max)}  longest task ${r.longTasks ? ms(r.longest) : 'none ≥ 50 ms'} (${r.longTasks} long tasks)`;
    const base = Math.max(alone1.longest, alone2.longest);
    report(`Typing during three concurrent streams — Ami browser mode, headless Chromium, ${KEYS} keys per run, same page`, [
      ['baseline: typing alone (before)', row(alone1)],
      ['typing while 3 replies stream', `${row(streams)}  (${streams.duringStreams}/${KEYS} keys during the streams)`],
      ['baseline: typing alone (after)', row(alone2)],
      ['streams against alone (before/after mean)', `keys p50 ${ratio(streams.keys.p50, (alone1.keys.p50 + alone2.keys.p50) / 2)}  p95 ${ratio(streams.keys.p95, (alone1.keys.p95 + alone2.keys.p95) / 2)}  longest task ${base > 0 ? ratio(streams.longest, base) : `${ms(streams.longest)} (none ≥ 50 ms alone)`}`],
    ]);
  } finally {
    await browser.close();
    await ami.stop('SIGTERM');
    await fake.close();
    dir.cleanup();
  }
}
