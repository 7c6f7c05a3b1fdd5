// Keystroke latency in Chromium: a 100,000-word Markdown draft with 1,000 citation anchors in Ami's DraftEditor,
// beside a bare CodeMirror 6 view of the same document with the Markdown language only (the baseline). Real key
// events through the browser's input pipeline; each is timed from its event timestamp to the next paint.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { EditorAnchorInput } from '../renderer/editor/anchor-types.js';
import { humanParagraphs, prng } from '../tests/corpus/guard-corpus.js';
import { hasChromium, launchChromium } from '../tests/support/chromium.js';
import { ms, ratio, report, stats, type Stats } from './measure.js';
import { serveFiles } from './serve-files.js';
import type {} from './editor-page/keystroke-probe.js';

const WORDS = 100_000;
const ANCHORS = 1000;
const WARMUP = 40;
const KEYSTROKES = 500;
// Alternated (ABBA) in fresh pages, so that neither editor always runs in a colder or warmer browser.
const ORDER = ['bare', 'wrapped', 'ami', 'ami', 'wrapped', 'bare'] as const;
const PER_ROUND = KEYSTROKES / 2;
type Editor = (typeof ORDER)[number];
// ASCII only: Playwright types other characters with insertText, which sends no key event to time.
const TYPED = "Le passage change ici, and the author keeps writing (une phrase de plus). ";

function benchDraft(): { text: string; anchors: EditorAnchorInput[]; words: number } {
  const random = prng(11);
  const blocks: string[] = [];
  const paragraphStarts: number[] = [];
  let words = 0;
  let offset = 0;
  for (let i = 0; words < WORDS; i++) {
    const block = i % 12 === 0 ? `## Section ${i / 12 + 1}` : humanParagraphs[Math.floor(random() * humanParagraphs.length)]!;
    if (i % 12 !== 0) paragraphStarts.push(offset);
    blocks.push(block);
    words += block.split(/\s+/).length;
    offset += block.length + 2;
  }
  const text = blocks.join('\n\n');
  const stride = paragraphStarts.length / ANCHORS;
  const anchors = Array.from({ length: ANCHORS }, (_, i): EditorAnchorInput => {
    const from = paragraphStarts[Math.floor(i * stride)]!;
    const end = text.indexOf('\n\n', from);
    const paragraphEnd = end < 0 ? text.length : end;
    const sentenceEnd = text.indexOf('. ', from);
    const to = sentenceEnd > from && sentenceEnd < paragraphEnd ? sentenceEnd + 1 : paragraphEnd;
    return { consultationId: `c${i}`, from, to, passageText: text.slice(from, to), citationNumbers: [i + 1] };
  });
  return { text, anchors, words };
}

export async function editorPage(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'editor-page', 'editor-page.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2023',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

async function typeInto(browser: Browser, url: string, editor: Editor, at: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/?editor=${editor}`);
    await page.waitForFunction((kind) => document.body.dataset.ready === kind, editor, { timeout: 60_000 });
    await page.evaluate((pos) => window.keystrokeProbe.placeCursor(pos), at);
    const samples: number[] = [];
    const total = WARMUP + PER_ROUND;
    for (let i = 0; i < total; i++) {
      await page.keyboard.type(TYPED[i % TYPED.length]!);
      const { keys, latency } = await page.evaluate(async () => ({ keys: window.keystrokeProbe.keys, latency: await window.keystrokeProbe.pending }));
      if (keys !== i + 1 || latency === null) throw new Error(`${editor}: key ${i + 1} did not reach the page as a key event`);
      if (i >= WARMUP) samples.push(latency);
    }
    // The keystrokes must have landed where they were aimed, in order, in both editors.
    const expected = Array.from({ length: total }, (_, i) => TYPED[i % TYPED.length]).join('');
    const landed = await page.evaluate(([from, to]) => window.keystrokeProbe.text(from!, to!), [at, at + total]);
    if (landed !== expected) throw new Error(`${editor}: typed text did not land in the document: ${JSON.stringify(landed.slice(0, 80))}`);
    if (editor === 'ami' && (await page.evaluate(() => window.keystrokeProbe.anchorCount())) === 0) {
      throw new Error('ami: no citation anchor is drawn around the cursor');
    }
    if (errors.length) throw new Error(`${editor}: page error: ${errors.join('; ')}`);
    return samples;
  } finally {
    await context.close();
  }
}

export async function editorBench(): Promise<void> {
  if (!hasChromium()) throw new Error('Chromium is needed for the editor bench (set AMI_CHROMIUM or install chromium).');
  const draft = benchDraft();
  const server = await serveFiles({
    '/': { type: 'text/html; charset=utf-8', body: readFileSync(join(import.meta.dirname, 'editor-page', 'index.html')) },
    '/editor-page.js': { type: 'text/javascript; charset=utf-8', body: await editorPage() },
    '/draft.json': { type: 'application/json', body: JSON.stringify({ text: draft.text, anchors: draft.anchors }) },
  });
  const browser = await launchChromium();
  try {
    // Inside a reviewed passage in the middle of the draft, after a word: the author revising what was asked about.
    const anchor = draft.anchors[ANCHORS / 2]!;
    const at = draft.text.indexOf(' ', anchor.from + Math.floor((anchor.to - anchor.from) / 2)) + 1;
    const samples: Record<Editor, number[]> = { bare: [], wrapped: [], ami: [] };
    for (const editor of ORDER) samples[editor].push(...(await typeInto(browser, server.url, editor, at)));
    const bare = stats(samples.bare);
    const wrapped = stats(samples.wrapped);
    const ami = stats(samples.ami);
    const row = (s: Stats) => `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}`;
    report(`Editor keystroke → next paint — ${draft.words.toLocaleString('en')}-word Markdown draft, ${ANCHORS.toLocaleString('en')} anchors, headless Chromium, ${KEYSTROKES} keys each`, [
      ['baseline: bare CodeMirror 6 (same doc, Markdown only)', row(bare)],
      ['bare CodeMirror 6 + line wrapping', row(wrapped)],
      ['DraftEditor (anchors, decorations, wrapping, listener)', `${row(ami)}  = ${ratio(ami.p50, bare.p50)} baseline (p95 ${ratio(ami.p95, bare.p95)}, p99 ${ratio(ami.p99, bare.p99)})`],
      ['DraftEditor against bare + line wrapping', `p50 ${ratio(ami.p50, wrapped.p50)}  p95 ${ratio(ami.p95, wrapped.p95)}  p99 ${ratio(ami.p99, wrapped.p99)}`],
    ]);
  } finally {
    await browser.close();
    await server.close();
  }
}
