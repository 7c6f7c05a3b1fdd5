// First token painted: from the fake OpenRouter writing its first content chunk to that text being painted in
// Ami's browser mode (SDK stream, store, event stream to the page, React). The baseline is a bare page in the same
// browser that reads the same bytes from the same fake through a pass-through server and appends them to the DOM.
// Both pages detect the paint with the same function; the page's clock is set against this process's clock first.
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hasChromium, launchChromium } from '../tests/support/chromium.js';
import { startFakeOpenRouter, type FakeOpenRouter, type FakeScenario } from '../tests/support/fake-openrouter.js';
import { tempDir } from '../tests/support/temp-dir.js';
import { startAmi } from '../tests/support/web-app.js';
import { ms, ratio, report, stats } from './measure.js';
import { serveFiles } from './serve-files.js';

const ASKS = 20;
const WARMUP = 3;
const KEY = 'sk-or-v1-bench-key-0123456789abcdef';
const PARAGRAPH = "Le brouillon commence ici. The author writes alone, then asks an expert friend whether this paragraph is clear.";

const now = () => performance.timeOrigin + performance.now();

/** Runs in the page: resolves with the epoch time of the first paint that shows `marker`. */
function paintedText(marker: string): Promise<number> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body.textContent?.includes(marker)) return;
      observer.disconnect();
      // A message posted from a frame callback arrives after that frame's style, layout and paint.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The page's epoch clock minus this process's, from the round trip with the least delay. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 30; i++) {
    const before = now();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = now();
    if (after - before < best.rtt) best = { rtt: after - before, offset: inPage - (before + after) / 2 };
  }
  return best.offset;
}

const scenario = (marker: string): FakeScenario => ({
  // The marker fits in the first 16-character chunk.
  text: `${marker} Le paragraphe est clair ; one remark only: define "expert friend" earlier.`,
  chunkSize: 16,
  chunkDelayMs: 20,
  // No model answers within a millisecond of the request (fast ones take a few hundred): without this wait, the
  // first token would race the page's own refresh after asking, which no real provider's stream ever meets.
  firstChunkDelayMs: 300,
});

async function measure(page: Page, fake: FakeOpenRouter, ask: (marker: string) => Promise<void>): Promise<number[]> {
  const offset = await clockOffset(page);
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + ASKS; i++) {
    const marker = `Q${String(i).padStart(3, '0')}-jeton`;
    fake.enqueue(scenario(marker));
    const painted = page.evaluate(paintedText, marker);
    await ask(marker);
    const paintedAt = (await painted) - offset;
    const sentAt = fake.requests.at(-1)?.firstContentAt;
    if (sentAt === undefined) throw new Error('the fake sent no content');
    if (i >= WARMUP) samples.push(paintedAt - sentAt);
  }
  return samples;
}

/** The network alone: this process reads the stream and stops at the chunk that carries the marker. */
async function rawNetwork(fake: FakeOpenRouter): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + ASKS; i++) {
    const marker = `N${String(i).padStart(3, '0')}-jeton`;
    fake.enqueue(scenario(marker));
    const response = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
      body: JSON.stringify({ model: 'anthropic/claude-sonnet-4.5', stream: true, messages: [{ role: 'user', content: 'Clear?' }] }),
    });
    const decoder = new TextDecoder();
    let seen = '';
    let receivedAt = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
      if (!receivedAt && seen.includes(marker)) receivedAt = now();
    }
    const sentAt = fake.requests.at(-1)?.firstContentAt;
    if (!receivedAt || sentAt === undefined) throw new Error('the raw stream carried no content');
    if (i >= WARMUP) samples.push(receivedAt - sentAt);
  }
  return samples;
}

const BASELINE_PAGE = `<!doctype html><meta charset="utf-8"><title>stream baseline</title><body><script>
window.ask = async () => {
  const response = await fetch('/api/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify({ model: 'anthropic/claude-sonnet-4.5', stream: true, messages: [{ role: 'user', content: 'Clear?' }] }),
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const out = document.body.appendChild(document.createElement('p'));
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\\n\\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const content = JSON.parse(event.slice(6)).choices?.[0]?.delta?.content;
      if (content) out.textContent += content;
    }
  }
};
</script></body>`;

async function baselineServer(fake: FakeOpenRouter) {
  const target = new URL(fake.url);
  return serveFiles({ '/': { type: 'text/html; charset=utf-8', body: BASELINE_PAGE } }, (req, res) => {
    if (!req.url?.startsWith('/api/v1/')) return false;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
    return true;
  });
}

export async function firstTokenBench(): Promise<void> {
  if (!hasChromium()) throw new Error('Chromium is needed for the first-token bench (set AMI_CHROMIUM or install chromium).');
  const fake = await startFakeOpenRouter();
  const dir = tempDir('ami-bench-token-');
  const baseline = await baselineServer(fake);
  const ami = await startAmi({ dataDir: join(dir.path, 'data'), env: { OPENROUTER_API_KEY: KEY, OPENROUTER_BASE_URL: fake.url } });
  const browser = await launchChromium();
  try {
    const raw = stats(await rawNetwork(fake));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(baseline.url);
    const bare = await measure(page, fake, (marker) => page.evaluate(() => (window as unknown as { ask(): Promise<void> }).ask()).then(() => void marker));

    const app = await context.newPage();
    await page.close();
    await app.goto(ami.url);
    await app.getByRole('textbox', { name: 'Draft' }).waitFor();
    await app.getByRole('button', { name: 'New draft' }).click();
    const title = app.getByRole('textbox', { name: 'Title' });
    await app.waitForFunction((el) => el === document.activeElement && (el as HTMLInputElement).value === '', await title.elementHandle());
    await app.keyboard.insertText('First token');
    await app.keyboard.press('Enter');
    const draftBox = app.getByRole('textbox', { name: 'Draft' });
    await app.waitForFunction((el) => el!.contains(document.activeElement), await draftBox.elementHandle());
    await app.keyboard.insertText(PARAGRAPH);
    await app.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor({ timeout: 10_000 });
    await draftBox.click();
    await app.keyboard.press('ControlOrMeta+Home');
    await app.getByRole('combobox', { name: 'Request' }).selectOption({ label: 'Clarity' });
    const inApp = await measure(app, fake, async (marker) => {
      await app.getByRole('button', { name: 'Ask', exact: true }).click();
      // The next ask waits for this reply to be complete and kept.
      await app.getByRole('region', { name: 'Citations' }).getByRole('article').filter({ hasText: marker }).filter({ hasText: 'earlier' }).first().waitFor({ timeout: 15_000 });
      await app.waitForFunction(() => !document.querySelector('.live-reply[aria-busy="true"]'));
    });
    if (ami.output().includes(KEY)) throw new Error('the API key reached the server log');

    const b = stats(bare);
    const a = stats(inApp);
    report(`First token painted — fake OpenRouter's first content byte → text painted, headless Chromium, ${ASKS} asks`, [
      ['raw network: first content chunk read by a Node client', `p50 ${ms(raw.p50)}  p95 ${ms(raw.p95)}`],
      ['baseline: bare fetch-stream page, same bytes via a pass-through', `p50 ${ms(b.p50)}  p95 ${ms(b.p95)}`],
      ['Ami browser mode (SDK, store, event stream, React)', `p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  = ${ratio(a.p50, b.p50)} baseline (p95 ${ratio(a.p95, b.p95)})`],
    ]);
  } finally {
    await browser.close();
    await ami.stop('SIGTERM');
    await baseline.close();
    await fake.close();
    dir.cleanup();
  }
}
