// The model picker in the real page (browser mode, Ami's own bundle), over a 1,000-model catalogue from the fake
// OpenRouter: each keystroke in the search box is timed from its key event to the paint of the filtered list. The
// baseline, measured in the same page after each keystroke, is a bare Array.filter of the same 1,000 models on the
// same query. One frame is 16.7 ms at 60 Hz.
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { generateCatalogue } from '../tests/support/fake-catalogue.js';
import { startFakeOpenRouter } from '../tests/support/fake-openrouter.js';
import { hasChromium, launchChromium } from '../tests/support/chromium.js';
import { tempDir } from '../tests/support/temp-dir.js';
import { startAmi } from '../tests/support/web-app.js';
import { ms, ratio, report, stats } from './measure.js';

const MODELS = 1000;
const ROUNDS = 6;
// Queries a person types: a provider, a family, an id fragment; each is typed letter by letter, then cleared.
const QUERIES = ['anthropic', 'nova large', 'qwen/', 'free', 'mistral small', 'gpt'];

declare global {
  interface Window {
    pickerProbe: { start: number; done: Promise<number> | null; models: { id: string; name: string }[] };
  }
}

/** In the page: from each keydown to the paint after the listbox shows the results for the input's new text. */
function installProbe() {
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  window.pickerProbe = { start: 0, done: null, models: [] };
  window.addEventListener(
    'keydown',
    (event) => {
      const input = document.getElementById('ask-model') as HTMLInputElement | null;
      if (!input || event.target !== input) return;
      const start = event.timeStamp;
      window.pickerProbe.done = new Promise<number>((resolve) => {
        const check = () => {
          const list = document.getElementById(input.getAttribute('aria-controls') ?? '');
          if (list && list.dataset.query === input.value && !list.hidden) void afterPaint().then((end) => resolve(end - start));
          else setTimeout(check, 0);
        };
        setTimeout(check, 0);
      });
    },
    true,
  );
}

async function bareFilter(page: Page, query: string): Promise<number> {
  return page.evaluate((q) => {
    const list = window.pickerProbe.models;
    const runs = 50;
    const t = performance.now();
    let n = 0;
    for (let i = 0; i < runs; i++) n += list.filter((m) => m.name.toLowerCase().includes(q) || m.id.toLowerCase().includes(q)).length;
    if (n < 0) throw new Error('unreachable');
    return (performance.now() - t) / runs;
  }, query.toLowerCase());
}

export async function pickerBench(): Promise<void> {
  if (!hasChromium()) throw new Error('Chromium is needed for the picker bench (set AMI_CHROMIUM or install chromium).');
  const fake = await startFakeOpenRouter();
  const catalogue = generateCatalogue(MODELS);
  fake.models = catalogue;
  const dir = tempDir('ami-picker-bench-');
  const ami = await startAmi({ dataDir: join(dir.path, 'data'), env: { OPENROUTER_BASE_URL: fake.url, OPENROUTER_API_KEY: 'sk-or-v1-bench' } });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.route((url) => url.origin !== ami.origin, (route) => route.abort('blockedbyclient'));
    await page.addInitScript(installProbe);
    await page.goto(ami.url);
    const input = page.getByRole('combobox', { name: 'Model' });
    await input.waitFor({ timeout: 30_000 });
    await input.click();
    await page.getByRole('listbox', { name: 'Models' }).getByRole('option').first().waitFor({ timeout: 30_000 });
    const shown = await page.evaluate(() => document.querySelectorAll('[role="listbox"] [role="option"]').length);
    await page.evaluate((models) => (window.pickerProbe.models = models), catalogue as { id: string; name: string }[]);
    const picker: number[] = [];
    const filter: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        await input.fill('');
        for (let i = 0; i < query.length; i++) {
          await page.keyboard.type(query[i]!);
          const latency = await page.evaluate(() => window.pickerProbe.done);
          if (latency === null) throw new Error('the keystroke did not reach the picker');
          // The first round warms the page up.
          if (round > 0) {
            picker.push(latency);
            filter.push(await bareFilter(page, query.slice(0, i + 1)));
          }
        }
      }
    }
    const p = stats(picker);
    const f = stats(filter);
    report(`Model picker, per keystroke — ${MODELS.toLocaleString('en')}-model catalogue, Ami's page in headless Chromium, ${p.runs} keys (first ${shown} options rendered at most)`, [
      ['baseline: bare Array.filter of the 1,000 models (same page, same query)', `p50 ${ms(f.p50)}  p95 ${ms(f.p95)}`],
      ['picker: key event → filtered list painted', `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  = ${ratio(p.p50, f.p50)} baseline (p95 ${ratio(p.p95, f.p95)})`],
      ['picker p95 against one 60 Hz frame (16.7 ms)', ratio(p.p95, 1000 / 60)],
    ]);
  } finally {
    await browser.close();
    await ami.stop('SIGTERM');
    await fake.close();
    dir.cleanup();
  }
}
