// The reply renderer on the hostile corpus, rendered to static HTML as in Electron (window.ami present, so https:
// links may be clickable) and as in browser mode. Only https: links become anchors; nothing that runs or fetches
// comes out; Markdown that would freeze the parser is shown as plain text.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { parse } from 'parse5';
import { hostilePayloads } from '../../corpus/hostile.js';
import { markdownTooComplex } from '../../../shared/markdown-limits.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}
function* elements(node: Node): Generator<Node> {
  if (node.tagName) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
}

const LEAK = 'http://127.0.0.1:9/leak';

/** The renderer as in Electron (a preload API, so links may open through main) or as in browser mode. */
async function load(electron: boolean) {
  vi.resetModules();
  vi.doMock('../../../renderer/api/ami-api', () => ({ ami: {}, isElectron: () => electron }));
  return (await import('../../../renderer/features/citations/ReplyMarkdown')).ReplyMarkdown;
}

afterAll(() => vi.doUnmock('../../../renderer/api/ami-api'));

describe('ReplyMarkdown in Electron', () => {
  it('turns only https: links into anchors, and nothing into script, image, frame or handler', async () => {
    const ReplyMarkdown = await load(true);
    for (const payload of hostilePayloads(LEAK)) {
      const html = renderToStaticMarkup(<ReplyMarkdown text={payload.text} />);
      const body = parse(`<!DOCTYPE html><body>${html}</body>`) as unknown as Node;
      for (const el of elements(body)) {
        expect(['script', 'img', 'iframe', 'object', 'embed', 'svg', 'form', 'link', 'style', 'meta', 'details'], payload.name).not.toContain(el.tagName);
        for (const a of el.attrs ?? []) {
          expect(a.name, payload.name).not.toMatch(/^on/i);
          if (a.name === 'href' || a.name === 'src') {
            expect(el.tagName, payload.name).toBe('a');
            expect(a.value, payload.name).toMatch(/^https:\/\//);
          }
        }
      }
    }
    const link = renderToStaticMarkup(<ReplyMarkdown text="[a safe page](https://example.com/page)" />);
    expect(link).toContain('<a href="https://example.com/page"');
  });
});

describe('ReplyMarkdown in browser mode', () => {
  it('shows every link as text with its URL, and images as their alt text and URL', async () => {
    const ReplyMarkdown = await load(false);
    const html = renderToStaticMarkup(<ReplyMarkdown text={`[page](https://example.com/p) ![secret](${LEAK}/img?d=1)`} />);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('<img');
    expect(html).toContain('(https://example.com/p)');
    expect(html).toContain(`[image: secret] (${LEAK}/img?d=1)`);
  });

  it('shows Markdown that would freeze the parser as plain text, saying why', async () => {
    const ReplyMarkdown = await load(false);
    for (const name of ['deep blockquote nesting', 'deep list nesting', 'emphasis storm', 'many open brackets']) {
      const payload = hostilePayloads(LEAK).find((p) => p.name === name)!;
      const html = renderToStaticMarkup(<ReplyMarkdown text={payload.text} />);
      expect(html, name).toContain('This reply is shown as plain text because');
      expect(html, name).toContain('<pre class="reply-plain">');
    }
  });
});

describe('markdownTooComplex', () => {
  it('lets ordinary long replies through and stops pathological ones', () => {
    const ordinary = 'Some **bold** and _it_ text with [a link](https://x.y) and `code`.\n\n- item\n  - sub\n    - subsub\n\n> quoted\n>> twice\n\n'.repeat(150);
    expect(markdownTooComplex(ordinary)).toBeNull();
    expect(markdownTooComplex('x'.repeat(100_001))).toBe('too_long');
    expect(markdownTooComplex(`${'>'.repeat(33)} q`)).toBe('too_deep');
    expect(markdownTooComplex(`${' '.repeat(65)}- deep`)).toBe('too_deep');
    expect(markdownTooComplex('*a_'.repeat(1001))).toBe('too_much_formatting');
    expect(markdownTooComplex('[a'.repeat(2001))).toBe('too_much_formatting');
  });
});
